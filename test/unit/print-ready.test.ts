/** Print-ready documents: ruled Excel lists that print at 80% or more, one record per row, handouts frozen for a meeting. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { buildOpinionDocument, type OpinionDocumentKind } from '../../electron/services/opinions/documents';
import { opinionDocumentData } from '../../electron/services/opinions/samples';
import { buildAttendanceXlsx } from '../../electron/services/councils/attendance-xlsx';
import { buildPlanXlsx, planRowsFromMeetings } from '../../electron/services/councils/plan-xlsx';
import { MIN_PRINT_SCALE, printScale } from '../../electron/services/exports/xlsx-common';
import { meetingOrdinal } from '../../shared/numbering';

let seq = 0;
const b = buildSampleCouncil({ makeId: () => `id-${++seq}`, now: '2023-07-10T00:00:00.000Z' });
const data = opinionDocumentData(b);
const meeting = (n: number) => b.meetings.find((m) => m.number === n)!;
/** 第１回 or 第1回, as the council writes it. */
const dai = (n: number) => meetingOrdinal(n, b.council.publication.digitWidth);

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

async function docText(bytes: Uint8Array) {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  );
}

const lists: [string, () => Promise<Uint8Array>][] = [
  ...(['list', 'responses', 'matrix'] as OpinionDocumentKind[]).map((kind): [string, () => Promise<Uint8Array>] => [
    kind,
    async () => (await buildOpinionDocument(kind, 'xlsx', data, true)).bytes,
  ]),
  ['出欠表', () => buildAttendanceXlsx({ council: b.council, members: b.members, meetings: b.meetings })],
  [
    '会議開催計画',
    () => buildPlanXlsx({ council: b.council, fiscalYear: 2023, rows: planRowsFromMeetings(b.meetings, 2023) }),
  ],
];

describe('Excel lists print on A4 at 80% or more, ruled', () => {
  it.each(lists)('%s', async (_, build) => {
    const ws = (await load(await build())).worksheets[0]!;
    const cols = ws.columns.map((c) => c.width ?? 9);
    const landscape = ws.pageSetup.orientation === 'landscape';
    // The widths summed in points fit the printable width of A4 at 80% or more.
    expect(printScale(cols, landscape)).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    // Thin rules round every cell of the table (header and data), text wrapped.
    for (const r of [1, 2, ws.actualRowCount]) {
      for (let c = 1; c <= cols.length; c++) {
        const cell = ws.getRow(r).getCell(c);
        expect(cell.border?.left?.style, `${ws.name} ${cell.address}`).toBe('thin');
        expect(cell.border?.right?.style, `${ws.name} ${cell.address}`).toBe('thin');
        expect(cell.border?.bottom?.style, `${ws.name} ${cell.address}`).toBe('thin');
      }
    }
    expect(ws.getRow(2).getCell(cols.length).alignment?.wrapText ?? ws.name === '出欠表').toBe(true);
  });

  it('the old widths of the 分野別意見一覧 would have printed below 80%', () => {
    expect(printScale([7, 16, 60, 28, 16, 17, 12, 50, 14], true)).toBeLessThan(MIN_PRINT_SCALE);
  });

  it.each(['list', 'responses'] as OpinionDocumentKind[])(
    'internal %s: the 意見ID column sits outside the printed page, which prints as the 公開版 does',
    async (kind) => {
      const internal = (await load((await buildOpinionDocument(kind, 'xlsx', data, false)).bytes)).worksheets[0]!;
      const pub = (await load((await buildOpinionDocument(kind, 'xlsx', data, true)).bytes)).worksheets[0]!;
      const headers = (internal.getRow(1).values as unknown[]).slice(1);
      expect(headers).toEqual([...(pub.getRow(1).values as unknown[]).slice(1), '意見ID']);
      const n = headers.length;
      const idCell = internal.getRow(2).getCell(n);
      expect(String(idCell.value)).toBe(data.opinions.find((o) => String(idCell.value) === o.id)?.id);
      // Print area: the table up to the column before 意見ID, every row.
      const last = internal.getColumn(n - 1).letter;
      expect(internal.pageSetup.printArea).toBe(`A1:${last}${internal.actualRowCount}`);
      // The printed columns keep the 公開版's widths (nothing squeezed to make room) and print at 80% or more.
      const widths = internal.columns.map((c) => c.width ?? 9);
      expect(widths.slice(0, -1)).toEqual(pub.columns.map((c) => c.width ?? 9));
      expect(printScale(widths.slice(0, -1), true)).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
      // On screen: small grey text on one line, in a column just wide enough for it, ruled like the rest.
      expect(widths.at(-1)).toBeLessThanOrEqual(32);
      expect(idCell.font).toMatchObject({ size: 9, color: { argb: 'FF808080' } });
      expect(idCell.alignment?.wrapText ?? false).toBe(false);
      expect(idCell.border?.left?.style).toBe('thin');
    },
  );
});

describe('matrix (.xlsx)', () => {
  it('has one record per row: each opinion or item on its own line with its field, column and source', async () => {
    const ws = (await load((await buildOpinionDocument('matrix', 'xlsx', data, true)).bytes)).worksheets[0]!;
    const rows = ws.getRows(2, ws.actualRowCount - 1)!.map((r) => r.values as unknown[]);
    expect(rows.every((r) => typeof r[4] === 'string' && (r[4] as string).length > 0)).toBe(true);
    const first = rows.find((r) => String(r[4]).startsWith('職員の当たり前を変える'))!;
    expect(first.slice(1)).toEqual([
      '行政施策',
      `${dai(1)}・${dai(2)}審議会での主な意見`,
      1,
      first[4],
      `${dai(1)}審議会`,
    ]);
    // An item of another column is a record of its own, not put on the same line.
    expect(rows.filter((r) => r[1] === '行政施策' && r[3] === 1)).toHaveLength(b.council.matrixColumns.length);
  });

  it('limited to chosen meetings, names them in the header and is dated for the meeting it is for', async () => {
    const scope = { forMeetingId: meeting(2).id, meetingIds: [meeting(1).id] };
    const ws = (await load((await buildOpinionDocument('matrix', 'xlsx', data, true, undefined, scope)).bytes))
      .worksheets[0]!;
    const columns = new Set(ws.getColumn(2).values.slice(2));
    expect(columns).toContain(`${dai(1)}審議会での主な意見`);
    expect([...columns].some((c) => String(c).includes(dai(2)))).toBe(false);
    expect(new Set(ws.getColumn(5).values.slice(2))).not.toContain(`${dai(2)}審議会`);
    expect(ws.headerFooter.oddHeader).toContain('令和5年7月7日現在');
    const doc = await docText((await buildOpinionDocument('matrix', 'docx', data, true, undefined, scope)).bytes);
    expect(doc.join('\n')).toContain(`${dai(1)}審議会での主な意見`);
    expect(doc.join('\n')).toContain('令和5年7月7日現在');
  });
});

describe('前回の主な意見と対応 (frozen for a meeting)', () => {
  it('lists the previous meeting only, answered opinions with their responses, dated with the meeting', async () => {
    const m3 = meeting(3);
    const answered = b.opinions.find((o) => o.meetingId === meeting(2).id && o.response && o.status !== '')!;
    const m1Only = b.opinions.find((o) => o.meetingId === meeting(1).id)!;
    const lines = await docText(
      (await buildOpinionDocument('handout', 'docx', data, true, { meetingId: m3.id, grouping: 'field', themes: {} }))
        .bytes,
    );
    const text = lines.join('\n');
    expect(text).toContain('令和5年8月3日');
    expect(text).toContain(`${dai(2)}審議会での主な意見と対応`);
    expect(text).toContain(answered.summary.slice(0, 20));
    expect(text).toContain(`⇒ ${answered.response.slice(0, 20)}`);
    expect(text).not.toContain(m1Only.summary.slice(0, 20));
  });

  it('can cover chosen meetings; 「（第１回）」 is joined so it never breaks', async () => {
    const m3 = meeting(3);
    const lines = await docText(
      (
        await buildOpinionDocument(
          'handout',
          'docx',
          data,
          true,
          { meetingId: m3.id, grouping: 'field', themes: {} },
          { meetingIds: [meeting(1).id, meeting(2).id] },
        )
      ).bytes,
    );
    const text = lines.join('\n');
    expect(text).toContain(`${dai(1)}・${dai(2)}審議会での主な意見と対応`);
    expect(text).toContain([...`（${dai(1)}）`].join('\u2060'));
    expect(text).not.toContain(`（${dai(1)}）`);
  });
});

describe('意見シート template', () => {
  it('writes drop-down lists on disjoint ranges (no Excel repair prompt)', async () => {
    const { bytes } = await buildOpinionDocument('template', 'xlsx', data, true);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const refs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].flatMap((m) => m[1]!.split(' '));
    expect(refs.length).toBeGreaterThanOrEqual(4);
    const cells = new Set<string>();
    for (const ref of refs) {
      const [, c1, r1, c2, r2] = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref)!.concat() as string[];
      const cols = [c1!.charCodeAt(0), (c2 ?? c1)!.charCodeAt(0)];
      for (let c = cols[0]!; c <= cols[1]!; c++)
        for (let r = Number(r1); r <= Number(r2 ?? r1); r++) {
          const key = `${String.fromCharCode(c)}${r}`;
          expect(cells.has(key), `${key} in two ranges`).toBe(false);
          cells.add(key);
        }
    }
    expect(refs).toContain('A2:A201');
  });
});
