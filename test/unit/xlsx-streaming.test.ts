/**
 * The opinion workbooks stream into the file (electron/services/exports/zip-stream.ts): the
 * saved file still opens in exceljs with every row, the print-ready look and nothing left
 * behind in the folder.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { opinionDocumentData } from '../../electron/services/opinions/samples';
import { createHandlers } from '../../electron/main/handlers';
import { dispatch } from '../../electron/core/dispatch';
import { testServiceContext } from './service-context';
import type { Opinion } from '../../shared/domain';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function manyOpinions(n: number) {
  const bundle = buildSampleCouncil({ now: '2023-07-07T06:30:00.000Z' });
  const data = opinionDocumentData(bundle);
  const base = bundle.opinions.filter((o) => !o.mergedIntoId && !o.nonPublic);
  const opinions: Opinion[] = Array.from({ length: n }, (_, i) => ({
    ...base[i % base.length]!,
    id: `many-${i}`,
    order: i + 1,
    mergedIntoId: null,
    summary: `意見その${i + 1}：${base[i % base.length]!.summary} <&>`,
    response: i % 2 ? '' : `回答その${i + 1}`,
  }));
  return { ...data, opinions };
}

async function exportList(kind: 'list' | 'responses', n: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shingikai-xlsx-stream-'));
  dirs.push(dir);
  const handlers = createHandlers(testServiceContext(dir));
  const res = await dispatch(handlers, 'opinions:export:document', {
    kind,
    format: 'xlsx',
    publication: true,
    data: manyOpinions(n),
  });
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  const saved = res.value as { path: string; bytes: number };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved.path);
  return { wb, saved, folder: readdirSync(path.join(dir, 'exports')) };
}

describe('streamed opinion workbooks', () => {
  it(
    'saves a 分野別意見一覧 of 5,000 opinions with every row, readable, ruled and print-ready',
    { timeout: 180_000 },
    async () => {
      const { wb, saved, folder } = await exportList('list', 5000);
      expect(folder).toEqual([path.basename(saved.path)]); // no temporary file left
      const ws = wb.getWorksheet('分野別意見一覧')!;
      expect(ws.rowCount).toBe(5001);
      expect(ws.getRow(1).values).toContain('意見');
      const summaries = new Set<string>();
      ws.eachRow((row, r) => {
        if (r > 1) summaries.add(String(row.getCell(3).value));
      });
      for (const i of [1, 2500, 5000])
        expect([...summaries].some((s) => s.startsWith(`意見その${i}：`) && s.endsWith(' <&>'))).toBe(true);
      expect(summaries.size).toBe(5000);
      const cell = ws.getCell('C2');
      expect(cell.border?.left?.style).toBe('thin');
      expect(cell.font?.name).toBe('游ゴシック');
      expect(cell.alignment?.wrapText).toBe(true);
      expect(ws.getCell('A1').font?.bold).toBe(true);
      expect(ws.pageSetup.printTitlesRow).toBe('1:1');
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(3).width).toBeGreaterThan(20);
      const dates = ws.getColumn(7).values.filter((v) => v instanceof Date) as Date[];
      expect(dates.length).toBeGreaterThan(0);
      expect(ws.getCell(`G${ws.getColumn(7).values.findIndex((v) => v instanceof Date)}`).numFmt).toBe('yyyy/mm/dd');
    },
  );

  it('writes both sheets of the 意見対応表 with the answers', async () => {
    const { wb } = await exportList('responses', 300);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['意見対応表', '集計']);
    const ws = wb.getWorksheet('意見対応表')!;
    expect(ws.rowCount).toBe(301);
    let answers = 0;
    ws.eachRow((row) => {
      if (/^回答その\d+$/.test(String(row.getCell(8).value ?? ''))) answers++;
    });
    expect(answers).toBe(150);
    const totals = wb.getWorksheet('集計')!;
    expect(totals.getCell('A2').value).toBe('意見総数');
    expect(totals.getCell('B2').value).toBe(300);
  });
});
