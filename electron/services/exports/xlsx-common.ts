/**
 * What every Excel export shares (docs/CONVENTIONS.md §7): a table, not a form — one record
 * per row from row 1, header frozen and filtered, print titles, fit to page width,
 * wrapped text, A4, page numbers; widths estimated (full-width characters count 2).
 * The document title goes in the printed page header, so the sheet stays a table.
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

function sheetOptions(spec: Pick<SheetSpec<unknown>, 'title' | 'landscape'>): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: spec.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      printTitlesRow: '1:1',
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddHeader: `&C&"${XLSX_FONT},太字"${spec.title.replace(/&/g, '&&')}`, oddFooter: '&C&P / &N' },
    views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }],
  };
}

const FONT = { name: XLSX_FONT, size: 11 };

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
}

function styleRow<Row>(row: ExcelJS.Row, columns: ColumnSpec<Row>[]): void {
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.font = FONT;
    cell.alignment = { vertical: 'top', wrapText: true, ...(c.type === 'number' ? { horizontal: 'right' } : {}) };
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
  return spec.columns.map((c, i) => c.width ?? Math.min(widths[i]!, c.maxWidth ?? 60));
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
  styleHeader(ws.addRow(spec.columns.map((c) => c.header)));
  const all = spec.rows.map((row) => spec.columns.map((c) => c.value(row)));
  const widths = columnWidths(spec, all);
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
    const header = ws.addRow(spec.columns.map((c) => c.header));
    styleHeader(header);
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
