/**
 * sync.lost_records (issue 20): the randomized team-sync run of test/unit/sync-random.test.ts —
 * 3 PCs (Node clients through the app's data layer), BENCH_SYNC_OPS random operations (default
 * 5,100) over every table with server kills and offline spells, then every PC and the server
 * compared — and the number of acknowledged writes that are neither kept, nor seen by a later
 * write, nor a listed conflict version. Target 0. The run is the test itself, in a child vitest
 * (the same code CI's `npm run test:sync` runs with 500 operations); it writes its figures to a
 * file before its assertions, so a run that loses writes still reports how many.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchModule, Figure } from './harness';

const OPS = Number(process.env.BENCH_SYNC_OPS) || 5_100;

interface RunFigures {
  seed: number | string;
  operations: number;
  serverKills: number;
  offlineSpells: number;
  conflictsResolved: number;
  records: number;
  lost: number;
  unhandledRejections: number;
  opsMs: number;
  convergeMs: number;
}

const bench: BenchModule = {
  title: 'チーム同期の無作為試験（3 台・サーバー停止あり、失われた書き込みの数）',
  async run() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shingikai-bench-sync-random-'));
    const file = path.join(dir, 'figures.json');
    try {
      const started = performance.now();
      const child = spawnSync('npx', ['vitest', 'run', 'test/unit/sync-random.test.ts'], {
        cwd: path.join(import.meta.dirname, '..'),
        env: { ...process.env, SYNC_OPS: String(OPS), SYNC_FIGURES_FILE: file },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const wallMs = performance.now() - started;
      let f: RunFigures;
      try {
        f = JSON.parse(readFileSync(file, 'utf8')) as RunFigures;
      } catch {
        throw new Error(
          `無作為試験が最後まで走りませんでした（終了コード ${child.status}）\n${child.stdout.slice(-4000)}`,
        );
      }
      return [
        {
          key: 'sync.lost_records',
          value: f.lost,
          unit: '件',
          compare:
            `目標 0（${f.operations} 操作・3 台・サーバー停止 ${f.serverKills} 回・オフライン ${f.offlineSpells} 回・` +
            `解決した競合 ${f.conflictsResolved} 件・最後の記録 ${f.records} 件・未処理の reject ${f.unhandledRejections} 件、` +
            `seed ${f.seed}；操作 ${(f.opsMs / 1000).toFixed(0)} s・収束 ${(f.convergeMs / 1000).toFixed(0)} s・全体 ${(wallMs / 1000).toFixed(0)} s；` +
            `試験の判定 ${child.status === 0 ? '合格' : '不合格'}）`,
        },
      ] satisfies Figure[];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
