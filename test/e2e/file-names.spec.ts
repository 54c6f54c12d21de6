/**
 * Export file names lead with the council: its name, or the short name set in 設定 › 基本情報,
 * so two councils' documents never end up as 「… (2).docx」 beside each other.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, loadSample } from './fixtures';

async function meeting2(page: Page): Promise<{ id: string; councilId: string }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('shingikai-desk');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('meetings').objectStore('meetings').getAll();
          all.onsuccess = () => {
            resolve((all.result as { id: string; councilId: string; number: number }[]).find((m) => m.number === 2)!);
            req.result.close();
          };
        };
      }),
  );
}

test('the 次第 is saved under the council name, then under the short name set in 基本情報', async ({
  app: page,
  server,
}) => {
  await loadSample(page);
  const m = await meeting2(page);
  const meetingPage = page.url().replace(/#.*$/, '') + `#/councils/${m.councilId}/meetings/${m.id}`;
  await page.goto(meetingPage);
  await page.getByRole('button', { name: '次第を出力' }).click();
  const bar = page.getByRole('group', { name: '保存しました' });
  await expect(bar).toContainText('飯塚市行政経営戦略推進審議会_第2回_会議次第.docx');
  expect(existsSync(path.join(server.exportDir, '飯塚市行政経営戦略推進審議会_第2回_会議次第.docx'))).toBe(true);

  await page.goto(page.url().replace(/#.*$/, '') + `#/councils/${m.councilId}/settings`);
  await page.getByLabel('ファイル名に使う略称').fill('行革審');
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(page.locator('.fui-ToastTitle', { hasText: '基本情報を保存しました' })).toBeVisible();
  await page.goto(meetingPage);
  await page.getByRole('button', { name: '次第を出力' }).click();
  await expect(bar).toContainText('行革審_第2回_会議次第.docx');
  expect(existsSync(path.join(server.exportDir, '行革審_第2回_会議次第.docx'))).toBe(true);
});
