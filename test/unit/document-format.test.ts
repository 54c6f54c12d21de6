/**
 * The 出欠表 and the opinion documents print dates, numbers and punctuation in the council's
 * format (the minutes style's settings), as the 次第 does (issue 11).
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { buildAttendanceXlsx } from '../../electron/services/councils/attendance-xlsx';
import { buildOpinionDocument } from '../../electron/services/opinions/documents';
import { opinionDocumentData } from '../../electron/services/opinions/samples';
import { findPreset } from '../../shared/minutes/style';
import type { CouncilBundle } from '../../shared/domain';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const sample = () => buildSampleCouncil({ makeId: counter(), now: '2023-07-07T06:30:00.000Z' });
/** 西暦, half-width digits, ，。 punctuation. */
const western = findPreset('発言者別（コロン・西暦）')!;
const styled = (b: CouncilBundle): CouncilBundle => ({ ...b, council: { ...b.council, minutesStyle: western } });

async function docText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

async function headerRow(bytes: Uint8Array): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return (wb.getWorksheet('出欠表')!.getRow(1).values as unknown[]).filter(Boolean);
}

describe('出欠表 in the council format', () => {
  it('prints the meeting dates in the style’s era (和暦 by default, 西暦 when the style says so)', async () => {
    const b = sample();
    const plain = await headerRow(
      await buildAttendanceXlsx({ council: b.council, members: b.members, meetings: b.meetings }),
    );
    expect(plain).toContain('第2回\n令和5年7月7日');
    const s = styled(b);
    const west = await headerRow(
      await buildAttendanceXlsx({ council: s.council, members: s.members, meetings: s.meetings }),
    );
    expect(west).toContain('第2回\n2023年7月7日');
    expect(west.join('|')).not.toMatch(/令和/);
  });
});

describe('opinion documents in the council format', () => {
  it('the 分野別意見一覧 prints its date in 西暦, its field numbers half-width and the texts with ，', async () => {
    const b = sample();
    const before = await docText((await buildOpinionDocument('list', 'docx', opinionDocumentData(b), true)).bytes);
    expect(before).toMatch(/令和\d+年\d+月\d+日現在/);
    expect(before).toMatch(/^１．/m);
    expect(before).toContain('、');

    const after = await docText(
      (await buildOpinionDocument('list', 'docx', opinionDocumentData(styled(b)), true)).bytes,
    );
    expect(after).toMatch(/\d{4}年\d+月\d+日現在/);
    expect(after).not.toMatch(/令和\d+年/);
    expect(after).toMatch(/^1\./m);
    expect(after).not.toMatch(/^１．/m);
    expect(after).not.toContain('、');
    expect(after).toContain('，');
  });

  it('the 前回の主な意見と対応 and the 意見対応表 sheet date their meetings in 西暦', async () => {
    const b = styled(sample());
    const data = opinionDocumentData(b);
    const target = b.meetings.find((m) => m.number === 3)!;
    const handout = await docText(
      (
        await buildOpinionDocument('handout', 'docx', data, true, {
          meetingId: target.id,
          grouping: 'field',
          themes: {},
        })
      ).bytes,
    );
    expect(handout).toContain('2023年8月3日');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from((await buildOpinionDocument('responses', 'xlsx', data, true)).bytes) as unknown as ArrayBuffer,
    );
    const ws = wb.getWorksheet('意見対応表')!;
    const col = (ws.getRow(1).values as unknown[]).indexOf('会議日（和暦）');
    const dates = ws.getColumn(col).values.filter((v) => typeof v === 'string' && /年/.test(v)) as string[];
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d).toMatch(/^\d{4}年\d+月\d+日$/);
  });
});
