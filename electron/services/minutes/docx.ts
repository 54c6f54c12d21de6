/**
 * The 会議録 as Word, in the council's minutes style: the header as a two-column table
 * (docs/CONVENTIONS.md §1.1), a numbered list, a label block or headed lines; the body under its 会議内容
 * row with heading styles for the numbered sections; the style's page (sizes, margins,
 * line spacing, the Japanese document grid, page numbers). Drawn from the same
 * MinutesModel as the preview.
 *
 * In the table form the body is one table row per paragraph under a merged 会議内容 label,
 * so a section heading keeps with its first paragraph (keep-with-next is lost when the
 * whole body sits in one cell that splits across pages).
 */
import {
  BorderStyle,
  createSpacing,
  HeadingLevel,
  LineRuleType,
  StringValueElement,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
  type FileChild,
  type XmlComponent,
} from 'docx';
import { buildDocument, packDocx, para, TABLE_BORDERS, title } from '../exports/docx-common';
import { ParagraphSplicer, Piece, runsOf, type ParagraphOptions } from './docx-splice';
import {
  buildMinutesModel,
  type HeaderField,
  type MinutesInput,
  type MinutesModel,
  type MinutesParagraph,
} from '../../../shared/minutes/model';
import { formatNumber } from '../../../shared/style/format';
import { DOCUMENT_KIND_LABELS } from '../../../shared/minutes/style';

/** One full-width character of the body text, in twips. */
const charOf = (model: MinutesModel) => Math.round(model.format.page.bodySize * 20);

/** Paragraphs that lead into what follows (headings, groups, fields) keep with it. */
const KEPT: MinutesParagraph['kind'][] = ['group', 'field'];

function bodyParagraphs(p: MinutesParagraph, model: MinutesModel, base: number, sp: ParagraphSplicer): Body[] {
  const c = charOf(model);
  const left = (n: number) => base + c * n;
  // `shape` names the options (with `base`, the same options every time), so the splicer
  // finds the paragraph's template without serialising them.
  const para = (shape: string, text: string, opts: ParagraphOptions) =>
    sp.paragraph(opts, runsOf(text), `${shape}:${base}`);
  switch (p.kind) {
    case 'group':
      return [para('group', p.text, { indent: { left: left(0) }, spacing: { before: 120 }, keepNext: true })];
    case 'field':
      return [
        para('field', `${model.format.texts.fieldMark}${p.text}`, {
          indent: { left: left(1) },
          spacing: { before: 60 },
          keepNext: true,
        }),
      ];
    case 'bullet':
      return [para('bullet', `${p.prefix}${p.text}${p.suffix}`, { indent: { left: left(3), hanging: c } })];
    case 'answer':
      return [para('answer', `${p.prefix}${p.text}${p.suffix}`, { indent: { left: left(4), hanging: c } })];
    case 'turn': {
      if (p.prefix.endsWith('\n'))
        // The speaker on a line of its own, the remark indented below it.
        return [
          sp.paragraph({ indent: { left: left(0) }, keepNext: true }, [{ text: p.prefix.slice(0, -1), bold: true }]),
          para('turn-below', `${p.text}${p.suffix}`, { indent: { left: left(1), firstLine: c } }),
        ];
      return [
        sp.paragraph({ indent: { left: left(1), hanging: c } }, [
          { text: p.prefix, bold: true },
          { text: `${p.text}${p.suffix}` },
        ]),
      ];
    }
    case 'note':
      return [para('note', p.text, { indent: { left: left(1) } })];
    default:
      if (/^（[^）]*）$/.test(p.text) && !p.prefix && model.format.texts.stageDirections)
        return [para('stage', p.text, { indent: { left: left(2) } })]; // a stage direction on its own line
      return [
        para(p.prefix ? 'text-prefixed' : 'text', `${p.prefix}${p.text}${p.suffix}`, {
          indent: { left: left(1), firstLine: p.prefix ? 0 : c },
        }),
      ];
  }
}

/** The sections: a heading that keeps with what follows, then its paragraphs. */
type Body = Piece<Paragraph>;
interface Block {
  paragraphs: Body[];
  /** Keep with the next block (a heading never ends a page alone). */
  keep: boolean;
}

function sectionBlocks(model: MinutesModel, base: number, sp: ParagraphSplicer): Block[] {
  const out: Block[] = [];
  for (const s of model.sections) {
    out.push({
      keep: true,
      paragraphs: [
        sp.paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, ...(base ? { indent: { left: base } } : {}) }, [
          { text: s.heading },
        ]),
      ],
    });
    for (const p of s.paragraphs)
      out.push({ keep: KEPT.includes(p.kind), paragraphs: bodyParagraphs(p, model, base, sp) });
  }
  return out;
}

// ---------------------------------------------------------------- table form (seed 004)

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };

function labelCell(text: string, merge?: 'restart' | 'continue'): TableCell {
  return new TableCell({
    width: { size: 20, type: WidthType.PERCENTAGE },
    margins: CELL_MARGINS,
    shading: { fill: 'F2F2F2' },
    verticalAlign: VerticalAlign.TOP,
    ...(merge ? { verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
    children: [new Paragraph({ children: text ? [new TextRun({ text, bold: true })] : [] })],
  });
}

function headerTable(model: MinutesModel, sp: ParagraphSplicer): Table {
  const rows: TableRow[] = [];
  for (const h of model.header) {
    if (h.key !== 'body') {
      rows.push(
        new TableRow({
          children: [
            labelCell(h.label),
            new TableCell({
              width: { size: 80, type: WidthType.PERCENTAGE },
              margins: CELL_MARGINS,
              children: (h.lines.length ? h.lines : [' ']).map((l) => para(l)),
            }),
          ],
        }),
      );
      continue;
    }
    // A heading (and a group or field title) shares its row with what follows; that row does
    // not split, so the heading never ends a page alone — in Word and in LibreOffice alike.
    const blocks: Block[] = [];
    let pending: Body[] = [];
    for (const b of sectionBlocks(model, 0, sp)) {
      if (b.keep) {
        pending.push(...b.paragraphs);
        continue;
      }
      blocks.push({ keep: pending.length > 0, paragraphs: [...pending, ...b.paragraphs] });
      pending = [];
    }
    if (pending.length) blocks.push({ keep: true, paragraphs: pending });
    const bodyRows: Piece<TableRow>[] = [];
    if (blocks.length === 0) blocks.push({ keep: false, paragraphs: [sp.paragraph({}, runsOf(''))] });
    blocks.forEach((block, i) => {
      const first = i === 0;
      const last = i === blocks.length - 1;
      const make = (children: Paragraph[]) =>
        new TableRow({
          cantSplit: block.keep,
          children: [
            labelCell(first ? h.label : '', first ? 'restart' : 'continue'),
            new TableCell({
              width: { size: 80, type: WidthType.PERCENTAGE },
              margins: { ...CELL_MARGINS, top: first ? 60 : 0, bottom: last ? 60 : 0 },
              borders: { top: first ? undefined : NONE, bottom: last ? undefined : NONE },
              children,
            }),
          ],
        });
      bodyRows.push(sp.row(`${+first}${+last}${+block.keep}${h.label}`, make, block.paragraphs));
    });
    rows.push(...sp.placeRows(bodyRows, [20, 80]));
  }
  return new Table({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
  });
}

// ---------------------------------------------------------------- list forms

function listHeader(model: MinutesModel, sp: ParagraphSplicer): Paragraph[] {
  const c = charOf(model);
  const form = model.headerForm;
  const out: Paragraph[] = [];
  const numbering = model.format.numbering;
  model.header.forEach((h: HeaderField, i) => {
    const num = formatNumber(i + 1, numbering.header, numbering.digitWidth);
    const lines = h.lines.length ? h.lines : [''];
    const isBody = h.key === 'body';
    const spacing = { before: 120 };
    if (form === 'numbered' && !isBody) {
      // 「１　日時<tab>令和5年…」: the value on the label's line, further lines under the value.
      const at = c * 8;
      out.push(
        new Paragraph({
          spacing,
          tabStops: [{ type: TabStopType.LEFT, position: at }],
          indent: { left: at, hanging: at },
          children: [
            new TextRun({ text: `${num}　${h.label}` }),
            new TextRun({ text: `\t${lines[0]}` }),
            ...lines.slice(1).map((l) => new TextRun({ text: l, break: 1 })),
          ],
        }),
      );
      return;
    }
    if (form === 'block' && !isBody) {
      const label = `${h.label}：`;
      const at = c * (label.length + 0);
      out.push(
        new Paragraph({
          spacing,
          indent: { left: at, hanging: at },
          children: [
            new TextRun({ text: label, bold: true }),
            new TextRun({ text: lines[0] }),
            ...lines.slice(1).map((l) => new TextRun({ text: l, break: 1 })),
          ],
        }),
      );
      return;
    }
    // numbered-below / headed / the body row of any list form: the label on its line, the value below.
    const labelText = form === 'headed' ? `【${h.label}】` : form === 'block' ? h.label : `${num}　${h.label}`;
    out.push(
      new Paragraph({
        spacing,
        keepNext: true,
        children: [new TextRun({ text: labelText, bold: form !== 'numbered-below' })],
      }),
    );
    if (isBody) {
      for (const block of sectionBlocks(model, c, sp)) out.push(...sp.place(block.paragraphs));
      return;
    }
    for (const l of h.lines) out.push(para(l, { indent: { left: c * 2 } }));
  });
  return out;
}

/**
 * The paragraph Word needs after a table: 1 pt exact, and off the document grid (on the
 * grid it needs a whole grid line and may start a blank page). The docx library has no
 * paragraph option for <w:snapToGrid w:val="0"/>, so it is added to the properties
 * before the spacing, where CT_PPr wants it — no second pass over the packed file.
 */
function closingParagraph(offGrid: boolean): Paragraph {
  const spacing = { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  if (!offGrid) return new Paragraph({ spacing, children: [] });
  const p = new Paragraph({ children: [] });
  const props = (p as unknown as { properties: { push(item: XmlComponent): void } }).properties;
  props.push(new StringValueElement('w:snapToGrid', '0'));
  props.push(createSpacing(spacing));
  return p;
}

/**
 * The document; its body paragraphs are made by `sp` (pack it with `sp.pack`). A splicer
 * with `direct: false` makes them as the library's own paragraphs (the reference in tests).
 */
export function minutesDocument(model: MinutesModel, sp = new ParagraphSplicer(false)) {
  const children: FileChild[] = [title(model.title)];
  // Word needs a paragraph after a table; a 1pt one never spills onto a blank last page.
  const closing = closingParagraph(!!model.format.page.grid);
  if (model.headerForm === 'table') children.push(headerTable(model, sp), closing);
  else children.push(...listHeader(model, sp));
  return buildDocument({
    title: model.documentTitle,
    subject: model.kind === 'gist' || model.kind === 'decisions' ? DOCUMENT_KIND_LABELS[model.kind] : '会議録',
    fonts: model.fonts,
    page: model.format.page,
    ...(model.pageMark ? { pageMark: model.pageMark } : {}),
    children,
  });
}

/** Builds the model itself from the records (main never takes a model from the renderer). */
export async function buildMinutesDocx(input: MinutesInput): Promise<Uint8Array> {
  return packMinutesDocx(buildMinutesModel(input));
}

/** The Word file of a model main drew itself (see buildMinutesDocx). */
export async function packMinutesDocx(model: MinutesModel): Promise<Uint8Array> {
  const sp = new ParagraphSplicer();
  return sp.pack(minutesDocument(model, sp));
}

/** The same document made wholly by the library (no splicing): the reference the tests compare with. */
export async function buildMinutesDocxReference(input: MinutesInput): Promise<Uint8Array> {
  return packDocx(minutesDocument(buildMinutesModel(input), new ParagraphSplicer(false)));
}
