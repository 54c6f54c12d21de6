/**
 * Reading workbooks users bring (a roster, an 意見シート): the whole file is loaded from
 * its bytes — exceljs's streaming reader corrupts multi-byte text at chunk
 * boundaries — and tables are found by the words in their header row.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors';

/** Loads .xlsx bytes, or says in Japanese that the file is not a workbook. */
export async function loadWorkbook(data: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  } catch {
    const label = fileName ? `「${fileName}」` : 'このファイル';
    throw new AppError(
      'INVALID_FILE',
      `${label}は Excel ブック（.xlsx）として読み込めませんでした。Excel で開いて「Excel ブック（*.xlsx）」形式で保存してから、もう一度取り込んでください。`,
    );
  }
  return wb;
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
