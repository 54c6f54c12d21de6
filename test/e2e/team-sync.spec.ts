/**
 * Team sync end to end (issue 20): a CouchDB-compatible server on loopback (express-pouchdb,
 * the unit tests' launcher), two PCs = two browser-mode servers with their own data folders
 * (each its own origin, so its own IndexedDB) in two browser contexts. A shares the sample
 * council, B receives it; B goes offline (its replication route is blocked), both edit the same
 * minutes paragraph, B comes back: both list the conflict in 競合 and mark the paragraph; one
 * resolves it with a merge, and both show the merged text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { CouchServer } from '../unit/couch-server';
import { councilDbName } from '../../shared/contract/team';
import { expect, loadSample, readStore, screenshot, startServer, test } from './fixtures';

type Started = Awaited<ReturnType<typeof startServer>>;

let couch: CouchServer;
let couchDir: string;
const pcs: Started[] = [];

test.beforeAll(async () => {
  couchDir = mkdtempSync(path.join(os.tmpdir(), 'team-e2e-couch-'));
  couch = new CouchServer(couchDir);
  await couch.start();
  pcs.push(await startServer(), await startServer());
});

test.afterAll(async () => {
  for (const pc of pcs) {
    pc.process.kill();
    rmSync(pc.root, { recursive: true, force: true });
  }
  await couch.kill();
  rmSync(couchDir, { recursive: true, force: true });
});

async function openPc(browser: Browser, pc: Started): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (process.env.TEAM_E2E_DEBUG) {
    page.on('console', (m) => console.log(`[${pc.origin}] ${m.type()}: ${m.text()}`));
    page.on('requestfailed', (r) => console.log(`[${pc.origin}] failed ${r.url()} ${r.failure()?.errorText}`));
    page.on(
      'response',
      (r) =>
        r.url().includes('/team/') &&
        console.log(`${Date.now() % 100000} [${pc.origin}] ${r.status()} ${r.request().method()} ${r.url()}`),
    );
  }
  await page.goto(pc.url);
  await expect(page.getByRole('main')).toBeVisible();
  return page;
}

async function go(page: Page, hash: string) {
  await page.goto(page.url().replace(/#.*$/, '') + hash);
}

/** 「チームで使う」 in the settings: the server, a user and password, and the council. */
async function shareCouncil(page: Page, councilId: string, byId: boolean) {
  await go(page, '#/settings');
  const team = page.locator('section', { has: page.getByRole('heading', { name: 'チームで使う' }) });
  await team.getByLabel('サーバーのURL').fill(couch.url);
  await team.getByLabel('ユーザー名').fill('jimukyoku');
  await team.getByLabel('パスワード').fill('team-pass');
  if (byId) {
    await team.getByLabel('共有する審議会のID').fill(councilId);
    await team.getByRole('button', { name: '追加' }).click();
  } else await team.getByRole('checkbox', { name: '飯塚市行政経営戦略推進審議会' }).check();
  await team.getByRole('button', { name: 'チームの設定を保存' }).click();
  await expect(page.locator('.fui-ToastTitle', { hasText: 'チームの設定を保存しました' })).toBeVisible();
}

const status = (page: Page) => page.getByRole('status', { name: /^チームの同期/ });

test('two PCs share a council, edit one minutes paragraph while one is offline, and resolve the conflict', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const [pcA, pcB] = pcs as [Started, Started];
  const a = await openPc(browser, pcA);
  const b = await openPc(browser, pcB);

  // Solo use: no team status, nothing on the network.
  await expect(status(a)).toHaveCount(0);

  // A: the sample council; its minutes of meeting 2 reopened for editing.
  await loadSample(a);
  const [council] = await readStore<{ id: string }>(a, 'councils');
  const [meeting] = await readStore<{ id: string }>(a, 'meetings', { number: 2 });
  await go(a, `#/meetings/${meeting!.id}/minutes`);
  await a.getByRole('button', { name: '確定を解除する' }).click();
  const dialog = a.getByRole('dialog', { name: '確定を解除する' });
  await dialog.getByLabel('確定を解除する理由').fill('誤字の訂正のため');
  await dialog.getByRole('button', { name: '確定を解除する' }).click();
  await expect(a.getByLabel('会議録の状態')).toContainText('作成中');

  // The council's database on the server (the IT step `team setup` does this on CouchDB).
  expect((await fetch(`${couch.url}/${councilDbName(council!.id)}`, { method: 'PUT' })).status).toBe(201);

  await shareCouncil(a, council!.id, false);
  await expect(status(a)).toContainText('同期済み', { timeout: 60_000 });
  await expect(status(a)).toContainText('最終同期');

  // B: an empty PC joins by the council's ID and receives it.
  await shareCouncil(b, council!.id, true);
  await expect(status(b)).toContainText('同期済み', { timeout: 60_000 });
  await go(b, `#/meetings/${meeting!.id}/minutes`);
  await expect(b.getByRole('heading', { level: 1, name: '第2回 会議録' })).toBeVisible({ timeout: 60_000 });
  await expect(b.getByLabel('会議録の状態')).toContainText('作成中', { timeout: 30_000 });
  // The password never reaches the page: IndexedDB holds no trace of it.
  const stored = await b.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    return names.join(',');
  });
  expect(stored).not.toContain('team-pass');

  // B goes offline: its replication requests fail as on a cut network.
  await b.route('**/team/**', (route) => route.abort('internetdisconnected'));

  const section = '２ 資料の説明';
  const editParagraph = async (page: Page, text: string) => {
    const region = page.getByRole('region', { name: section });
    await region
      .getByRole('button', { name: /^編集：/ })
      .first()
      .click();
    await region.getByLabel(/段落の文章/).fill(text);
    await region.getByLabel(/段落の文章/).press('Control+Enter');
    await expect(region.getByText(text)).toBeVisible();
  };
  await editParagraph(b, '事務局（Ｂ）から資料２について説明した。');
  // B's edit cannot leave: the status says so, and the edit stays on B.
  await expect(status(b)).toContainText('オフライン', { timeout: 60_000 });
  await go(a, `#/meetings/${meeting!.id}/minutes`);
  await editParagraph(a, '事務局（Ａ）から資料１について説明した。');
  await expect(status(a)).toContainText('同期済み', { timeout: 30_000 });

  // B reconnects: the two edits meet on the server as a conflict, listed on both PCs.
  await b.unroute('**/team/**');
  for (const page of [a, b]) await expect(status(page)).toContainText('競合 1件', { timeout: 90_000 });
  // Nothing was overwritten: each PC still shows its own edit, marked 競合.
  const marker = (page: Page) => page.getByRole('region', { name: section }).getByRole('link', { name: /競合あり/ });
  await expect(
    a.getByRole('region', { name: section }).getByText('事務局（Ａ）から資料１について説明した。'),
  ).toBeVisible();
  await expect(marker(a)).toBeVisible();
  await expect(marker(b)).toBeVisible();
  await screenshot(b, 'team-sync-00-paragraph-marked');

  // B opens the list from the marker: both versions side by side, the paragraph's text diffed.
  await marker(b).click();
  const card = b.getByRole('region', { name: /^競合：会議録/ });
  await expect(card).toBeVisible();
  await expect(card.getByRole('columnheader', { name: /この PC の版/ })).toBeVisible();
  await expect(card.getByRole('columnheader', { name: /相手の版/ })).toBeVisible();
  const row = card.getByRole('row', { name: /会議録の段落/ });
  await expect(row.getByRole('cell').nth(0)).toHaveText('事務局（Ｂ）から資料２について説明した。');
  await expect(row.getByRole('cell').nth(1)).toHaveText('事務局（Ａ）から資料１について説明した。');
  await screenshot(b, 'team-sync-01-conflict-list');
  await expect(row.locator('[data-changed="true"]').first()).toBeVisible();

  // An edited merge of both.
  await card.getByRole('button', { name: 'まとめて編集' }).click();
  const merged = '事務局から資料１及び資料２について説明した。';
  await card.getByLabel(/^まとめた文：/).fill(merged);
  await card.getByRole('button', { name: 'まとめた内容で解決' }).click();
  await expect(b.locator('.fui-ToastTitle', { hasText: 'まとめた内容で競合を解決しました' })).toBeVisible();
  await expect(b.getByText('競合はありません')).toBeVisible();

  // Both PCs: no conflict left, the merged text in the minutes.
  for (const page of [a, b]) {
    await expect(status(page)).toContainText('同期済み', { timeout: 90_000 });
    await go(page, `#/meetings/${meeting!.id}/minutes`);
    await expect(page.getByRole('region', { name: section }).getByText(merged)).toBeVisible({ timeout: 30_000 });
    await expect(marker(page)).toHaveCount(0);
    const [minutes] = await readStore<{ edits: Record<string, string> }>(page, 'minutes', { id: meeting!.id });
    expect(Object.values(minutes!.edits)).toContain(merged);
    expect(await readStore(page, 'syncConflicts')).toHaveLength(0);
  }

  // An opinion changed on both PCs (B offline again): its card on the board carries the 競合 marker.
  const board = `#/councils/${council!.id}/opinions`;
  await b.route('**/team/**', (route) => route.abort('internetdisconnected'));
  const setStatus = async (page: Page, value: string) => {
    await go(page, board);
    await page.getByRole('combobox', { name: '意見1の反映状況' }).selectOption(value);
  };
  await setStatus(b, '一部反映');
  await expect(status(b)).toContainText('オフライン', { timeout: 60_000 });
  await setStatus(a, '反映する');
  await expect(status(a)).toContainText('同期済み', { timeout: 30_000 });
  const opinionId = await a.getByRole('article', { name: '意見1', exact: true }).getAttribute('data-opinion-id');
  await b.unroute('**/team/**');
  const opinionCard = (page: Page) => page.locator(`article[data-opinion-id="${opinionId}"]`);
  for (const page of [a, b]) {
    await expect(status(page)).toContainText('競合 1件', { timeout: 90_000 });
    await expect(opinionCard(page).getByRole('link', { name: /競合あり/ })).toBeVisible();
  }
  await screenshot(b, 'team-sync-02-opinion-marked');
  // The marker leads to the 競合 list; B keeps its own version, and both PCs end with it.
  await opinionCard(b)
    .getByRole('link', { name: /競合あり/ })
    .click();
  await b.getByRole('button', { name: 'この PC の版を残す' }).click();
  await expect(b.getByText('競合はありません')).toBeVisible();
  for (const page of [a, b]) {
    await expect(status(page)).toContainText('同期済み', { timeout: 90_000 });
    await expect
      .poll(async () => (await readStore<{ status: string }>(page, 'opinions', { id: opinionId! }))[0]?.status, {
        timeout: 60_000,
      })
      .toBe('一部反映');
  }
  await go(a, board);
  await expect(opinionCard(a).getByRole('link', { name: /競合あり/ })).toHaveCount(0);
});
