/**
 * What every Excel export shares (docs/CONVENTIONS.md §7): a table, not a form — one record
 * per row from row 1, header frozen and filtered, print titles, fit to page width,
 * wrapped text, A4, page numbers; widths estimated (full-width characters count 2).
 * The document title goes in the printed page header, so the sheet stays a table.
 * Every cell of the table is ruled (thin borders), and the column widths are kept to
 * what prints on one A4 width at PRINT_SCALE or larger (fit-to-width then never has to
 * shrink the page below that: a list printed at 50% cannot be read).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export const XLSX_FONT = '游ゴシック';

export interface ColumnSpec<Row> {
  header: string;
  value: (row: Row) => string | number | Date | null;
  /** Fixed width in characters; otherwise estimated from the content (capped). */
  width?: number;
  maxWidth?: number;
  /** 'date' cells get a yyyy/mm/dd format; 'number' right-aligned. */
  type?: 'text' | 'number' | 'date';
}

export interface SheetSpec<Row> {
  name: string;
  title: string;
  columns: ColumnSpec<Row>[];
  rows: Row[];
  landscape?: boolean;
  /** Row heights from the wrapped text (Excel and LibreOffice do not grow rows a program wrote). */
  fitRowHeights?: boolean;
}

/** Display width: full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0000-\u00ff\uff61-\uff9f]/.test(ch) ? 1 : 2;
  return w;
}

/** Excel refuses sheet names with []:*?/\ or over 31 characters. */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
}

// ---------------------------------------------------------------- print scale

/** Side margins of every sheet, in inches. */
const SIDE_MARGIN_IN = 0.5;
/** The smallest print scale a list may need; widths are chosen for PRINT_SCALE_TARGET, a little above it. */
export const MIN_PRINT_SCALE = 0.8;
const PRINT_SCALE_TARGET = 0.85;
/** A column is never narrowed below this many characters to fit the page. */
const MIN_FIT_WIDTH = 6;

/** The printable width of an A4 page between the side margins, in points. */
export function printableWidthPt(landscape: boolean): number {
  const paper = landscape ? 841.89 : 595.28; // A4 (297 × 210 mm) in points
  return paper - 2 * SIDE_MARGIN_IN * 72;
}

/**
 * A column's printed width in points: Excel turns a width of w characters into
 * trunc(((256w + trunc(128/7)) / 256) × 7) pixels (7 px per digit of the default 11 pt
 * font, plus 5 px padding), at 96 pixels per inch.
 */
export function columnWidthPt(width: number): number {
  const px = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return (px * 72) / 96;
}

/** The scale at which columns of these widths fill the printable width (capped at 1). */
export function printScale(widths: number[], landscape: boolean): number {
  const total = widths.reduce((sum, w) => sum + columnWidthPt(w), 0);
  return total ? Math.min(1, printableWidthPt(landscape) / total) : 1;
}

/**
 * Narrows the wide columns (in proportion to how far they are above MIN_FIT_WIDTH) until
 * the whole row prints at `target` or larger; narrow columns keep their width.
 */
export function fitWidths(widths: number[], landscape: boolean, target = PRINT_SCALE_TARGET): number[] {
  const budget = printableWidthPt(landscape) / target;
  let out = widths.map((w) => Math.round(w * 10) / 10);
  for (let i = 0; i < 50; i++) {
    const total = out.reduce((sum, w) => sum + columnWidthPt(w), 0);
    if (total <= budget) break;
    const slack = out.reduce((sum, w) => sum + Math.max(0, w - MIN_FIT_WIDTH), 0);
    if (slack <= 0) break;
    // Points over budget, in characters (about 5.25 pt a character), spread over the slack.
    const over = (total - budget) / 5.25 + 0.5;
    out = out.map((w) =>
      w > MIN_FIT_WIDTH ? Math.max(MIN_FIT_WIDTH, Math.floor((w - (over * (w - MIN_FIT_WIDTH)) / slack) * 10) / 10) : w,
    );
  }
  return out;
}

function sheetOptions(spec: Pick<SheetSpec<unknown>, 'title' | 'landscape'>): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: spec.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      printTitlesRow: '1:1',
      margins: {
        left: SIDE_MARGIN_IN,
        right: SIDE_MARGIN_IN,
        top: 0.75,
        bottom: 0.75,
        header: 0.3,
        footer: 0.3,
      },
    },
    headerFooter: { oddHeader: `&C&"${XLSX_FONT},太字"${spec.title.replace(/&/g, '&&')}`, oddFooter: '&C&P / &N' },
    views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }],
  };
}

const FONT = { name: XLSX_FONT, size: 11 };
const THIN = { style: 'thin' as const };
/** Thin rules on all four sides of a table cell. */
export const CELL_BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = CELL_BORDER;
  });
}

function styleRow<Row>(row: ExcelJS.Row, columns: ColumnSpec<Row>[]): void {
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.font = FONT;
    cell.alignment = { vertical: 'top', wrapText: true, ...(c.type === 'number' ? { horizontal: 'right' } : {}) };
    cell.border = CELL_BORDER;
    if (c.type === 'date') cell.numFmt = 'yyyy/mm/dd';
  });
}

type CellValue = string | number | Date | null;

function columnWidths<Row>(spec: SheetSpec<Row>, rows: CellValue[][]): number[] {
  const widths = spec.columns.map((c) => displayWidth(c.header) + 2);
  for (const values of rows) {
    values.forEach((v, i) => {
      const w = v instanceof Date ? 12 : v === null ? 0 : Math.max(...String(v).split('\n').map(displayWidth));
      widths[i] = Math.max(widths[i]!, w + 2);
    });
  }
  const wanted = spec.columns.map((c, i) => c.width ?? Math.min(widths[i]!, c.maxWidth ?? 60));
  return fitWidths(wanted, spec.landscape ?? false);
}

/** A row height for wrapped text (about 15 points a line at 11 pt); undefined = one line. */
function fittedHeight(values: CellValue[], widths: number[]): number | undefined {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v !== 'string' || !v) return;
    const w = Math.max(4, widths[i]! - 1);
    lines = Math.max(
      lines,
      v.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / w)), 0),
    );
  });
  return lines > 1 ? Math.min(409, lines * 15 + 3) : undefined;
}

export function addTableSheet<Row>(wb: ExcelJS.Workbook, spec: SheetSpec<Row>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(safeSheetName(spec.name), sheetOptions(spec));
  const headers = spec.columns.map((c) => c.header);
  const header = ws.addRow(headers);
  styleHeader(header);
  const all = spec.rows.map((row) => spec.columns.map((c) => c.value(row)));
  const widths = columnWidths(spec, all);
  const headerHeight = fittedHeight(headers, widths);
  if (headerHeight) header.height = headerHeight;
  for (const values of all) {
    const added = ws.addRow(values);
    styleRow(added, spec.columns);
    if (spec.fitRowHeights) {
      const h = fittedHeight(values, widths);
      if (h) added.height = h;
    }
  }
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  return ws;
}

/**
 * The same table sheets through exceljs's streaming writer (rows are written as they
 * are made, so memory stays flat for large exports: 10,000 opinions and more).
 */
export async function streamTableWorkbook(title: string, sheets: SheetSpec<any>[]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '審議会デスク';
  wb.title = title;
  wb.created = new Date();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(safeSheetName(spec.name), sheetOptions(spec));
    // Widths must be known before the first row is written: measure first, then write.
    const widths = columnWidths(
      spec,
      spec.rows.map((row) => spec.columns.map((c) => c.value(row))),
    );
    ws.columns = widths.map((width) => ({ width }));
    const headers = spec.columns.map((c) => c.header);
    const header = ws.addRow(headers);
    styleHeader(header);
    const headerHeight = fittedHeight(headers, widths);
    if (headerHeight) header.height = headerHeight;
    header.commit();
    for (const row of spec.rows) {
      const values = spec.columns.map((c) => c.value(row));
      const added = ws.addRow(values);
      styleRow(added, spec.columns);
      if (spec.fitRowHeights) {
        const h = fittedHeight(values, widths);
        if (h) added.height = h;
      }
      added.commit();
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
    ws.commit();
  }
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

export function newWorkbook(title: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '審議会デスク';
  wb.title = title;
  wb.created = new Date();
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** 'YYYY-MM-DD' → a real date cell value (UTC midnight, so Excel shows that day). */
export function dateCell(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}
