/**
 * A council from scratch: roster imported from Excel, a meeting with attendance below and
 * then above quorum, a material with its file, and the 次第 and 出欠表 read back from disk.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { test, expect, loadSample, screenshot } from './fixtures';

/** A date n days from today in Japan, as a roster would type it (2026/12/1). */
function daysFromToday(n: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
}

async function rosterFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('委員名簿');
  ws.addRow(['氏名', 'よみがな', '役職', '区分', '所属', '任期開始', '任期終了']);
  ws.addRow(['青木 一郎', 'あおき いちろう', '会長', '学識経験者', 'テスト大学', '令和6年4月1日', 'R80.3.31']);
  ws.addRow([
    '石田 花子',
    'いしだ はなこ',
    '副会長',
    '関係団体',
    'テスト商工会議所',
    new Date(Date.UTC(2024, 3, 1)),
    '2098/3/31',
  ]);
  ws.addRow(['上野 健', 'うえの けん', '委員', '関係団体', 'テスト自治会連合会', '2024/4/1', daysFromToday(20)]); // ends soon
  ws.addRow(['江口 由美', 'えぐち ゆみ', '委員', '公募市民', '', '2024/4/1', '2098/3/31']);
  ws.addRow(['大野 誠', 'おおの まこと', '', '公募市民', '', '2024/4/1', '2024/5/31']); // ended
  ws.addRow(['小川 実', 'おがわ みのる', '委'.repeat(51), '学識経験者', '', '2024/4/1', '2098/3/31']); // no title is that long
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'roster-')), '委員名簿.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

async function docxText(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? '\n').join(''))
    .join('\n');
}

test('create a council, import the roster, run a meeting to quorum, attach a material, export 次第 and 出欠表', async ({
  app: page,
  server,
}) => {
  test.setTimeout(240_000); // a roster import, a 5 MB upload and two exports on a loaded machine
  // ---- council
  await page.getByRole('button', { name: '新しい審議会' }).first().click();
  const create = page.getByRole('dialog', { name: '新しい審議会を作成' });
  await create.getByLabel('審議会の名称').fill('テスト市環境審議会');
  await create.getByLabel('自治体名').fill('テスト市');
  await create.getByRole('button', { name: '作成' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'テスト市環境審議会' })).toBeVisible();

  // ---- the template the import understands
  await page.getByRole('button', { name: 'ひな形' }).click();
  await expect(page.getByRole('group', { name: '保存しました' })).toContainText('委員名簿（取り込み用ひな形）.xlsx');
  const template = new ExcelJS.Workbook();
  await template.xlsx.load(
    readFileSync(path.join(server.exportDir, '委員名簿（取り込み用ひな形）.xlsx')) as unknown as ArrayBuffer,
  );
  expect(template.getWorksheet('委員名簿')!.getRow(1).values).toEqual([
    undefined,
    '氏名',
    'よみがな',
    '役職',
    '区分',
    '所属',
    '任期開始',
    '任期終了',
  ]);

  // ---- a file that is not a workbook is refused in Japanese
  await page.getByTestId('roster-file').setInputFiles({
    name: '名簿.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from('氏名,よみがな\n'),
  });
  await expect(
    page.getByRole('alert').filter({ hasText: '「名簿.xlsx」は Excel ブック（.xlsx）として読み込めませんでした' }),
  ).toBeVisible();

  // ---- roster from Excel: preview first, nothing written until confirmed
  await page.getByTestId('roster-file').setInputFiles(await rosterFile());
  const preview = page.getByRole('dialog', { name: '名簿の取り込み（確認）' });
  await expect(preview).toContainText('追加 5人・更新 0人');
  await expect(preview.getByRole('list', { name: '取り込めない行' })).toContainText(
    '7行目（役職）：役職が長すぎます（50文字まで）',
  );
  await expect(preview.getByRole('table', { name: '取り込む委員' }).getByRole('row')).toHaveCount(6);
  await expect(page.getByText('委員が登録されていません')).toBeVisible();
  await screenshot(page, 'councils-01-roster-import-preview');
  await preview.getByRole('button', { name: '5人を取り込む' }).click();
  const roster = page.getByRole('table', { name: '委員名簿' });
  await expect(roster.getByRole('row')).toHaveCount(6);
  await expect(roster.getByRole('row').nth(1)).toContainText('青木 一郎');
  await expect(roster.getByRole('row').nth(1)).toContainText('令和6年4月1日～令和80年3月31日');
  await expect(roster.getByRole('row').nth(5)).toContainText('大野 誠');
  // Term warnings: ended, and ending within 30 days.
  await expect(roster.getByRole('row').nth(5)).toContainText('任期終了');
  await expect(roster.getByRole('row').nth(3)).toContainText('満了まで20日');
  await expect(page.getByRole('group', { name: '任期の注意' })).toContainText(
    '大野 誠委員：任期が終了しています（令和6年5月31日）',
  );
  await expect(page.getByRole('group', { name: '任期の注意' })).toContainText('上野 健委員：任期満了まで20日');
  // Keyboard reorder: Alt+↓ on the first row moves 青木 down.
  await roster.getByRole('row', { name: '青木 一郎会長' }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(roster.getByRole('row').nth(1)).toContainText('石田 花子');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(roster.getByRole('row').nth(1)).toContainText('青木 一郎');
  // Mouse: drag 大野 onto the second row, then back to the end.
  await roster.getByRole('row', { name: '大野 誠委員' }).dragTo(roster.getByRole('row').nth(2));
  await expect(roster.getByRole('row').nth(2)).toContainText('大野 誠');
  await expect(roster.getByRole('row').nth(3)).toContainText('石田 花子');
  // 50音順 is a view by よみがな; the roster order stays.
  await page.getByRole('button', { name: '50音順に並べる' }).click();
  await expect(roster.getByRole('row').nth(2)).toContainText('石田 花子');
  await expect(roster.getByRole('row').nth(5)).toContainText('大野 誠');
  await page.getByRole('button', { name: '50音順に並べる' }).click();
  await expect(roster.getByRole('row').nth(2)).toContainText('大野 誠');
  await roster.getByRole('row', { name: '大野 誠委員' }).dragTo(roster.getByRole('row').nth(5));
  await expect(roster.getByRole('row').nth(5)).toContainText('大野 誠');
  await screenshot(page, 'councils-02-members');

  // ---- meeting
  await page.getByRole('tab', { name: '会議' }).click();
  await page.getByRole('button', { name: '新しい会議' }).click();
  const newMeeting = page.getByRole('dialog', { name: '新しい会議を作成' });
  await expect(newMeeting.getByLabel('回（第N回）')).toHaveValue('1');
  await newMeeting.getByLabel('開催日').fill('2024-05-20');
  await newMeeting.getByLabel('開始時刻').fill('14:00');
  await newMeeting.getByLabel('終了時刻').fill('16:00');
  await newMeeting.getByLabel('開催場所').fill('オンライン（委員）\nテスト市役所3階第1会議室（事務局）');
  await newMeeting.getByRole('button', { name: '作成' }).click();
  await expect(page.getByRole('heading', { name: '第1回 会議' })).toBeVisible();
  await page.getByRole('combobox', { name: '状態' }).click();
  await page.getByRole('option', { name: '開催済' }).click();
  await expect(page.getByLabel('会議録の期限')).toHaveValue('2024-06-19'); // 開催日 + 30 days
  await expect(page.getByRole('button', { name: '記録（ライブ）' })).toBeVisible();
  await expect(page.getByRole('button', { name: '会議録' })).toBeVisible();

  // ---- agenda
  await page.getByRole('button', { name: '標準の次第を入れる' }).click();
  const agenda = page.getByRole('list', { name: '次第の項目' });
  await agenda.getByLabel('項目名').nth(1).fill('環境基本計画の改定について');
  await agenda.getByLabel('項目名').nth(1).press('Enter');
  await expect(agenda.getByRole('listitem').nth(1)).toHaveAccessibleName('2（1） 環境基本計画の改定について');
  await page.getByRole('button', { name: '項目を追加' }).click(); // a second 議題, before その他・閉会
  await expect(agenda.getByRole('listitem')).toHaveCount(5);
  await expect(agenda.getByRole('listitem').nth(2)).toHaveAccessibleName('2（2） 議題');
  await agenda.getByLabel('項目名').nth(2).fill('地球温暖化対策実行計画について');
  await agenda.getByLabel('項目名').nth(2).press('Enter');
  await expect(agenda.getByRole('listitem').nth(2)).toHaveAccessibleName('2（2） 地球温暖化対策実行計画について');
  // Alt+↑ inside the title moves the item up: the two 議題 swap.
  await agenda.getByLabel('項目名').nth(2).press('Alt+ArrowUp');
  await expect(agenda.getByRole('listitem').nth(1)).toHaveAccessibleName('2（1） 地球温暖化対策実行計画について');
  // Mouse: drag 環境基本計画 by its grip back above.
  await agenda.getByRole('listitem').nth(2).getByTestId('agenda-grip').dragTo(agenda.getByRole('listitem').nth(1));
  await expect(agenda.getByRole('listitem').nth(1)).toHaveAccessibleName('2（1） 環境基本計画の改定について');
  await expect(agenda.getByRole('listitem').nth(2)).toHaveAccessibleName('2（2） 地球温暖化対策実行計画について');

  // ---- attendance below quorum, then above
  const quorum = page.getByLabel('定足数');
  await page.getByRole('radiogroup', { name: '青木 一郎の出欠' }).getByLabel('欠席').click();
  await page.getByRole('radiogroup', { name: '石田 花子の出欠' }).getByLabel('出席', { exact: true }).click();
  await page.getByRole('radiogroup', { name: '上野 健の出欠' }).getByLabel('オンライン出席').click();
  await expect(quorum).toContainText('定足数に達していません');
  await expect(quorum).toContainText('出席 2人／定足数 3人（委員5人・委員の過半数）');
  await expect(
    page.getByText('青木 一郎会長が欠席のため、石田 花子副会長が議事進行を行うのが通例です。'),
  ).toBeVisible();
  await screenshot(page, 'councils-03-meeting-below-quorum');
  await page.getByRole('button', { name: '石田 花子副会長を議長にする' }).click();
  await expect(page.getByRole('combobox', { name: '議長（議事進行）' })).toHaveText('石田 花子副会長');
  await page.getByRole('radiogroup', { name: '江口 由美の出欠' }).getByLabel('出席', { exact: true }).click();
  await expect(quorum).toContainText('定足数を満たしています');
  await expect(quorum).toContainText('出席 3人／定足数 3人');

  // ---- a material with its file (over 4 MB, so it goes in two pieces)
  await page.getByRole('button', { name: '資料を追加' }).click();
  await page.getByLabel('資料１の名称').fill('環境基本計画（素案）');
  await page.getByLabel('資料１の名称').press('Enter');
  const body = Buffer.alloc(5 * 1024 * 1024 + 123, 7);
  body.write('%PDF-1.4 資料１', 0);
  const source = path.join(mkdtempSync(path.join(os.tmpdir(), 'mat-')), '資料1_素案.pdf');
  writeFileSync(source, body);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: '資料１にファイルを添付' }).click(),
  ]);
  await chooser.setFiles(source);
  // 5 MB sent in two pieces: on a loaded machine this takes a while, the progress bar shows it.
  await expect(page.getByText('資料1_素案.pdf（5.0 MB）')).toBeVisible({ timeout: 60_000 });
  const stored = readdirSync(path.join(server.dataDir, 'attachments'));
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatch(/^[0-9a-f-]{36}\.pdf$/);
  expect(readFileSync(path.join(server.dataDir, 'attachments', stored[0]!)).equals(body)).toBe(true);
  await screenshot(page, 'councils-04-meeting-quorate');

  // ---- 次第
  await page.getByRole('button', { name: '次第を出力' }).click();
  const saved = page.getByRole('group', { name: '保存しました' });
  await expect(saved).toContainText('テスト市環境審議会_第1回_会議次第.docx');
  await expect(saved.getByRole('button', { name: 'ファイルを開く' })).toBeVisible();
  await expect(saved.getByRole('button', { name: 'フォルダを開く' })).toBeVisible();
  await page.getByRole('heading', { name: '第1回 会議' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'councils-04b-meeting-exported');
  const agendaText = await docxText(path.join(server.exportDir, 'テスト市環境審議会_第1回_会議次第.docx'));
  expect(agendaText).toContain('第1回テスト市環境審議会');
  expect(agendaText).toContain('日　時　令和6年5月20日（月） 14:00～16:00');
  expect(agendaText).toContain('場　所　オンライン（委員）\nテスト市役所3階第1会議室（事務局）');
  // Digits half-width, the council's default, throughout the document.
  expect(agendaText).toContain('1　開会');
  expect(agendaText).toContain('2　議題');
  expect(agendaText.indexOf('（1）環境基本計画の改定について')).toBeLessThan(
    agendaText.indexOf('（2）地球温暖化対策実行計画について'),
  );
  expect(agendaText).toContain('3　その他');
  expect(agendaText).toContain('4　閉会');
  expect(agendaText).toContain('資料1　環境基本計画（素案）');

  // ---- 出欠表
  await page.getByRole('button', { name: '会議一覧' }).click();
  await expect(page.getByRole('table', { name: '会議一覧' }).getByRole('row', { name: /第1回/ })).toContainText(
    '3/4人',
  );
  await screenshot(page, 'councils-05-meetings');
  await page.getByRole('button', { name: '出欠表を出力' }).click();
  await page.getByRole('menuitem', { name: '令和6年度の会議' }).click();
  await expect(page.getByRole('group', { name: '保存しました' })).toContainText(
    'テスト市環境審議会_令和6年度_出欠表.xlsx',
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    readFileSync(path.join(server.exportDir, 'テスト市環境審議会_令和6年度_出欠表.xlsx')) as unknown as ArrayBuffer,
  );
  const ws = wb.getWorksheet('出欠表')!;
  expect(ws.getRow(1).values).toEqual([
    undefined,
    '順',
    '氏名',
    '役職',
    '第1回\n令和6年5月20日',
    '出席（○）',
    'オンライン（オ）',
    '欠席（×）',
    '出席計',
  ]);
  const rows = [2, 3, 4, 5, 6].map((r) => [ws.getCell(`B${r}`).value, ws.getCell(`D${r}`).value]);
  expect(rows).toEqual([
    ['青木 一郎', '×'],
    ['石田 花子', '○'],
    ['上野 健', 'オ'],
    ['江口 由美', '○'],
    ['大野 誠', ''],
  ]);
  const result = (ref: string) => (ws.getCell(ref).value as ExcelJS.CellFormulaValue).result;
  expect(result('E3')).toBe(1); // 石田: ○ 1
  expect(result('H4')).toBe(1); // 上野: 出席計 1
  expect(ws.getCell('B10').value).toBe('出席者数');
  expect(result('D10')).toBe(3);
  expect(result('D7')).toBe(2); // ○ 2
  expect(result('D8')).toBe(1); // オ 1
  expect(result('D9')).toBe(1); // × 1

  // ---- the council home shows the year
  await page.getByRole('tab', { name: '概要' }).click();
  await expect(page.getByRole('listitem', { name: '5月' })).toContainText('第1回 20日');
  await expect(page.getByText('令和6年度：開催済 1回／開催予定 0回')).toBeVisible();
  await expect(page.getByText('任期終了 1人／30日以内に満了 1人')).toBeVisible();
  await expect(page.getByRole('group', { name: /会議録の期限を過ぎています（1件）/ })).toContainText(
    '第1回（令和6年5月20日（月））：期限 令和6年6月19日',
  );
  await screenshot(page, 'councils-06-overview');
});

test('members and staff by hand, council settings (field merge, quorum, style), the plan exported, a meeting from the previous agenda deleted again', async ({
  app: page,
  server,
}) => {
  await loadSample(page);

  // Members and staff by hand.
  await page.getByRole('tab', { name: '委員' }).click();
  await page.getByRole('button', { name: '委員を追加' }).click();
  const add = page.getByRole('dialog', { name: '委員を追加' });
  await add.getByRole('button', { name: '保存' }).click();
  await expect(add.getByText('氏名を入力してください。')).toBeVisible();
  await add.getByLabel('氏名').fill('新井');
  await add.getByLabel('よみがな').fill('あらい');
  await add.getByRole('combobox', { name: '区分' }).fill('公募市民');
  await add.getByRole('button', { name: '保存' }).click();
  const roster = page.getByRole('table', { name: '委員名簿' });
  await expect(roster.getByRole('row')).toHaveCount(8);
  await expect(roster.getByRole('row').nth(7)).toContainText('新井');
  await expect(roster.getByRole('row').nth(7)).toContainText('公募市民');
  await page.getByRole('button', { name: '50音順に並べる' }).click();
  await expect(roster.getByRole('row').nth(1)).toContainText('新井');
  await page.getByRole('button', { name: '50音順に並べる' }).click();
  await page.getByRole('button', { name: '職員を追加' }).click();
  const staff = page.getByRole('dialog', { name: '事務局職員を追加' });
  await staff.getByLabel('部署').fill('行政経営部');
  await staff.getByLabel('職名').fill('次長');
  await staff.getByLabel('氏名').fill('西');
  await expect(staff.getByText('会議録での表記：【行政経営部】西次長')).toBeVisible();
  await staff.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('table', { name: '事務局職員' })).toContainText('【行政経営部】西次長');
  // A member with attendance records is kept.
  await roster.getByRole('row', { name: '井澤会長' }).getByRole('button', { name: '井澤を削除' }).click();
  await expect(page.getByRole('dialog', { name: '井澤会長を削除' })).toContainText(
    '出欠の記録（第2回）があるため削除できません',
  );
  await page.getByRole('dialog', { name: '井澤会長を削除' }).getByRole('button', { name: '閉じる' }).click();

  await page.getByRole('tab', { name: '設定' }).click();
  const fields = page.getByRole('list', { name: '分野の一覧' });
  await expect(fields.getByRole('listitem')).toHaveCount(6);
  await fields
    .getByRole('listitem', { name: 'DX推進' })
    .getByRole('button', { name: '「DX推進」を別の分野に統合' })
    .click();
  const merge = page.getByRole('dialog', { name: '分野「DX推進」を統合' });
  await merge.getByRole('combobox').click();
  await page.getByRole('option', { name: '経営' }).click();
  await merge.getByRole('button', { name: '統合する' }).click();
  await expect(page.getByText('「DX推進」を「経営」に統合しました', { exact: true })).toBeVisible();
  await expect(fields.getByRole('listitem')).toHaveCount(5);
  await page.getByRole('radiogroup', { name: '定足数の決め方' }).getByLabel('委員の○分の○以上').click();
  await expect(page.getByText('現在の委員 7人 → 定足数 4人（委員の2分の1以上）')).toBeVisible();
  await page.getByLabel('（金曜日）').click();
  await expect(page.getByText('表記の例：令和5年7月7日（金曜日） 13:30～15:30')).toBeVisible();
  await screenshot(page, 'councils-07-settings');

  // The merged field's opinions now sit under 経営.
  await page.getByRole('tab', { name: '意見' }).click();
  await expect(page.getByRole('heading', { name: /DX推進/ })).toHaveCount(0);
  await expect(
    page.getByText('庁内のDXと住民サービスのDXは分けて考えるべき。また、成果は検証する必要がある。'),
  ).toBeVisible();

  // The plan, from the meetings, exported.
  await page.getByRole('tab', { name: '会議' }).click();
  await page.getByRole('button', { name: '会議開催計画' }).click();
  await page.getByRole('button', { name: '登録済みの会議から取り込む' }).click();
  const plan = page.getByRole('table', { name: '会議開催計画' });
  await expect(plan.getByRole('row')).toHaveCount(3);
  await expect(plan.getByLabel('検討テーマ').first()).toHaveValue(
    '各分野の現状と課題及び想定される解決策について\n行政経営戦略推進ビジョン骨子案について',
  );
  await screenshot(page, 'councils-08-plan');
  await page.getByRole('button', { name: 'Excelに出力' }).click();
  await expect(page.getByRole('group', { name: '保存しました' })).toContainText(
    '飯塚市行政経営戦略推進審議会_令和5年度_会議開催計画.xlsx',
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    readFileSync(
      path.join(server.exportDir, '飯塚市行政経営戦略推進審議会_令和5年度_会議開催計画.xlsx'),
    ) as unknown as ArrayBuffer,
  );
  const ws = wb.getWorksheet('会議開催計画')!;
  expect([ws.getCell('A5').value, ws.getCell('B5').value]).toEqual(['7月', '第2回会議']);
  // Themes sit beside the 開催日 column (会議開催計画: 月 | 会議 | 開催日 | 検討テーマ).
  expect(ws.getCell('D6').value).toBe('・ビジョン素案について\n・プランの骨子案について');

  // A new meeting takes the previous agenda as a start; a meeting made by mistake is deleted.
  await page.getByRole('button', { name: '会議一覧' }).click();
  await page.getByRole('button', { name: '新しい会議' }).click();
  const dialog = page.getByRole('dialog', { name: '新しい会議を作成' });
  await expect(dialog.getByLabel('回（第N回）')).toHaveValue('4');
  await dialog.getByRole('button', { name: '作成' }).click();
  await expect(page.getByRole('heading', { name: '第4回 会議' })).toBeVisible();
  await page.getByRole('button', { name: '前回の次第を写す' }).click();
  const agenda = page.getByRole('list', { name: '次第の項目' });
  await expect(agenda.getByRole('listitem').nth(0)).toHaveAccessibleName('1（1） ビジョン素案について');
  await expect(agenda.getByRole('listitem').nth(1)).toHaveAccessibleName('1（2） プランの骨子案について');
  await page.getByRole('button', { name: '削除' }).first().click();
  await page.getByRole('dialog', { name: '第4回の会議を削除' }).getByRole('button', { name: '削除' }).click();
  await expect(page.getByRole('table', { name: '会議一覧' }).getByRole('row')).toHaveCount(4);
});
