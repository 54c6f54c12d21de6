import type ExcelJS from 'exceljs';

const THIN = { style: 'thin' as const };

/** Thin borders on every cell of a table (header included), as printed forms have. */
export function borderAll(ws: ExcelJS.Worksheet, rowCount: number, columnCount: number): void {
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= columnCount; c++) {
      row.getCell(c).border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    }
  }
}
