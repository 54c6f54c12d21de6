/**
 * Export file names lead with the council: its name, or the short name set in 設定 › 基本情報,
 * so two councils' documents never end up as 「… (2).docx」 beside each other.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test, expect, loadSample, readStore } from './fixtures';

test('the 次第 is saved under the council name, then under the short name set in 基本情報', async ({
  app: page,
  server,
}) => {
  await loadSample(page);
  const m = (await readStore<{ id: string; councilId: string }>(page, 'meetings', { number: 2 }))[0]!;
  const meetingPage = page.url().replace(/#.*$/, '') + `#/councils/${m.councilId}/meetings/${m.id}`;
  await page.goto(meetingPage);
  await page.getByRole('button', { name: '次第を出力' }).click();
  const bar = page.getByRole('group', { name: '保存しました' });
  await expect(bar).toContainText('飯塚市行政経営戦略推進審議会_第2回_会議次第.docx');
  expect(existsSync(path.join(server.exportDir, '飯塚市行政経営戦略推進審議会_第2回_会議次第.docx'))).toBe(true);

  await page.goto(page.url().replace(/#.*$/, '') + `#/councils/${m.councilId}/settings`);
  await page.getByLabel('ファイル名に使う略称').fill('行革審');
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(page.getByRole('status').filter({ hasText: '基本情報を保存しました' })).toBeVisible();
  await page.goto(meetingPage);
  await page.getByRole('button', { name: '次第を出力' }).click();
  await expect(bar).toContainText('行革審_第2回_会議次第.docx');
  expect(existsSync(path.join(server.exportDir, '行革審_第2回_会議次第.docx'))).toBe(true);
});
