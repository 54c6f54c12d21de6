/**
 * The opinion documents: 分野別意見一覧, 意見対応表, 各分野の現状と課題 (field matrix) and
 * 前回の主な意見と対応. Pure builders (records in, bytes out); every one goes through
 * prepareOpinions, so a 公開版 never carries a non-public opinion or a hidden name.
 */
import { AlignmentType, type FileChild, type Paragraph } from 'docx';
import type { Meeting } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { itemNumber, meetingOrdinal } from '../../../shared/numbering';
import {
  handoutGroups,
  isOpen,
  matrixRows,
  statusText,
  type HandoutGrouping,
  type OpinionCounts,
} from '../../../shared/opinions';
import {
  prepareOpinions,
  publishable,
  type OpinionDocumentData,
  type OpinionRow,
} from '../../../shared/opinions/publication';
import { formatWareki, todayInTokyo } from '../../../shared/wareki';
import { assertOpinionsPublishable } from '../../../shared/publication/review';
import { buildDocument, heading, packDocx, para, table, title, type DocFonts } from '../exports/docx-common';
import {
  addTableSheet,
  dateCell,
  newWorkbook,
  streamTableWorkbook,
  workbookBytes,
  type ColumnSpec,
  type SheetSpec,
} from '../exports/xlsx-common';
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
const wareki = (m: Pick<Meeting, 'date'> | null) => (m?.date ? formatWareki(m.date) : '');
/** A bullet's wrapped lines start under its text, not under the ・ (one full-width character). */
const HANGING = { left: 200, hanging: 200 };
const mark = (publication: boolean) => (publication ? undefined : '内部用');

function subtitle(data: OpinionDocumentData, publication: boolean): Paragraph {
  const today = formatWareki(todayInTokyo());
  return para(`${data.council.name}　${today}現在${publication ? '' : '（内部用：非公開の意見を含む）'}`, {
    alignment: AlignmentType.RIGHT,
    run: { size: 20 },
  });
}

// ---------------------------------------------------------------- 分野別意見一覧

/** One opinion per row: the 分野別意見一覧, and with 該当箇所 the 意見対応表 (CONVENTIONS §6). */
const opinionColumns = (opts: { summaryHeader: string; withSections: boolean }): ColumnSpec<OpinionRow>[] => [
  { header: '番号', value: (r) => r.no, type: 'number', width: 7 },
  { header: '分野', value: (r) => r.field, maxWidth: 16 },
  { header: opts.summaryHeader, value: (r) => r.summary, width: 60 },
  { header: '出典', value: (r) => r.source, maxWidth: 28 },
  { header: '委員', value: (r) => r.member, maxWidth: 16 },
  { header: '会議日（和暦）', value: (r) => wareki(r.meeting), width: 17 },
  { header: '会議日', value: (r) => dateCell(r.meeting?.date ?? null), type: 'date', width: 12 },
  { header: '市の考え方', value: (r) => r.response, width: 50 },
  { header: '反映状況', value: (r) => r.status, maxWidth: 14 },
  ...(opts.withSections ? [{ header: '該当箇所', value: (r: OpinionRow) => r.sections, maxWidth: 30 }] : []),
];

export async function buildOpinionListXlsx(data: OpinionDocumentData, publication: boolean): Promise<Uint8Array> {
  const { rows } = prepareOpinions(data, publication);
  return streamTableWorkbook(DOCUMENT_TITLES.list, [
    {
      name: '分野別意見一覧',
      title: `${data.council.name}　${DOCUMENT_TITLES.list}`,
      columns: opinionColumns({ summaryHeader: '意見', withSections: false }),
      rows,
      landscape: true,
      fitRowHeights: true,
    },
  ]);
}

export async function buildOpinionListDocx(data: OpinionDocumentData, publication: boolean): Promise<Uint8Array> {
  const { rows } = prepareOpinions(data, publication);
  const children: FileChild[] = [title(DOCUMENT_TITLES.list), subtitle(data, publication)];
  const fields = [...data.council.fields.map((f) => f.name), ''];
  let n = 0;
  for (const name of fields) {
    const items = rows.filter((r) => r.field === name);
    if (!items.length) continue;
    children.push(heading(`${itemNumber(++n)}．${name || '分野未設定'}（${items.length}件）`, 2));
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

function summaryLines(counts: OpinionCounts) {
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

export async function buildResponsesXlsx(data: OpinionDocumentData, publication: boolean): Promise<Uint8Array> {
  const { rows, counts } = prepareOpinions(data, publication);
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
    columns: opinionColumns({ summaryHeader: '意見の概要', withSections: true }),
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
  return streamTableWorkbook(DOCUMENT_TITLES.responses, [table, totals]);
}

export async function buildResponsesDocx(data: OpinionDocumentData, publication: boolean): Promise<Uint8Array> {
  const { rows, counts } = prepareOpinions(data, publication);
  const { lines, breakdown } = summaryLines(counts);
  const children: FileChild[] = [
    title(DOCUMENT_TITLES.responses),
    subtitle(data, publication),
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

function matrixData(data: OpinionDocumentData, publication: boolean) {
  const { redact } = prepareOpinions(data, publication);
  const opinions = publication ? data.opinions.filter((o) => publishable(o, data.meetings)) : data.opinions;
  return matrixRows(data.council, opinions, data.matrixItems).map((r) => ({
    ...r,
    cells: r.cells.map((c) => c.map((i) => ({ ...i, text: redact(i.text) }))),
  }));
}

/**
 * As a table: one line per field and item position, the field named on every line (no
 * merged cells), so it filters by field and never needs a row taller than Excel allows.
 */
export async function buildMatrixXlsx(data: OpinionDocumentData, publication: boolean): Promise<Uint8Array> {
  const lines = matrixData(data, publication).flatMap((r) => {
    const depth = Math.max(1, ...r.cells.map((c) => c.length));
    return Array.from({ length: depth }, (_, i) => ({
      field: r.name,
      no: i + 1,
      texts: r.cells.map((c) => c[i]?.text ?? ''),
    }));
  });
  return streamTableWorkbook(DOCUMENT_TITLES.matrix, [
    {
      name: '各分野の現状と課題',
      fitRowHeights: true,
      title: DOCUMENT_TITLES.matrix,
      landscape: true,
      rows: lines,
      columns: [
        { header: '分野', value: (r) => r.field, width: 12 },
        { header: '項番', value: (r) => r.no, type: 'number', width: 6 },
        ...data.council.matrixColumns.map((c, i): ColumnSpec<(typeof lines)[number]> => ({
          header: c.title,
          width: 42,
          value: (r) => r.texts[i] ?? '',
        })),
      ],
    },
  ]);
}

export async function buildMatrixDocx(data: OpinionDocumentData, publication: boolean): Promise<Uint8Array> {
  const rows = matrixData(data, publication);
  const n = data.council.matrixColumns.length;
  const rest = n ? Math.floor(92 / n) : 92;
  const children: FileChild[] = [
    title(DOCUMENT_TITLES.matrix),
    subtitle(data, publication),
    table({
      widths: [8, ...data.council.matrixColumns.map(() => rest)],
      header: ['分野', ...data.council.matrixColumns.map((c) => c.title)],
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

export async function buildHandoutDocx(
  data: OpinionDocumentData,
  publication: boolean,
  spec: HandoutSpec,
): Promise<Uint8Array> {
  const target = data.meetings.find((m) => m.id === spec.meetingId);
  if (!target) throw new AppError('NOT_FOUND', '資料を作る会議が見つかりません。');
  const { rows } = prepareOpinions(data, publication);
  const shownIds = new Set(rows.map((r) => r.opinion.id));
  const byId = new Map(rows.map((r) => [r.opinion.id, r]));
  const groups = handoutGroups(
    data.opinions.filter((o) => shownIds.has(o.id)),
    data.meetings,
    target,
    data.council,
    spec.grouping,
    spec.themes,
  );
  const dw = data.council.publication.digitWidth;
  const earlier = data.meetings.filter((m) => m.number < target.number).sort((a, b) => a.number - b.number);
  const earlierText = earlier.map((m) => meetingOrdinal(m.number, dw)).join('・');
  const children: FileChild[] = [
    title(`${DOCUMENT_TITLES.handout}`),
    para(
      `${meetingOrdinal(target.number, dw)} ${data.council.name}${target.date ? `　${formatWareki(target.date)}` : ''}`,
      { alignment: AlignmentType.RIGHT, run: { size: 20 } },
    ),
    para(
      `${earlierText || '前回まで'}の審議会における主な意見のうち、対応が終わっていないものは下表のとおりです。${spec.grouping === 'theme' ? '本日の検討テーマごとに整理しています。' : '分野ごとに整理しています。'}`,
    ),
  ];
  if (!groups.length) children.push(para('対応が終わっていない意見はありません。'));
  else {
    children.push(
      table({
        widths: [22, 78],
        header: [spec.grouping === 'theme' ? '検討テーマ' : '分野', '主な意見と対応'],
        labelColumn: true,
        fontSize: 20,
        rows: groups.map((g) => [
          g.title,
          g.opinions.flatMap((o) => {
            const r = byId.get(o.id)!;
            const m = data.meetings.find((x) => x.id === o.meetingId);
            const out = [
              para(`・${r.summary}${m ? `（${meetingOrdinal(m.number, dw)}）` : ''}`, {
                run: { size: 20 },
                spacing: { line: 280 },
                indent: HANGING,
              }),
            ];
            const state = isOpen(o) && !o.status ? '' : `［${statusText(o)}］`;
            if (r.response || state)
              out.push(
                para(`⇒ ${[r.response, state].filter(Boolean).join(' ')}`, {
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

// ---------------------------------------------------------------- 意見シート（様式）

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
      if (formula && formula.length <= 257)
        cell.dataValidation = { type: 'list', allowBlank: true, formulae: [formula] };
    }
  });
  return workbookBytes(wb);
}

// ---------------------------------------------------------------- one entry for the channel and the samples

export type OpinionDocumentKind = keyof typeof DOCUMENT_TITLES | 'template';

export async function buildOpinionDocument(
  kind: OpinionDocumentKind,
  format: 'xlsx' | 'docx',
  data: OpinionDocumentData,
  publication: boolean,
  handout?: HandoutSpec,
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
      bytes: await buildHandoutDocx(data, publication, handout),
    };
  }
  const name = kind === 'matrix' ? '各分野の現状と課題' : DOCUMENT_TITLES[kind];
  const build = {
    list: { xlsx: buildOpinionListXlsx, docx: buildOpinionListDocx },
    responses: { xlsx: buildResponsesXlsx, docx: buildResponsesDocx },
    matrix: { xlsx: buildMatrixXlsx, docx: buildMatrixDocx },
  }[kind][format];
  return { fileName: `${name}${suffix}.${format}`, bytes: await build(data, publication) };
}
