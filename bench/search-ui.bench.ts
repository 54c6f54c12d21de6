/**
 * Search in the page (issue 15): `search.keystroke_p95_ms` — typing in the search field
 * (Ctrl+K) with the results updating, from the input event of each character to the frame
 * showing the results for the new text, painted. Browser mode over the large fixture
 * (bench/fixture/generate.ts: 100,000 remarks, 20,000 opinions), written straight into
 * IndexedDB and indexed by the search worker on first use (its time is reported too).
 * SEARCH_UI_FIXTURE=sample runs it over the sample council instead.
 *
 * Characters are entered one at a time (Japanese as text insertion, as an IME commits it),
 * each after the previous one's results are on screen, so every figure is one keystroke's
 * latency, including 1-character prefixes of the words (the largest result sets).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { percentile, type BenchModule, type Figure } from './harness';
import { launchChromium, newBenchPage, startBrowserServer } from './browser';
import { seedInstallation } from './fixture/browser-seed';

const KEYSTROKE_TARGET_MS = 50;
const QUERIES = ['地域福祉の推進', 'ｺﾐｭﾆﾃｨ', 'dx推進', '高橋委員', '子育て 防災', '"公共施設"', '減免', 'ｲﾝｾﾝﾃｨﾌﾞ'];
const ROUNDS = 3;

async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[] };
    w.__lat = [];
    const input = document.querySelector<HTMLInputElement>('[aria-label="検索語"]')!;
    const results = document.getElementById('search-results')!;
    let pending: { t0: number; value: string } | null = null;
    const afterThisFrame = (done: () => void) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => done();
      ch.port2.postMessage(null);
    };
    input.addEventListener('input', (e) => {
      pending = input.value.trim() ? { t0: e.timeStamp, value: input.value } : null;
    });
    new MutationObserver(() => {
      const p = pending;
      if (!p || results.dataset.resultFor !== p.value) return;
      pending = null;
      requestAnimationFrame(() => afterThisFrame(() => w.__lat.push(performance.now() - p.t0)));
    }).observe(results, { attributes: true, attributeFilter: ['data-result-for'] });
  });
}

const bench: BenchModule = {
  title: '検索欄の入力遅延（結果の更新まで）',
  async run() {
    const useSample = process.env.SEARCH_UI_FIXTURE === 'sample';
    const root = mkdtempSync(path.join(os.tmpdir(), 'shingikai-bench-search-ui-'));
    const server = await startBrowserServer(path.join(root, 'data'));
    const browser = await launchChromium();
    try {
      const { page } = await newBenchPage(browser);
      await page.goto(server.url);
      await page.getByRole('button', { name: 'サンプルを読み込む' }).first().waitFor();
      let remarks = 0;
      if (useSample) {
        await page.getByRole('button', { name: 'サンプルを読み込む' }).first().click();
        await page.getByRole('heading', { level: 1, name: '飯塚市行政経営戦略推進審議会' }).waitFor();
      } else {
        remarks = (await seedInstallation(page)).remarks;
        await page.reload();
      }
      await page.getByRole('navigation', { name: 'メインメニュー' }).waitFor();
      const t0 = Date.now();
      await page.keyboard.press('Control+k');
      const input = page.getByRole('combobox', { name: '検索語' });
      await input.fill('審議');
      await page.waitForFunction(
        () =>
          document.getElementById('search-results')?.dataset.resultFor === '審議' &&
          !document.getElementById('search-results')?.textContent?.includes('索引を作成しています'),
        null,
        { timeout: 600_000, polling: 50 },
      );
      const firstBuildMs = Date.now() - t0;
      await input.fill('');
      await installProbe(page);
      const take = () => page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.splice(0));
      const samples: number[] = [];
      for (let round = 0; round <= ROUNDS; round++) {
        for (const q of QUERIES) {
          await input.fill('');
          await input.focus();
          for (const ch of q) {
            const before = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.length);
            await page.keyboard.type(ch);
            await page.waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length > n, before, {
              timeout: 10_000,
              polling: 'raf',
            });
          }
          const lat = await take();
          if (round > 0) samples.push(...lat); // round 0 warms up
        }
      }
      await page.screenshot({ path: path.join(root, 'search-ui.png') });
      const p95 = percentile(samples, 95);
      const what = useSample ? 'サンプル審議会' : `${remarks.toLocaleString('en-US')} 件の発言`;
      const figures: Figure[] = [
        {
          key: 'search.keystroke_p95_ms',
          value: p95,
          unit: 'ms',
          compare: `目標 ≤ ${KEYSTROKE_TARGET_MS} ms（${what}、${samples.length} 打鍵、中央値 ${percentile(samples, 50).toFixed(1)} ms）`,
        },
        {
          key: 'search.ui_first_index_ms',
          value: firstBuildMs,
          unit: 'ms',
          compare: `初回の索引作成から最初の結果まで（ワーカー内、${what}）`,
        },
      ];
      return figures;
    } finally {
      await browser.close();
      server.process.kill();
      rmSync(root, { recursive: true, force: true });
    }
  },
};

export default bench;
