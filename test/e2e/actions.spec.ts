/**
 * Action plans: with the sample loaded, open the vision's action plan, add an action with an
 * indicator by keyboard (bad input first: the messages, nothing saved), move it, record a
 * year's progress, and export the action sheet — then read the workbook's rows.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { test, expect, loadSample, screenshot, readStore } from './fixtures';

const NEW_WHAT = '企業版ふるさと納税の寄附の募集';

async function waitForFile(dir: string, suffix: string) {
  let found = '';
  await expect
    .poll(
      () => {
        found = readdirSync(dir).find((f) => f.endsWith(suffix)) ?? '';
        return found;
      },
      { message: `*${suffix} in ${dir}` },
    )
    .not.toBe('');
  return path.join(dir, found);
}

async function sheetRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(row.getCell(c).text);
    rows.push(cells);
  });
  return rows;
}

const group = (page: Page, name: RegExp) => page.getByRole('list', { name });

test('adds an action with an indicator by keyboard, records its progress and exports the action sheet', async ({
  app: page,
  server,
}) => {
  await loadSample(page);
  await page.getByRole('tab', { name: 'アクションプラン' }).click();
  const plans = page.getByRole('table', { name: 'ビジョンとアクションプラン' });
  await expect(plans).toContainText('行政経営戦略推進プラン（サンプルデータ）');
  await plans.getByRole('button', { name: '開く' }).click();
  await expect(page.getByRole('heading', { name: '行政経営戦略推進プラン（サンプルデータ）' })).toBeVisible();
  const revenue = group(page, /歳入の確保のアクション$/);
  await expect(revenue.getByRole('listitem')).toHaveCount(1);
  await screenshot(page, 'actions-01-list-by-section');

  // Ctrl+Enter on a row adds an action under the same section of the vision.
  await revenue.getByRole('listitem', { name: 'ふるさと納税の推進' }).focus();
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByRole('dialog', { name: 'アクションを追加' });
  await expect(dialog.getByRole('checkbox', { name: /歳入の確保/ })).toBeChecked();
  await expect(dialog.getByLabel('担当（課・グループ）')).toBeFocused();
  await page.keyboard.type('財政課');
  await page.keyboard.press('Tab');
  await page.keyboard.type('山田');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('令和7');
  await expect(dialog.getByText('令和7年度', { exact: true })).toBeVisible();
  await page.keyboard.press('Tab'); // 月
  await page.keyboard.press('Tab');
  await page.keyboard.type(NEW_WHAT);
  await page.keyboard.press('Tab');
  await page.keyboard.type('市内に事業所のない企業へ、市の事業を紹介して寄附を募る。');
  await page.keyboard.press('Tab');
  await page.keyboard.type('市内事業者');
  await page.keyboard.press('Enter');
  await page.keyboard.type('商工会議所');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: '指標を追加' })).toBeFocused();
  await page.keyboard.press('Enter');
  const indicator = dialog.getByRole('group', { name: '指標1' });
  await indicator.getByLabel('指標名').focus();
  await page.keyboard.type('企業版ふるさと納税の寄附件数');
  await page.keyboard.press('Tab');
  await page.keyboard.type('件');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2023');
  await page.keyboard.press('Tab');
  await page.keyboard.type('たくさん'); // not a number
  await page.keyboard.press('Tab');
  await page.keyboard.type('令和6'); // before the start (令和7年度)
  await page.keyboard.press('Control+Enter');
  const alert = dialog.getByRole('alert').filter({ hasText: '保存できません。' });
  await expect(alert).toContainText(
    '指標「企業版ふるさと納税の寄附件数」の目標値「たくさん」は数値ではありません。数字で入力してください。',
  );
  await expect(alert).toContainText('目標年度（令和6年度）が、取り組みの開始（令和7年度）より前になっています。');
  await expect(dialog).toBeVisible(); // nothing saved
  await screenshot(page, 'actions-02-form-errors');
  await indicator.getByLabel('目標値').fill('１０'); // full-width digits are numbers
  await page.keyboard.press('Control+Enter');
  await expect(alert).toContainText(
    '指標「企業版ふるさと納税の寄附件数」の目標年度（令和6年度）が、取り組みの開始（令和7年度）より前になっています。',
  );
  await expect(alert).not.toContainText('数値ではありません');
  await expect(dialog).toBeVisible();
  await indicator.getByLabel('目標年度').fill('R8');
  await indicator.getByLabel('目標年度').press('Control+Enter');
  await expect(dialog).toBeHidden();

  await expect(revenue.getByRole('listitem')).toHaveText([/ふるさと納税の推進/, new RegExp(NEW_WHAT)]);
  const added = revenue.getByRole('listitem', { name: NEW_WHAT });
  await expect(added).toBeFocused();
  await expect(added).toContainText('財政課　山田');
  await expect(added).toContainText('令和7年度～');
  await expect(added).toContainText('企業版ふるさと納税の寄附件数：0 件 → 10 件（令和8年度）');
  // Alt+↑ moves it above ふるさと納税の推進, within its section.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(revenue.getByRole('listitem')).toHaveText([new RegExp(NEW_WHAT), /ふるさと納税の推進/]);
  await expect(added).toBeFocused();

  // By department: 財政課 now has two actions.
  await page.getByRole('tab', { name: '担当ごと' }).click();
  await expect(group(page, /^財政課のアクション$/).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('tab', { name: 'ビジョンの項目ごと' }).click();

  // 進捗管理: the sample year first, with what is behind highlighted.
  await page.getByRole('tab', { name: '進捗管理' }).click();
  await expect(page.getByRole('combobox', { name: '年度' })).toHaveValue('2024');
  const table2024 = page.getByRole('table', { name: '令和6年度の進捗' });
  await expect(table2024.getByRole('row', { name: 'オンライン申請できる手続の拡充（遅れ・要確認）' })).toContainText(
    '見直し',
  );
  await screenshot(page, 'actions-03-progress-2024');

  await page.getByRole('combobox', { name: '年度' }).selectOption('2025');
  const table2025 = page.getByRole('table', { name: '令和7年度の進捗' });
  const row = table2025.getByRole('row', { name: new RegExp(`^${NEW_WHAT}`) });
  await expect(row).toContainText('未入力');
  await row.focus();
  await page.keyboard.press('Enter');
  const record = page.getByRole('dialog', { name: `令和7年度の進捗：${NEW_WHAT}` });
  await expect(record.getByLabel('進捗状況')).toBeFocused();
  await record.getByLabel('進捗状況').selectOption('実施中');
  await record.getByLabel('評価（自己評価）').selectOption('B');
  await record.getByLabel(/実績値：企業版ふるさと納税の寄附件数/).fill('3件');
  await record.getByLabel('コメント').fill('3社から寄附の申出があった。');
  await page.keyboard.press('Control+Enter');
  await expect(record.getByRole('alert').filter({ hasText: '保存できません。' })).toContainText(
    '実績値「3件」は数値ではありません',
  );
  await record.getByLabel(/実績値：企業版ふるさと納税の寄附件数/).fill('3');
  await page.keyboard.press('Control+Enter');
  await expect(record).toBeHidden();
  await expect(row).toContainText('実施中');
  await expect(row).toContainText('企業版ふるさと納税の寄附件数：3 件 ／ 10 件');
  await expect(row).toContainText('3社から寄附の申出があった。');
  await expect(page.getByRole('status', { name: '令和7年度の集計' })).toContainText('実施中 1');
  await screenshot(page, 'actions-04-progress-2025');

  // The 進捗管理表 of 令和7年度, as a workbook and a Word document, with the year's record.
  await page.getByRole('button', { name: '進捗管理表（Excel）' }).click();
  const progressName = '_進捗管理表_行政経営戦略推進プラン（サンプルデータ）';
  const progressRows = await sheetRows(await waitForFile(server.exportDir, `${progressName}.xlsx`));
  const line = progressRows.find((r) => r.includes(NEW_WHAT))!;
  expect(line).toEqual(expect.arrayContaining(['実施中', 'B', '3社から寄附の申出があった。']));
  await page.getByRole('button', { name: '進捗管理表（Word）' }).click();
  const progressDocx = await waitForFile(server.exportDir, `${progressName}.docx`);
  const xml = await (await JSZip.loadAsync(readFileSync(progressDocx))).file('word/document.xml')!.async('string');
  expect(xml).toContain('令和7年度');
  expect(xml).toContain('3社から寄附の申出があった。');

  // The action sheet: one action per row in the vision's order, in reference 003's columns.
  await page.getByRole('tab', { name: 'アクション一覧' }).click();
  await page.getByRole('button', { name: 'アクションシート（Excel）' }).click();
  await expect(page.getByRole('alert').or(page.getByLabel('保存しました')).first()).toContainText('保存しました');
  const file = await waitForFile(server.exportDir, '_一歩踏み出すシート.xlsx');
  const rows = await sheetRows(file);
  expect(rows[0]).toEqual([
    '個別',
    'いつから',
    '誰と',
    '何を',
    'どこまで・どのように',
    'ビジョンの項目',
    '指標（目標）',
  ]);
  expect(rows).toHaveLength(1 + 7);
  const at = rows.findIndex((r) => r[3] === NEW_WHAT);
  expect(rows[at]!.slice(0, 5)).toEqual([
    '財政課\n山田',
    '令和7年度～',
    '・市内事業者\n・商工会議所',
    NEW_WHAT,
    '市内に事業所のない企業へ、市の事業を紹介して寄附を募る。',
  ]);
  expect(rows[at]![5]).toContain('歳入の確保');
  expect(rows[at]![6]).toBe('企業版ふるさと納税の寄附件数：0 件 → 10 件（令和8年度）');
  expect(rows[at + 1]![3]).toBe('ふるさと納税の推進'); // moved above it
});

test('the council sets its own evaluation grades; the progress record offers them', async ({ app: page }) => {
  await loadSample(page);
  await page.getByRole('tab', { name: '設定' }).click();
  const scale = page.getByRole('region', { name: '進行管理の評価' });
  await scale.getByRole('button', { name: '段階を追加' }).click();
  // A repeated grade is refused with the reason, nothing saved.
  await scale.getByLabel('評価4の記号').fill('A');
  await expect(scale.getByText('保存できません：評価の記号「A」が重複しています。')).toBeVisible();
  await expect(scale.getByRole('button', { name: '評価の段階を保存' })).toBeDisabled();
  await scale.getByLabel('評価4の記号').fill('D');
  await scale.getByLabel('評価4の意味').fill('未実施');
  await scale.getByRole('button', { name: '評価の段階を保存' }).click();
  await expect(page.getByText('評価の段階を保存しました').first()).toBeVisible();
  const stored = await readStore<{ evaluationScale?: { label: string }[] }>(page, 'councils');
  expect(stored[0]!.evaluationScale!.map((g) => g.label)).toEqual(['A', 'B', 'C', 'D']);

  await page.getByRole('tab', { name: 'アクションプラン' }).click();
  await page.getByRole('table', { name: 'ビジョンとアクションプラン' }).getByRole('button', { name: '開く' }).click();
  await page.getByRole('tab', { name: '進捗管理' }).click();
  const row = page
    .getByRole('table', { name: '令和6年度の進捗' })
    .getByRole('row', { name: 'オンライン申請できる手続の拡充（遅れ・要確認）' });
  await row.focus();
  await page.keyboard.press('Enter');
  const record = page.getByRole('dialog', { name: /^令和6年度の進捗：/ });
  await expect(record.getByLabel('評価（自己評価）').locator('option')).toContainText([
    '未評価',
    'A：',
    'B：',
    'C：',
    'D：未実施',
  ]);
  await record.getByRole('button', { name: 'キャンセル' }).click();
  await expect(record).toBeHidden();

  // Deleting an action asks first, naming what goes with it; キャンセル keeps it.
  await page.getByRole('tab', { name: 'アクション一覧' }).click();
  const revenue = group(page, /歳入の確保のアクション$/);
  await revenue.getByRole('listitem', { name: 'ふるさと納税の推進' }).focus();
  await page.keyboard.press('Delete');
  const ask = page.getByRole('dialog', { name: 'アクションを削除しますか' });
  await expect(ask).toContainText('アクション「ふるさと納税の推進」を削除します。');
  await ask.getByRole('button', { name: 'キャンセル' }).click();
  await expect(revenue.getByRole('listitem', { name: 'ふるさと納税の推進' })).toBeVisible();
  await revenue.getByRole('listitem', { name: 'ふるさと納税の推進' }).focus();
  await page.keyboard.press('Delete');
  await ask.getByRole('button', { name: '削除する' }).click();
  await expect(revenue.getByRole('listitem', { name: 'ふるさと納税の推進' })).toHaveCount(0);
});
