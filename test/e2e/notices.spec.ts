/**
 * Each action announces itself once: an export on a screen with the 「保存しました」 bar shows
 * the bar and no toast beside it saying the same; a screen without the bar shows one toast.
 */
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

test('an export says 「保存しました」 once: the bar on the meeting page, one toast on the opinions tab', async ({
  app: page,
}) => {
  await loadSample(page);
  const m = await meeting2(page);
  await page.goto(page.url().replace(/#.*$/, '') + `#/councils/${m.councilId}/meetings/${m.id}`);
  await page.getByRole('button', { name: '次第を出力' }).click();
  const bar = page.getByRole('group', { name: '保存しました' });
  // Another test of this worker may have written the same name first (then 「… (2).docx」).
  await expect(bar).toContainText(/会議次第( \(\d+\))?\.docx/);
  await expect(page.getByText(/保存しました/)).toHaveCount(1);
  await expect(page.locator('.fui-Toast')).toHaveCount(0);

  await page.goto(page.url().replace(/#.*$/, '') + `#/councils/${m.councilId}/opinions`);
  await page.getByRole('button', { name: '出力' }).click();
  await page.getByRole('menuitem', { name: '分野別意見一覧（Excel）' }).click();
  await page
    .getByRole('dialog', { name: '公開版の出力前の確認' })
    .getByRole('button', { name: '確認して出力する' })
    .click();
  await expect(page.locator('.fui-ToastTitle', { hasText: '分野別意見一覧' })).toBeVisible();
  await expect(page.locator('.fui-ToastTitle', { hasText: '保存しました' })).toHaveCount(1);
  await expect(page.getByRole('group', { name: '保存しました' })).toHaveCount(0);
});
