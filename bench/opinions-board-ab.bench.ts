/**
 * The opinions board of bench/opinions-board.bench.ts, two builds side by side in one run, for a
 * comparison a loaded machine does not spoil: BENCH_BOARD_AB=<another worktree, built> (e.g.
 * `git worktree add ../old <commit> && (cd ../old && npm run build)`) is A, this worktree is B.
 * Without it, this module measures nothing.
 *
 * Each build is served by its own browser-mode server on a port of its own (BENCH_BOARD_AB_PORT
 * and the next, default 47301), so each has its own IndexedDB, seeded with the same fixture
 * (20,000 opinions on one board; BENCH_BOARD_QUICK=1 seeds 5,000 remarks instead of 100,000).
 * One page goes from one to the other: the opens (click on 「意見」 → the first card and the count
 * painted, as in the board bench, after a reload) and the typing rounds in the board's search box
 * take turns A, B, B, A… so both builds meet the same load. Beside each wall time, the page's
 * main-thread CPU time (CDP Performance.getMetrics ThreadTime, thread ticks) and its script,
 * layout and style time, which the machine's load disturbs much less. Printed as B ÷ A ratios.
 * BENCH_BOARD_AB_OPENS (default 4) opens per build; BENCH_BOARD_AB_ROUNDS (default 3) typing
 * rounds after a warm-up; BENCH_BOARD_AB_KEEP=<folder> keeps the browser profile (and the seeded
 * databases) for the next run; BENCH_BOARD_PROFILE=<folder> writes CPU profiles of each build's
 * last open and first measured typing round.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { percentile, type BenchModule, type Figure } from './harness';
import { launchPersistent, saveCpuProfile, startBrowserServer, startCpuProfile } from './browser';
import { dropSeedingGarbage, seedInstallation } from './fixture/browser-seed';
import { installFilterProbe, openBoard } from './opinions-board.bench';

const OPINIONS = 20_000;
const COUNCIL = 'c01';
const QUERIES = ['dx推進', '防災', '子育て支援', 'ｺﾐｭﾆﾃｨ', 'ict', '田中'];
const BOARD = '[data-opinions-board]';
const OTHER = process.env.BENCH_BOARD_AB;
const QUICK = process.env.BENCH_BOARD_QUICK === '1';
const OPENS = Number(process.env.BENCH_BOARD_AB_OPENS ?? 4);
const ROUNDS = Number(process.env.BENCH_BOARD_AB_ROUNDS ?? 3);
const KEEP = process.env.BENCH_BOARD_AB_KEEP;
const PROFILE = process.env.BENCH_BOARD_PROFILE;

const PORT = Number(process.env.BENCH_BOARD_AB_PORT ?? 47301);

const median = (xs: number[]) => percentile(xs, 50);

/** Main-thread CPU and its parts (ms), cumulative. */
type Cpu = { thread: number; script: number; layout: number; style: number; layouts: number };
async function cpu(cdp: CDPSession): Promise<Cpu> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = new Map(metrics.map((x) => [x.name, x.value]));
  const s = (k: string) => (m.get(k) ?? 0) * 1000;
  return {
    thread: s('ThreadTime'),
    script: s('ScriptDuration'),
    layout: s('LayoutDuration'),
    style: s('RecalcStyleDuration'),
    layouts: m.get('LayoutCount') ?? 0,
  };
}
const minus = (a: Cpu, b: Cpu): Cpu => ({
  thread: a.thread - b.thread,
  script: a.script - b.script,
  layout: a.layout - b.layout,
  style: a.style - b.style,
  layouts: a.layouts - b.layouts,
});

interface Side {
  name: string;
  url: string;
  page: Page;
  cdp: CDPSession;
  opens: number[];
  openCpu: Cpu[];
  keys: number[];
  keyCpu: Cpu[];
  keyTexts: string[];
}

async function openOnce(side: Side, measured = true, profile?: string): Promise<void> {
  const { page, cdp } = side;
  await page.goto(`${side.url}#/councils/${COUNCIL}`);
  await page.reload();
  await dropSeedingGarbage(page); // a fresh page holds no objects of the page before it
  await page.getByRole('tablist', { name: '審議会の項目' }).getByRole('tab', { name: '意見' }).waitFor();
  await page.waitForTimeout(1500);
  // A navigation to another origin may change the page's process: enabled again each time.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }).catch(() => {});
  const before = await cpu(cdp);
  if (profile) await startCpuProfile(cdp);
  const ms = await openBoard(page, OPINIONS);
  if (profile) await saveCpuProfile(cdp, PROFILE!, profile);
  if (!measured) return;
  side.opens.push(ms);
  side.openCpu.push(minus(await cpu(cdp), before));
}

async function typeRound(side: Side, measured: boolean, profile?: string): Promise<void> {
  const { page, cdp } = side;
  if (profile) await startCpuProfile(cdp);
  const input = page.locator('[role="search"][aria-label="意見の絞り込み"] input').first();
  const count = () => page.evaluate(() => (window as unknown as { __lat: unknown[] }).__lat.length);
  for (const q of QUERIES) {
    await input.fill('');
    await page.waitForFunction((board) => document.querySelector<HTMLElement>(board)?.dataset.filterText === '', BOARD);
    await input.focus();
    let typed = '';
    for (const ch of q) {
      typed += ch;
      const n = await count();
      const before = await cpu(cdp);
      await page.keyboard.type(ch);
      await page.waitForFunction((n) => (window as unknown as { __lat: unknown[] }).__lat.length > n, n, {
        timeout: 30_000,
        polling: 'raf',
      });
      const used = minus(await cpu(cdp), before);
      const [frame] = await page.evaluate(() => (window as unknown as { __lat: [number, number][] }).__lat.at(-1)!);
      if (measured) {
        side.keys.push(frame);
        side.keyCpu.push(used);
        side.keyTexts.push(typed);
      }
    }
  }
  if (profile) await saveCpuProfile(cdp, PROFILE!, profile);
}

const fmt = (x: number) => x.toFixed(0);
function describe(label: string, a: number[], b: number[], p = 50): string {
  const ma = percentile(a, p);
  const mb = percentile(b, p);
  return `${label}: A ${fmt(ma)} / B ${fmt(mb)} ms（B÷A ${(mb / ma).toFixed(2)}）`;
}

const bench: BenchModule = {
  title: '意見ボード A/B（2つのビルドを交互に、同じ実行で）',
  async run() {
    if (!OTHER) {
      console.log('  BENCH_BOARD_AB が未設定のため測定しません（比べるビルドのワークツリーを指定）');
      return [];
    }
    const roots = { A: path.resolve(OTHER), B: process.cwd() };
    // KEEP: a folder that keeps the browser profile (and the seeded IndexedDB of both origins,
    // on fixed ports) from one run to the next, so a later run does not seed again.
    const tmp = KEEP ?? mkdtempSync(path.join(os.tmpdir(), 'shingikai-bench-board-ab-'));
    const servers: ChildProcess[] = [];
    const context = await launchPersistent(path.join(tmp, 'profile'));
    await context.addInitScript('window.__name = (f) => f;');
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const sides: Side[] = [];
      let port = PORT;
      for (const [name, root] of Object.entries(roots)) {
        const server = await startBrowserServer(path.join(tmp, name), port++, root);
        servers.push(server.process);
        await page.goto(server.url);
        // The app has opened its database (an empty one offers the samples, a seeded one lists councils).
        await page.locator('#main-content > *').first().waitFor();
        await page.waitForTimeout(1000);
        const stored = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const req = indexedDB.open('shingikai-desk');
              req.onsuccess = () => {
                const db = req.result;
                const count = db.transaction('opinions').objectStore('opinions').count();
                count.onsuccess = () => (db.close(), resolve(count.result));
              };
            }),
        );
        if (stored < OPINIONS) {
          const t0 = Date.now();
          await seedInstallation(page, {
            opinions: OPINIONS,
            opinionCouncils: 1,
            ...(QUICK ? { remarks: 5_000 } : {}),
          });
          console.log(`  ${name}（${root}）書き込み ${((Date.now() - t0) / 1000).toFixed(0)} s`);
        }
        sides.push({ name, url: server.url, page, cdp, opens: [], openCpu: [], keys: [], keyCpu: [], keyTexts: [] });
      }
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      for (let i = 0; i < OPENS; i++)
        for (const side of i % 2 ? [...sides].reverse() : sides) {
          await openOnce(side, true, PROFILE && i >= OPENS - 2 ? `open-${side.name}` : undefined);
          await page.goto('about:blank');
        }
      // Typing: each round opens the board again, then types every query (round 0 warms up).
      for (let round = 0; round <= ROUNDS; round++)
        for (const side of round % 2 ? [...sides].reverse() : sides) {
          await openOnce(side, false);
          await installFilterProbe(page);
          await typeRound(side, round > 0, PROFILE && round === 1 ? `filter-${side.name}` : undefined);
          await page.goto('about:blank');
        }

      const [A, B] = sides as [Side, Side];
      const col = (xs: Cpu[], k: keyof Cpu) => xs.map((c) => c[k]);
      console.log(`  A = ${roots.A}\n  B = ${roots.B}`);
      console.log(`  開く（壁時計）A ${A.opens.map(fmt).join(' / ')}、B ${B.opens.map(fmt).join(' / ')} ms`);
      for (const k of ['thread', 'script', 'layout', 'style', 'layouts'] as const)
        console.log(`  ${describe(`開く CPU ${k}`, col(A.openCpu, k), col(B.openCpu, k))}`);
      console.log(`  ${describe('打鍵 p95（壁時計）', A.keys, B.keys, 95)}`);
      console.log(`  ${describe('打鍵 中央値（壁時計）', A.keys, B.keys)}`);
      for (const k of ['thread', 'script', 'layout', 'style', 'layouts'] as const) {
        console.log(`  ${describe(`打鍵 CPU ${k} p95`, col(A.keyCpu, k), col(B.keyCpu, k), 95)}`);
        console.log(`  ${describe(`打鍵 CPU ${k} 中央値`, col(A.keyCpu, k), col(B.keyCpu, k))}`);
      }
      // The first character of each query, where the slow keys are.
      const firsts = (s: Side) => s.keyCpu.filter((_, i) => [...s.keyTexts[i]!].length === 1);
      console.log(
        `  ${describe('各語の1文字目 CPU thread 中央値', col(firsts(A), 'thread'), col(firsts(B), 'thread'))}`,
      );
      const ratio = (b: number[], a: number[], p = 50) => percentile(b, p) / percentile(a, p);
      const figures: Figure[] = [
        {
          key: 'opinions.board_ab_open_cpu_ratio',
          value: ratio(col(B.openCpu, 'thread'), col(A.openCpu, 'thread')),
          unit: 'x',
          compare: `B÷A（ボードを開く間のメインスレッド CPU 中央値、${OPENS}回ずつ交互；A=${roots.A}）`,
        },
        {
          key: 'opinions.board_ab_open_ratio',
          value: ratio(B.opens, A.opens),
          unit: 'x',
          compare: `B÷A（開く壁時計の中央値：A ${fmt(median(A.opens))} / B ${fmt(median(B.opens))} ms）`,
        },
        {
          key: 'opinions.board_ab_filter_key_p95_ratio',
          value: ratio(B.keys, A.keys, 95),
          unit: 'x',
          compare: `B÷A（打鍵 p95 壁時計：A ${fmt(percentile(A.keys, 95))} / B ${fmt(percentile(B.keys, 95))} ms）`,
        },
        {
          key: 'opinions.board_ab_filter_key_cpu_p95_ratio',
          value: ratio(col(B.keyCpu, 'thread'), col(A.keyCpu, 'thread'), 95),
          unit: 'x',
          compare: `B÷A（打鍵ごとのメインスレッド CPU p95：A ${fmt(percentile(col(A.keyCpu, 'thread'), 95))} / B ${fmt(percentile(col(B.keyCpu, 'thread'), 95))} ms）`,
        },
      ];
      return figures;
    } finally {
      await context.close();
      for (const s of servers) s.kill();
      if (!KEEP) rmSync(tmp, { recursive: true, force: true });
    }
  },
};

export default bench;
