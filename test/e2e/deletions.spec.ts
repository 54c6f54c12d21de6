/**
 * Destructive actions ask first: a field, a staff member, an agenda item, a material and its
 * attached file, an item of 各分野の現状と課題 — a Japanese question naming what goes;
 * キャンセル keeps it, 削除する removes it (checked in the records).
 */
import type { Page } from '@playwright/test';
import { test, expect, loadSample, screenshot, readStore } from './fixtures';

interface StoredMeeting {
  id: string;
  councilId: string;
  number: number;
  agenda: { title: string }[];
  materials: { label: string; title: string }[];
}
const meeting2 = async (page: Page) => (await readStore<StoredMeeting>(page, 'meetings')).find((m) => m.number === 2)!;
const go = (page: Page, route: string) => page.goto(page.url().replace(/#.*$/, '') + `#${route}`);

test('deleting a field, a staff member, an agenda item and a material asks first, naming it', async ({ app: page }) => {
  await loadSample(page);
  const m = await meeting2(page);

  // ---- 分野: an unused field used to go at once.
  await go(page, `/councils/${m.councilId}/settings`);
  await page.getByLabel('追加する分野の名前').fill('観光');
  await page.getByRole('button', { name: '分野を追加' }).click();
  const fields = page.getByRole('list', { name: '分野の一覧' });
  await expect(fields.getByRole('listitem')).toHaveCount(7);
  await fields.getByRole('button', { name: '「観光」を削除' }).click();
  const askField = page.getByRole('dialog', { name: '分野を削除しますか' });
  await expect(askField).toContainText('分野「観光」を削除します。');
  await screenshot(page, 'deletions-01-field');
  await askField.getByRole('button', { name: 'キャンセル' }).click();
  await expect(askField).toBeHidden();
  await expect(fields.getByRole('listitem')).toHaveCount(7);
  await fields.getByRole('button', { name: '「観光」を削除' }).click();
  await askField.getByRole('button', { name: '削除する' }).click();
  await expect(fields.getByRole('listitem')).toHaveCount(6);
  await expect
    .poll(async () => (await readStore<{ fields: { name: string }[] }>(page, 'councils'))[0]!.fields.map((f) => f.name))
    .not.toContain('観光');

  // ---- 事務局職員
  await go(page, `/councils/${m.councilId}/members`);
  const staffTable = page.getByRole('table', { name: '事務局職員' });
  await expect(staffTable).toContainText('伊佐');
  await staffTable.getByRole('button', { name: '伊佐を削除' }).click();
  const askStaff = page.getByRole('dialog', { name: '事務局職員を削除しますか' });
  await expect(askStaff).toContainText('伊佐');
  await askStaff.getByRole('button', { name: 'キャンセル' }).click();
  await expect(staffTable).toContainText('伊佐');
  await staffTable.getByRole('button', { name: '伊佐を削除' }).click();
  await askStaff.getByRole('button', { name: '削除する' }).click();
  await expect(staffTable).not.toContainText('伊佐');
  await expect
    .poll(async () => (await readStore<{ name: string }>(page, 'staff')).map((s) => s.name))
    .not.toContain('伊佐');

  // ---- 次第の項目 and 配布資料 of 第2回
  await go(page, `/councils/${m.councilId}/meetings/${m.id}`);
  const agenda = page.getByRole('list', { name: '次第の項目' });
  await expect(agenda.getByRole('listitem')).toHaveCount(6);
  await agenda.getByRole('listitem').nth(5).getByRole('button', { name: '削除' }).click();
  const askItem = page.getByRole('dialog', { name: '議題を削除しますか' });
  await expect(askItem).toContainText('議題「閉会」を削除します。');
  await expect(askItem).toContainText('記録した発言は残り');
  await screenshot(page, 'deletions-02-agenda-item');
  await askItem.getByRole('button', { name: 'キャンセル' }).click();
  await expect(agenda.getByRole('listitem')).toHaveCount(6);
  await agenda.getByRole('listitem').nth(5).getByRole('button', { name: '削除' }).click();
  await askItem.getByRole('button', { name: '削除する' }).click();
  await expect(agenda.getByRole('listitem')).toHaveCount(5);
  await expect.poll(async () => (await meeting2(page)).agenda.map((a) => a.title)).not.toContain('閉会');

  await page.getByRole('button', { name: '資料１を削除' }).click();
  const askMaterial = page.getByRole('dialog', { name: '資料を削除しますか' });
  await expect(askMaterial).toContainText('資料「資料１ 飯塚市行政経営戦略推進ビジョン骨子案」を削除します。');
  await askMaterial.getByRole('button', { name: 'キャンセル' }).click();
  expect((await meeting2(page)).materials).toHaveLength(2);
  await page.getByRole('button', { name: '資料１を削除' }).click();
  await askMaterial.getByRole('button', { name: '削除する' }).click();
  await expect
    .poll(async () => (await meeting2(page)).materials.map((x) => x.title))
    .toEqual(['各分野の現状と課題及び想定される解決策']);
});
