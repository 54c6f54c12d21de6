/**
 * The 意見対応表 (and the 分野別意見一覧) as one accessible HTML page: the same rows as the
 * Word file (prepareOpinions: a 公開版 never carries a non-public opinion or a hidden name),
 * the 集計 as a table with row headers, then one h2 for the opinions and one h3 and one table
 * (column headers) per field.
 */
import { AppError } from '../../../shared/errors';
import type { OpinionExportArgs } from '../../../shared/contract/opinions';
import { prepareOpinions, type OpinionDocumentData, type OpinionRow } from '../../../shared/opinions/publication';
import { assertOpinionsPublishable } from '../../../shared/publication/review';
import { formatWareki } from '../../../shared/wareki';
import { asOfDate, DOCUMENT_TITLES, summaryLines, type DocumentScope } from '../opinions/documents';
import { escapeHtml, fontFamily, htmlBytes, htmlDocument, printCss } from './common';

export const OPINION_HTML_KINDS = ['responses', 'list'] as const;
export type OpinionHtmlKind = (typeof OPINION_HTML_KINDS)[number];

const text = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');

interface Column {
  header: string;
  /** Percent of the table's width (the same for every field's table). */
  width: number;
  cell: (r: OpinionRow) => string;
  className?: string;
}

function columns(kind: OpinionHtmlKind): Column[] {
  return [
    { header: '番号', width: 6, cell: (r) => String(r.no), className: 'no' },
    { header: '意見の概要', width: kind === 'responses' ? 30 : 35, cell: (r) => r.summary },
    { header: '出典', width: 14, cell: (r) => [r.source, r.member].filter(Boolean).join('\n') },
    { header: '市の考え方', width: kind === 'responses' ? 27 : 35, cell: (r) => r.response },
    { header: '反映状況', width: 10, cell: (r) => r.status },
    ...(kind === 'responses' ? [{ header: '該当箇所', width: 13, cell: (r: OpinionRow) => r.sections }] : []),
  ];
}

function css(data: OpinionDocumentData): string {
  const body = data.council.publication.bodyFont || 'ＭＳ 明朝';
  const heading = data.council.publication.headingFont || 'ＭＳ ゴシック';
  return `
body { font-family: ${fontFamily(body, 'serif')}; font-size: 10.5pt; line-height: 1.6; color: #000; background: #fff;
  max-width: 72em; margin: 0 auto; padding: 2em 1.5em; }
h1, h2, h3, th { font-family: ${fontFamily(heading, 'sans-serif')}; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 0.4em; }
h2 { font-size: 13pt; margin: 1.4em 0 0.4em; }
h3 { font-size: 11pt; margin: 1em 0 0.3em; }
p { margin: 0; }
.as-of { text-align: right; font-size: 10pt; margin-bottom: 1em; }
table { width: 100%; border-collapse: collapse; margin: 0 0 0.8em; }
th, td { border: 1px solid #000; padding: 0.25em 0.5em; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
table.summary { width: auto; min-width: 50%; }
table.summary th { font-weight: normal; }
td.no { text-align: right; white-space: nowrap; }
table.opinions { table-layout: fixed; }
${printCss({ margins: { top: 15, right: 15, bottom: 15, left: 15 }, landscape: true })}`;
}

/** The page (pure): the rows as prepareOpinions gives them for the edition. */
export function opinionsHtml(
  kind: OpinionHtmlKind,
  data: OpinionDocumentData,
  publication: boolean,
  scope: DocumentScope = {},
): string {
  const { rows, counts } = prepareOpinions(data, publication);
  const title = DOCUMENT_TITLES[kind];
  const edition = publication ? '公開版' : '内部用：非公開の意見を含む';
  const parts: string[] = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="as-of">${escapeHtml(`${data.council.name}　${formatWareki(asOfDate(data, scope))}現在（${edition}）`)}</p>`,
  ];
  if (kind === 'responses') {
    const { lines, breakdown } = summaryLines(counts);
    const summary = [
      ...lines.map(([label, value, unit]) => [label, `${value}${unit}`]),
      ['反映状況の内訳', breakdown || '—'],
    ];
    parts.push(
      '<h2 id="summary">集計</h2>',
      `<table class="summary" aria-labelledby="summary">\n<tbody>\n${summary
        .map(([l, v]) => `<tr><th scope="row">${escapeHtml(l!)}</th><td>${escapeHtml(v!)}</td></tr>`)
        .join('\n')}\n</tbody>\n</table>`,
    );
  }
  parts.push('<h2>意見と市の考え方</h2>');
  if (!rows.length) parts.push('<p>意見はありません。</p>');
  const cols = columns(kind);
  // Rows come grouped by field, in the council's field order.
  const groups: { field: string; rows: OpinionRow[] }[] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last && last.field === r.field) last.rows.push(r);
    else groups.push({ field: r.field, rows: [r] });
  }
  groups.forEach((g, i) => {
    const id = `f${i + 1}`;
    const name = g.field || '分野の指定なし';
    parts.push(
      `<section aria-labelledby="${id}">`,
      `<h3 id="${id}">${escapeHtml(name)}（${g.rows.length}件）</h3>`,
      `<table class="opinions" aria-labelledby="${id}">`,
      `<colgroup>${cols.map((c) => `<col style="width: ${c.width}%">`).join('')}</colgroup>`,
      `<thead><tr>${cols.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join('')}</tr></thead>`,
      '<tbody>',
      ...g.rows.map(
        (r) =>
          `<tr>${cols
            .map((c) => `<td${c.className ? ` class="${c.className}"` : ''}>${text(c.cell(r))}</td>`)
            .join('')}</tr>`,
      ),
      '</tbody>',
      '</table>',
      '</section>',
    );
  });
  const docTitle = `${title}（${publication ? '公開版' : '内部用'}） ${data.council.name}`;
  return htmlDocument({ title: docTitle, css: css(data), body: parts.join('\n') });
}

/** 意見対応表_公開版.html / 意見対応表_内部用.html */
export const opinionsHtmlFileName = (kind: OpinionHtmlKind, publication: boolean) =>
  `${DOCUMENT_TITLES[kind]}_${publication ? '公開版' : '内部用'}.html`;

/** As the Word export: a 公開版 stops while a hidden name cannot be replaced so the sentence reads right. */
export function buildOpinionsHtml(
  kind: OpinionHtmlKind,
  data: OpinionDocumentData,
  publication: boolean,
  scope: DocumentScope = {},
): { fileName: string; bytes: Uint8Array } {
  if (publication) assertOpinionsPublishable(data);
  return {
    fileName: opinionsHtmlFileName(kind, publication),
    bytes: htmlBytes(opinionsHtml(kind, data, publication, scope)),
  };
}

/** The channel's arguments are the Word export's, without the format. */
export function buildOpinionsHtmlExport(args: Omit<OpinionExportArgs, 'format'>): {
  fileName: string;
  bytes: Uint8Array;
} {
  const kind = args.kind;
  if (kind !== 'responses' && kind !== 'list')
    throw new AppError('INVALID_ARGUMENT', 'HTML で出力できるのは意見対応表と分野別意見一覧です。');
  return buildOpinionsHtml(kind, args.data, args.publication, {
    ...(args.forMeetingId ? { forMeetingId: args.forMeetingId } : {}),
    ...(args.meetingIds ? { meetingIds: args.meetingIds } : {}),
  });
}
