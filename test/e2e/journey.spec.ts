/**
 * A meeting as the secretariat lives it, across the screens: the council's meeting list →
 * the meeting page → live notes (a remark taken up as an opinion there) → the minutes
 * (another remark taken up from there) → the opinions board shows both.
 */
import { test, expect, loadSample, screenshot } from './fixtures';

test('from the meeting page to live notes and minutes, remarks become opinions where they are written', async ({
  app: page,
}) => {
  await loadSample(page);
  await page.getByRole('tab', { name: '会議' }).click();
  await page.getByRole('table', { name: '会議一覧' }).getByRole('row', { name: /第2回/ }).click();
  await page.getByRole('button', { name: '記録（ライブ）' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '第2回 記録（ライブ）' })).toBeVisible();

  // Type a remark, commit it, select it in the list and take it up as an opinion.
  const entry = page.getByRole('textbox', { name: '発言の入力' });
  await entry.fill('会議資料のペーパーレス化を進めてほしい。');
  await entry.press('Enter');
  await expect(page.getByRole('listbox', { name: '記録の一覧' })).toContainText(
    '会議資料のペーパーレス化を進めてほしい。',
  );
  await entry.press('ArrowUp'); // from the empty line into the list: the newest remark
  await page.getByRole('button', { name: '意見として取り込む' }).click();
  const dialog = page.getByRole('dialog', { name: '会議の記録から取り込む' });
  await expect(dialog.getByRole('checkbox', { name: /^会議資料のペーパーレス化/ })).toBeChecked();
  await screenshot(page, 'journey-01-promote-from-live');
  await dialog.getByRole('button', { name: '1件を意見として取り込む' }).click();
  await expect(page.getByText('1件の意見を取り込みました', { exact: false }).first()).toBeVisible();

  // The minutes of the same meeting: take up the secretariat's next-meeting report too.
  await page.goBack();
  await page.getByRole('button', { name: '会議録' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '第2回 会議録' })).toBeVisible();
  await page.getByRole('button', { name: '意見として取り込む' }).click();
  await expect(dialog.getByLabel('会議', { exact: true }).locator('option:checked')).toHaveText('第2回');
  await expect(dialog.getByRole('checkbox', { name: /^会議資料のペーパーレス化/ })).toBeDisabled();
  await dialog.getByRole('switch', { name: '意見・発言・質問以外の記録も表示' }).check();
  await dialog.getByRole('checkbox', { name: /^次回は8月3日/ }).check();
  await dialog.getByRole('button', { name: '1件を意見として取り込む' }).click();
  await expect(page.getByText('1件の意見を取り込みました', { exact: false }).first()).toBeVisible();

  // Both are on the council's opinions board now (94 in the sample + 2).
  await page.getByRole('button', { name: '飯塚市行政経営戦略推進審議会' }).first().click();
  await page.getByRole('tab', { name: '意見' }).click();
  await expect(page.getByRole('search', { name: '意見の絞り込み' })).toContainText('96 / 96件');
  await expect(page.getByRole('main')).toContainText('会議資料のペーパーレス化を進めてほしい。');
  await expect(page.getByRole('main')).toContainText('次回は8月3日（木）13:30からオンラインで');
});
