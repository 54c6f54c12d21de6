/**
 * opinions.xlsx_100000_ms / opinions.xlsx_100000_peak_mb: the 分野別意見一覧 .xlsx of 100,000
 * opinions through the real channel (`opinions:export:document` via dispatch, real
 * ServiceContext): contract validation, build, streamed atomic write of the file. The peak
 * is the process's VmHWM during that call minus its RSS when the call began (each run its
 * own Node process, bench/opinions-export-child.ts).
 * opinions.openpyxl_100000_ms: the peer, Debian's python3-openpyxl in write-only mode writing
 * the same rows (values, widths, frozen header, filter, print titles, page setup; cells not
 * styled) to a file, same run (bench/openpyxl-peer.py). Install with scripts/bench-peers.sh.
 * (The old keys opinions.xlsx_10000_* timed a build to bytes of 10,000 rows without the
 * file write; they are no longer written.)
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BenchModule, Figure } from './harness';

const run = promisify(execFile);
const N = 100_000;
const LIMIT_MB = 150;
const PYTHON = '/usr/bin/python3';

interface Result {
  ms: number;
  peakRssMb: number;
  baselineRssMb: number;
  aboveMb: number;
  bytes: number;
}

const last = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop()!) as Result;

const bench: BenchModule = {
  title: `意見${N.toLocaleString()}件の Excel 出力（分野別意見一覧、チャネル経由）`,
  async run() {
    const ours = last(
      (
        await run(
          process.execPath,
          ['--expose-gc', '--import', 'tsx', 'bench/opinions-export-child.ts', 'channel', String(N)],
          {
            maxBuffer: 1 << 20,
          },
        )
      ).stdout,
    );
    const figures: Figure[] = [];
    let peer: (Result & { version?: string }) | null = null;
    const hasOpenpyxl =
      existsSync(PYTHON) &&
      (await run(PYTHON, ['-c', 'import openpyxl']).then(
        () => true,
        () => false,
      ));
    if (hasOpenpyxl) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'shingikai-bench-openpyxl-'));
      try {
        const rows = path.join(dir, 'rows.jsonl');
        await run(process.execPath, ['--import', 'tsx', 'bench/opinions-export-child.ts', 'rows', String(N), rows]);
        peer = last((await run(PYTHON, ['bench/openpyxl-peer.py', rows, path.join(dir, 'peer.xlsx')])).stdout);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } else console.log('python3-openpyxl がないため比較を省略します（scripts/bench-peers.sh で入ります）。');
    const mb = (ours.bytes / 1048576).toFixed(1);
    figures.push({
      key: 'opinions.xlsx_100000_ms',
      value: ours.ms,
      unit: 'ms',
      compare: peer
        ? `openpyxl ${peer.ms.toFixed(0)} ms（比 ${(ours.ms / peer.ms).toFixed(2)}x、目標 ≤ 1.00x）／検証＋作成＋書き込み、${mb} MB`
        : `検証＋作成＋書き込み、${mb} MB（比較なし）`,
    });
    figures.push({
      key: 'opinions.xlsx_100000_peak_mb',
      value: ours.aboveMb,
      unit: 'MB',
      compare: `目標 ≤ ${LIMIT_MB} MB（呼び出し中の VmHWM − 開始時 RSS ${ours.baselineRssMb.toFixed(0)} MB）${peer ? `／openpyxl ${peer.aboveMb.toFixed(0)} MB` : ''}`,
    });
    if (peer)
      figures.push({
        key: 'opinions.openpyxl_100000_ms',
        value: peer.ms,
        unit: 'ms',
        compare: `openpyxl ${peer.version} write-only、同じ行（書式なし）をファイルへ、${(peer.bytes / 1048576).toFixed(1)} MB`,
      });
    return figures;
  },
};
export default bench;
