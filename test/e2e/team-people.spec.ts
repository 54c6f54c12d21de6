/**
 * People in team use, end to end (issue 20): a CouchDB-compatible server with users and rights
 * (express-pouchdb in its full mode: _users, _session, _security, validate_doc_update), the
 * council set up as `team setup` does, and one PC whose 「チームで使う」 signs in as
 *
 * - a reader (閲覧のみ): the roster, the meetings, the live screen, the opinions board and the
 *   draft editor offer no change and say why; so do the council's 設定, the action plans (アクション
 *   一覧・進捗管理), the 会議開催計画, the 現状と課題 matrix and the opinions' trace — their exports
 *   still work, and a forced click or key writes no record;
 * - an editor without the 確認者 role, with 「確認者だけが確定できるようにする」: 確定する is
 *   disabled with the reason; a 確認者 approves, and the history and `updatedBy` name the user.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { CouchServer } from '../unit/couch-server';
import { councilDbName, councilRoles, REVIEWER_ROLE } from '../../shared/contract/team';
import { ensureUser, setupCouncils } from '../../electron/services/team/setup';
import { expect, loadSample, readStore, screenshot, startServer, test } from './fixtures';

type Started = Awaited<ReturnType<typeof startServer>>;

const ADMIN = { username: 'admin', password: 'kanri-pass' };
const PASSWORD = 'pass-1234';
let couch: CouchServer;
let couchDir: string;
let pc: Started;
/** One PC (one browser profile) through both tests: the second goes on from the first's council. */
let page: Page;
let councilId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  couchDir = mkdtempSync(path.join(os.tmpdir(), 'team-people-couch-'));
  couch = new CouchServer(couchDir, 'full');
  await couch.start();
  // Leave the "admin party": from here on the server knows its users and their roles.
  await fetch(`${couch.url}/_config/admins/${ADMIN.username}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
  pc = await startServer();
  page = await openPc(browser);
});

test.afterAll(async () => {
  pc.process.kill();
  rmSync(pc.root, { recursive: true, force: true });
  await couch.kill();
  rmSync(couchDir, { recursive: true, force: true });
});

async function go(page: Page, hash: string) {
  await page.goto(page.url().replace(/#.*$/, '') + hash);
}

async function openPc(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(pc.url);
  await expect(page.getByRole('main')).toBeVisible();
  return page;
}

/** The sample council on the PC, set up on the server (as `team setup` does) with three users. */
async function sampleOnServer(page: Page) {
  await loadSample(page);
  const [council] = await readStore<{ id: string }>(page, 'councils');
  await setupCouncils(couch.url, ADMIN, { councils: [council!] });
  const roles = councilRoles(councilDbName(council!.id));
  await ensureUser(couch.url, ADMIN, { name: 'suzuki', password: PASSWORD, roles: [roles.reader] });
  await ensureUser(couch.url, ADMIN, { name: 'yamada', password: PASSWORD, roles: [roles.editor] });
  await ensureUser(couch.url, ADMIN, { name: 'tanaka', password: PASSWORD, roles: [roles.editor, REVIEWER_ROLE] });
  return council!.id;
}

/** 「チームで使う」: the server, the user, the council, and the 確認者 setting. */
async function signIn(page: Page, username: string, reviewerRequired = false) {
  await go(page, '#/settings');
  const team = page.locator('section', { has: page.getByRole('heading', { name: 'チームで使う' }) });
  await team.getByLabel('サーバーのURL').fill(couch.url);
  await team.getByLabel('ユーザー名').fill(username);
  await team.getByLabel('パスワード').fill(PASSWORD);
  const council = team.getByRole('checkbox', { name: '飯塚市行政経営戦略推進審議会' });
  if (!(await council.isChecked())) await council.check();
  await team.getByRole('checkbox', { name: '確認者だけが確定できるようにする' }).setChecked(reviewerRequired);
  await team.getByRole('button', { name: 'チームの設定を保存' }).click();
  await expect(page.locator('.fui-ToastTitle', { hasText: 'チームの設定を保存しました' }).last()).toBeVisible();
}

const status = (page: Page) => page.getByRole('status', { name: /^チームの同期/ });
const readOnlyNote = (page: Page, what: string) =>
  page.getByRole('note', { name: '閲覧のみ' }).filter({
    hasText: `閲覧のみの権限のため、この審議会の${what}は変更できません（サーバーが変更を受け付けません）。`,
  });

test('a read-only member (閲覧のみ) is offered no change on the roster, meetings, live, opinions and drafts', async () => {
  test.setTimeout(180_000);
  councilId = await sampleOnServer(page);
  const [meeting] = await readStore<{ id: string }>(page, 'meetings', { number: 2 });
  const [draft] = await readStore<{ id: string }>(page, 'drafts');
  const remarksBefore = (await readStore(page, 'remarks')).length;

  await signIn(page, 'suzuki');
  await expect(status(page)).toContainText('閲覧のみ', { timeout: 60_000 });

  // The roster: no 追加, no 取り込み; the rows' buttons are disabled.
  await go(page, `#/councils/${councilId}/members`);
  await expect(readOnlyNote(page, '委員名簿・事務局名簿')).toBeVisible();
  await expect(page.getByRole('button', { name: '委員を追加' })).toHaveCount(0);
  const editButtons = page.getByRole('button', { name: /を編集$/ });
  await expect(editButtons.first()).toBeDisabled();
  await screenshot(page, 'team-readonly-members');

  // The live screen: no entry line; the reason instead.
  await go(page, `#/meetings/${meeting!.id}/live`);
  await expect(readOnlyNote(page, '発言の記録')).toBeVisible();
  await expect(page.getByLabel('発言の入力')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '意見として取り込む' })).toHaveCount(0);
  // Keys that edit a selected remark do nothing (Delete would remove it).
  const list = page.getByRole('listbox', { name: '記録の一覧' });
  await list.focus();
  await list.press('ArrowUp');
  await list.press('Delete');
  await list.press('Enter');
  await expect(page.getByLabel('記録を編集')).toHaveCount(0);
  expect((await readStore(page, 'remarks')).length).toBe(remarksBefore);
  await screenshot(page, 'team-readonly-live');

  // The meeting: no 削除, the sections' controls disabled.
  await go(page, `#/councils/${councilId}/meetings/${meeting!.id}`);
  await expect(readOnlyNote(page, '会議（概要・出欠・次第・資料）')).toBeVisible();
  // The meeting's own 削除 is gone; the agenda's and materials' are disabled.
  const removes = page.getByRole('button', { name: '削除', exact: true });
  await expect(removes.first()).toBeDisabled();
  for (const b of await removes.all()) await expect(b).toBeDisabled();
  await expect(page.getByRole('button', { name: '次第を出力' })).toBeEnabled();
  await go(page, `#/councils/${councilId}/meetings`);
  await expect(readOnlyNote(page, '会議')).toBeVisible();
  await expect(page.getByRole('button', { name: '新しい会議' })).toHaveCount(0);

  // The opinions board: nothing to add, import or merge; the export stays.
  await go(page, `#/councils/${councilId}/opinions`);
  await expect(readOnlyNote(page, '意見')).toBeVisible();
  await expect(page.getByRole('button', { name: '意見を追加' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Excel から取り込む' })).toHaveCount(0);
  await screenshot(page, 'team-readonly-opinions');

  // The draft editor: its fields are disabled, no version can be frozen.
  await go(page, `#/councils/${councilId}/vision/${draft!.id}`);
  await expect(readOnlyNote(page, '原稿')).toBeVisible();
  await expect(page.getByRole('button', { name: '項目を末尾に追加' })).toHaveCount(0);
  await expect(page.getByLabel('見出し', { exact: true })).toBeDisabled();
  await screenshot(page, 'team-readonly-draft');
});

test('with 「確認者だけが確定できるようにする」 only a 確認者 approves the minutes; the history names the user', async () => {
  test.setTimeout(180_000);
  const [meeting] = await readStore<{ id: string }>(page, 'meetings', { number: 2 });
  await go(page, '#/settings');
  await page.getByLabel('作業者名').fill('山田');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('.fui-ToastTitle', { hasText: '作業者名を保存しました' })).toBeVisible();

  // An editor without the role: the minutes go to 確認中, and 確定する waits for a 確認者.
  await signIn(page, 'yamada', true);
  await expect(status(page)).not.toContainText('閲覧のみ', { timeout: 60_000 });
  await go(page, `#/meetings/${meeting!.id}/minutes`);
  await page.getByRole('button', { name: '確定を解除する' }).click();
  const dialog = page.getByRole('dialog', { name: '確定を解除する' });
  await dialog.getByLabel('確定を解除する理由').fill('誤字の訂正のため');
  await dialog.getByRole('button', { name: '確定を解除する' }).click();
  await page.getByRole('button', { name: '確認依頼へ進める' }).click();
  await expect(page.getByLabel('会議録の状態')).toContainText('確認中');
  const approve = page.getByRole('button', { name: '確定する' });
  await expect(approve).toHaveAttribute('aria-disabled', 'true', { timeout: 30_000 });
  await expect(
    page.getByRole('note').filter({ hasText: '確定できるのは確認者（役割 shingikai-reviewer）だけです' }),
  ).toBeVisible();
  await approve.click({ force: true });
  await expect(page.getByLabel('会議録の状態')).toContainText('確認中');
  await screenshot(page, 'team-reviewer-required');

  // A 確認者 approves; the step and the record's writer name the CouchDB user beside the 作業者名.
  await signIn(page, 'tanaka', true);
  await go(page, `#/meetings/${meeting!.id}/minutes`);
  await expect(approve).toBeEnabled({ timeout: 60_000 });
  await expect(approve).not.toHaveAttribute('aria-disabled', 'true');
  await approve.click();
  await expect(page.getByLabel('会議録の状態')).toContainText('確定');
  const [minutes] = await readStore<{ history: { who: string; action: string }[] }>(page, 'minutes', {
    meetingId: meeting!.id,
  });
  expect(minutes!.history.at(-1)).toMatchObject({ who: '山田（tanaka）', action: '確定する（確認中→確定）' });
  const [revision] = await readStore<{ updatedBy: string }>(page, 'revisions', { table: 'minutes', id: meeting!.id });
  expect(revision!.updatedBy).toBe('山田（tanaka）');
});

test('a reader sees the council settings, action plans, 会議開催計画, matrix and trace read-only; forced clicks write nothing', async () => {
  test.setTimeout(240_000);
  // An editor (tanaka, still signed in) plans a meeting, so that the reader has a row to try.
  await go(page, `#/councils/${councilId}/meetings/plan`);
  await page.getByRole('button', { name: '予定を追加' }).click();
  await expect.poll(async () => (await readStore(page, 'planEntries', { councilId })).length).toBe(1);
  const [draft] = await readStore<{ id: string }>(page, 'drafts');
  const stored = async () => ({
    councils: await readStore(page, 'councils', { id: councilId }),
    actions: await readStore(page, 'actions'),
    progress: await readStore(page, 'progress'),
    planEntries: await readStore(page, 'planEntries'),
    matrixItems: await readStore(page, 'matrixItems'),
    opinions: await readStore(page, 'opinions'),
  });

  await signIn(page, 'suzuki');
  await expect(status(page)).toContainText('閲覧のみ', { timeout: 60_000 });
  const before = await stored();
  expect(before.actions.length).toBeGreaterThan(0);

  // 設定: every field disabled, no undo; the Word starters and the style file still download.
  await go(page, `#/councils/${councilId}/settings`);
  await expect(readOnlyNote(page, '設定')).toBeVisible();
  await expect(page.getByLabel('審議会の名称')).toBeDisabled();
  const archive = page.getByRole('switch', { name: /アーカイブできます/ });
  await expect(archive).toBeDisabled();
  await archive.click({ force: true });
  await expect(page.getByRole('button', { name: /のテンプレートをアップロード$/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /のひな形をダウンロード$/ }).first()).toBeEnabled();
  await expect(page.getByRole('button', { name: '様式を保存' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '様式ファイルを書き出す' })).toBeEnabled();
  await expect(page.getByRole('button', { name: '元に戻す' })).toHaveCount(0);
  await screenshot(page, 'team-readonly-settings');

  // アクションプラン: the index opens the plan but starts none.
  await go(page, `#/councils/${councilId}/actions`);
  await expect(readOnlyNote(page, 'アクションプラン')).toBeVisible();
  await expect(page.getByRole('button', { name: 'アクションプランを作成' })).toHaveCount(0);
  await page.getByRole('button', { name: '開く' }).first().click();
  await expect(readOnlyNote(page, 'アクションプラン（アクション・進捗）')).toBeVisible();
  await expect(page.getByLabel('アクションプランの名前')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'アクションを追加' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'アクションシート（Excel）' })).toBeEnabled();
  await screenshot(page, 'team-readonly-actions');
  // The keys that edit, move, add or delete an action do nothing; ↓ still moves the focus.
  const rows = page.getByRole('list', { name: /のアクション$/ }).getByRole('listitem');
  const first = rows.first();
  await first.focus();
  for (const key of ['Delete', 'Enter', 'Control+Enter', 'Alt+ArrowDown']) await first.press(key);
  await first.dblclick();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await first.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();

  // 進捗管理: read and exported, nothing recorded.
  await page.getByRole('tab', { name: '進捗管理' }).click();
  await expect(page.getByRole('button', { name: '進捗管理表（Excel）' })).toBeEnabled();
  await expect(page.getByRole('button', { name: '記録', exact: true })).toHaveCount(0);
  const row = page.locator('tr[tabindex="0"]').first();
  await row.focus();
  await row.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await screenshot(page, 'team-readonly-progress');

  // 会議開催計画: no add, import or delete; the row's fields are disabled; the Excel export stays.
  await go(page, `#/councils/${councilId}/meetings/plan`);
  await expect(readOnlyNote(page, '会議開催計画')).toBeVisible();
  await expect(page.getByRole('button', { name: '予定を追加' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '登録済みの会議から取り込む' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Excelに出力' })).toBeEnabled();
  const month = page.getByRole('combobox', { name: '月' });
  await expect(month).toBeDisabled();
  await month.click({ force: true });
  await expect(page.getByRole('option', { name: '5月' })).toHaveCount(0);
  await expect(page.getByLabel('検討テーマ')).toBeDisabled();
  await expect(page.getByRole('button', { name: '削除' })).toHaveCount(0);
  await screenshot(page, 'team-readonly-plan');

  // 各分野の現状と課題: no column settings, no item to add or edit.
  await go(page, `#/councils/${councilId}/opinions/matrix`);
  await expect(readOnlyNote(page, '各分野の現状と課題')).toBeVisible();
  await expect(page.getByRole('button', { name: '列の設定' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '項目を追加' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /」を削除$/ })).toHaveCount(0);

  // 意見の反映箇所 of the draft: the placements are shown, not changed.
  await go(page, `#/councils/${councilId}/vision/${draft!.id}/opinions`);
  await expect(readOnlyNote(page, '意見の反映箇所')).toBeVisible();
  await expect(page.getByRole('combobox', { name: /^反映箇所：/ }).first()).toBeDisabled();

  // Nothing of all this was written.
  expect(await stored()).toEqual(before);
  await expect(status(page)).not.toContainText('送れない変更');
});
