/**
 * Printing from the app (Ctrl+P): with the print media, the shell's menu, the title bar and
 * the buttons are gone and the document of the view is shown — on the minutes preview, the
 * opinion board, the matrix and the 新旧対照表. Ctrl+P calls window.print().
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, loadSample, SCREENS_DIR } from './fixtures';

async function expectPrinted(page: Page, doc: string | Locator) {
  // Ctrl+P reaches window.print (stubbed: a real print dialog would block the test).
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.keyboard.press('Control+p');
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeHidden();
  await expect(page.getByText('審議会デスク', { exact: true })).toBeHidden();
  await expect(page.getByRole('tablist').first()).toBeHidden();
  await expect(typeof doc === 'string' ? page.getByText(doc).first() : doc).toBeVisible();
  const width = await page
    .locator('[data-print-doc]')
    .first()
    .evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeGreaterThan((page.viewportSize()!.width * 9) / 10);
}

async function screen(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
}

test('print: minutes preview, opinion board, matrix and 新旧対照表', async ({ app: page }) => {
  test.setTimeout(120_000);
  await loadSample(page);
  const base = page.url().replace(/#.*$/, '');

  // 会議録 preview.
  const meetingId = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('shingikai-desk');
      r.onsuccess = () => res(r.result);
    });
    const all = await new Promise<{ id: string; number: number }[]>((res) => {
      const r = db.transaction('meetings').objectStore('meetings').getAll();
      r.onsuccess = () => res(r.result as { id: string; number: number }[]);
    });
    db.close();
    return all.find((m) => m.number === 2)!.id;
  });
  const councilUrl = page.url();
  await page.goto(base + `#/meetings/${meetingId}/minutes`);
  await page.getByRole('tab', { name: 'プレビュー' }).click();
  await expect(page.getByRole('article')).toBeVisible();
  await expectPrinted(page, 'やめることを決めないと新しいことはできないのではないか');
  await expect(page.getByText('筆記の形式')).toBeHidden();
  await screen(page, 'print-01-minutes');

  // 意見ボード.
  await page.goto(councilUrl);
  await page.getByRole('tab', { name: '意見' }).click();
  await expect(page.getByRole('button', { name: '意見を追加' })).toBeVisible();
  await expectPrinted(page, 'ツール導入が目的になっている');
  await expect(page.getByText('意見を追加')).toBeHidden();
  await screen(page, 'print-02-board');

  // 分野別マトリクス.
  await page.getByRole('tab', { name: '分野別マトリクス' }).click();
  await expect(page.getByRole('table', { name: '各分野の現状と課題' })).toBeVisible();
  await expectPrinted(page, page.getByRole('table', { name: '各分野の現状と課題' }).getByRole('row').nth(1));
  await expect(page.getByRole('table', { name: '各分野の現状と課題' })).toBeVisible();
  await screen(page, 'print-03-matrix');

  // 新旧対照表.
  await page.getByRole('tab', { name: 'ビジョン' }).click();
  await page.getByRole('button', { name: '飯塚市行政経営戦略推進ビジョンを開く' }).click();
  await page.getByRole('tab', { name: '比較・新旧対照表' }).click();
  await expect(page.getByRole('table', { name: '新旧の比較' })).toBeVisible();
  await expectPrinted(page, '利便性の向上');
  await expect(page.getByText('比べる版と出力の設定')).toBeHidden();
  await screen(page, 'print-04-compare');
});
