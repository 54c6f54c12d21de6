/**
 * Start with years of data (issue 14), browser mode: from starting the server process to the
 * home screen showing the councils read from IndexedDB (the same end point as
 * start.interactive_ms), in two browser profiles prepared first:
 * - small: the sample council only;
 * - big: the sample council plus the generated installation (bench/fixture/generate.ts:
 *   20 councils, 200 meetings, 100,000 remarks, 20,000 opinions).
 * Starts alternate small / big (3 each, medians), so both see the same load on the machine.
 * start.interactive_big_ms: the big profile's median; start.interactive_big_ratio: big ÷ small
 * of this run (the start.interactive_big_ms ÷ start.interactive_ms, target ≤ 1.2).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchModule, Figure } from './harness';
import { launchPersistent, startBrowserServer } from './browser';
import { seedInstallation } from './fixture/browser-seed';

const RUNS = 3;
const RATIO_TARGET = 1.2;

async function prepare(dataDir: string, profile: string, big: boolean): Promise<number> {
  const first = await startBrowserServer(dataDir);
  const port = Number(new URL(first.url).port);
  const ctx = await launchPersistent(profile);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(first.url);
  await page.getByRole('button', { name: 'サンプルを読み込む' }).first().click();
  await page.getByRole('heading', { level: 1, name: '飯塚市行政経営戦略推進審議会' }).waitFor();
  if (big) await seedInstallation(page);
  await ctx.close();
  first.process.kill();
  await new Promise((r) => first.process.once('exit', r));
  return port;
}

async function startOnce(dataDir: string, profile: string, port: number): Promise<number> {
  const t0 = performance.now();
  const server = await startBrowserServer(dataDir, port);
  const ctx = await launchPersistent(profile);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(server.url);
  await page.getByRole('heading', { name: '担当している審議会' }).waitFor({ timeout: 120_000 });
  await page.getByText('飯塚市行政経営戦略推進審議会').first().waitFor({ timeout: 120_000 });
  const ms = performance.now() - t0;
  await ctx.close();
  server.process.kill();
  await new Promise((r) => server.process.once('exit', r));
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: BenchModule = {
  title: '起動から操作可能まで（大規模データあり／なし）',
  async run() {
    const root = mkdtempSync(path.join(os.tmpdir(), 'shingikai-bench-start-big-'));
    try {
      const small = { data: path.join(root, 'small-data'), profile: path.join(root, 'small-profile'), port: 0 };
      const big = { data: path.join(root, 'big-data'), profile: path.join(root, 'big-profile'), port: 0 };
      small.port = await prepare(small.data, small.profile, false);
      big.port = await prepare(big.data, big.profile, true);
      const s: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        s.push(await startOnce(small.data, small.profile, small.port));
        b.push(await startOnce(big.data, big.profile, big.port));
      }
      const ratio = median(b) / median(s);
      const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' / ');
      return [
        {
          key: 'start.interactive_big_ms',
          value: median(b),
          unit: 'ms',
          compare: `大規模データ（21審議会・記録10万件・意見2万件）、${RUNS}回の中央値（${list(b)} ms）`,
        },
        {
          key: 'start.interactive_big_ratio',
          value: ratio,
          unit: 'x',
          compare: `目標 ≤ ${RATIO_TARGET}（同じ実行でのサンプルのみ ${median(s).toFixed(0)} ms：${list(s)} ms）`,
        },
      ] satisfies Figure[];
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
export default bench;
