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
  DocumentGridType,
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
  /** Page settings of a style (absent: the house defaults below). */
  page?: PageSpec;
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

/** A document style's page: sizes in points, margins in mm, line spacing as a multiple of single. */
export interface PageSpec {
  marginsMm: { top: number; bottom: number; left: number; right: number };
  lineSpacing: number;
  bodySize: number;
  titleSize: number;
  headingSize: number;
  /** - 1 - / 1 / 1 / 3 / none */
  pageNumber: 'dash' | 'plain' | 'of-total' | 'none';
  /** A Japanese document grid (characters per line × lines per page), as Word's 文字数と行数. */
  grid: { chars: number | null; lines: number } | null;
}

/** The section properties of a style's portrait A4 page, with its document grid. */
function stylePageProperties(page: PageSpec): ISectionOptions['properties'] {
  const mm = convertMillimetersToTwip;
  const m = page.marginsMm;
  const textWidth = A4.width - mm(m.left) - mm(m.right);
  const textHeight = A4.height - mm(m.top) - mm(m.bottom);
  const linePitch = page.grid ? Math.floor(textHeight / page.grid.lines) : 0;
  const grid = !page.grid
    ? undefined
    : page.grid.chars
      ? {
          type: DocumentGridType.LINES_AND_CHARS,
          linePitch,
          // (character pitch − font size) in points × 4096
          charSpace: Math.round((textWidth / page.grid.chars / 20 - page.bodySize) * 4096),
        }
      : { type: DocumentGridType.LINES, linePitch };
  return {
    page: {
      size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
      margin: { top: mm(m.top), bottom: mm(m.bottom), left: mm(m.left), right: mm(m.right) },
    },
    ...(grid ? { grid } : {}),
  };
}

function pageNumberRun(form: PageSpec['pageNumber'], font: ReturnType<typeof fontAttrs>, size: number): TextRun | null {
  switch (form) {
    case 'none':
      return null;
    case 'plain':
      return new TextRun({ children: [PageNumber.CURRENT], font, size });
    case 'of-total':
      return new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], font, size });
    default:
      return new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], font, size });
  }
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
  const pageRun = pageNumberRun(spec.page?.pageNumber ?? 'dash', body, 20);
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageRun ? [pageRun] : [] })],
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
    properties: {
      ...(spec.page && !landscape ? stylePageProperties(spec.page) : pageProperties(landscape)),
      ...(first && spec.coverPage ? { titlePage: true } : {}),
    },
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
  const half = (pt: number) => Math.round(pt * 2);
  const sizes = spec.page
    ? {
        body: half(spec.page.bodySize),
        title: half(spec.page.titleSize),
        h1: half(spec.page.headingSize + 2),
        h2: half(spec.page.headingSize),
        h3: half(spec.page.bodySize),
        line: Math.round(240 * spec.page.lineSpacing),
      }
    : { body: 22, title: 32, h1: 28, h2: 24, h3: 22, line: 360 };
  return new Document({
    creator: '審議会デスク',
    lastModifiedBy: '審議会デスク',
    title: spec.title,
    subject: spec.subject ?? '',
    description: spec.title,
    // Japanese Word's default: a tab stop every four characters.
    ...(spec.page ? { defaultTabStop: Math.round(spec.page.bodySize * 20 * 4) } : {}),
    styles: {
      default: {
        document: {
          run: { font: body, size: sizes.body, language: JA_LANGUAGE },
          paragraph: { spacing: { line: sizes.line } },
        },
        title: {
          run: { font: heading, size: sizes.title, bold: true, language: JA_LANGUAGE },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
        },
        heading1: headingStyle(sizes.h1),
        heading2: headingStyle(sizes.h2),
        heading3: headingStyle(sizes.h3),
        heading4: headingStyle(sizes.h3),
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
