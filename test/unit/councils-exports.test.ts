import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { buildAgendaDocx } from '../../electron/services/councils/agenda-docx';
import { attendanceTotals, buildAttendanceXlsx } from '../../electron/services/councils/attendance-xlsx';
import { buildPlanXlsx, planLines, planRowsFromMeetings } from '../../electron/services/councils/plan-xlsx';
import { AttachmentStore } from '../../electron/services/councils/attachments';
import { councilSamples } from '../../electron/services/councils/samples';
import { newMeeting } from '../../shared/factory';
import type { Meeting, Member } from '../../shared/domain';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const bundle = buildSampleCouncil({ makeId: counter(), now: '2023-07-07T06:30:00.000Z' });
const meeting = (n: number) => bundle.meetings.find((m) => m.number === n)!;

async function documentText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? '\n').join(''))
    .join('\n');
}

async function sheet(bytes: Uint8Array, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.getWorksheet(name)!;
}
/** The values a sheet carries for its formula cells, as stored in the file (what a reader shows without recalculating). */
async function cachedValues(bytes: Uint8Array): Promise<Map<string, number>> {
  const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
  return new Map(
    [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f>[^<]*<\/f><v>([^<]*)<\/v><\/c>/g)].map((m) => [m[1]!, Number(m[2])]),
  );
}

describe('会議次第 (.docx)', () => {
  it('has the council, 第N回, 和暦 date with weekday, time, venues, numbered agenda and materials', async () => {
    const text = await documentText(await buildAgendaDocx({ council: bundle.council, meeting: meeting(2) }));
    expect(text).toContain('第2回飯塚市行政経営戦略推進審議会');
    expect(text).toContain('次　　第');
    expect(text).toContain('日　時　令和5年7月7日（金） 13:30～15:30');
    expect(text).toContain('場　所　オンライン（委員）\n飯塚市役所7階委員会室（事務局）');
    // The sample council writes digits half-width (the default), so the numbers follow.
    const agenda = [
      '1　開会',
      '2　資料の説明',
      '3　議題',
      '（1）各分野の現状と課題及び想定される解決策について',
      '（2）行政経営戦略推進ビジョン骨子案について',
      '4　その他（今後の予定について）',
      '5　閉会',
    ];
    let at = 0;
    for (const line of agenda) {
      const i = text.indexOf(line, at);
      expect(i, line).toBeGreaterThan(-1);
      at = i;
    }
    expect(text).toContain('【配布資料】');
    expect(text).toContain('資料1　飯塚市行政経営戦略推進ビジョン骨子案');
    expect(text).toContain('資料2　各分野の現状と課題及び想定される解決策');
  });
  it('follows the council settings (full-width digits, long weekday, kanji time) and fonts', async () => {
    const council = {
      ...bundle.council,
      publication: {
        ...bundle.council.publication,
        digitWidth: 'full-single' as const,
        weekdayStyle: 'paren-long' as const,
        timeStyle: 'kanji' as const,
        bodyFont: 'BIZ UD明朝',
      },
    };
    const bytes = await buildAgendaDocx({ council, meeting: meeting(2) });
    const text = await documentText(bytes);
    expect(text).toContain('第２回飯塚市行政経営戦略推進審議会');
    expect(text).toContain('令和5年7月7日（金曜日） 13時30分～15時30分');
    expect(text).toContain('１　開会');
    expect(text).toContain('（２）行政経営戦略推進ビジョン骨子案について');
    expect(text).toContain('資料１　飯塚市行政経営戦略推進ビジョン骨子案');
    const styles = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:eastAsia="BIZ UD明朝"');
  });
  it('says so when the date and agenda are not decided yet', async () => {
    const text = await documentText(
      await buildAgendaDocx({
        council: bundle.council,
        meeting: newMeeting({ councilId: bundle.council.id, number: 4 }),
      }),
    );
    expect(text).toContain('日　時　日程調整中');
    expect(text).toContain('場　所　未定');
    expect(text).toContain('（次第は未定です）');
  });
});

describe('出欠表 (.xlsx)', () => {
  const members: Member[] = ['甲', '乙', '丙', '丁'].map((name, i) => ({
    id: `p${i}`,
    councilId: 'c',
    name,
    reading: '',
    role: i === 0 ? '会長' : '委員',
    category: '',
    affiliation: '',
    termStart: null,
    termEnd: null,
    order: i + 1,
  }));
  const m = (number: number, date: string, marks: Record<string, Meeting['attendance'][number]['status']>): Meeting =>
    newMeeting(
      {
        councilId: 'c',
        number,
        date,
        attendance: Object.entries(marks).map(([memberId, status]) => ({ memberId, status })),
      },
      () => `mt${number}`,
    );
  const meetings = [
    m(1, '2023-05-10', { p0: '出席', p1: '出席', p2: 'オンライン出席', p3: '欠席' }),
    m(2, '2023-07-07', { p0: '欠席', p1: 'オンライン出席', p2: 'オンライン出席', p3: 'オンライン出席' }),
    m(3, '2023-08-03', { p0: '出席', p1: '出席' }), // 丙・丁 not recorded
  ];

  it('counts per member and per meeting', () => {
    const t = attendanceTotals(members, meetings);
    expect(t.members.map((x) => [x.present, x.online, x.absent, x.attended])).toEqual([
      [2, 0, 1, 2],
      [2, 1, 0, 3],
      [0, 2, 0, 2],
      [0, 1, 1, 1],
    ]);
    expect(t.meetings.map((x) => [x.present, x.online, x.absent, x.attended])).toEqual([
      [2, 1, 1, 3],
      [0, 3, 1, 3],
      [2, 0, 0, 2],
    ]);
  });

  it('prints ○ / オ / × with totals (formulas whose values are right)', async () => {
    const bytes = await buildAttendanceXlsx({ council: bundle.council, members, meetings });
    const ws = await sheet(bytes, '出欠表');
    const cached = await cachedValues(bytes);
    const at = (r: number, c: number) => cached.get(`${String.fromCharCode(64 + c)}${r}`);
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '順',
      '氏名',
      '役職',
      '第1回\n令和5年5月10日',
      '第2回\n令和5年7月7日',
      '第3回\n令和5年8月3日',
      '出席（○）',
      'オンライン（オ）',
      '欠席（×）',
      '出席計',
    ]);
    expect([2, 3, 4, 5].map((r) => [4, 5, 6].map((c) => ws.getRow(r).getCell(c).value))).toEqual([
      ['○', '×', '○'],
      ['○', 'オ', '○'],
      ['オ', 'オ', ''],
      ['×', 'オ', ''],
    ]);
    expect([2, 3, 4, 5].map((r) => [7, 8, 9, 10].map((c) => at(r, c)))).toEqual([
      [2, 0, 1, 2],
      [2, 1, 0, 3],
      [0, 2, 0, 2],
      [0, 1, 1, 1],
    ]);
    expect((ws.getCell('G2').value as ExcelJS.CellFormulaValue).formula).toBe('COUNTIF(D2:F2,"○")');
    expect(ws.getCell('B6').value).toBe('出席（○）');
    expect(ws.getCell('B9').value).toBe('出席者数');
    expect([6, 7, 8, 9].map((r) => [4, 5, 6].map((c) => at(r, c)))).toEqual([
      [2, 0, 2],
      [1, 3, 0],
      [1, 1, 0],
      [3, 3, 2],
    ]);
    expect(at(9, 10)).toBe(8); // 8 attendances to pay for
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '1:1' });
  });
});

describe('会議開催計画 (.xlsx)', () => {
  it('lists April to March with the meetings, their dates and themes; a held meeting without a date stays in order', async () => {
    const rows = planRowsFromMeetings(bundle.meetings, 2023);
    const ws = await sheet(
      await buildPlanXlsx({
        council: bundle.council,
        fiscalYear: 2023,
        rows,
        note: '※ テーマは変更する場合があります。',
      }),
      '会議開催計画',
    );
    expect(ws.getRow(1).values).toEqual([undefined, '月', '会議', '開催日', '検討テーマ']);
    const months = ws.getColumn(1).values.slice(2, 15);
    // 第1回 was held but its date is not recorded: it comes before 第2回 (7月), never as 未定 after 3月.
    expect(months).toEqual(['4月', '5月', '6月', '', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月']);
    expect(ws.getCell('B5').value).toBe('第1回会議');
    expect(ws.getCell('C5').value).toBe('開催済（日付未登録）');
    expect(ws.getCell('D5').value).toBe('・意見交換');
    expect(ws.getCell('B6').value).toBe('第2回会議');
    expect(ws.getCell('C6').value).toBe('7月7日（金）');
    expect(ws.getCell('D6').value).toBe(
      '・各分野の現状と課題及び想定される解決策について\n・行政経営戦略推進ビジョン骨子案について',
    );
    expect(ws.getCell('B7').value).toBe('第3回会議');
    expect(ws.getCell('C7').value).toBe('8月3日（木）');
    expect(JSON.stringify(ws.getColumn(1).values)).not.toContain('未定');
    expect(ws.getCell('A16').value).toBe('※ テーマは変更する場合があります。');
    expect(ws.getCell('C6').border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' } });
  });

  it("keeps a theme's own numbering (i), ii) …) and lists a meeting not yet fixed as 未定", () => {
    const lines = planLines([
      { month: 6, meetingNumber: 2, themes: ['i) 民意の市行政への反映のあり方', 'ii) 市長マニフェストの反映のあり方'] },
      { month: null, meetingNumber: 5, themes: ['まとめ'] },
    ]);
    const june = lines.find((l) => l.meeting === '第2回会議')!;
    expect(june.themes).toBe('i) 民意の市行政への反映のあり方\nii) 市長マニフェストの反映のあり方');
    expect(lines.at(-1)).toMatchObject({ month: '未定', meeting: '第5回会議', themes: '・まとめ' });
  });
});

describe('attachments', () => {
  it('are assembled from pieces under a new name in the data folder; a gap is refused', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'att-'));
    const store = new AttachmentStore(dir);
    const id = '0b5e3c1e-8a5e-4f7a-9d41-3c0a6b2a9f10';
    const parts = [Buffer.from('資料１の'), Buffer.from('本文です')];
    expect(
      await store.writeChunk({
        uploadId: id,
        index: 0,
        base64: parts[0]!.toString('base64'),
        last: false,
        originalName: 'C:\\Users\\me\\資料1.PDF',
      }),
    ).toEqual({ received: parts[0]!.length, file: null });
    const done = await store.writeChunk({
      uploadId: id,
      index: 1,
      base64: parts[1]!.toString('base64'),
      last: true,
      originalName: 'C:\\Users\\me\\資料1.PDF',
    });
    expect(done.file).toEqual({
      storedName: `${id}.pdf`,
      originalName: 'C:\\Users\\me\\資料1.PDF',
      size: Buffer.concat(parts).length,
    });
    expect(readFileSync(path.join(dir, `${id}.pdf`)).toString()).toBe('資料１の本文です');
    expect(readdirSync(dir)).toEqual([`${id}.pdf`]);
    const other = '1b5e3c1e-8a5e-4f7a-9d41-3c0a6b2a9f10';
    await store.writeChunk({ uploadId: other, index: 0, base64: 'AAAA', last: false, originalName: 'x.txt' });
    await expect(
      store.writeChunk({ uploadId: other, index: 2, base64: 'AAAA', last: true, originalName: 'x.txt' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(readdirSync(dir)).toEqual([`${id}.pdf`]);
    await expect(store.existing('../settings.json')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('samples', () => {
  it('offers the 次第 of 第２回 and 第３回, the 出欠表 and the 会議開催計画', () => {
    expect(councilSamples(bundle).map((d) => d.fileName)).toEqual([
      '第2回_会議次第.docx',
      '第3回_会議次第.docx',
      '出欠表.xlsx',
      '令和5年度_会議開催計画.xlsx',
    ]);
  });
});
