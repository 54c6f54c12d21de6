/**
 * 委員名簿の取り込み: reads a roster workbook (.xlsx) and says, row by row, what would be
 * added or updated and what is wrong. Writes nothing — the renderer shows the preview
 * and writes the records only when the user confirms.
 *
 * Columns are recognised by their header text in any order (氏名, よみがな, 役職, 区分,
 * 所属, 任期開始, 任期終了 and common variants). Read with `xlsx.load` (the streaming
 * reader corrupts multi-byte text at chunk boundaries).
 */
import ExcelJS from 'exceljs';
import { cellText, findHeaderRow, isUncachedFormula, loadWorkbook } from '../xlsx-read';
import type { ZipLimits } from '../zip-guard';
import { addTableSheet, newWorkbook, workbookBytes } from '../exports/xlsx-common';
import { AppError } from '../../../shared/errors';
import type { Member } from '../../../shared/domain';
import type { RosterMember, RosterPreview } from '../../../shared/contract/councils';
import { parseJapaneseDate } from '../../../shared/wareki';
import { memberMatcher, rosterRowKey } from '../../../shared/people';

type Key = 'name' | 'reading' | 'role' | 'category' | 'affiliation' | 'termStart' | 'termEnd';

const HEADERS: Record<Key, { label: string; names: string[] }> = {
  name: { label: '氏名', names: ['氏名', '名前', '委員名', '委員氏名', 'なまえ'] },
  reading: {
    label: 'よみがな',
    names: [
      'よみがな',
      'ふりがな',
      'ヨミガナ',
      'フリガナ',
      'よみ',
      'ヨミ',
      '読み',
      '読み仮名',
      'かな',
      'カナ',
      '氏名よみがな',
      '氏名ふりがな',
      '氏名(よみがな)',
      '氏名(ふりがな)',
    ],
  },
  role: { label: '役職', names: ['役職', '役職名', '役割', '職'] },
  category: { label: '区分', names: ['区分', '選出区分', '委員区分', '種別', '分類'] },
  affiliation: { label: '所属', names: ['所属', '所属団体', '所属団体等', '団体名', '所属等', '勤務先'] },
  termStart: {
    label: '任期開始',
    names: [
      '任期開始',
      '任期開始日',
      '任期(開始)',
      '任期始期',
      '委嘱日',
      '委嘱年月日',
      '就任日',
      '任命日',
      '任期の始期',
    ],
  },
  termEnd: {
    label: '任期終了',
    names: ['任期終了', '任期終了日', '任期(終了)', '任期終期', '任期満了', '任期満了日', '任期の終期'],
  },
};

const HEADER_WORDS = Object.fromEntries(Object.entries(HEADERS).map(([k, h]) => [k, h.names])) as Record<Key, string[]>;

/** More rows than any council has members: a larger sheet is not a roster (or is a bomb). */
export const ROSTER_MAX_ROWS = 2_000;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date cell (a real date, an Excel serial number, or text in 西暦 or 和暦). */
function cellDate(value: ExcelJS.CellValue): { ok: true; iso: string | null } | { ok: false; text: string } {
  if (value === null || value === undefined || value === '') return { ok: true, iso: null };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? { ok: false, text: String(value) }
      : { ok: true, iso: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'number') {
    // A serial typed into a cell without a date format: 45017 = 2023/4/1.
    if (Number.isInteger(value) && value > 0 && value < 110000) {
      return { ok: true, iso: new Date(EXCEL_EPOCH + value * 86400000).toISOString().slice(0, 10) };
    }
    return { ok: false, text: String(value) };
  }
  if (typeof value === 'object' && 'result' in value)
    return cellDate((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  const text = cellText(value);
  if (!text) return { ok: true, iso: null };
  const iso = parseJapaneseDate(text);
  return iso ? { ok: true, iso } : { ok: false, text };
}

export interface ExistingMember {
  id: string;
  name: string;
  reading: string;
}

export async function parseRosterWorkbook(
  data: Uint8Array,
  existing: ExistingMember[],
  fileName = '',
  opts: { limits?: ZipLimits; maxRows?: number } = {},
): Promise<RosterPreview> {
  const label = fileName ? `「${fileName}」` : 'このファイル';
  const maxRows = opts.maxRows ?? ROSTER_MAX_ROWS;
  const wb = await loadWorkbook(data, fileName, opts.limits);
  if (wb.worksheets.every((ws) => ws.actualRowCount === 0)) {
    throw new AppError(
      'INVALID_FILE',
      `${label}のシートにはデータがありません。1行目に「氏名」「よみがな」「役職」などの見出し、2行目から委員を1人1行で入力してください。`,
    );
  }
  const header = findHeaderRow(wb, HEADER_WORDS, 'name');
  if (!header) {
    throw new AppError(
      'INVALID_FILE',
      `${label}に「氏名」の見出しが見つかりません。1行目に「氏名」「よみがな」「役職」「区分」「所属」「任期開始」「任期終了」の見出しを置いてください。`,
    );
  }
  const { ws } = header;
  const col = (key: Key) => header.columns.get(key);

  const matchExisting = memberMatcher(existing);
  const seen = new Map<string, number>(); // name+reading → first row number
  const rows: RosterPreview['rows'] = [];
  const problems: RosterPreview['problems'] = [];

  let counted = 0;
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const raw = (key: Key): ExcelJS.CellValue => {
      const c = col(key);
      return c ? row.getCell(c).value : null;
    };
    const text = (key: Key) => cellText(raw(key));
    const all = [...header.columns.values()].map((c) => cellText(row.getCell(c).value));
    const uncached = [...header.columns.entries()].filter(([, c]) => isUncachedFormula(row.getCell(c).value));
    if (all.every((v) => v === '') && uncached.length === 0) continue; // blank line
    if (++counted > maxRows) {
      throw new AppError(
        'INVALID_FILE',
        `${label}は委員が ${maxRows.toLocaleString('ja-JP')} 行を超えているため読み込みを中止しました。名簿の行だけを残したファイルで、もう一度取り込んでください。`,
      );
    }

    const rowProblems: RosterPreview['problems'] = uncached.map(([key]) => ({
      rowNumber: r,
      column: HEADERS[key].label,
      message: `${HEADERS[key].label}の数式に計算結果が保存されていないため読み取れません。Excel で開いて保存し直すか、値を直接入力してください。`,
    }));
    const name = text('name');
    if (!name && !uncached.some(([k]) => k === 'name'))
      rowProblems.push({ rowNumber: r, column: '氏名', message: '氏名がありません。' });
    else if (name.length > 100)
      rowProblems.push({ rowNumber: r, column: '氏名', message: '氏名が長すぎます（100文字まで）。' });

    const roleText = text('role').normalize('NFKC').replace(/\s+/g, '');
    // Any title the roster gives (委員長, 座長, 職務代理者 …), as written; blank = 委員.
    const role: Member['role'] = roleText || '委員';
    if (role.length > 50)
      rowProblems.push({ rowNumber: r, column: '役職', message: '役職が長すぎます（50文字まで）。' });
    const dates: Partial<Record<'termStart' | 'termEnd', string | null>> = {};
    for (const key of ['termStart', 'termEnd'] as const) {
      const d = cellDate(raw(key));
      if (d.ok) dates[key] = d.iso;
      else
        rowProblems.push({
          rowNumber: r,
          column: HEADERS[key].label,
          message: `${HEADERS[key].label}「${d.text}」を日付として読み取れません（例：2023/4/1、令和5年4月1日、R5.4.1）。`,
        });
    }
    if (dates.termStart && dates.termEnd && dates.termStart > dates.termEnd) {
      rowProblems.push({ rowNumber: r, column: '任期終了', message: '任期終了が任期開始より前になっています。' });
    }
    const reading = text('reading').slice(0, 100);
    if (name) {
      const dupKey = rosterRowKey(name, reading);
      const first = seen.get(dupKey);
      if (first !== undefined)
        rowProblems.push({ rowNumber: r, column: '氏名', message: `${first}行目と同じ委員です。` });
      else seen.set(dupKey, r);
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }

    const member: RosterMember = {
      name,
      reading,
      role,
      category: text('category').slice(0, 100),
      affiliation: text('affiliation').slice(0, 200),
      termStart: dates.termStart ?? null,
      termEnd: dates.termEnd ?? null,
    };
    // Same person = same name and same reading (a blank reading on either side matches).
    const match = matchExisting(name, reading);
    rows.push({ rowNumber: r, action: match ? 'update' : 'add', memberId: match?.id ?? null, member });
  }
  return { sheetName: ws.name, columns: [...header.columns.keys()].map((k) => HEADERS[k].label), rows, problems };
}

/** 名簿のひな形: the headers the import recognises, and a sheet saying what each column takes. */
export async function buildRosterTemplate(): Promise<Uint8Array> {
  const keys = Object.keys(HEADERS) as Key[];
  const notes: Record<Key, string> = {
    name: '必須。委員1人につき1行（例：山田 太郎）',
    reading: 'ひらがな（50音順の並べ替えに使います）',
    role: '会長・副会長・委員長・座長・職務代理者・委員 など名簿のとおり（空欄は委員）',
    category: '学識経験者・関係団体・公募市民 など',
    affiliation: '所属団体・役職など',
    termStart: '2023/4/1、令和5年4月1日、R5.4.1 または日付のセル',
    termEnd: '任期開始と同じ書き方',
  };
  const widths: Record<Key, number> = {
    name: 16,
    reading: 18,
    role: 8,
    category: 14,
    affiliation: 28,
    termStart: 14,
    termEnd: 14,
  };
  const wb = newWorkbook('委員名簿（取り込み用ひな形）');
  // An empty table: the 2nd row on is for the members.
  addTableSheet<never>(wb, {
    name: '委員名簿',
    title: '委員名簿',
    rows: [],
    columns: keys.map((k) => ({ header: HEADERS[k].label, value: () => '', width: widths[k] })),
  });
  addTableSheet(wb, {
    name: '記入方法',
    title: '委員名簿の記入方法',
    fitRowHeights: true,
    rows: [
      ...keys.map((k) => ({ column: `「${HEADERS[k].label}」`, how: notes[k] })),
      {
        column: '',
        how: '列の順番は自由です。「委員名簿」シートの2行目から入力してください。同じ氏名・よみがなの委員は更新されます。',
      },
    ],
    columns: [
      { header: '列', value: (r) => r.column, width: 14 },
      { header: '書き方', value: (r) => r.how, width: 80 },
    ],
  });
  return workbookBytes(wb);
}
