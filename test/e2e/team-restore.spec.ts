/**
 * A whole restore on a PC that syncs with the team (data/sync/restore.ts, docs/TEAM.md §6):
 * the PC shares the sample council, backs up, renames the council afterwards (the rename
 * reaches the server), then restores the backup. The confirmation says what will happen; after
 * the reload the restored (older) name and the server's newer one are a listed conflict — the
 * server still holds the rename, this PC shows what it restored, nothing else differs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CouchServer } from '../unit/couch-server';
import { councilDbName } from '../../shared/contract/team';
import { expect, loadSample, readStore, screenshot, startServer, test } from './fixtures';

type Started = Awaited<ReturnType<typeof startServer>>;

let couch: CouchServer;
let couchDir: string;
let pc: Started;

test.beforeAll(async () => {
  couchDir = mkdtempSync(path.join(os.tmpdir(), 'team-restore-couch-'));
  couch = new CouchServer(couchDir);
  await couch.start();
  pc = await startServer();
});

test.afterAll(async () => {
  pc?.process.kill();
  if (pc) rmSync(pc.root, { recursive: true, force: true });
  await couch?.kill();
  rmSync(couchDir, { recursive: true, force: true });
});

async function go(page: Page, hash: string) {
  await page.goto(page.url().replace(/#.*$/, '') + hash);
}

const status = (page: Page) => page.getByRole('status', { name: /^チームの同期/ });
const SAMPLE_NAME = '飯塚市行政経営戦略推進審議会';
const RENAMED = '飯塚市行政経営戦略推進審議会（バックアップの後）';

test('restoring an older backup on a syncing PC lists the difference as a conflict; the server keeps the later change', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const page = await (await browser.newContext()).newPage();
  await page.goto(pc.url);
  await expect(page.getByRole('main')).toBeVisible();
  await loadSample(page);
  const [council] = await readStore<{ id: string }>(page, 'councils');
  const dbUrl = `${couch.url}/${councilDbName(council!.id)}`;
  expect((await fetch(dbUrl, { method: 'PUT' })).status).toBe(201);
  await go(page, '#/settings');
  const team = page.locator('section', { has: page.getByRole('heading', { name: 'チームで使う' }) });
  await team.getByLabel('サーバーのURL').fill(couch.url);
  await team.getByLabel('ユーザー名').fill('jimukyoku');
  await team.getByLabel('パスワード').fill('team-pass');
  await team.getByRole('checkbox', { name: SAMPLE_NAME }).check();
  await team.getByRole('button', { name: 'チームの設定を保存' }).click();
  await expect(status(page)).toContainText('同期済み', { timeout: 60_000 });

  // The backup, then a change after it that reaches the server.
  await page.getByRole('button', { name: '今すぐバックアップ' }).click();
  await expect(page.getByText('バックアップを保存しました', { exact: true })).toBeVisible();
  await go(page, `#/councils/${council!.id}/settings`);
  const name = page.getByLabel('審議会の名称');
  await name.fill(RENAMED);
  await name.press('Enter'); // 保存 (the form's submit)
  const serverName = async () =>
    ((await (await fetch(`${dbUrl}/councils:${council!.id}`)).json()) as { record?: { name?: string } }).record?.name;
  await expect.poll(serverName, { timeout: 60_000 }).toBe(RENAMED);

  // The restore: the confirmation says what a restore does on a team PC.
  await go(page, '#/settings');
  const select = page.getByLabel('復元するバックアップ');
  await select.selectOption((await select.locator('option').nth(1).getAttribute('value'))!);
  await page.getByRole('button', { name: 'すべて復元' }).click();
  const note = page.getByRole('note', { name: 'チームで使う PC の復元' });
  await expect(note).toContainText('まだ送っていない変更を同期に渡してから同期を止めます');
  await expect(note).toContainText('「競合」になり');
  await note.scrollIntoViewIfNeeded();
  await screenshot(page, 'team-restore-confirm');
  await page.getByRole('button', { name: '復元を実行' }).click();
  await expect(page.getByRole('status').filter({ hasText: '復元しました' })).toBeVisible({ timeout: 60_000 });

  // After the reload: a fresh comparison. The rename and the restored name are one conflict.
  await expect(status(page)).toContainText('競合 1件', { timeout: 60_000 });
  const conflicts = await readStore<{ table: string; id: string; versions: { record: { name: string } | null }[] }>(
    page,
    'syncConflicts',
  );
  expect(conflicts.map((c) => [c.table, c.id])).toEqual([['councils', council!.id]]);
  expect(conflicts[0]!.versions.map((v) => v.record?.name).sort()).toEqual([SAMPLE_NAME, RENAMED].sort());
  // This PC shows what it restored; the server still has the rename (the winner) and the restored branch.
  const [restored] = await readStore<{ name: string }>(page, 'councils');
  expect(restored!.name).toBe(SAMPLE_NAME);
  expect(await serverName()).toBe(RENAMED);
  // The restored branch reaches the server by replication, which runs on its own time.
  const serverConflicts = async () =>
    (
      (await (await fetch(`${dbUrl}/councils:${council!.id}?conflicts=true`)).json()) as {
        _conflicts?: string[];
      }
    )._conflicts?.length ?? 0;
  await expect.poll(serverConflicts, { timeout: 30_000 }).toBe(1);
});
