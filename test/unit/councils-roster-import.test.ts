import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildRosterTemplate, parseRosterWorkbook } from '../../electron/services/councils/roster-import';
import { AppError } from '../../shared/errors';

async function workbook(rows: unknown[][], build?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名簿');
  for (const r of rows) ws.addRow(r);
  build?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function invalid(data: Uint8Array): Promise<AppError> {
  const e = await parseRosterWorkbook(data, [], '名簿.xlsx').then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('roster import from .xlsx', () => {
  it('reads a good file with columns in any order, 和暦 and real date cells, and matches existing members', async () => {
    const data = await workbook([
      ['所属', '氏名', 'ふりがな', '役職', '区分', '任期開始', '任期終了'],
      [
        '九州工業大学',
        '井澤 太郎',
        'いざわ たろう',
        '会長',
        '学識経験者',
        new Date(Date.UTC(2023, 3, 1)),
        '令和7年3月31日',
      ],
      ['商工会議所', '大久保　花子', 'おおくぼ はなこ', '副会長', '関係団体', 'R5.4.1', '2025/3/31'],
      ['', '河 一郎', 'かわ いちろう', '', '公募市民', '２０２３年４月１日', null],
      [],
      ['', '河﨑 次郎', '', '委員', '', 45017, ''],
    ]);
    const preview = await parseRosterWorkbook(
      data,
      [
        { id: 'x1', name: '大久保花子', reading: 'おおくぼ はなこ' },
        { id: 'x2', name: '河 一郎', reading: '' },
      ],
      '名簿.xlsx',
    );
    expect(preview.problems).toEqual([]);
    expect(preview.sheetName).toBe('名簿');
    expect(preview.columns).toEqual(['所属', '氏名', 'よみがな', '役職', '区分', '任期開始', '任期終了']);
    expect(preview.rows.map((r) => [r.rowNumber, r.action, r.memberId, r.member.name])).toEqual([
      [2, 'add', null, '井澤 太郎'],
      [3, 'update', 'x1', '大久保　花子'],
      [4, 'update', 'x2', '河 一郎'],
      [6, 'add', null, '河﨑 次郎'],
    ]);
    expect(preview.rows[0]!.member).toEqual({
      name: '井澤 太郎',
      reading: 'いざわ たろう',
      role: '会長',
      category: '学識経験者',
      affiliation: '九州工業大学',
      termStart: '2023-04-01',
      termEnd: '2025-03-31',
    });
    expect(preview.rows[1]!.member).toMatchObject({ role: '副会長', termStart: '2023-04-01', termEnd: '2025-03-31' });
    expect(preview.rows[2]!.member).toMatchObject({ role: '委員', termStart: '2023-04-01', termEnd: null });
    expect(preview.rows[3]!.member.termStart).toBe('2023-04-01'); // serial 45017 typed without a date format
  });

  it('reports every kind of bad row with its row number and imports none of them', async () => {
    const data = await workbook([
      ['氏名', 'よみがな', '役職', '任期開始', '任期終了'],
      ['', 'なし', '委員', '', ''], // 2: missing name
      ['菅原', 'すがわら', '委'.repeat(51), '', ''], // 3: a role too long to be one
      ['畠中', 'はたなか', '委員', '来年4月', ''], // 4: bad date
      ['田中', 'たなか', '委員', '令和1年4月1日', ''], // 5: not a real 和暦 date
      ['佐藤', 'さとう', '委員', '2025/4/1', '2023/3/31'], // 6: end before start
      ['畠山', 'はたけやま', '委員', '', ''], // 7: good
      ['畠山', 'はたけやま', '', '', ''], // 8: same person twice
    ]);
    const preview = await parseRosterWorkbook(data, [], '名簿.xlsx');
    expect(preview.rows.map((r) => r.rowNumber)).toEqual([7]);
    expect(preview.problems.map((p) => [p.rowNumber, p.column])).toEqual([
      [2, '氏名'],
      [3, '役職'],
      [4, '任期開始'],
      [5, '任期開始'],
      [6, '任期終了'],
      [8, '氏名'],
    ]);
    expect(preview.problems[0]!.message).toBe('氏名がありません。');
    expect(preview.problems[1]!.message).toBe('役職が長すぎます（50文字まで）。');
    expect(preview.problems[2]!.message).toContain('任期開始「来年4月」を日付として読み取れません');
    expect(preview.problems[5]!.message).toBe('7行目と同じ委員です。');
  });

  it('takes any title the roster gives (委員長, 座長, 職務代理者) as written; a blank one is 委員', async () => {
    const data = await workbook([
      ['氏名', 'よみがな', '役職'],
      ['井澤', 'いざわ', '委員長'],
      ['大久保', 'おおくぼ', '副委員長'],
      ['河', 'かわ', '職務代理者'],
      ['菅原', 'すがわら', ''],
    ]);
    const preview = await parseRosterWorkbook(data, [], '名簿.xlsx');
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r) => r.member.role)).toEqual(['委員長', '副委員長', '職務代理者', '委員']);
  });

  it('finds the header below a title line', async () => {
    const data = await workbook([['令和5年度 委員名簿'], [], ['No.', '氏　名', 'よみがな'], [1, '井澤', 'いざわ']]);
    const preview = await parseRosterWorkbook(data, [], 'a.xlsx');
    expect(preview.rows.map((r) => [r.rowNumber, r.member.name])).toEqual([[4, '井澤']]);
  });

  it('refuses a file that is not a workbook, in Japanese', async () => {
    const e = await invalid(new TextEncoder().encode('氏名,よみがな\n井澤,いざわ\n'));
    expect(e.code).toBe('INVALID_FILE');
    expect(e.message).toContain('「名簿.xlsx」は Excel ブック（.xlsx）として読み込めませんでした');
  });

  it('refuses an empty sheet and a sheet without a 氏名 header', async () => {
    const empty = await invalid(await workbook([]));
    expect(empty.code).toBe('INVALID_FILE');
    expect(empty.message).toContain('シートにはデータがありません');
    const noHeader = await invalid(
      await workbook([
        ['名称', '住所'],
        ['A', 'B'],
      ]),
    );
    expect(noHeader.message).toContain('「氏名」の見出しが見つかりません');
  });

  it('reads its own template back: headers recognised, nothing to import', async () => {
    const preview = await parseRosterWorkbook(await buildRosterTemplate(), [], 'ひな形.xlsx');
    expect(preview).toEqual({
      sheetName: '委員名簿',
      columns: ['氏名', 'よみがな', '役職', '区分', '所属', '任期開始', '任期終了'],
      rows: [],
      problems: [],
    });
  });
});
