/**
 * 新旧対照表 (docs/CONVENTIONS.md §5): landscape A4, one table with the new and the old text side
 * by side (order a setting), changed text underlined on both sides, （新設）/（削る） for
 * whole sections, unchanged sections collapsed to （略） or shown in full, an optional
 * 備考 column, and the header row repeated on every page.
 */
import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { ComparisonOptions } from '../../../shared/contract/drafts';
import {
  compareVersions,
  numberedHeading,
  outline,
  sides,
  type DiffOp,
  type DraftDoc,
  type OutlineEntry,
  type SectionComparison,
} from '../../../shared/drafts';
import { formatWareki } from '../../../shared/wareki';
import {
  buildDocument,
  DEFAULT_FONTS,
  fontAttrs,
  packDocx,
  para,
  table,
  type CellContent,
  type DocFonts,
} from '../exports/docx-common';

export interface ComparisonDocxInput {
  oldDoc: DraftDoc;
  newDoc: DraftDoc;
  options: ComparisonOptions;
  fonts?: DocFonts;
}

const SIZE = 20; // 10 pt in the table
const CHAR = 200;

type Side = 'old' | 'new';

/** Runs of one side of a diff, the changed parts underlined. */
function runs(ops: readonly DiffOp[], side: Side, bold = false, font?: ReturnType<typeof fontAttrs>): TextRun[] {
  const parts = sides(ops)[side];
  return parts
    .filter((p) => p.text)
    .map(
      (p) =>
        new TextRun({
          text: p.text,
          size: SIZE,
          bold,
          ...(font ? { font } : {}),
          ...(p.changed ? { underline: {} } : {}),
        }),
    );
}

function line(children: TextRun[], level: number, hanging = false): Paragraph {
  return new Paragraph({
    indent: hanging ? { left: CHAR * (level + 2), hanging: CHAR } : { left: CHAR * (level + 1), firstLine: CHAR },
    children,
  });
}

/** The headings above a section (「Ⅱ．…　３．…」), so a row reads on its own. */
function contextLine(entry: OutlineEntry, byId: Map<string, OutlineEntry>): Paragraph | null {
  const chain: string[] = [];
  for (
    let p = entry.section.parentId ? byId.get(entry.section.parentId) : undefined;
    p;
    p = p.section.parentId ? byId.get(p.section.parentId) : undefined
  ) {
    chain.unshift(numberedHeading(p, p.section.heading));
  }
  return chain.length
    ? new Paragraph({ children: [new TextRun({ text: chain.join(' ＞ '), size: 16, color: '555555' })] })
    : null;
}

/** One side of a section's row; with `collapse`, runs of unchanged lines become one （略）. */
function sideCell(
  row: SectionComparison,
  side: Side,
  headingFont: ReturnType<typeof fontAttrs>,
  byId: Map<string, OutlineEntry>,
  collapse: boolean,
): CellContent {
  const present = side === 'new' ? row.new : row.old;
  if (!present)
    return [new Paragraph({ children: [new TextRun({ text: side === 'new' ? '（削る）' : '（新設）', size: SIZE })] })];
  const context = contextLine(present, byId);
  const out: Paragraph[] = [
    ...(context ? [context] : []),
    new Paragraph({
      indent: { left: CHAR * Math.max(0, row.level - 1) },
      children: runs(row.heading, side, true, headingFont),
    }),
  ];
  let omitted = false;
  for (const l of row.lines) {
    const hidden =
      side === 'new'
        ? l.status === 'deleted' || l.status === 'moved-out'
        : l.status === 'added' || l.status === 'moved-in';
    if (hidden) continue;
    if (collapse && l.status === 'equal') {
      if (!omitted) out.push(line([new TextRun({ text: '（略）', size: SIZE })], row.level));
      omitted = true;
      continue;
    }
    omitted = false;
    // A moved line is a change at both places: underline it whole.
    const ops: DiffOp[] =
      l.status === 'moved-in' || l.status === 'moved-out'
        ? [{ op: side === 'new' ? 'insert' : 'delete', text: l.ops[0]!.text }]
        : l.ops;
    const text = sides(ops)
      [side].map((p) => p.text)
      .join('');
    out.push(line(runs(ops, side), row.level, text.startsWith('・')));
  }
  return out;
}

const REMARKS: Partial<Record<SectionComparison['status'], string>> = {
  added: '（追加）',
  deleted: '（削除）',
  changed: '（変更）',
  moved: '（移動）',
  renumbered: '（変更）',
};

export function comparisonTitle(input: Pick<ComparisonDocxInput, 'oldDoc' | 'newDoc'>): string {
  return `${input.newDoc.title} 新旧対照表`;
}

export function comparisonChildren(input: ComparisonDocxInput, fonts: DocFonts) {
  const { oldDoc, newDoc, options } = input;
  const rows = compareVersions(oldDoc, newDoc);
  const newById = new Map(outline(newDoc.sections, newDoc.numbering).map((e) => [e.section.id, e]));
  const oldById = new Map(outline(oldDoc.sections, oldDoc.numbering).map((e) => [e.section.id, e]));
  const headingFont = fontAttrs(fonts.heading);
  const stageName = (d: DraftDoc) => d.stage || '作業中の原稿';
  const newLabel = `${options.labels === 'kaisei' ? '改正後' : '新'}（${stageName(newDoc)}）`;
  const oldLabel = `${options.labels === 'kaisei' ? '改正前' : '旧'}（${stageName(oldDoc)}）`;
  const header = options.order === 'new-old' ? [newLabel, oldLabel] : [oldLabel, newLabel];
  const widths = options.remarks ? [44, 44, 12] : [50, 50];
  const ordered = (n: CellContent, o: CellContent) => (options.order === 'new-old' ? [n, o] : [o, n]);
  const omitted = (): CellContent => [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '（略）', size: SIZE })] }),
  ];

  const body: CellContent[][] = [];
  const collapse = options.unchanged === 'collapse';
  let collapsed = false;
  for (const row of rows) {
    if (row.status === 'unchanged' && options.unchanged === 'collapse') {
      if (!collapsed) body.push([...ordered(omitted(), omitted()), ...(options.remarks ? [''] : [])]);
      collapsed = true;
      continue;
    }
    collapsed = false;
    body.push([
      ...ordered(
        sideCell(row, 'new', headingFont, newById, collapse),
        sideCell(row, 'old', headingFont, oldById, collapse),
      ),
      ...(options.remarks ? [REMARKS[row.status] ?? ''] : []),
    ]);
  }
  const dates = [newDoc, oldDoc].map((d) => `${stageName(d)}${d.date ? `：${formatWareki(d.date)}` : ''}`).join('　');
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun({ text: comparisonTitle(input), size: 32, bold: true, font: headingFont })],
    }),
    para(`（${dates}）`, { alignment: AlignmentType.CENTER, spacing: { after: 200 } }),
    para('下線部は変更箇所', { alignment: AlignmentType.RIGHT, run: { size: 18 } }),
    table({ widths, header: options.remarks ? [...header, '備考'] : header, rows: body, fontSize: SIZE }),
  ];
}

export async function buildComparisonDocx(input: ComparisonDocxInput): Promise<Uint8Array> {
  const fonts = input.fonts ?? DEFAULT_FONTS;
  return packDocx(
    buildDocument({
      title: comparisonTitle(input),
      subject: '新旧対照表',
      fonts,
      landscape: true,
      children: comparisonChildren(input, fonts),
    }),
  );
}
