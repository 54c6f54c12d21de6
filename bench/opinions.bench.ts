/**
 * opinions.xlsx_10000_ms / opinions.xlsx_10000_peak_mb: building the 分野別意見一覧 .xlsx
 * of 10,000 opinions (the export channel's work in main: validating the records against
 * the contract, then building the bytes with exceljs's streaming writer).
 * Each run is its own Node process, so the peak is that build's own maxRSS; median
 * time and highest peak of 3 runs.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BenchModule } from './harness';

const run = promisify(execFile);
const RUNS = 3;
const LIMIT_MS = 10_000;
const LIMIT_MB = 600;

interface ChildResult {
  ms: number;
  peakRssMb: number;
  baselineRssMb: number;
  heapPeakMb: number;
  bytes: number;
}

const bench: BenchModule = {
  title: '意見10,000件の Excel 出力（分野別意見一覧）',
  async run() {
    const results: ChildResult[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', 'bench/opinions-export-child.ts', '10000', 'list'],
        { maxBuffer: 1 << 20 },
      );
      results.push(JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult);
    }
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const peak = Math.max(...results.map((r) => r.peakRssMb));
    const base = Math.min(...results.map((r) => r.baselineRssMb));
    const heap = Math.max(...results.map((r) => r.heapPeakMb));
    const size = results[0]!.bytes / 1024 / 1024;
    return [
      {
        key: 'opinions.xlsx_10000_ms',
        value: median,
        unit: 'ms',
        compare: `目標 ≤ ${LIMIT_MS} ms（${RUNS}回の中央値、ファイル ${size.toFixed(1)} MB）`,
      },
      {
        key: 'opinions.xlsx_10000_peak_mb',
        value: peak,
        unit: 'MB',
        compare: `目標 ≤ ${LIMIT_MB} MB（プロセスの最大RSS。出力前 ${base.toFixed(0)} MB、ヒープ最大 ${heap.toFixed(0)} MB）`,
      },
    ];
  },
};
export default bench;
