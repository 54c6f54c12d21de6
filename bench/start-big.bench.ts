/**
 * Start with years of data (issue 14), browser mode: from starting the server process to the
 * home screen showing the councils read from IndexedDB (the same end point as
 * start.interactive_ms), in two browser profiles prepared first:
 * - small: the sample council only;
 * - big: the sample council plus the generated installation (bench/fixture/generate.ts:
 *   20 councils, 200 meetings, 100,000 remarks, 20,000 opinions).
 * Starts alternate small / big (3 each, medians), so both see the same load on the machine.
 * start.interactive_big_ms: the big profile's median; start.interactive_big_ratio: big ÷ small
 * of this run (the issue's start.interactive_big_ms ÷ start.interactive_ms, target ≤ 1.2).
 * Each start is also printed in phases: server ready, browser open, page loaded (load event),
 * home heading shown, first council card shown — and, from the page, when the app's code
 * began (`app:start`) and when the home screen first showed its councils (`app:home`).
 *
 * Switches: START_BIG_DIR=<dir> keeps the two prepared profiles there and reuses them on the
 * next run (seeding the big one takes minutes); START_BIG_PROFILE=<dir> writes a CPU profile of
 * the renderer for each big start (Chrome DevTools, .cpuprofile); START_BIG_RUNS=<n>.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchModule, Figure } from './harness';
import { launchPersistent, startBrowserServer } from './browser';
import { seedInstallation } from './fixture/browser-seed';

const RUNS = Number(process.env.START_BIG_RUNS) || 3;
const RATIO_TARGET = 1.2;
const KEEP = process.env.START_BIG_DIR;
const PROFILE = process.env.START_BIG_PROFILE;

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

interface Start {
  ms: number;
  phases: Record<string, number>;
}

async function startOnce(dataDir: string, profile: string, port: number, cpuProfile?: string): Promise<Start> {
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  const mark = (k: string) => (phases[k] = Math.round(performance.now() - t0));
  const server = await startBrowserServer(dataDir, port);
  mark('server');
  const ctx = await launchPersistent(profile);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  mark('browser');
  const cdp = cpuProfile ? await ctx.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  const navStart = performance.now();
  await page.goto(server.url);
  mark('loaded');
  await page.getByRole('heading', { name: '担当している審議会' }).waitFor({ timeout: 120_000 });
  mark('heading');
  await page.getByText('飯塚市行政経営戦略推進審議会').first().waitFor({ timeout: 120_000 });
  const ms = performance.now() - t0;
  mark('council');
  if (cdp) {
    const { profile: p } = await cdp.send('Profiler.stop');
    writeFileSync(cpuProfile!, JSON.stringify(p));
  }
  // The page's own marks (renderer/src/main.tsx, the home screen's first councils), from navigation start.
  const inPage = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
  );
  const offset = Math.round(navStart - t0);
  for (const [k, v] of Object.entries(inPage)) if (k.startsWith('app:')) phases[k] = offset + v;
  await ctx.close();
  server.process.kill();
  await new Promise((r) => server.process.once('exit', r));
  return { ms, phases };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: BenchModule = {
  title: '起動から操作可能まで（大規模データあり／なし）',
  async run() {
    const root = KEEP ?? mkdtempSync(path.join(os.tmpdir(), 'shingikai-bench-start-big-'));
    try {
      const small = { data: path.join(root, 'small-data'), profile: path.join(root, 'small-profile'), port: 0 };
      const big = { data: path.join(root, 'big-data'), profile: path.join(root, 'big-profile'), port: 0 };
      const ports = path.join(root, 'ports.json');
      if (KEEP && existsSync(ports))
        [small.port, big.port] = JSON.parse(readFileSync(ports, 'utf8')) as [number, number];
      else {
        small.port = await prepare(small.data, small.profile, false);
        big.port = await prepare(big.data, big.profile, true);
        if (KEEP) writeFileSync(ports, JSON.stringify([small.port, big.port]));
      }
      if (PROFILE) mkdirSync(PROFILE, { recursive: true });
      const s: Start[] = [];
      const b: Start[] = [];
      for (let i = 0; i < RUNS; i++) {
        s.push(await startOnce(small.data, small.profile, small.port));
        b.push(
          await startOnce(
            big.data,
            big.profile,
            big.port,
            PROFILE ? path.join(PROFILE, `start-big-${i + 1}.cpuprofile`) : undefined,
          ),
        );
      }
      for (const [name, list] of [
        ['small', s],
        ['big', b],
      ] as const)
        for (const r of list)
          console.log(
            `  ${name}: ${Object.entries(r.phases)
              .sort((x, y) => x[1] - y[1])
              .map(([k, v]) => `${k} ${v}`)
              .join(' → ')} ms`,
          );
      const bm = median(b.map((r) => r.ms));
      const sm = median(s.map((r) => r.ms));
      const list = (xs: Start[]) => xs.map((x) => x.ms.toFixed(0)).join(' / ');
      return [
        {
          key: 'start.interactive_big_ms',
          value: bm,
          unit: 'ms',
          compare: `大規模データ（21審議会・記録10万件・意見2万件）、${RUNS}回の中央値（${list(b)} ms）／サーバー起動→ブラウザー起動→ページ読み込み→ホームに最初の審議会が出るまで`,
        },
        {
          key: 'start.interactive_big_ratio',
          value: bm / sm,
          unit: 'x',
          compare: `目標 ≤ ${RATIO_TARGET}（同じ実行でのサンプルのみ ${sm.toFixed(0)} ms：${list(s)} ms）`,
        },
      ] satisfies Figure[];
    } finally {
      if (!KEEP) rmSync(root, { recursive: true, force: true });
    }
  },
};
export default bench;
