import { readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { test, expect, loadSample, screenshot } from './fixtures';

const RESPONSE = '事業の見直し基準を定め、廃止・縮小を予算編成に反映します。';
/** Export file names lead with the council (electron/services/export-names.ts). */
const C = '飯塚市行政経営戦略推進審議会_';

async function openOpinions(page: Page) {
  await loadSample(page);
  await page.getByRole('tab', { name: '意見' }).click();
  await expect(page.getByRole('search', { name: '意見の絞り込み' })).toContainText('94 / 94件');
}

const toast = (page: Page, text: string) => page.locator('.fui-ToastTitle').filter({ hasText: text });
const card = (page: Page, text: string) => page.locator('article', { hasText: text });

/** A 公開版 is written after its name review: confirm it as the user does. */
async function confirmReview(page: Page) {
  await page
    .getByRole('dialog', { name: /出力前の確認/ })
    .getByRole('button', { name: '確認して出力する' })
    .click();
}

async function exportFrom(page: Page, item: string, fileName: string) {
  await page.getByRole('button', { name: '出力' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  await confirmReview(page);
  // Writing a workbook is the slow part on a loaded machine: the notice comes when the file is on disk.
  await expect(toast(page, `「${C}${fileName}」を保存しました`)).toBeVisible({ timeout: 30_000 });
}

async function sheetOf(dir: string, file: string, sheet: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path.join(dir, C + file))) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${file}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { ws, rows };
}

async function docText(dir: string, file: string) {
  const zip = await JSZip.loadAsync(await readFile(path.join(dir, C + file)));
  const xml = await zip.file('word/document.xml')!.async('string');
  return {
    xml,
    text: xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => p.replace(/<[^>]+>/g, '') + '\n').replace(/<[^>]+>/g, ''),
  };
}

test('promote remarks, answer, move, merge, then export every opinion document', async ({ app: page, server }) => {
  test.setTimeout(240_000); // a long journey with nine exports
  page.on('dialog', (d) => void d.accept());
  await openOpinions(page);
  await screenshot(page, 'opinions-01-board');

  // Delete one opinion, then take it back from the meeting record together with the 決定.
  await card(page, '外部委託に関し、進捗をチェック')
    .getByRole('button', { name: /の操作$/ })
    .click();
  await page.getByRole('menuitem', { name: '削除' }).click();
  await expect(page.getByRole('search', { name: '意見の絞り込み' })).toContainText('93 / 93件');

  await page.getByRole('button', { name: '会議の記録から取り込む' }).click();
  const dialog = page.getByRole('dialog', { name: '会議の記録から取り込む' });
  await expect(dialog.getByLabel('会議', { exact: true }).locator('option:checked')).toHaveText('第2回');
  await expect(dialog.getByRole('list', { name: '会議の記録' })).toContainText('取込済');
  await dialog.getByRole('checkbox', { name: /^外部委託に関し/ }).check();
  await dialog.getByRole('switch', { name: '意見・発言・質問以外の記録も表示' }).check();
  await dialog.getByRole('checkbox', { name: /^第３回審議会においてビジョン素案/ }).check();
  await screenshot(page, 'opinions-02-promote');
  await dialog.getByRole('button', { name: '2件を意見として取り込む' }).click();
  await expect(toast(page, '2件の意見を取り込みました')).toBeVisible();
  await expect(page.getByRole('search', { name: '意見の絞り込み' })).toContainText('95 / 95件');
  await expect(page.getByRole('list', { name: '行政施策の意見' })).toContainText('外部委託に関し、進捗をチェック');
  await expect(page.getByRole('list', { name: '分野未設定の意見' })).toContainText(
    '第３回審議会においてビジョン素案を提案',
  );

  // Answer one opinion inline.
  const first = card(page, 'やめることを決めないと新しいことはできない');
  await first.getByRole('button', { name: '市の考え方を入力' }).click();
  await first.getByRole('textbox').fill(RESPONSE);
  await first.getByRole('textbox').press('Control+Enter');
  await expect(first).toContainText(`⇒ ${RESPONSE}`);
  await first.getByRole('combobox', { name: /反映状況/ }).selectOption('反映する');
  await expect(first.getByRole('combobox', { name: /反映状況/ })).toHaveValue('反映する');

  // Move by keyboard: Alt+↓ takes it to the next field (DX推進).
  await card(page, '外部委託に関し、進捗をチェック').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('list', { name: 'DX推進の意見' })).toContainText('外部委託に関し、進捗をチェック');
  await expect(page.getByRole('list', { name: '行政施策の意見' })).not.toContainText('外部委託に関し、進捗をチェック');
  // … and by drag, onto 財務 (filtered, so both fields are on screen).
  await page.getByRole('search', { name: '意見の絞り込み' }).getByLabel('検索').fill('外部委託');
  await card(page, '外部委託に関し、進捗をチェック').dragTo(page.getByRole('list', { name: '財務の意見' }), {
    sourcePosition: { x: 60, y: 14 },
  });
  await expect(page.getByRole('list', { name: '財務の意見' })).toContainText('外部委託に関し、進捗をチェック');
  await page.getByRole('button', { name: '条件をクリア' }).click();
  // Clearing empties the search box too (the box keeps its own text) and shows every opinion again.
  await expect(page.getByRole('search', { name: '意見の絞り込み' }).getByLabel('検索')).toHaveValue('');
  await expect(page.getByRole('search', { name: '意見の絞り込み' })).toContainText('95 / 95件');

  // Merge two duplicates about chatbots: both sources are kept.
  await card(page, '飯塚市に限らずチャットボットが役に立たない').getByRole('checkbox').check();
  await card(page, 'チャットボットに期待するのは難しい').getByRole('checkbox').check();
  await page.getByRole('button', { name: '選択した2件を統合' }).click();
  await page.getByRole('dialog', { name: '重複する意見を統合' }).getByRole('button', { name: '統合する' }).click();
  await expect(card(page, '飯塚市に限らずチャットボットが役に立たない')).toContainText(
    '統合：チャットボットに期待するのは難しい',
  );
  await expect(page.getByRole('search', { name: '意見の絞り込み' })).toContainText('94 / 94件');

  // Filter by status.
  await page.getByRole('search', { name: '意見の絞り込み' }).getByLabel('反映状況').selectOption('反映する');
  await expect(page.getByRole('search', { name: '意見の絞り込み' })).toContainText('1 / 94件');
  await page.getByRole('button', { name: '条件をクリア' }).click();
  await screenshot(page, 'opinions-03-board-edited');

  // Mark one non-public (kept out of every 公開版) and link one to a vision section (該当箇所).
  await card(page, '忖度しすぎず、割り切る')
    .getByRole('button', { name: /の操作$/ })
    .click();
  await page.getByRole('menuitem', { name: '非公開にする（公開版に載せない）' }).click();
  await expect(card(page, '忖度しすぎず、割り切る')).toContainText('非公開');
  await first.getByRole('button', { name: /の操作$/ }).click();
  await page.getByRole('menuitem', { name: '該当箇所（ビジョン・計画）を設定' }).click();
  const link = page.getByRole('dialog', { name: '該当箇所（ビジョン・計画）' });
  await link.getByRole('checkbox', { name: '３．取り組みの方向性' }).first().check();
  await link.getByRole('button', { name: '保存' }).click();
  await expect(first).toContainText('該当：Ⅱ．３．取り組みの方向性');

  // Survives a reload.
  await page.reload();
  await expect(card(page, 'やめることを決めないと新しいことはできない')).toContainText(RESPONSE);

  // ---- exports
  await exportFrom(page, '分野別意見一覧（Excel）', '分野別意見一覧.xlsx');
  await exportFrom(page, '分野別意見一覧（Word）', '分野別意見一覧.docx');
  await exportFrom(page, '意見対応表（Excel）', '意見対応表.xlsx');
  await exportFrom(page, '意見対応表（Word）', '意見対応表.docx');
  await exportFrom(page, '各分野の現状と課題（Excel）', '各分野の現状と課題.xlsx');
  await exportFrom(page, '各分野の現状と課題（Word）', '各分野の現状と課題.docx');

  // The internal copy (公開版 unchecked) keeps the non-public opinion, marked 内部用.
  await page.getByRole('button', { name: '出力' }).click();
  await page.getByRole('menuitemcheckbox', { name: /公開版/ }).click();
  await page.getByRole('menuitem', { name: '分野別意見一覧（Word）' }).click();
  await expect(toast(page, `「${C}分野別意見一覧_内部用.docx」を保存しました`)).toBeVisible();

  const dir = server.exportDir;
  const internal = await docText(dir, '分野別意見一覧_内部用.docx');
  expect(internal.text).toContain('忖度しすぎず');
  expect(internal.text).toContain('内部用');
  const list = await sheetOf(dir, '分野別意見一覧.xlsx', '分野別意見一覧');
  expect(list.rows[0]).toEqual([
    '番号',
    '分野',
    '意見',
    '出典',
    '委員',
    '会議日（和暦）',
    '会議日',
    '市の考え方',
    '反映状況',
  ]);
  expect(list.rows).toHaveLength(94); // 94 opinions, one of them non-public
  const answered = list.rows.find((r) => String(r[2]).startsWith('やめることを決めないと'))!;
  expect(answered[1]).toBe('行政施策');
  expect(answered[3]).toBe('第2回審議会');
  expect(answered[5]).toBe('令和5年7月7日');
  expect((answered[6] as Date).toISOString().slice(0, 10)).toBe('2023-07-07');
  expect(answered[7]).toBe(RESPONSE);
  expect(answered[8]).toBe('反映する');
  const merged = list.rows.find((r) => String(r[2]).startsWith('飯塚市に限らずチャットボット'))!;
  expect(merged[3]).toBe('第1回審議会、第2回審議会');
  expect(list.rows.find((r) => String(r[2]).startsWith('外部委託に関し'))![1]).toBe('財務');

  expect(list.rows.some((r) => String(r[2]).startsWith('忖度しすぎず'))).toBe(false);
  const responses = await sheetOf(dir, '意見対応表.xlsx', '集計');
  expect(responses.rows).toContainEqual(['意見総数', 93, '件']);
  expect(responses.rows).toContainEqual(['反映した数（反映する・一部反映・既に記載）', 4, '件']); // 3 answered in the sample's 素案
  const table = await sheetOf(dir, '意見対応表.xlsx', '意見対応表');
  expect(table.rows[0]).toEqual([
    '番号',
    '分野',
    '意見の概要',
    '出典',
    '委員',
    '会議日（和暦）',
    '会議日',
    '市の考え方',
    '反映状況',
    '該当箇所',
  ]);
  expect(table.ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(table.rows.find((r) => String(r[2]).startsWith('やめることを決めないと'))![9]).toBe('Ⅱ．３．取り組みの方向性');

  const matrix = await sheetOf(dir, '各分野の現状と課題.xlsx', '各分野の現状と課題');
  // One record per row: the column an item belongs to is its 区分 (never a shared row).
  expect(matrix.rows[0]).toEqual(['分野', '区分', '番号', '内容', '出典']);
  expect(matrix.ws.pageSetup.orientation).toBe('landscape');
  expect(
    matrix.rows.some(
      (r) =>
        r[0] === 'DX推進' && String(r[1]).includes('審議会での主な意見') && String(r[3]).includes('チャットボット'),
    ),
  ).toBe(true);

  const listDoc = await docText(dir, '分野別意見一覧.docx');
  expect(listDoc.text).toContain('分野別意見一覧');
  expect(listDoc.text).toContain(RESPONSE);
  expect(listDoc.xml).toContain('<w:tblHeader/>');
  const respDoc = await docText(dir, '意見対応表.docx');
  expect(respDoc.text).toContain('意見総数');
  expect(respDoc.text).toContain('93件');
  expect(respDoc.text).not.toContain('忖度しすぎず');
  const matrixDoc = await docText(dir, '各分野の現状と課題.docx');
  expect(matrixDoc.text).toContain('想定される解決案（他自治体の事例含む）');
  expect(matrixDoc.xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);

  // ---- matrix view: edit a text item
  await page.getByRole('tab', { name: '分野別マトリクス' }).click();
  const cell = page.getByLabel('財務・想定される解決案（他自治体の事例含む）');
  await cell.getByRole('button', { name: '項目を追加' }).click();
  await cell.getByRole('textbox').fill('公共施設の包括管理委託を検討する。');
  await cell.getByRole('textbox').press('Control+Enter');
  await expect(cell).toContainText('公共施設の包括管理委託を検討する。');
  await screenshot(page, 'opinions-04-matrix');
  await page.getByRole('button', { name: '列の設定' }).click();
  const cols = page.getByRole('dialog', { name: 'マトリクスの列の設定' });
  await cols.getByLabel('列4の見出し').fill('既に取り組んでいる内容（令和5年度）');
  await cols.getByRole('button', { name: '列を追加' }).click();
  await cols.getByLabel('列5の見出し').fill('書面意見');
  await cols.getByLabel('列5の内容').selectOption({ label: '意見：書面意見' });
  await cols.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('table', { name: '各分野の現状と課題' }).getByRole('columnheader')).toHaveText([
    '分野',
    '審議会での主な意見（審議会の意見）',
    '各課インタビューにおける主な意見（現状と課題）（各課インタビューの意見）',
    '想定される解決案（他自治体の事例含む）',
    '既に取り組んでいる内容（令和5年度）',
    '書面意見（書面意見の意見）',
  ]);

  // ---- handout for 第3回
  await page.getByRole('tab', { name: '前回の主な意見と対応' }).click();
  await expect(page.getByLabel('資料を配る会議')).toHaveValue(/.+/);
  await expect(page.getByText(/第3回.*で配る資料：第2回.*で出た主な意見と対応/)).toBeVisible();
  await screenshot(page, 'opinions-05-handout');
  await page.getByRole('button', { name: 'Word で出力' }).click();
  await confirmReview(page);
  await expect(toast(page, `「${C}第3回_前回の主な意見と対応.docx」を保存しました`)).toBeVisible();
  const handout = await docText(dir, '第3回_前回の主な意見と対応.docx');
  expect(handout.text).toContain('前回の主な意見と対応');
  expect(handout.text).toContain('優先順位を決めるべきではないか');
  // The handout is frozen for the previous meeting and carries the responses (answered ones too).
  expect(handout.text).toContain('やめることを決めないと');
  expect(handout.text).toContain(`⇒ ${RESPONSE}`);
  expect(handout.text).not.toContain('各課インタビュー');
  // The opinion documents this test wrote (the export folder starts empty for each test).
  const opinionDocuments = (await readdir(dir))
    .filter((f) => f.startsWith(C))
    .map((f) => f.slice(C.length))
    .filter((f) => /^(分野別意見一覧|各分野の現状と課題|意見対応表|第\d+回_前回の主な意見と対応)/.test(f));
  expect(opinionDocuments.sort()).toEqual(
    [
      '分野別意見一覧.docx',
      '分野別意見一覧.xlsx',
      '分野別意見一覧_内部用.docx',
      '各分野の現状と課題.docx',
      '各分野の現状と課題.xlsx',
      '意見対応表.docx',
      '意見対応表.xlsx',
      '第3回_前回の主な意見と対応.docx',
    ].sort(),
  );

  // By theme: one opinion of 第2回 put under the 第3回 agenda item ビジョン素案について, the rest under その他.
  await page.getByRole('radio', { name: '検討テーマ（議題）ごと' }).check();
  await page
    .locator('li', { hasText: 'やめることを決めないと' })
    .getByRole('combobox', { name: '検討テーマ' })
    .selectOption({ label: 'ビジョン素案について' });
  await expect(page.getByRole('heading', { name: 'ビジョン素案について（1件）' })).toBeVisible();
  await page.getByRole('button', { name: 'Word で出力' }).click();
  await confirmReview(page);
  await expect(toast(page, `「${C}第3回_前回の主な意見と対応 (2).docx」を保存しました`)).toBeVisible();
  const byTheme = await docText(dir, '第3回_前回の主な意見と対応 (2).docx');
  expect(byTheme.text).toContain('検討テーマ');
  expect(byTheme.text.indexOf('ビジョン素案について')).toBeLessThan(byTheme.text.indexOf('やめることを決めないと'));
  expect(byTheme.text.indexOf('やめることを決めないと')).toBeLessThan(byTheme.text.indexOf('その他'));
});

test('an 意見シート is previewed with per-row errors and only confirmed rows are stored', async ({
  app: page,
  server,
}) => {
  test.setTimeout(180_000); // three imports and an export round trip on a loaded machine
  await openOpinions(page);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('意見シート');
  ws.addRow(['分野', '委員', '会議', '出典', '意見', '市の考え方', '反映状況']);
  ws.addRow(['財務', '河', '第2回', '審議会', 'ふるさと納税の返礼品を見直してはどうか。', '', '']);
  ws.addRow([
    '人材育成',
    '',
    '',
    '書面意見',
    '職員研修をオンラインで受けられるようにしてほしい。',
    '検討します。',
    '今後の参考',
  ]);
  ws.addRow(['観光', '', '', '書面意見', '観光の意見', '', '']);
  ws.addRow(['財務', '山田', '第9回', '審議会', '', '', '済み']);
  const file = path.join(os.tmpdir(), `iken-${Date.now()}.xlsx`);
  await wb.xlsx.writeFile(file);
  const bad = path.join(os.tmpdir(), `not-a-book-${Date.now()}.xlsx`);
  await writeFile(bad, 'これは Excel ではありません');

  await page.getByRole('button', { name: 'Excel から取り込む' }).click();
  const dialog = page.getByRole('dialog', { name: 'Excel（意見シート）から取り込む' });
  await dialog.getByRole('button', { name: '意見シートの様式（Excel）を出力' }).click();
  await expect(toast(page, `「${C}意見シート.xlsx」を保存しました`)).toBeVisible();
  const blank = await sheetOf(server.exportDir, '意見シート.xlsx', '意見シート');
  expect(blank.rows[0]).toEqual(['分野', '委員', '会議', '出典', '提出者', '意見', '市の考え方', '反映状況']);
  await dialog.getByLabel('取り込むファイル').setInputFiles(bad);
  await expect(dialog.getByRole('alert')).toContainText('Excel ブック（.xlsx）として読み込めませんでした');

  await dialog.getByLabel('取り込むファイル').setInputFiles(file);
  const preview = dialog.getByRole('table', { name: '取り込みの確認' });
  await expect(dialog).toContainText('取り込める行 2・誤りのある行 2');
  await expect(preview.getByRole('row', { name: /観光の意見/ })).toContainText('分野「観光」はこの審議会にありません');
  await expect(preview.getByRole('row').nth(4)).toContainText('意見が空欄です。');
  await expect(preview.getByRole('row').nth(4)).toContainText('委員「山田」が委員名簿にありません。');
  await expect(preview.getByRole('row').nth(4)).toContainText('会議「第9回」が見つかりません');
  await expect(preview.getByRole('row').nth(4)).toContainText('反映状況「済み」はこの審議会の選択肢にありません');
  await screenshot(page, 'opinions-06-import-preview');
  // Nothing is stored before confirming.
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await expect(page.getByRole('search', { name: '意見の絞り込み' })).toContainText('94 / 94件');
  await page.getByRole('button', { name: 'Excel から取り込む' }).click();
  await dialog.getByLabel('取り込むファイル').setInputFiles(file);
  await expect(dialog).toContainText('取り込める行 2・誤りのある行 2');
  await dialog.getByRole('button', { name: '2件を取り込む' }).click();
  await expect(toast(page, '2件の意見を取り込みました')).toBeVisible();
  await expect(page.getByRole('search', { name: '意見の絞り込み' })).toContainText('96 / 96件');
  const imported = card(page, 'ふるさと納税の返礼品を見直してはどうか。');
  await expect(imported).toContainText('第2回審議会');
  await expect(imported).toContainText('河委員');
  await expect(page.getByRole('list', { name: '人材育成の意見' })).toContainText(
    '職員研修をオンラインで受けられるようにしてほしい。',
  );
  await expect(card(page, '職員研修をオンライン').getByRole('combobox', { name: /反映状況/ })).toHaveValue(
    '今後の参考',
  );

  // The corrected sheet comes back with the city's answer filled in: the same opinion is
  // updated (shown as 更新 first), not added a second time; the unchanged row is left alone.
  const fixed = new ExcelJS.Workbook();
  const fws = fixed.addWorksheet('意見シート');
  fws.addRow(['分野', '委員', '会議', '出典', '意見', '市の考え方', '反映状況']);
  fws.addRow([
    '財務',
    '河',
    '第2回',
    '審議会',
    'ふるさと納税の返礼品を見直してはどうか。',
    '返礼品の基準を見直します。',
    '',
  ]);
  fws.addRow(['人材育成', '', '', '書面意見', '職員研修をオンラインで受けられるようにしてほしい。', '', '']);
  const fixedFile = path.join(os.tmpdir(), `iken-fixed-${Date.now()}.xlsx`);
  await fixed.xlsx.writeFile(fixedFile);
  await page.getByRole('button', { name: 'Excel から取り込む' }).click();
  await dialog.getByLabel('取り込むファイル').setInputFiles(fixedFile);
  await expect(preview.getByRole('row', { name: /ふるさと納税/ })).toContainText('更新：市の考え方');
  await expect(preview.getByRole('row', { name: /職員研修/ })).toContainText('変更なし（登録済み）');
  await screenshot(page, 'opinions-07-reimport-preview');
  await dialog.getByRole('button', { name: '追加 0件・更新 1件を取り込む' }).click();
  await expect(toast(page, '意見を取り込みました（追加 0件・更新 1件）')).toBeVisible();
  await expect(page.getByRole('search', { name: '意見の絞り込み' })).toContainText('96 / 96件');
  await expect(imported).toContainText('返礼品の基準を見直します。');

  // Round trip by 意見ID: the internal 分野別意見一覧 goes out, its 意見 is corrected in Excel
  // and it comes back. The row is the same opinion (its id), so the text is updated in place.
  await page.getByRole('button', { name: '出力' }).click();
  await page.getByRole('menuitemcheckbox', { name: /公開版/ }).click();
  await page.getByRole('menuitem', { name: '分野別意見一覧（Excel）' }).click();
  await expect(toast(page, `「${C}分野別意見一覧_内部用.xlsx」を保存しました`)).toBeVisible({ timeout: 30_000 });
  const exported = await sheetOf(server.exportDir, '分野別意見一覧_内部用.xlsx', '分野別意見一覧');
  const headers = exported.rows[0]!;
  expect(headers.at(-1)).toBe('意見ID');
  const textCol = headers.indexOf('意見') + 1;
  const target = exported.rows.findIndex((r) => r[textCol - 1] === 'ふるさと納税の返礼品を見直してはどうか。') + 1;
  expect(target).toBeGreaterThan(1);
  const corrected = 'ふるさと納税の返礼品の基準を、地場産品に絞って見直してはどうか。';
  exported.ws.getRow(target).getCell(textCol).value = corrected;
  const roundTrip = path.join(os.tmpdir(), `iken-roundtrip-${Date.now()}.xlsx`);
  await exported.ws.workbook.xlsx.writeFile(roundTrip);
  await page.getByRole('button', { name: 'Excel から取り込む' }).click();
  await dialog.getByLabel('取り込むファイル').setInputFiles(roundTrip);
  const row = preview.getByRole('row', { name: /地場産品に絞って/ });
  // Reading the 96-row workbook in main is the slow part on a loaded machine.
  await expect(row).toContainText('更新：意見', { timeout: 30_000 });
  await expect(row).toContainText('意見IDで照合');
  await expect(row).toContainText('変更前の意見：ふるさと納税の返礼品を見直してはどうか。');
  await expect(dialog).toContainText('意見の文を直した行も、意見IDが同じなら同じ意見の更新です');
  await expect(dialog).toContainText('（更新 1件・変更なし 95件）');
  // The one change is listed first, above the 95 unchanged rows.
  await expect(preview.getByRole('row').nth(1)).toContainText('地場産品に絞って');
  await screenshot(page, 'opinions-08-reimport-by-id');
  // The first update's toast says the same words; let it go so the one seen next is this import's.
  await expect(toast(page, '意見を取り込みました（追加 0件・更新 1件）')).toHaveCount(0, { timeout: 15_000 });
  await dialog.getByRole('button', { name: '追加 0件・更新 1件を取り込む' }).click();
  await expect(toast(page, '意見を取り込みました（追加 0件・更新 1件）')).toBeVisible();
  await expect(page.getByRole('search', { name: '意見の絞り込み' })).toContainText('96 / 96件');
  const updated = card(page, corrected);
  await expect(updated).toContainText('返礼品の基準を見直します。');
  await expect(updated).toContainText('河委員');
  await expect(card(page, 'ふるさと納税の返礼品を見直してはどうか。')).toHaveCount(0);
});
