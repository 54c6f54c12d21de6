import { test, expect, loadSample, screenshot } from './fixtures';

test('vision editor: after 段落を追加 the typing goes into the new paragraph, not the heading', async ({
  app: page,
}) => {
  await loadSample(page);
  await page.getByRole('tab', { name: 'ビジョン' }).click();
  await page.getByRole('button', { name: '新しい原稿' }).click();
  const dialog = page.getByRole('dialog', { name: '新しいビジョン・計画の原稿' });
  await dialog.getByLabel('表題').fill('テスト市計画');
  await dialog.getByRole('button', { name: '作成' }).click();
  await page.getByRole('button', { name: '最初の項目を追加' }).click();
  await expect(page.getByRole('textbox', { name: '見出し' })).toBeFocused();
  await page.keyboard.type('計画の目的');

  await page.getByRole('button', { name: '段落を追加' }).click();
  await expect(page.getByRole('textbox', { name: '段落（1）' })).toBeFocused();
  await page.keyboard.type('一つ目の段落です。');
  // Twice in a row: the second paragraph takes the focus too.
  await page.getByRole('button', { name: '段落を追加' }).click();
  await expect(page.getByRole('textbox', { name: '段落（2）' })).toBeFocused();
  await page.keyboard.type('二つ目の段落です。');

  await expect(page.getByRole('textbox', { name: '見出し' })).toHaveValue('計画の目的');
  await expect(page.getByRole('textbox', { name: '段落（1）' })).toHaveValue('一つ目の段落です。');
  await expect(page.getByRole('textbox', { name: '段落（2）' })).toHaveValue('二つ目の段落です。');
  await screenshot(page, 'polish-01-vision-new-paragraph');
});

test('a new council starts with no fields and the examples use neutral names', async ({ app: page }) => {
  await page.getByRole('button', { name: '新しい審議会' }).first().click();
  const create = page.getByRole('dialog', { name: '新しい審議会を作成' });
  await expect(create.getByPlaceholder('例：総務部 企画課')).toBeVisible();
  await create.getByLabel('審議会の名称').fill('テスト市環境審議会');
  await create.getByRole('button', { name: '作成' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'テスト市環境審議会' })).toBeVisible();
  await page.getByRole('tab', { name: '設定' }).click();
  // The minutes style editor (its examples among them) is there before the absences are checked.
  await expect(page.getByRole('combobox', { name: '名前の書き方' })).toBeVisible();
  await expect(page.getByRole('list', { name: '分野の一覧' }).getByRole('listitem')).toHaveCount(0);
  await expect(page.getByText('行政施策')).toHaveCount(0);
  await expect(page.getByText('大久保')).toHaveCount(0);
  await screenshot(page, 'polish-02-new-council-settings');
});

test('the live clock says where it counts from, and 今から開始 sets the actual start', async ({ app: page }) => {
  await loadSample(page);
  await page.getByRole('tab', { name: '会議' }).click();
  await page.getByText('第2回', { exact: true }).first().click();
  await page.getByRole('button', { name: '記録（ライブ）' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '第2回 記録（ライブ）' })).toBeVisible();
  const clock = page.getByLabel('開始からの経過時間');
  await expect(clock).toContainText('（13:30 開始から）');
  await page.getByRole('button', { name: '今から開始' }).click();
  const tokyo = new Date(Date.now() + 9 * 3600_000).toISOString().slice(11, 13);
  await expect(clock).toContainText(new RegExp(`（${tokyo}:\\d\\d 開始から）`));
  await expect(clock).toContainText(/経過 0:0\d:\d\d/);
  await screenshot(page, 'polish-04-live-start-now');
});
