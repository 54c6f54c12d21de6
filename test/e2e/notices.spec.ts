/**
 * Each action announces itself once: an export on a screen with the 「保存しました」 bar shows
 * the bar and no toast beside it saying the same; a screen without the bar shows one toast.
 */
import { test, expect, loadSample, readStore } from './fixtures';

test('an export says 「保存しました」 once: the bar on the meeting page, one toast on the opinions tab', async ({
  app: page,
}) => {
  await loadSample(page);
  const m = (await readStore<{ id: string; councilId: string }>(page, 'meetings', { number: 2 }))[0]!;
  await page.goto(page.url().replace(/#.*$/, '') + `#/councils/${m.councilId}/meetings/${m.id}`);
  await page.getByRole('button', { name: '次第を出力' }).click();
  const bar = page.getByRole('group', { name: '保存しました' });
  await expect(bar).toContainText('会議次第.docx');
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
