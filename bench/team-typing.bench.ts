/**
 * live.keystroke_p95_ratio_sync (issue 20): typing in 記録（ライブ） while team sync applies
 * incoming changes, against the bare <textarea> floor. One browser page (browser mode, its own
 * data folder) shares the sample council with a loopback CouchDB-compatible server
 * (express-pouchdb, the tests' launcher) through 「チームで使う」, as the team e2e does. A Node
 * writer plays the other PC: while the page types, it sends remarks to the server's council
 * database (INCOMING_PER_TICK every TICK_MS, one in ten into the meeting on screen), which the
 * page's mirror pulls and applies to Dexie through the write path.
 *
 * Rounds alternate, so every kind of typing sees the same load on the machine: with sync
 * (the writer running) 20 keys in the entry line then 20 in the bare textarea; the writer
 * stops and the page catches up; then without sync the same two. Latency is keydown → the
 * next frame (its requestAnimationFrame callback), as in live.bench.ts.
 *
 * Key: p95 of the entry line with sync ÷ p95 of the bare textarea without sync (the floor of
 * live.keystroke_p95_ratio). Printed beside it: the entry line with sync ÷ the same entry line
 * without sync (the cost of sync itself), and the textarea with ÷ without sync.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { councilDbName, mirrorDocBody } from '../shared/contract/team';
import { CouchServer } from '../test/unit/couch-server';
import { launchChromium, newBenchPage, startBrowserServer } from './browser';
import { percentile, type BenchModule, type Figure } from './harness';

const ROUNDS = Number(process.env.BENCH_TEAM_TYPING_ROUNDS) || 8;
const KEYS = 20;
const KEY_DELAY_MS = 30;
const TICK_MS = 250;
const INCOMING_PER_TICK = 10;
const TARGET = 1.25;

type Row = { id: string; [k: string]: unknown };

function readStore(page: Page, store: string): Promise<Row[]> {
  return page.evaluate(
    (name) =>
      new Promise<Row[]>((resolve, reject) => {
        const req = indexedDB.open('shingikai-desk');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as Row[]);
          };
        };
      }),
    store,
  );
}

function countRemarks(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('shingikai-desk');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const c = db.transaction('remarks').objectStore('remarks').count();
          c.onsuccess = () => {
            db.close();
            resolve(c.result);
          };
        };
      }),
  );
}

/** keydown → next frame for printable keys, collected in window.__keys. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[] };
    w.__keys = [];
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key.length !== 1) return;
        const t0 = e.timeStamp;
        requestAnimationFrame(() => w.__keys.push(performance.now() - t0));
      },
      true,
    );
    const ta = document.createElement('textarea');
    ta.id = 'bench-floor';
    ta.setAttribute('aria-label', 'bench floor');
    ta.style.cssText = 'position:fixed;right:10px;top:50px;width:300px;height:40px;z-index:99999';
    document.body.appendChild(ta);
  });
}

const bench: BenchModule = {
  title: '記録（ライブ）の入力遅延：チーム同期で変更を受け取りながら',
  async run() {
    const root = mkdtempSync(path.join(os.tmpdir(), 'shingikai-bench-team-typing-'));
    mkdirSync(path.join(root, 'couch'), { recursive: true });
    const couch = new CouchServer(path.join(root, 'couch'));
    await couch.start();
    const server = await startBrowserServer(path.join(root, 'data'));
    const browser = await launchChromium();
    let writer: ReturnType<typeof setInterval> | null = null;
    try {
      const { page } = await newBenchPage(browser);
      await page.goto(server.url);
      await page.getByRole('button', { name: 'サンプルを読み込む' }).first().click();
      await page.getByRole('heading', { level: 1, name: '飯塚市行政経営戦略推進審議会' }).waitFor();
      const [council] = await readStore(page, 'councils');
      const meetings = await readStore(page, 'meetings');
      const shown = meetings.find((m) => m.number === 2)!;
      const other = meetings.find((m) => m.number === 1)!;
      const template = (await readStore(page, 'remarks')).find((r) => r.meetingId === shown.id)!;
      const dbName = councilDbName(council!.id);
      const put = await fetch(`${couch.url}/${dbName}`, { method: 'PUT' });
      if (put.status !== 201) throw new Error(`server database: ${put.status}`);

      // 「チームで使う」 as a user sets it up; the first sync sends the council up.
      await page.goto(server.url.replace(/#.*$/, '') + '#/settings');
      const team = page.locator('section', { has: page.getByRole('heading', { name: 'チームで使う' }) });
      await team.getByLabel('サーバーのURL').fill(couch.url);
      await team.getByLabel('ユーザー名').fill('jimukyoku');
      await team.getByLabel('パスワード').fill('team-pass');
      await team.getByRole('checkbox', { name: '飯塚市行政経営戦略推進審議会' }).check();
      await team.getByRole('button', { name: 'チームの設定を保存' }).click();
      const status = page.getByRole('status', { name: /^チームの同期/ });
      await status.filter({ hasText: '同期済み' }).waitFor({ timeout: 180_000 });

      await page.goto(server.url.replace(/#.*$/, '') + `#/meetings/${shown.id}/live`);
      const entry = page.getByRole('textbox', { name: '発言の入力' });
      await entry.waitFor();
      await page.getByRole('listbox', { name: '記録の一覧' }).getByRole('option').first().waitFor();
      await status.filter({ hasText: '同期済み' }).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1000);
      await installProbe(page);

      // The other PC: remarks straight into the server's council database, as its mirror would send them.
      const remote = couch.remote(dbName);
      let sent = 0;
      const tick = async () => {
        const at = new Date().toISOString();
        const docs = Array.from({ length: INCOMING_PER_TICK }, (_, i) => {
          const n = sent++;
          const record = {
            ...template,
            id: crypto.randomUUID(),
            meetingId: i === 0 ? shown.id : other.id,
            order: 500_000 + n,
            text: `別の端末からの発言 ${n + 1}`,
            createdAt: at,
            updatedAt: at,
          };
          return { _id: `remarks:${record.id}`, ...mirrorDocBody('remarks', council!.id, record, 'PC2', at) };
        });
        await remote.bulkDocs(docs);
      };
      const startWriter = () => {
        writer = setInterval(() => void tick().catch(() => undefined), TICK_MS);
      };
      const stopWriter = () => {
        if (writer) clearInterval(writer);
        writer = null;
      };
      const base = await countRemarks(page);
      const caughtUp = async () => {
        const end = Date.now() + 120_000;
        while ((await countRemarks(page)) < base + sent) {
          if (Date.now() > end) throw new Error('the page did not receive the incoming remarks');
          await page.waitForTimeout(200);
        }
      };

      const take = () => page.evaluate(() => (window as unknown as { __keys: number[] }).__keys.splice(0));
      const type = async (target: 'entry' | 'floor', text: string) => {
        if (target === 'entry') await entry.focus();
        else await page.focus('#bench-floor');
        await page.keyboard.type(text, { delay: KEY_DELAY_MS });
        await page.waitForTimeout(150);
        return take();
      };
      const text = 'kaigi no kiroku wo tottemasu jimukyoku kara setsumei shimasu '.repeat(4).slice(0, KEYS);
      const entrySync: number[] = [];
      const floorSync: number[] = [];
      const entryQuiet: number[] = [];
      const floorQuiet: number[] = [];
      let applying = 0;
      for (let round = -1; round < ROUNDS; round++) {
        const counted = round >= 0; // round -1 warms up
        startWriter();
        await page.waitForTimeout(2 * TICK_MS); // the stream is arriving
        const before = await countRemarks(page);
        const e1 = await type('entry', text);
        const f1 = await type('floor', text);
        applying += (await countRemarks(page)) - before;
        stopWriter();
        await caughtUp();
        await page.waitForTimeout(300);
        const e2 = await type('entry', text);
        const f2 = await type('floor', text);
        if (counted) {
          entrySync.push(...e1);
          floorSync.push(...f1);
          entryQuiet.push(...e2);
          floorQuiet.push(...f2);
        }
      }
      await entry.fill('');
      const p = (v: number[]) => percentile(v, 95);
      const ratio = p(entrySync) / p(floorQuiet);
      const figures: Figure[] = [
        {
          key: 'live.keystroke_p95_ratio_sync',
          value: ratio,
          unit: 'x',
          compare:
            `目標 ≤ ${TARGET}（同期で変更を受け取りながら記録画面に打鍵 p95 ${p(entrySync).toFixed(1)} ms ÷ 同期なしの素の textarea p95 ${p(floorQuiet).toFixed(1)} ms、各${entrySync.length}打鍵）；` +
            `同期あり÷なし：記録画面 ${(p(entrySync) / p(entryQuiet)).toFixed(2)} 倍（なし p95 ${p(entryQuiet).toFixed(1)} ms）、` +
            `素の textarea ${(p(floorSync) / p(floorQuiet)).toFixed(2)} 倍（あり p95 ${p(floorSync).toFixed(1)} ms）；` +
            `受信 ${sent} 件（${TICK_MS} ms ごとに ${INCOMING_PER_TICK} 件、1割は表示中の会議）、打鍵中に反映 ${applying} 件`,
        },
      ];
      await remote.close();
      return figures;
    } finally {
      if (writer) clearInterval(writer);
      await browser.close();
      server.process.kill();
      await couch.kill();
      rmSync(root, { recursive: true, force: true });
    }
  },
};
export default bench;
