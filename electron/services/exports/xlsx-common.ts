/**
 * What every Excel export shares (docs/CONVENTIONS.md §7): a table, not a form — one record
 * per row from row 1, header frozen and filtered, print titles, fit to page width,
 * wrapped text, A4, page numbers; widths estimated (full-width characters count 2).
 * The document title goes in the printed page header, so the sheet stays a table.
 * Every cell of the table is ruled (thin borders), and the column widths are kept to
 * what prints on one A4 width at PRINT_SCALE or larger (fit-to-width then never has to
 * shrink the page below that: a list printed at 50% cannot be read).
 */
import ExcelJS from 'exceljs';
import { collectBytes, ZipStream, type TextWriter, type ZipSink } from './zip-stream';

export const XLSX_FONT = '游ゴシック';

export interface ColumnSpec<Row> {
  header: string;
  value: (row: Row) => string | number | Date | null;
  /** Fixed width in characters; otherwise estimated from the content (capped). */
  width?: number;
  maxWidth?: number;
  /** 'date' cells get a yyyy/mm/dd format; 'number' right-aligned. */
  type?: 'text' | 'number' | 'date';
  /**
   * A reference for a program rather than for reading (the 意見ID a re-import matches on):
   * small grey text on one line, outside the printed page (the print area ends before it)
   * and left out of the fit to the page width. Only the last columns of a sheet may be references.
   */
  reference?: boolean;
}

/** How many columns print: those before the reference columns (which must all come last). */
export function printedColumnCount(columns: readonly Pick<ColumnSpec<never>, 'reference' | 'header'>[]): number {
  const first = columns.findIndex((c) => c.reference);
  if (first < 0) return columns.length;
  const stray = columns.slice(first).find((c) => !c.reference);
  if (stray) throw new Error(`column ${stray.header} follows a reference column: references come last`);
  return first;
}

/** Widths fitted to the page for the printed columns; reference columns keep theirs. */
function fitPrinted(wanted: number[], printed: number, landscape: boolean): number[] {
  return [...fitWidths(wanted.slice(0, printed), landscape), ...wanted.slice(printed)];
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
/** Reference columns (意見ID): smaller and grey, so the eye passes over them. */
const REFERENCE_FONT = { name: XLSX_FONT, size: 9, color: { argb: 'FF808080' } };
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
    cell.font = c.reference ? REFERENCE_FONT : FONT;
    cell.alignment = c.reference
      ? { vertical: 'top', wrapText: false }
      : { vertical: 'top', wrapText: true, ...(c.type === 'number' ? { horizontal: 'right' } : {}) };
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
  return fitPrinted(wanted, printedColumnCount(spec.columns), spec.landscape ?? false);
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
  // Reference columns stay on one line: they never make a row taller.
  const printed = printedColumnCount(spec.columns);
  const headerHeight = fittedHeight(headers.slice(0, printed), widths);
  if (headerHeight) header.height = headerHeight;
  for (const values of all) {
    const added = ws.addRow(values);
    styleRow(added, spec.columns);
    if (spec.fitRowHeights) {
      const h = fittedHeight(values.slice(0, printed), widths);
      if (h) added.height = h;
    }
  }
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  if (printed < spec.columns.length) ws.pageSetup.printArea = `A1:${columnLetter(printed)}${spec.rows.length + 1}`;
  return ws;
}

/**
 * The same table sheets, streamed: each row becomes XML as it is written and goes straight
 * into the deflater and on to `sink` (a file, for the channel), so memory stays flat however
 * many rows there are (100,000 opinions and more). Same look as addTableSheet: header fill,
 * ruled cells, widths fitted to A4, frozen header, filter, print titles, page header and
 * numbers. Widths need one pass over the rows before the first row is written; the values
 * are measured there, not kept. Returns the size in bytes.
 */
export async function writeTableWorkbook(sink: ZipSink, title: string, sheets: SheetSpec<any>[]): Promise<number> {
  const zip = new ZipStream(sink);
  const names = sheets.map((s) => safeSheetName(s.name));
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  await zip.entry('[Content_Types].xml', (w) =>
    w(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    ),
  );
  await zip.entry('_rels/.rels', (w) =>
    w(
      `${XML_HEAD}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${DOC_RELS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ),
  );
  await zip.entry('docProps/core.xml', (w) =>
    w(
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>審議会デスク</dc:creator><dc:title>${xmlText(title)}</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
    ),
  );
  await zip.entry('docProps/app.xml', (w) =>
    w(
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>審議会デスク</Application></Properties>`,
    ),
  );
  await zip.entry('xl/workbook.xml', (w) =>
    w(
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${DOC_RELS}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>${names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets><definedNames>${sheets
        .map((s, i) => {
          const q = `'${xmlText(names[i]!.replace(/'/g, "''"))}'`;
          // Reference columns are outside the print area (the table's rows: exceljs cannot read whole columns).
          const printed = printedColumnCount(s.columns);
          const area =
            printed < s.columns.length
              ? `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${q}!$A$1:$${columnLetter(printed)}$${s.rows.length + 1}</definedName>`
              : '';
          return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${q}!$A$1:$${columnLetter(s.columns.length)}$1</definedName>${area}<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${q}!$1:$1</definedName>`;
        })
        .join('')}</definedNames></workbook>`,
    ),
  );
  await zip.entry('xl/_rels/workbook.xml.rels', (w) =>
    w(
      `${XML_HEAD}<Relationships xmlns="${PKG_RELS}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${DOC_RELS}/styles" Target="styles.xml"/></Relationships>`,
    ),
  );
  await zip.entry('xl/styles.xml', (w) => w(STYLES_XML));
  for (const [i, spec] of sheets.entries())
    await zip.entry(`xl/worksheets/sheet${i + 1}.xml`, (w) => sheetXml(spec, w));
  return zip.end();
}

/** The same workbook as bytes (samples, tests, small documents). */
export async function streamTableWorkbook(title: string, sheets: SheetSpec<any>[]): Promise<Uint8Array> {
  return collectBytes((sink) => writeTableWorkbook(sink, title, sheets));
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Style ids in STYLES_XML: the header, then text, number, date and reference cells of the table. */
const XF = { header: 1, text: 2, number: 3, date: 4, reference: 5 } as const;
const BORDER_XML =
  '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>';
const STYLES_XML = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/></numFmts><fonts count="4"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="${XLSX_FONT}"/></font><font><sz val="11"/><name val="${XLSX_FONT}"/></font><font><sz val="9"/><color rgb="FF808080"/><name val="${XLSX_FONT}"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${BORDER_XML}</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="top" wrapText="1"/></xf><xf numFmtId="164" fontId="2" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="3" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** A, B, … Z, AA, … for 1-based column numbers. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Text for XML: the five entities escaped, characters XML forbids dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Days since 1899-12-30, as Excel stores a date. */
const excelDate = (d: Date) => d.getTime() / 86_400_000 + 25_569;

function cellXml(ref: string, style: number, v: CellValue): string {
  if (v === null || v === '' || (typeof v === 'number' && !Number.isFinite(v))) return `<c r="${ref}" s="${style}"/>`;
  if (typeof v === 'number') return `<c r="${ref}" s="${style}"><v>${v}</v></c>`;
  if (v instanceof Date) return `<c r="${ref}" s="${style}"><v>${excelDate(v)}</v></c>`;
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

function rowXml(r: number, letters: string[], styles: number[], values: CellValue[], height?: number): string {
  let out = height ? `<row r="${r}" ht="${height}" customHeight="1">` : `<row r="${r}">`;
  for (let i = 0; i < values.length; i++) out += cellXml(`${letters[i]}${r}`, styles[i]!, values[i]!);
  return out + '</row>';
}

/** Widths from one pass over the rows (values measured, not kept); fixed widths are not measured. */
function streamedWidths<Row>(spec: SheetSpec<Row>): number[] {
  const widths = spec.columns.map((c) => displayWidth(c.header) + 2);
  const measured = spec.columns.flatMap((c, i) => (c.width === undefined ? [i] : []));
  if (measured.length)
    for (const row of spec.rows)
      for (const i of measured) {
        const v = spec.columns[i]!.value(row);
        const w = v instanceof Date ? 12 : v === null ? 0 : Math.max(...String(v).split('\n').map(displayWidth));
        if (w + 2 > widths[i]!) widths[i] = w + 2;
      }
  const wanted = spec.columns.map((c, i) => c.width ?? Math.min(widths[i]!, c.maxWidth ?? 60));
  return fitPrinted(wanted, printedColumnCount(spec.columns), spec.landscape ?? false);
}

async function sheetXml<Row>(spec: SheetSpec<Row>, w: TextWriter): Promise<void> {
  const widths = streamedWidths(spec);
  const n = spec.columns.length;
  // Reference columns stay on one line: they never make a row taller.
  const printed = printedColumnCount(spec.columns);
  const letters = spec.columns.map((_, i) => columnLetter(i + 1));
  const last = `${letters[n - 1]}${spec.rows.length + 1}`;
  await w(
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${DOC_RELS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${last}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${widths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')}</cols><sheetData>`,
  );
  const headers = spec.columns.map((c) => c.header);
  await w(
    rowXml(
      1,
      letters,
      headers.map(() => XF.header),
      headers,
      fittedHeight(headers.slice(0, printed), widths),
    ),
  );
  const styles = spec.columns.map((c) =>
    c.reference ? XF.reference : c.type === 'number' ? XF.number : c.type === 'date' ? XF.date : XF.text,
  );
  let r = 1;
  for (const row of spec.rows) {
    const values = spec.columns.map((c) => c.value(row));
    const height = spec.fitRowHeights ? fittedHeight(values.slice(0, printed), widths) : undefined;
    await w(rowXml(++r, letters, styles, values, height));
  }
  const s = spec as SheetSpec<unknown>;
  const options = sheetOptions(s).pageSetup!;
  const m = options.margins!;
  await w(
    `</sheetData><autoFilter ref="A1:${letters[n - 1]}1"/><pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/><pageSetup paperSize="9" orientation="${options.orientation}" fitToWidth="1" fitToHeight="0"/><headerFooter><oddHeader>${xmlText(sheetOptions(s).headerFooter!.oddHeader!)}</oddHeader><oddFooter>${xmlText(sheetOptions(s).headerFooter!.oddFooter!)}</oddFooter></headerFooter></worksheet>`,
  );
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
