/**
 * What every Word export shares (docs/CONVENTIONS.md §4): A4, margins 25/17/25/30 mm, East
 * Asian fonts set in the default style and the heading styles (明朝 body, ゴシック
 * headings, from the council's settings), Japanese language tags, page numbers in
 * the footer, the title in the file properties, and real tables.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  LevelFormat,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
  type PageNumberEstimator,
} from 'docx';

export interface DocFonts {
  body: string;
  heading: string;
}
export const DEFAULT_FONTS: DocFonts = { body: 'ＭＳ 明朝', heading: 'ＭＳ ゴシック' };

export const JA_LANGUAGE = { value: 'en-US', eastAsia: 'ja-JP' } as const;

/** A font for both Latin and East Asian text (a plain string would set Latin only in some readers). */
export function fontAttrs(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' as const };
}

// Word's own A4 in twips (210 × 297 mm).
const A4 = { width: 11906, height: 16838 };

export interface DocumentSpec {
  title: string;
  subject?: string;
  fonts?: DocFonts;
  landscape?: boolean;
  /** Text at the top right of every page, e.g. 「案」 or 「確定稿」. */
  pageMark?: string;
  children: FileChild[];
  /** Extra sections (e.g. a landscape table after portrait text). */
  moreSections?: { landscape?: boolean; children: FileChild[] }[];
  /** The first page is a cover: no page number or page mark on it (Word's 「先頭ページのみ別指定」). */
  coverPage?: boolean;
  /**
   * Works out the page of each heading while the document is written, so a table of
   * contents carries its page numbers when opened (without Word updating fields).
   */
  pageNumbers?: PageNumberEstimator;
}

/** Word list for bullets (・), levels indented one character each; paragraphs use `bulletParagraph`. */
export const BULLET_REFERENCE = 'bullets';
const BULLET_NUMBERING = {
  config: [
    {
      reference: BULLET_REFERENCE,
      levels: [0, 1, 2, 3, 4, 5].map((level) => ({
        level,
        format: LevelFormat.BULLET,
        text: '・',
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 220 * (level + 2), hanging: 220 } } },
      })),
    },
  ],
};

/** A bulleted paragraph (a real Word list item: the ・ is the list's, wrapped lines hang under the text). */
export function bulletParagraph(text: string, level = 0, opts: Omit<IParagraphOptions, 'children' | 'text'> = {}) {
  return new Paragraph({
    ...opts,
    numbering: { reference: BULLET_REFERENCE, level: Math.max(0, Math.min(5, level)) },
    children: [new TextRun({ text })],
  });
}

function pageProperties(landscape: boolean): ISectionOptions['properties'] {
  return {
    page: {
      // docx swaps width and height itself for a landscape page: always pass portrait A4.
      size: {
        width: A4.width,
        height: A4.height,
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: landscape
        ? {
            top: convertMillimetersToTwip(20),
            bottom: convertMillimetersToTwip(20),
            left: convertMillimetersToTwip(20),
            right: convertMillimetersToTwip(20),
          }
        : {
            top: convertMillimetersToTwip(25),
            bottom: convertMillimetersToTwip(25),
            left: convertMillimetersToTwip(30),
            right: convertMillimetersToTwip(17),
          },
    },
  };
}

export function buildDocument(spec: DocumentSpec): Document {
  const fonts = spec.fonts ?? DEFAULT_FONTS;
  const body = fontAttrs(fonts.body);
  const heading = fontAttrs(fonts.heading);
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], font: body, size: 20 })],
      }),
    ],
  });
  const header = spec.pageMark
    ? new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: spec.pageMark, font: heading, size: 24, bold: true })],
          }),
        ],
      })
    : undefined;
  const blank = () => ({ first: new Footer({ children: [new Paragraph({ children: [] })] }) });
  const section = (landscape: boolean, children: FileChild[], first = false): ISectionOptions => ({
    properties: { ...pageProperties(landscape), ...(first && spec.coverPage ? { titlePage: true } : {}) },
    footers: { default: footer, ...(first && spec.coverPage ? blank() : {}) },
    ...(header
      ? {
          headers: {
            default: header,
            ...(first && spec.coverPage ? { first: new Header({ children: [new Paragraph({ children: [] })] }) } : {}),
          },
        }
      : {}),
    children,
  });
  const headingStyle = (size: number) => ({
    run: { font: heading, size, bold: true, color: '000000', language: JA_LANGUAGE },
    paragraph: { spacing: { before: 240, after: 120 } },
  });
  return new Document({
    creator: '審議会デスク',
    lastModifiedBy: '審議会デスク',
    title: spec.title,
    subject: spec.subject ?? '',
    description: spec.title,
    styles: {
      default: {
        document: { run: { font: body, size: 22, language: JA_LANGUAGE }, paragraph: { spacing: { line: 360 } } },
        title: {
          run: { font: heading, size: 32, bold: true, language: JA_LANGUAGE },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
        },
        heading1: headingStyle(28),
        heading2: headingStyle(24),
        heading3: headingStyle(22),
        heading4: headingStyle(22),
      },
    },
    numbering: BULLET_NUMBERING,
    ...(spec.pageNumbers ? { pageNumbers: spec.pageNumbers } : {}),
    sections: [
      section(spec.landscape ?? false, spec.children, true),
      ...(spec.moreSections ?? []).map((s) => section(s.landscape ?? false, s.children)),
    ],
  });
}

export async function packDocx(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

// ---------------------------------------------------------------- building blocks

export function para(
  text: string,
  opts: Omit<IParagraphOptions, 'children' | 'text'> & { run?: Omit<IRunOptions, 'text'> } = {},
): Paragraph {
  const { run, ...p } = opts;
  const lines = text.split('\n');
  return new Paragraph({
    ...p,
    children: lines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...run })),
  });
}

export function heading(
  text: string,
  level: 1 | 2 | 3 | 4,
  opts: Omit<IParagraphOptions, 'children' | 'text' | 'heading'> = {},
): Paragraph {
  const h = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4][
    level - 1
  ]!;
  return new Paragraph({ ...opts, heading: h, children: [new TextRun({ text })] });
}

export function title(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text })] });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const TABLE_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

export type CellContent = string | Paragraph[];

export interface TableSpec {
  /** Column widths in percent of the text width (they should add up to 100). */
  widths: number[];
  header?: string[];
  rows: CellContent[][];
  /** Rows never break across pages (each moves whole to the next page); for rows shorter than a page. */
  cantSplit?: boolean;
  /** Shade the first column (a label column, as the minutes header table). */
  labelColumn?: boolean;
  /** Where label cells sit in a tall row (default: centred; 'top' for rows that run over pages). */
  labelAlign?: 'center' | 'top';
  fontSize?: number;
}

function cellParagraphs(content: CellContent, size?: number, bold = false): Paragraph[] {
  if (typeof content !== 'string') return content;
  return content
    .split('\n')
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, ...(size ? { size } : {}) })] }));
}

/** A real Word table; the header row repeats on every printed page. */
export function table(spec: TableSpec): Table {
  const margins = { top: 60, bottom: 60, left: 100, right: 100 };
  const rows: TableRow[] = [];
  if (spec.header) {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: spec.header.map(
          (h, i) =>
            new TableCell({
              width: { size: spec.widths[i] ?? 10, type: WidthType.PERCENTAGE },
              shading: { fill: 'D9D9D9' },
              verticalAlign: VerticalAlign.CENTER,
              margins,
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [new TextRun({ text: h, bold: true, ...(spec.fontSize ? { size: spec.fontSize } : {}) })],
                }),
              ],
            }),
        ),
      }),
    );
  }
  for (const row of spec.rows) {
    rows.push(
      new TableRow({
        ...(spec.cantSplit ? { cantSplit: true } : {}),
        children: row.map(
          (content, i) =>
            new TableCell({
              width: { size: spec.widths[i] ?? 10, type: WidthType.PERCENTAGE },
              margins,
              ...(spec.labelColumn && i === 0
                ? {
                    shading: { fill: 'F2F2F2' },
                    verticalAlign: spec.labelAlign === 'top' ? VerticalAlign.TOP : VerticalAlign.CENTER,
                  }
                : {}),
              children: cellParagraphs(content, spec.fontSize, spec.labelColumn === true && i === 0),
            }),
        ),
      }),
    );
  }
  return new Table({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
  });
}
