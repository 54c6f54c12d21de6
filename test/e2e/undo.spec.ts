/**
 * The forms undo like the live list: after a change of the 委員名簿, the 次第 or the settings,
 * the notice offers 「元に戻す」 and Ctrl+Z does the same (outside text fields); the stored
 * records are the ones from before — a deleted member comes back with the same id.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, loadSample, screenshot, readStore } from './fixtures';

interface StoredMember {
  id: string;
  name: string;
  councilId: string;
}
interface StoredMeeting {
  id: string;
  councilId: string;
  number: number;
  agenda: { id: string; title: string; kind: string }[];
}
interface StoredCouncil {
  id: string;
  quorum: { kind: string };
}
const go = (page: Page, route: string) => page.goto(page.url().replace(/#.*$/, '') + `#${route}`);
const undoBar = (page: Page) =>
  page.getByRole('status').filter({ has: page.getByRole('button', { name: /元に戻す/ }) });

test('a member edit, a member delete, an agenda delete and a setting are undone', async ({ app: page }) => {
  await loadSample(page);
  const councilId = (await readStore<StoredCouncil>(page, 'councils'))[0]!.id;
  const before = (await readStore<StoredMember>(page, 'members', { name: '井澤' }))[0]!;

  // ---- 委員の編集 → 元に戻す (the button of the notice)
  await go(page, `/councils/${councilId}/members`);
  const roster = page.getByRole('table', { name: '委員名簿' });
  await roster.getByRole('button', { name: '井澤を編集' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('氏名').fill('井沢 誤記');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(roster).toContainText('井沢 誤記');
  await expect(undoBar(page)).toContainText('委員「井沢 誤記」を更新しました');
  await screenshot(page, 'undo-01-member-edited');
  // The notice passes axe (serious and critical findings) where it stands.
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include('[role="status"]')
    .exclude('[data-tabster-dummy]')
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await undoBar(page).getByRole('button', { name: '元に戻す（Ctrl+Z）' }).click();
  await expect(roster.getByRole('row', { name: '井澤会長' })).toBeVisible();
  await expect(roster).not.toContainText('井沢 誤記');
  await expect
    .poll(async () => (await readStore<StoredMember>(page, 'members', { id: before.id }))[0]?.name)
    .toBe('井澤');
  // The undo went through the write path: the change log has the member's update back.
  const log = await readStore<{ table: string; id: string; op: string }>(page, 'changes', { id: before.id });
  expect(log.filter((c) => c.op === 'update')).toHaveLength(2);

  // ---- 新しい委員を追加して削除 → Ctrl+Z: the same record (same id) is back
  await page.getByRole('button', { name: '委員を追加' }).click();
  await page.getByRole('dialog').getByLabel('氏名').fill('試験 太郎');
  await page.getByRole('dialog').getByRole('button', { name: '保存', exact: true }).click();
  await expect(roster).toContainText('試験 太郎');
  const added = (await readStore<StoredMember>(page, 'members', { name: '試験 太郎' }))[0]!;
  await roster.getByRole('button', { name: '試験 太郎を削除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '削除' }).click();
  await expect(roster).not.toContainText('試験 太郎');
  await expect(undoBar(page)).toContainText('委員「試験 太郎」を削除しました');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(roster).toContainText('試験 太郎');
  // The notice of the earlier undo may still be showing: look for this one.
  await expect(
    page.locator('.fui-Toast').filter({ hasText: '取り消した操作：委員「試験 太郎」を削除しました' }),
  ).toBeVisible();
  expect(await readStore<StoredMember>(page, 'members', { name: '試験 太郎' })).toEqual([added]);

  // ---- 次第の項目を削除 → Ctrl+Z
  const m2 = (await readStore<StoredMeeting>(page, 'meetings', { number: 2 }))[0]!;
  await go(page, `/councils/${councilId}/meetings/${m2.id}`);
  const agenda = page.getByRole('list', { name: '次第の項目' });
  await expect(agenda.getByRole('listitem')).toHaveCount(6);
  await agenda.getByRole('listitem').nth(5).getByRole('button', { name: '削除' }).click();
  await page.getByRole('dialog', { name: '議題を削除しますか' }).getByRole('button', { name: '削除する' }).click();
  await expect(agenda.getByRole('listitem')).toHaveCount(5);
  await expect(undoBar(page)).toContainText('議題「閉会」を削除しました');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await screenshot(page, 'undo-02-agenda-deleted');
  // In a text field Ctrl+Z belongs to the field: nothing comes back.
  await agenda.getByRole('textbox', { name: '項目名' }).first().focus();
  await page.keyboard.press('Control+z');
  await expect(agenda.getByRole('listitem')).toHaveCount(5);
  await page.getByRole('heading', { name: /第2回 会議/ }).click();
  await page.keyboard.press('Control+z');
  await expect(agenda.getByRole('listitem')).toHaveCount(6);
  await expect(agenda.getByRole('listitem').nth(5)).toContainText('閉会');
  await expect
    .poll(async () => (await readStore<StoredMeeting>(page, 'meetings', { id: m2.id }))[0]!.agenda)
    .toEqual(m2.agenda);

  // ---- 設定: 定足数 → 元に戻す
  await go(page, `/councils/${councilId}/settings`);
  await page.getByRole('radio', { name: '人数で指定' }).click();
  await expect(undoBar(page)).toContainText('定足数を「');
  await expect.poll(async () => (await readStore<StoredCouncil>(page, 'councils'))[0]!.quorum.kind).toBe('count');
  await screenshot(page, 'undo-03-setting-changed');
  await undoBar(page).getByRole('button', { name: '元に戻す（Ctrl+Z）' }).click();
  await expect(page.getByRole('radio', { name: '委員の過半数（既定）' })).toBeChecked();
  await expect.poll(async () => (await readStore<StoredCouncil>(page, 'councils'))[0]!.quorum.kind).toBe('majority');
  await expect(undoBar(page)).toHaveCount(0);
});
