/**
 * Reading workbooks users bring (a roster, an 意見シート): the whole file is loaded from
 * its bytes — exceljs's streaming reader corrupts multi-byte text at chunk
 * boundaries — and tables are found by the words in their header row.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors';
import { checkZip, WORKBOOK_LIMITS, type ZipLimits } from './zip-guard';

/**
 * Loads .xlsx bytes, or says in Japanese that the file is not a workbook. The zip is
 * checked first — declared and actual inflated sizes, stopping at the limit — so a
 * small file that inflates to gigabytes is refused before exceljs inflates anything.
 */
export async function loadWorkbook(
  data: Uint8Array,
  fileName: string,
  limits: ZipLimits = WORKBOOK_LIMITS,
): Promise<ExcelJS.Workbook> {
  const label = fileName ? `「${fileName}」` : 'このファイル';
  try {
    checkZip(data, limits, label);
  } catch (error) {
    if (error instanceof AppError && /大きすぎる|圧縮形式/.test(error.message)) throw error;
    throw notAWorkbook(label);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw notAWorkbook(label);
  }
  return wb;
}

const notAWorkbook = (label: string) =>
  new AppError(
    'INVALID_FILE',
    `${label}は Excel ブック（.xlsx）として読み込めませんでした。Excel で開いて「Excel ブック（*.xlsx）」形式で保存してから、もう一度取り込んでください。`,
  );

/**
 * A formula whose result Excel did not save (files written by scripts or some other
 * apps): there is no value to read, only the formula text. Callers report the row.
 */
export function isUncachedFormula(value: ExcelJS.CellValue): boolean {
  if (!value || typeof value !== 'object' || value instanceof Date) return false;
  const v = value as unknown as Record<string, unknown>;
  return ('formula' in v || 'sharedFormula' in v) && (v.result === undefined || v.result === null);
}

/** The text of a cell, whatever exceljs made of it (rich text, formula, hyperlink…). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    // A formula without its saved result: no text (never "[object Object]"); see isUncachedFormula.
    if ('formula' in value || 'sharedFormula' in value) return '';
    if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text).trim();
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** Header words compared width-, case- and space-folded, （） as (). */
export const normalizeHeader = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]/g, '');

export interface HeaderMatch<K extends string> {
  ws: ExcelJS.Worksheet;
  row: number;
  /** Column number of each recognised key, in the order the sheet has them. */
  columns: Map<K, number>;
}

/**
 * The first sheet whose first 10 rows hold a header row naming `required`; each key is
 * recognised by any of its words (first column wins).
 */
export function findHeaderRow<K extends string>(
  wb: ExcelJS.Workbook,
  words: Record<K, string[]>,
  required: NoInfer<K>,
): HeaderMatch<K> | null {
  const index = new Map<string, K>();
  for (const [key, names] of Object.entries(words) as [K, string[]][]) {
    for (const n of names) if (!index.has(normalizeHeader(n))) index.set(normalizeHeader(n), key);
  }
  for (const ws of wb.worksheets) {
    for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
      const columns = new Map<K, number>();
      ws.getRow(r).eachCell((cell, col) => {
        const key = index.get(normalizeHeader(cellText(cell.value)));
        if (key && !columns.has(key)) columns.set(key, col);
      });
      if (columns.has(required)) return { ws, row: r, columns };
    }
  }
  return null;
}
