/**
 * 出欠表 (.xlsx): one row per member, one column per meeting (○ 出席 / オ オンライン出席 /
 * × 欠席, blank = not recorded), totals per member at the right and per meeting at the
 * bottom. Totals are formulas with their values cached, so they stay right when a mark
 * is corrected in Excel and read right in any program that does not recalculate.
 */
import type { Attendance, Council, Meeting, Member } from '../../../shared/domain';
import { documentFormat } from '../../../shared/minutes/style';
import { applyTextRules, formatDocumentDate } from '../../../shared/style/format';
import { addTableSheet, newWorkbook, workbookBytes, XLSX_FONT, type ColumnSpec } from '../exports/xlsx-common';

export const ATTENDANCE_MARKS: Record<Attendance['status'], string> = { 出席: '○', オンライン出席: 'オ', 欠席: '×' };

export interface AttendanceInput {
  council: Council;
  members: Member[];
  meetings: Meeting[];
}

export interface AttendanceTotals {
  /** Per member (in the input order): ○, オ, ×, and attended = ○ + オ. */
  members: { memberId: string; present: number; online: number; absent: number; attended: number }[];
  /** Per meeting (by number): the same counts. */
  meetings: { meetingId: string; present: number; online: number; absent: number; attended: number }[];
}

/** The counts the sheet prints: what members are paid on, so computed once, here. */
export function attendanceTotals(
  members: Pick<Member, 'id'>[],
  meetings: Pick<Meeting, 'id' | 'attendance'>[],
): AttendanceTotals {
  const status = new Map(meetings.map((m) => [m.id, new Map(m.attendance.map((a) => [a.memberId, a.status]))]));
  const count = (statuses: (Attendance['status'] | undefined)[]) => {
    const present = statuses.filter((s) => s === '出席').length;
    const online = statuses.filter((s) => s === 'オンライン出席').length;
    const absent = statuses.filter((s) => s === '欠席').length;
    return { present, online, absent, attended: present + online };
  };
  return {
    members: members.map((mem) => ({ memberId: mem.id, ...count(meetings.map((m) => status.get(m.id)!.get(mem.id))) })),
    meetings: meetings.map((m) => ({ meetingId: m.id, ...count(members.map((mem) => status.get(m.id)!.get(mem.id))) })),
  };
}

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export async function buildAttendanceXlsx(input: AttendanceInput): Promise<Uint8Array> {
  const { council } = input;
  const members = [...input.members].sort((a, b) => a.order - b.order);
  const meetings = [...input.meetings].sort((a, b) => a.number - b.number);
  const totals = attendanceTotals(members, meetings);
  const byMember = new Map(totals.members.map((t) => [t.memberId, t]));
  const marks = new Map(
    meetings.map((m) => [m.id, new Map(m.attendance.map((a) => [a.memberId, ATTENDANCE_MARKS[a.status]]))]),
  );

  // Dates, digits and punctuation as the council's minutes style prints them (as the 次第 does).
  const format = documentFormat(council);
  const title = applyTextRules(`${council.name} 出欠表`, format.text);
  const columns: ColumnSpec<Member>[] = [
    { header: '順', value: (m) => members.indexOf(m) + 1, type: 'number', width: 5 },
    { header: '氏名', value: (m) => m.name, maxWidth: 24 },
    { header: '役職', value: (m) => m.role, width: 8 },
    ...meetings.map((mt): ColumnSpec<Member> => ({
      header: applyTextRules(
        mt.date ? `第${mt.number}回\n${formatDocumentDate(mt.date, format)}` : `第${mt.number}回`,
        format.text,
      ),
      value: (m) => marks.get(mt.id)!.get(m.id) ?? '',
      width: 14,
    })),
    { header: '出席（○）', value: (m) => byMember.get(m.id)!.present, type: 'number', width: 10 },
    { header: 'オンライン（オ）', value: (m) => byMember.get(m.id)!.online, type: 'number', width: 16 },
    { header: '欠席（×）', value: (m) => byMember.get(m.id)!.absent, type: 'number', width: 10 },
    { header: '出席計', value: (m) => byMember.get(m.id)!.attended, type: 'number', width: 8 },
  ];
  const wb = newWorkbook(title);
  const ws = addTableSheet(wb, { name: '出欠表', title, columns, rows: members, landscape: meetings.length > 5 });
  ws.headerFooter.oddFooter = '&L○ 出席　オ オンライン出席　× 欠席&C&P / &N';
  ws.getRow(1).height = 32;

  const firstMeetingCol = 4;
  const lastMeetingCol = firstMeetingCol + meetings.length - 1;
  const totalCol = lastMeetingCol + 1;
  const firstRow = 2;
  const lastRow = members.length + 1;
  const range = (c1: number, r1: number, c2: number, r2: number) => `${colLetter(c1)}${r1}:${colLetter(c2)}${r2}`;

  // Per member: COUNTIF over that member's meeting cells.
  members.forEach((m, i) => {
    const r = firstRow + i;
    const t = byMember.get(m.id)!;
    const row = ws.getRow(r);
    meetings.forEach((_, j) => {
      row.getCell(firstMeetingCol + j).alignment = { horizontal: 'center', vertical: 'middle' };
    });
    if (meetings.length) {
      const span = range(firstMeetingCol, r, lastMeetingCol, r);
      row.getCell(totalCol).value = { formula: `COUNTIF(${span},"○")`, result: t.present };
      row.getCell(totalCol + 1).value = { formula: `COUNTIF(${span},"オ")`, result: t.online };
      row.getCell(totalCol + 2).value = { formula: `COUNTIF(${span},"×")`, result: t.absent };
    }
    row.getCell(totalCol + 3).value = {
      formula: `${colLetter(totalCol)}${r}+${colLetter(totalCol + 1)}${r}`,
      result: t.attended,
    };
  });

  // Per meeting: four rows under the table.
  const font = { name: XLSX_FONT, size: 11 };
  const summary: [string, string | null, keyof AttendanceTotals['meetings'][number]][] = [
    ['出席（○）', '○', 'present'],
    ['オンライン（オ）', 'オ', 'online'],
    ['欠席（×）', '×', 'absent'],
    ['出席者数', null, 'attended'],
  ];
  summary.forEach(([label, mark, key], k) => {
    const r = lastRow + 1 + k;
    const row = ws.getRow(r);
    row.getCell(2).value = label;
    meetings.forEach((_, j) => {
      const c = firstMeetingCol + j;
      const result = totals.meetings[j]![key] as number;
      const cells = range(c, firstRow, c, Math.max(lastRow, firstRow));
      row.getCell(c).value = mark
        ? { formula: `COUNTIF(${cells},"${mark}")`, result }
        : { formula: `${colLetter(c)}${lastRow + 1}+${colLetter(c)}${lastRow + 2}`, result };
    });
    const grand = totals.members.reduce((sum, t) => sum + t[key as 'present'], 0);
    const totalCell = row.getCell(totalCol + (k === 3 ? 3 : k));
    totalCell.value = {
      formula: `SUM(${range(firstMeetingCol, r, Math.max(lastMeetingCol, firstMeetingCol), r)})`,
      result: grand,
    };
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (c > totalCol + 3) return;
      cell.font = { ...font, bold: true };
      cell.alignment = { horizontal: c >= firstMeetingCol ? 'center' : 'left', vertical: 'middle' };
    });
  });

  // A ruled grid, so the printed sheet reads across; marks and counts centred.
  const thin = { style: 'thin' as const };
  for (let r = 1; r <= lastRow + summary.length; r++) {
    for (let c = 1; c <= totalCol + 3; c++) {
      const cell = ws.getRow(r).getCell(c);
      cell.border = { top: r === lastRow + 1 ? { style: 'double' } : thin, bottom: thin, left: thin, right: thin };
      if (r > 1 && (c >= firstMeetingCol || c === 1)) cell.alignment = { horizontal: 'center', vertical: 'middle' };
    }
  }
  return workbookBytes(wb);
}
