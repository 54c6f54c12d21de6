import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildDocument, heading, packDocx, para, table } from '../../electron/services/exports/docx-common';
import {
  addTableSheet,
  dateCell,
  displayWidth,
  newWorkbook,
  workbookBytes,
} from '../../electron/services/exports/xlsx-common';

describe('Word basics', () => {
  it('sets East Asian fonts, Japanese language, page numbers, repeated header rows and the title property', async () => {
    const doc = buildDocument({
      title: '第２回 会議録',
      fonts: { body: 'BIZ UD明朝', heading: 'BIZ UDゴシック' },
      children: [
        heading('１ 開会', 1),
        para('井澤会長欠席のため、大久保副会長が議事進行を行う。'),
        table({ widths: [30, 70], header: ['項目', '内容'], rows: [['開催日時', '令和5年7月7日（金） 13:30～15:30']] }),
      ],
    });
    const zip = await JSZip.loadAsync(await packDocx(doc));
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:eastAsia="BIZ UD明朝"');
    expect(styles).toContain('w:eastAsia="BIZ UDゴシック"');
    expect(styles).toContain('w:eastAsia="ja-JP"');
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('井澤会長欠席のため');
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toMatch(/w:w="11906"/); // A4 width in twips
    const footers = Object.keys(zip.files).filter((f) => /word\/footer\d*\.xml/.test(f));
    const footerXml = await zip.file(footers[0]!)!.async('string');
    expect(footerXml).toContain('PAGE');
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:title>第２回 会議録</dc:title>');
  });
});

describe('Excel basics', () => {
  it('is a filtered table with frozen header, print titles and fit to width', async () => {
    const wb = newWorkbook('分野別意見一覧');
    addTableSheet(wb, {
      name: '意見',
      title: '分野別意見一覧',
      landscape: true,
      columns: [
        { header: '番号', value: (r: { n: number; text: string; date: string }) => r.n, type: 'number' },
        { header: '意見', value: (r) => r.text },
        { header: '日付', value: (r) => dateCell(r.date), type: 'date' },
      ],
      rows: [
        {
          n: 1,
          text: 'ＤＸはデジタルツールを導入することよりもやらないことを決めて捨てることが重要。',
          date: '2023-07-07',
        },
      ],
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(await workbookBytes(wb)) as unknown as ArrayBuffer);
    const ws = back.getWorksheet('意見')!;
    expect(ws.getRow(1).values).toEqual([undefined, '番号', '意見', '日付']);
    expect(ws.getCell('A2').value).toBe(1);
    expect((ws.getCell('C2').value as Date).toISOString().slice(0, 10)).toBe('2023-07-07');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(ws.getColumn(2).width).toBeGreaterThan(40);
  });
  it('counts full-width characters as 2', () => {
    expect(displayWidth('ＤＸ推進 DX')).toBe(11);
  });
});
