/**
 * The opinion documents: 分野別意見一覧, 意見対応表, 各分野の現状と課題 (field matrix) and
 * 前回の主な意見と対応. Pure builders (records in, bytes out); every one goes through
 * prepareOpinions, so a 公開版 never carries a non-public opinion or a hidden name.
 */
import type ExcelJS from 'exceljs';
import { AlignmentType, type FileChild, type Paragraph } from 'docx';
import type { Meeting } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { meetingOrdinal } from '../../../shared/numbering';
import {
  handoutGroups,
  isOpen,
  matrixRows,
  meetingsText,
  previousMeeting,
  sourceText,
  statusText,
  unbreakable,
  type HandoutGrouping,
  type OpinionCounts,
} from '../../../shared/opinions';
import {
  prepareOpinions,
  publishable,
  type OpinionDocumentData,
  type OpinionRow,
} from '../../../shared/opinions/publication';
import { todayInTokyo } from '../../../shared/wareki';
import { documentFormat } from '../../../shared/minutes/style';
import { applyTextRules, formatDocumentDate, formatNumber, type DocumentFormat } from '../../../shared/style/format';
import { assertOpinionsPublishable } from '../../../shared/publication/review';
import { buildDocument, heading, packDocx, para, table, title, type DocFonts } from '../exports/docx-common';
import {
  addTableSheet,
  CELL_BORDER,
  dateCell,
  newWorkbook,
  streamTableWorkbook,
  workbookBytes,
  writeTableWorkbook,
  type ColumnSpec,
  type SheetSpec,
} from '../exports/xlsx-common';
import { writeStreamAtomic } from '../exports/zip-stream';
import { OPINION_SOURCE_LABELS, OPINION_SOURCES } from '../../../shared/domain';

export const DOCUMENT_TITLES = {
  list: '分野別意見一覧',
  responses: '意見対応表',
  matrix: '各分野における現状と課題及び想定される解決策',
  handout: '前回の主な意見と対応',
} as const;

const fontsOf = (data: OpinionDocumentData): DocFonts => ({
  body: data.council.publication.bodyFont || 'ＭＳ 明朝',
  heading: data.council.publication.headingFont || 'ＭＳ ゴシック',
});
/** A date in the council's format (era, digits, punctuation: the minutes style's settings). */
const dateText = (iso: string, format: DocumentFormat) => formatDocumentDate(iso, format);
const wareki = (m: Pick<Meeting, 'date'> | null, format: DocumentFormat) => (m?.date ? dateText(m.date, format) : '');

/** prepareOpinions, with the printed texts in the council's punctuation and width. */
function prepared(data: OpinionDocumentData, publication: boolean) {
  const p = prepareOpinions(data, publication);
  const rules = documentFormat(data.council).text;
  const styled = (t: string) => applyTextRules(t, rules);
  return {
    ...p,
    rows: p.rows.map((r) => ({ ...r, summary: styled(r.summary), response: styled(r.response) })),
  };
}
/** A bullet's wrapped lines start under its text, not under the ・ (one full-width character). */
const HANGING = { left: 200, hanging: 200 };
const mark = (publication: boolean) => (publication ? undefined : '内部用');

/**
 * Which meetings a document is for: `forMeetingId` = the meeting it is handed out at (its
 * date is printed instead of today), `meetingIds` = the meetings whose opinions it covers.
 * Both optional: without them a document covers everything as of today.
 */
export interface DocumentScope {
  forMeetingId?: string;
  meetingIds?: string[];
}

/** The date a document is 「現在」: the date of the meeting it is for, else today. */
export function asOfDate(data: OpinionDocumentData, scope: DocumentScope): string {
  const m = scope.forMeetingId ? data.meetings.find((x) => x.id === scope.forMeetingId) : undefined;
  return m?.date ?? todayInTokyo();
}

function subtitle(data: OpinionDocumentData, publication: boolean, scope: DocumentScope = {}): Paragraph {
  const today = dateText(asOfDate(data, scope), documentFormat(data.council));
  return para(`${data.council.name}　${today}現在${publication ? '' : '（内部用：非公開の意見を含む）'}`, {
    alignment: AlignmentType.RIGHT,
    run: { size: 20 },
  });
}

// ---------------------------------------------------------------- 分野別意見一覧

/**
 * The column a re-import matches rows on (electron/services/opinions/import.ts): the
 * opinion's id, which stays the same however the list is sorted or edited (番号 is only the
 * row's place in one edition). Internal copies only — a 公開版 never carries internal ids.
 * Small grey text at the right edge, outside the printed page.
 */
export const OPINION_ID_HEADER = '意見ID';
const idColumn: ColumnSpec<OpinionRow> = {
  header: OPINION_ID_HEADER,
  value: (r) => r.opinion.id,
  // Wide enough for an id (36 characters) in the small font: it stays inside its ruled cell.
  width: 32,
  reference: true,
};

/** One opinion per row: the 分野別意見一覧, and with 該当箇所 the 意見対応表 (docs/CONVENTIONS.md §6.2). */
const opinionColumns = (opts: {
  summaryHeader: string;
  withSections: boolean;
  format: DocumentFormat;
  /** Internal copies end with the 意見ID a re-import matches on. */
  withId: boolean;
}): ColumnSpec<OpinionRow>[] => [
  { header: '番号', value: (r) => r.no, type: 'number', width: 7 },
  { header: '分野', value: (r) => r.field, maxWidth: 16 },
  { header: opts.summaryHeader, value: (r) => r.summary, width: 60 },
  { header: '出典', value: (r) => r.source, maxWidth: 28 },
  { header: '委員', value: (r) => r.member, maxWidth: 16 },
  { header: '会議日（和暦）', value: (r) => wareki(r.meeting, opts.format), width: 17 },
  { header: '会議日', value: (r) => dateCell(r.meeting?.date ?? null), type: 'date', width: 12 },
  { header: '市の考え方', value: (r) => r.response, width: 50 },
  { header: '反映状況', value: (r) => r.status, maxWidth: 14 },
  ...(opts.withSections ? [{ header: '該当箇所', value: (r: OpinionRow) => r.sections, maxWidth: 30 }] : []),
  ...(opts.withId ? [idColumn] : []),
];

/** A workbook before it is written: its title and table sheets (written by writeTableWorkbook). */
export interface WorkbookSpec {
  title: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of any type, one per sheet
  sheets: SheetSpec<any>[];
}

const bytesOf = (wb: WorkbookSpec) => streamTableWorkbook(wb.title, wb.sheets);

function listWorkbook(data: OpinionDocumentData, publication: boolean): WorkbookSpec {
  const { rows } = prepared(data, publication);
  return workbook(DOCUMENT_TITLES.list, [
    {
      name: '分野別意見一覧',
      title: `${data.council.name}　${DOCUMENT_TITLES.list}`,
      columns: opinionColumns({
        summaryHeader: '意見',
        withSections: false,
        format: documentFormat(data.council),
        withId: !publication,
      }),
      rows,
      landscape: true,
      fitRowHeights: true,
    },
  ]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of any type, one per sheet
const workbook = (title: string, sheets: SheetSpec<any>[]): WorkbookSpec => ({ title, sheets });

export async function buildOpinionListXlsx(
  data: OpinionDocumentData,
  publication: boolean,
  _scope: DocumentScope = {},
): Promise<Uint8Array> {
  return bytesOf(listWorkbook(data, publication));
}

export async function buildOpinionListDocx(
  data: OpinionDocumentData,
  publication: boolean,
  scope: DocumentScope = {},
): Promise<Uint8Array> {
  const { rows } = prepared(data, publication);
  const children: FileChild[] = [title(DOCUMENT_TITLES.list), subtitle(data, publication, scope)];
  const fields = [...data.council.fields.map((f) => f.name), ''];
  let n = 0;
  for (const name of fields) {
    const items = rows.filter((r) => r.field === name);
    if (!items.length) continue;
    children.push(
      heading(
        `${formatNumber(++n, 'dot', documentFormat(data.council).digitWidth)}${name || '分野未設定'}（${items.length}件）`,
        2,
      ),
    );
    children.push(
      table({
        widths: [7, 43, 16, 22, 12],
        header: ['番号', '意見', '出典', '市の考え方', '反映状況'],
        fontSize: 20,
        rows: items.map((r) => [
          String(r.no),
          r.summary,
          [r.source, r.member].filter(Boolean).join('\n'),
          r.response,
          r.status,
        ]),
      }),
    );
  }
  if (!rows.length) children.push(para('該当する意見はありません。'));
  return packDocx(
    buildDocument({
      title: DOCUMENT_TITLES.list,
      subject: data.council.name,
      fonts: fontsOf(data),
      pageMark: mark(publication),
      children,
    }),
  );
}

// ---------------------------------------------------------------- 意見対応表

export function summaryLines(counts: OpinionCounts) {
  const breakdown = Object.entries(counts.byStatus)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => `${s} ${c}件`)
    .join('、');
  return {
    counts,
    lines: [
      ['意見総数', counts.total, '件'],
      ['意見を出した委員数', counts.members, '人'],
      ['意見提出者数（委員・書面・パブリックコメント）', counts.submitters, '人'],
      ['反映した数（反映する・一部反映・既に記載）', counts.reflected, '件'],
    ] as [string, number, string][],
    breakdown,
  };
}

export async function buildResponsesXlsx(
  data: OpinionDocumentData,
  publication: boolean,
  _scope: DocumentScope = {},
): Promise<Uint8Array> {
  return bytesOf(responsesWorkbook(data, publication));
}

function responsesWorkbook(data: OpinionDocumentData, publication: boolean): WorkbookSpec {
  const { rows, counts } = prepared(data, publication);
  const { lines } = summaryLines(counts);
  const summary = [
    ...lines.map(([label, value, unit]) => ({ label, value, unit })),
    ...Object.entries(counts.byStatus).map(([s, c]) => ({ label: `反映状況：${s}`, value: c, unit: '件' })),
    ...counts.byField.filter((f) => f.total > 0).map((f) => ({ label: `分野：${f.name}`, value: f.total, unit: '件' })),
  ];
  const table: SheetSpec<OpinionRow> = {
    name: '意見対応表',
    fitRowHeights: true,
    // The summary rides in the printed header, so the sheet itself stays a table from row 1.
    title: `${DOCUMENT_TITLES.responses}（意見総数 ${counts.total}件・反映した数 ${counts.reflected}件）`,
    landscape: true,
    rows,
    columns: opinionColumns({
      summaryHeader: '意見の概要',
      withSections: true,
      format: documentFormat(data.council),
      withId: !publication,
    }),
  };
  const totals: SheetSpec<(typeof summary)[number]> = {
    name: '集計',
    title: `${DOCUMENT_TITLES.responses}　集計`,
    rows: summary,
    columns: [
      { header: '項目', value: (r) => r.label, width: 46 },
      { header: '数', value: (r) => r.value, type: 'number', width: 8 },
      { header: '単位', value: (r) => r.unit, width: 6 },
    ],
  };
  return workbook(DOCUMENT_TITLES.responses, [table, totals]);
}

export async function buildResponsesDocx(
  data: OpinionDocumentData,
  publication: boolean,
  scope: DocumentScope = {},
): Promise<Uint8Array> {
  const { rows, counts } = prepared(data, publication);
  const { lines, breakdown } = summaryLines(counts);
  const children: FileChild[] = [
    title(DOCUMENT_TITLES.responses),
    subtitle(data, publication, scope),
    table({
      widths: [45, 55],
      labelColumn: true,
      rows: [...lines.map(([label, value, unit]) => [label, `${value}${unit}`]), ['反映状況の内訳', breakdown || '—']],
    }),
    para(''),
    table({
      widths: [5, 9, 27, 13, 24, 8, 14],
      header: ['番号', '分野', '意見の概要', '出典', '市の考え方', '反映状況', '該当箇所'],
      fontSize: 18,
      rows: rows.map((r) => [
        String(r.no),
        r.field || '—',
        r.summary,
        [r.source, r.member].filter(Boolean).join('\n'),
        r.response,
        r.status,
        r.sections,
      ]),
    }),
  ];
  return packDocx(
    buildDocument({
      title: DOCUMENT_TITLES.responses,
      subject: data.council.name,
      fonts: fontsOf(data),
      landscape: true,
      pageMark: mark(publication),
      children,
    }),
  );
}

// ---------------------------------------------------------------- 各分野の現状と課題（matrix）

function matrixData(data: OpinionDocumentData, publication: boolean, scope: DocumentScope = {}) {
  const { redact } = prepareOpinions(data, publication);
  const rules = documentFormat(data.council).text;
  const opinions = publication ? data.opinions.filter((o) => publishable(o, data.meetings)) : data.opinions;
  return matrixRows(data.council, opinions, data.matrixItems, { meetingIds: scope.meetingIds }).map((r) => ({
    ...r,
    cells: r.cells.map((c) => c.map((i) => ({ ...i, text: applyTextRules(redact(i.text), rules) }))),
  }));
}

/**
 * The column titles as printed: the meeting column names the meetings it covers
 * (「第１回審議会での主な意見」) — the chosen ones, else those its opinions come from —
 * unless its title already names one.
 */
export function matrixHeaders(data: OpinionDocumentData, scope: DocumentScope, rows = matrixData(data, false, scope)) {
  const byId = new Map(data.opinions.map((o) => [o.id, o]));
  return data.council.matrixColumns.map((c, i) => {
    if (c.opinionSource !== 'meeting' || /^第\s*[0-9０-９一二三四五六七八九十]+\s*回/.test(c.title)) return c.title;
    const ids = scope.meetingIds
      ? new Set(scope.meetingIds)
      : new Set(rows.flatMap((r) => r.cells[i]!.map((x) => byId.get(x.id)?.meetingId).filter((x): x is string => !!x)));
    const covered = data.meetings.filter((m) => ids.has(m.id));
    return covered.length ? `${meetingsText(covered, data.council.publication.digitWidth)}${c.title}` : c.title;
  });
}

/**
 * As a table of records: one row per opinion or item, with its field, the column it
 * belongs to (区分), its place in that cell and, for an opinion, where it came from. Items
 * of different columns never share a row (they do not belong together); filtering by
 * 分野 and 区分 gives back one cell of the matrix.
 */
export async function buildMatrixXlsx(
  data: OpinionDocumentData,
  publication: boolean,
  scope: DocumentScope = {},
): Promise<Uint8Array> {
  return bytesOf(matrixWorkbook(data, publication, scope));
}

function matrixWorkbook(data: OpinionDocumentData, publication: boolean, scope: DocumentScope): WorkbookSpec {
  const rows = matrixData(data, publication, scope);
  const headers = matrixHeaders(data, scope, rows);
  const byId = new Map(data.opinions.map((o) => [o.id, o]));
  const lookup = { meetings: data.meetings, digitWidth: data.council.publication.digitWidth };
  const records = rows.flatMap((r) =>
    r.cells.flatMap((cell, i) =>
      cell.map((item, k) => {
        const o = item.kind === 'opinion' ? byId.get(item.id) : undefined;
        return {
          field: r.name,
          column: headers[i]!,
          no: k + 1,
          text: item.text,
          source: o ? sourceText(o, lookup, false) : '',
        };
      }),
    ),
  );
  return workbook(DOCUMENT_TITLES.matrix, [
    {
      name: '各分野の現状と課題',
      fitRowHeights: true,
      title: `${DOCUMENT_TITLES.matrix}（${dateText(asOfDate(data, scope), documentFormat(data.council))}現在）`,
      landscape: true,
      rows: records,
      columns: [
        { header: '分野', value: (r) => r.field, maxWidth: 14 },
        { header: '区分', value: (r) => r.column, width: 26 },
        { header: '番号', value: (r) => r.no, type: 'number', width: 6 },
        { header: '内容', value: (r) => r.text, width: 80 },
        { header: '出典', value: (r) => r.source, maxWidth: 18 },
      ],
    },
  ]);
}

export async function buildMatrixDocx(
  data: OpinionDocumentData,
  publication: boolean,
  scope: DocumentScope = {},
): Promise<Uint8Array> {
  const rows = matrixData(data, publication, scope);
  const headers = matrixHeaders(data, scope, rows);
  const n = data.council.matrixColumns.length;
  const rest = n ? Math.floor(92 / n) : 92;
  const children: FileChild[] = [
    title(DOCUMENT_TITLES.matrix),
    subtitle(data, publication, scope),
    table({
      widths: [8, ...data.council.matrixColumns.map(() => rest)],
      header: ['分野', ...headers],
      labelColumn: true,
      fontSize: 17,
      rows: rows.map((r) => [
        r.name,
        ...r.cells.map((c) =>
          c.length
            ? c.map((x) => para(`・${x.text}`, { run: { size: 17 }, spacing: { line: 260 }, indent: HANGING }))
            : '—',
        ),
      ]),
    }),
  ];
  return packDocx(
    buildDocument({
      title: DOCUMENT_TITLES.matrix,
      subject: data.council.name,
      fonts: fontsOf(data),
      landscape: true,
      pageMark: mark(publication),
      children,
    }),
  );
}

// ---------------------------------------------------------------- 前回の主な意見と対応

export interface HandoutSpec {
  meetingId: string;
  grouping: HandoutGrouping;
  themes: Record<string, string>;
}

export function handoutFileName(data: OpinionDocumentData, meetingId: string): string {
  const m = data.meetings.find((x) => x.id === meetingId);
  return `第${m?.number ?? ''}回_${DOCUMENT_TITLES.handout}`;
}

/**
 * The handout frozen for one meeting: the main opinions of the chosen previous meeting(s)
 * (default: the meeting just before) with the responses given to them, dated with the
 * meeting's own date. 「（第１回）」 is joined so a line never breaks inside it.
 */
export async function buildHandoutDocx(
  data: OpinionDocumentData,
  publication: boolean,
  spec: HandoutSpec,
  scope: Pick<DocumentScope, 'meetingIds'> = {},
): Promise<Uint8Array> {
  const target = data.meetings.find((m) => m.id === spec.meetingId);
  if (!target) throw new AppError('NOT_FOUND', '資料を作る会議が見つかりません。');
  const previous = handoutMeetings(data, target, scope);
  const { rows } = prepared(data, publication);
  const shownIds = new Set(rows.map((r) => r.opinion.id));
  const byId = new Map(rows.map((r) => [r.opinion.id, r]));
  const groups = handoutGroups(
    data.opinions.filter((o) => shownIds.has(o.id)),
    data.meetings,
    target,
    data.council,
    spec.grouping,
    spec.themes,
    { meetingIds: previous.map((m) => m.id), withAnswered: true },
  );
  const dw = data.council.publication.digitWidth;
  const covered = previous.length ? meetingsText(previous, dw) : '前回';
  const children: FileChild[] = [
    title(`${DOCUMENT_TITLES.handout}`),
    para(
      `${meetingOrdinal(target.number, dw)} ${data.council.name}${target.date ? `　${dateText(target.date, documentFormat(data.council))}` : ''}`,
      { alignment: AlignmentType.RIGHT, run: { size: 20 } },
    ),
    para(
      `${covered}審議会における主な意見と、それに対する市の考え方（対応）は下表のとおりです。${spec.grouping === 'theme' ? '本日の検討テーマごとに整理しています。' : '分野ごとに整理しています。'}`,
    ),
  ];
  if (!groups.length) children.push(para(`${covered}審議会の意見はありません。`));
  else {
    const showMeeting = previous.length > 1;
    children.push(
      table({
        widths: [22, 78],
        header: [spec.grouping === 'theme' ? '検討テーマ' : '分野', `${covered}審議会での主な意見と対応`],
        labelColumn: true,
        fontSize: 20,
        rows: groups.map((g) => [
          g.title,
          g.opinions.flatMap((o) => {
            const r = byId.get(o.id)!;
            const m = showMeeting ? data.meetings.find((x) => x.id === o.meetingId) : undefined;
            const out = [
              para(`・${r.summary}${m ? unbreakable(`（${meetingOrdinal(m.number, dw)}）`) : ''}`, {
                run: { size: 20 },
                spacing: { line: 280 },
                indent: HANGING,
              }),
            ];
            const state = isOpen(o) && !o.status ? '' : `［${statusText(o)}］`;
            out.push(
              para(`⇒ ${[r.response || '（対応を検討中）', state].filter(Boolean).join(' ')}`, {
                run: { size: 20 },
                spacing: { line: 280 },
                indent: { left: 400, hanging: 200 },
              }),
            );
            return out;
          }),
        ]),
      }),
    );
  }
  return packDocx(
    buildDocument({
      title: `${meetingOrdinal(target.number, dw)} ${DOCUMENT_TITLES.handout}`,
      subject: data.council.name,
      fonts: fontsOf(data),
      pageMark: mark(publication),
      children,
    }),
  );
}

/** The meetings a handout for `target` covers: the chosen earlier ones, else the one just before. */
export function handoutMeetings(
  data: Pick<OpinionDocumentData, 'meetings'>,
  target: Pick<Meeting, 'number'>,
  scope: Pick<DocumentScope, 'meetingIds'> = {},
): Meeting[] {
  if (scope.meetingIds?.length) {
    const chosen = new Set(scope.meetingIds);
    return data.meetings
      .filter((m) => chosen.has(m.id) && m.number < target.number)
      .sort((a, b) => a.number - b.number);
  }
  const prev = previousMeeting(data.meetings, target);
  return prev ? [prev] : [];
}

// ---------------------------------------------------------------- 意見シート（様式）

/** exceljs keeps range validations here (untyped in its .d.ts). */
interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

export const SHEET_HEADERS = ['分野', '委員', '会議', '出典', '提出者', '意見', '市の考え方', '反映状況'] as const;
const TEMPLATE_ROWS = 200;

/** An empty 意見シート to hand out: the columns the import reads, with drop-down lists. */
export async function buildOpinionSheetTemplate(data: OpinionDocumentData): Promise<Uint8Array> {
  const wb = newWorkbook('意見シート');
  const ws = addTableSheet(wb, {
    name: '意見シート',
    title: `${data.council.name}　意見シート`,
    landscape: true,
    rows: [] as never[],
    columns: SHEET_HEADERS.map((header) => ({
      header,
      value: () => '',
      width: header === '意見' || header === '市の考え方' ? 50 : 16,
    })),
  });
  const lists: Partial<Record<(typeof SHEET_HEADERS)[number], string[]>> = {
    分野: data.council.fields.map((f) => f.name),
    委員: data.members.map((m) => m.name),
    会議: data.meetings.map((m) => `第${m.number}回`),
    出典: OPINION_SOURCES.map((x) => OPINION_SOURCE_LABELS[x]),
    反映状況: data.council.responseStatuses,
  };
  SHEET_HEADERS.forEach((header, i) => {
    const list = lists[header];
    // Excel caps an inline list at 255 characters; longer lists are left free (the import checks them).
    const formula = list && list.length ? `"${list.map((x) => x.replace(/[",]/g, '')).join(',')}"` : null;
    for (let r = 2; r <= TEMPLATE_ROWS + 1; r++) {
      const cell = ws.getCell(r, i + 1);
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = CELL_BORDER;
    }
    // One validation per column range. Set cell by cell, exceljs merges the cells in text
    // order (A10 before A2) into ranges that overlap, and Excel then offers to repair the file.
    if (formula && formula.length <= 257) {
      const col = ws.getColumn(i + 1).letter;
      (ws as unknown as WithValidations).dataValidations.add(`${col}2:${col}${TEMPLATE_ROWS + 1}`, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
      });
    }
  });
  return workbookBytes(wb);
}

// ---------------------------------------------------------------- one entry for the channel and the samples

export type OpinionDocumentKind = keyof typeof DOCUMENT_TITLES | 'template';

/** The sheets of a table workbook, not yet written (also what the bench hands its peer). */
export function opinionWorkbook(
  kind: 'list' | 'responses' | 'matrix',
  data: OpinionDocumentData,
  publication: boolean,
  scope: DocumentScope = {},
): WorkbookSpec {
  if (kind === 'list') return listWorkbook(data, publication);
  return kind === 'responses' ? responsesWorkbook(data, publication) : matrixWorkbook(data, publication, scope);
}

/**
 * A table workbook as the channel saves it: its file name, and a writer that streams it
 * row by row into a path atomically (never whole in memory). Null for the documents that
 * are built as bytes (Word, the 意見シート).
 */
export function opinionWorkbookExport(
  kind: OpinionDocumentKind,
  format: 'xlsx' | 'docx',
  data: OpinionDocumentData,
  publication: boolean,
  scope: DocumentScope = {},
): { fileName: string; write: (target: string) => Promise<number> } | null {
  if (format !== 'xlsx' || (kind !== 'list' && kind !== 'responses' && kind !== 'matrix')) return null;
  // A 公開版 stops while a hidden name cannot be replaced so the sentence reads right.
  if (publication) assertOpinionsPublishable(data);
  const wb = opinionWorkbook(kind, data, publication, scope);
  const name = kind === 'matrix' ? '各分野の現状と課題' : DOCUMENT_TITLES[kind];
  return {
    fileName: `${name}${publication ? '' : '_内部用'}.xlsx`,
    write: (target) => writeStreamAtomic(target, (sink) => writeTableWorkbook(sink, wb.title, wb.sheets)),
  };
}

export async function buildOpinionDocument(
  kind: OpinionDocumentKind,
  format: 'xlsx' | 'docx',
  data: OpinionDocumentData,
  publication: boolean,
  handout?: HandoutSpec,
  scope: DocumentScope = {},
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const suffix = publication ? '' : '_内部用';
  // A 公開版 stops while a hidden name cannot be replaced so the sentence reads right.
  if (publication && kind !== 'template') assertOpinionsPublishable(data);
  if (kind === 'template') {
    if (format !== 'xlsx') throw new AppError('INVALID_ARGUMENT', '意見シートは Excel ブックで出力します。');
    return { fileName: '意見シート.xlsx', bytes: await buildOpinionSheetTemplate(data) };
  }
  if (kind === 'handout') {
    if (format !== 'docx') throw new AppError('INVALID_ARGUMENT', '前回の主な意見と対応は Word 文書で出力します。');
    if (!handout) throw new AppError('INVALID_ARGUMENT', '資料を作る会議を選んでください。');
    return {
      fileName: `${handoutFileName(data, handout.meetingId)}${suffix}.docx`,
      bytes: await buildHandoutDocx(data, publication, handout, scope),
    };
  }
  const name = kind === 'matrix' ? '各分野の現状と課題' : DOCUMENT_TITLES[kind];
  const build = {
    list: { xlsx: buildOpinionListXlsx, docx: buildOpinionListDocx },
    responses: { xlsx: buildResponsesXlsx, docx: buildResponsesDocx },
    matrix: { xlsx: buildMatrixXlsx, docx: buildMatrixDocx },
  }[kind][format];
  return { fileName: `${name}${suffix}.${format}`, bytes: await build(data, publication, scope) };
}
