import { test, expect, loadSample, screenshot } from './fixtures';

test('a new user sees what to do, loads the sample and visits every screen', async ({ app: page }) => {
  await expect(page.getByRole('heading', { name: 'ようこそ、審議会デスクへ' })).toBeVisible();
  await expect(page.getByText('まだ審議会が登録されていません')).toBeVisible();
  await screenshot(page, '01-home-empty');

  await loadSample(page);
  await expect(page.getByText('行政経営部 業務改善・ＤＸ推進課').first()).toBeVisible();
  await expect(page.getByText('委員の過半数＝4人')).toBeVisible();
  await expect(page.getByRole('table', { name: '会議の一覧' }).getByText('令和5年7月7日（金）')).toBeVisible();
  await screenshot(page, '02-council-overview');

  await page.getByRole('tab', { name: '委員' }).click();
  const roster = page.getByRole('table', { name: '委員名簿' });
  await expect(roster.getByRole('row')).toHaveCount(7);
  await expect(roster.getByRole('row').nth(1)).toContainText('井澤');
  await expect(roster.getByRole('row').nth(2)).toContainText('大久保');
  await expect(page.getByRole('table', { name: '事務局職員' })).toContainText('【行政経営部】東部長');
  await screenshot(page, '03-council-members');

  await page.getByRole('tab', { name: '会議' }).click();
  const meetings = page.getByRole('table', { name: '会議一覧' });
  await expect(meetings.getByRole('row', { name: /第2回/ })).toContainText('13:30～15:30');
  await expect(meetings.getByRole('row', { name: /第2回/ })).toContainText('5/6人');
  await expect(meetings.getByRole('row', { name: /第1回/ })).toContainText('日程調整中');
  await screenshot(page, '04-council-meetings');

  await page.getByRole('tab', { name: '意見' }).click();
  await expect(page.getByRole('heading', { name: /行政施策/ })).toBeVisible();
  await expect(
    page.getByText('やめることを決めないと新しいことはできないのではないか。', { exact: false }),
  ).toBeVisible();
  await screenshot(page, '05-council-opinions');

  await page.getByRole('tab', { name: 'ビジョン' }).click();
  await expect(page.getByRole('heading', { name: '飯塚市行政経営戦略推進ビジョン' })).toBeVisible();
  await expect(page.getByText('骨子案')).toBeVisible();
  await screenshot(page, '06-council-vision');

  await page.getByRole('navigation', { name: 'メインメニュー' }).getByText('審議会一覧').click();
  await expect(page.getByRole('table', { name: '審議会一覧' })).toContainText('飯塚市行政経営戦略推進審議会');
  await screenshot(page, '07-council-list');

  await page.getByRole('navigation', { name: 'メインメニュー' }).getByText('ホーム', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '担当している審議会' })).toBeVisible();
  await screenshot(page, '08-home');

  await page.getByRole('navigation', { name: 'メインメニュー' }).getByText('データと設定').click();
  await expect(page.getByText('ブラウザーモード（バージョン')).toBeVisible();
  await screenshot(page, '09-settings');
});

test('the sample is loaded once, and the data survives a reload', async ({ app: page }) => {
  await loadSample(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '飯塚市行政経営戦略推進審議会' })).toBeVisible();
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByText('データと設定').click();
  await page.getByRole('button', { name: 'サンプルを読み込む' }).click();
  await expect(page.getByText('サンプルは読み込み済みです', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '飯塚市行政経営戦略推進審議会' })).toBeVisible();
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByText('審議会一覧').click();
  await expect(page.getByRole('table', { name: '審議会一覧' }).getByRole('row')).toHaveCount(2);
});

test('creating a council checks its name and leads to the roster', async ({ app: page }) => {
  await page.getByRole('button', { name: '新しい審議会' }).first().click();
  const dialog = page.getByRole('dialog', { name: '新しい審議会を作成' });
  await dialog.getByRole('button', { name: '作成' }).click();
  await expect(dialog.getByText('審議会の名称を入力してください。')).toBeVisible();
  await dialog.getByLabel('審議会の名称').fill('テスト市環境審議会');
  await dialog.getByLabel('自治体名').fill('テスト市');
  await dialog.getByRole('button', { name: '作成' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'テスト市環境審議会' })).toBeVisible();
  await expect(page.getByText('委員が登録されていません')).toBeVisible();
  await screenshot(page, '10-new-council-members-empty');
});

test('a manual backup is written by main into the data folder', async ({ app: page, server }) => {
  await loadSample(page);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByText('データと設定').click();
  await page.getByRole('button', { name: '今すぐバックアップ' }).click();
  await expect(page.getByText('バックアップを保存しました', { exact: true })).toBeVisible();
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = `${server.dataDir}/backups`;
  const files = readdirSync(dir).filter((f) => f.endsWith('-manual.json'));
  expect(files.length).toBeGreaterThan(0);
  const json = JSON.parse(readFileSync(`${dir}/${files[0]}`, 'utf8'));
  const councils = json.db.data.data.find((t: { tableName: string }) => t.tableName === 'councils');
  expect(councils.rows[0].name).toBe('飯塚市行政経営戦略推進審議会');
  await expect(page.getByRole('table', { name: 'バックアップ一覧' })).toContainText(files[0]!);

  // A second backup from the same page (which keeps its backup worker between backups) reads the records again.
  await page.getByRole('button', { name: '今すぐバックアップ' }).click();
  const manual = () => readdirSync(dir).filter((f) => f.endsWith('-manual.json'));
  await expect.poll(() => manual().length).toBe(files.length + 1);
  const second = JSON.parse(readFileSync(`${dir}/${manual().find((f) => !files.includes(f))}`, 'utf8'));
  const again = second.db.data.data.find((t: { tableName: string }) => t.tableName === 'councils');
  expect(again.rows[0].name).toBe('飯塚市行政経営戦略推進審議会');
  const remarks = (j: typeof json) => j.db.data.data.find((t: { tableName: string }) => t.tableName === 'remarks').rows;
  expect(remarks(second)).toHaveLength(remarks(json).length);
});
