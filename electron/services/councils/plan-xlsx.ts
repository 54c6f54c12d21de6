/**
 * 会議開催計画 (.xlsx, docs/CONVENTIONS.md §7.5, after reference 002): the fiscal year's months April → March, each with the
 * meetings planned in it, their dates once held or fixed, and their themes; months
 * without a meeting stay as empty rows so the year reads at a glance. A held meeting
 * without a recorded date keeps its place by number (before the next dated meeting);
 * only meetings not yet fixed come last as 未定. Themes that carry their own numbering
 * (i), ii) …, （１）, ①) keep it; others get a ・. A note line can follow the table.
 */
import type { Council, Meeting, PlanEntry } from '../../../shared/domain';
import type { PlanRow } from '../../../shared/contract/councils';
import { meetingThemes } from '../../../shared/agenda';
import { fiscalYearOf, formatFiscalYear, formatWeekday, parseIsoDate, type WeekdayStyle } from '../../../shared/wareki';
import { addTableSheet, newWorkbook, workbookBytes, XLSX_FONT } from '../exports/xlsx-common';

export interface PlanInput {
  council: Council;
  fiscalYear: number;
  rows: PlanRow[];
  /** Printed under the table. */
  note?: string;
}

export const FISCAL_MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];
const HELD: Meeting['status'][] = ['開催済', '作成中', '確認中', '確定', '公開済'];

export function planFileName(fiscalYear: number): string {
  return `${formatFiscalYear(fiscalYear)}_会議開催計画.xlsx`;
}

/** The plan's rows; with the council's meetings, each numbered row takes that meeting's date and held state. */
export function planRowsFromEntries(
  entries: PlanEntry[],
  meetings: Pick<Meeting, 'number' | 'date' | 'status'>[] = [],
): PlanRow[] {
  return [...entries]
    .sort((a, b) => a.order - b.order)
    .map((e) => {
      const m = e.meetingNumber ? meetings.find((x) => x.number === e.meetingNumber) : undefined;
      return {
        month: e.month,
        meetingNumber: e.meetingNumber,
        themes: e.themes,
        ...(m ? { date: m.date, held: HELD.includes(m.status) } : {}),
      };
    });
}

/** A plan read off the meetings themselves (their month, date and 議題), for a council that has kept no plan. */
export function planRowsFromMeetings(meetings: Meeting[], fiscalYear: number): PlanRow[] {
  return [...meetings]
    .filter((m) => !m.date || fiscalYearOf(m.date) === fiscalYear)
    .sort((a, b) => a.number - b.number)
    .map((m) => ({
      month: m.date ? Number(m.date.slice(5, 7)) : null,
      meetingNumber: m.number,
      themes: meetingThemes(m),
      date: m.date,
      held: HELD.includes(m.status),
    }));
}

interface Line {
  month: string;
  meeting: string;
  date: string;
  themes: string;
}

/** A theme that starts with its own label (i) / ii) / （１） / (1) / ① / １． / ア）) keeps it. */
const OWN_NUMBER =
  /^(?:[ivxlcdmⅰ-ⅿⅠ-Ⅿ]+[)）．.]|[（(][0-9０-９一二三四五六七八九十ivx]+[)）]|[①-⑳㉑-㉟]|[0-9０-９]+[．.)）]|[ア-ン][)）．])/i;

export function themeLines(themes: readonly string[]): string {
  return themes
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => (OWN_NUMBER.test(t) ? t : `・${t}`))
    .join('\n');
}

/** 7月7日（金） (the year is the plan's fiscal year); a held meeting without a date says so. */
function dateText(r: PlanRow | null, weekday: WeekdayStyle): string {
  if (!r) return '';
  if (r.date) {
    const { month, day } = parseIsoDate(r.date);
    return `${month}月${day}日${formatWeekday(r.date, weekday)}`;
  }
  return r.held ? '開催済（日付未登録）' : '';
}

export function planLines(rows: PlanRow[], weekday: WeekdayStyle = 'paren-full'): Line[] {
  const line = (month: string, r: PlanRow | null): Line => ({
    month,
    meeting: r?.meetingNumber ? `第${r.meetingNumber}回会議` : '',
    date: dateText(r, weekday),
    themes: themeLines(r?.themes ?? []),
  });
  const sorted = [...rows].sort((a, b) => (a.meetingNumber ?? 999) - (b.meetingNumber ?? 999));
  const dated = sorted.filter((r) => r.month !== null);
  // A meeting without a month that comes before a dated one (by number) was held or is
  // fixed in between: it is placed before that meeting's month, not after 3月.
  const placedBefore = new Map<PlanRow, PlanRow[]>();
  const undecided: PlanRow[] = [];
  for (const r of sorted.filter((x) => x.month === null)) {
    const next = r.meetingNumber ? dated.find((d) => (d.meetingNumber ?? 0) > r.meetingNumber!) : undefined;
    if (next) placedBefore.set(next, [...(placedBefore.get(next) ?? []), r]);
    else undecided.push(r);
  }
  const out: Line[] = [];
  for (const month of FISCAL_MONTHS) {
    const inMonth = dated.filter((r) => r.month === month);
    for (const r of inMonth) for (const early of placedBefore.get(r) ?? []) out.push(line('', early));
    if (inMonth.length === 0) out.push(line(`${month}月`, null));
    for (const r of inMonth) out.push(line(`${month}月`, r));
  }
  for (const r of undecided) out.push(line(r.held ? '' : '未定', r));
  return out;
}

export async function buildPlanXlsx(input: PlanInput): Promise<Uint8Array> {
  const title = `${formatFiscalYear(input.fiscalYear)} ${input.council.name} 会議開催計画`;
  const wb = newWorkbook(title);
  const lines = planLines(input.rows, input.council.publication.weekdayStyle);
  const ws = addTableSheet(wb, {
    name: '会議開催計画',
    title,
    columns: [
      { header: '月', value: (l: Line) => l.month, width: 7 },
      { header: '会議', value: (l) => l.meeting, width: 13 },
      { header: '開催日', value: (l) => l.date, width: 16 },
      { header: '検討テーマ', value: (l) => l.themes, width: 56 },
    ],
    rows: lines,
    fitRowHeights: true,
  });
  lines.forEach((l, i) => {
    const row = ws.getRow(i + 2);
    row.height = Math.max(row.height ?? 0, Math.max(1, l.themes.split('\n').length) * 16 + 4);
  });
  if (input.note?.trim()) {
    const r = lines.length + 3;
    ws.mergeCells(r, 1, r, 4);
    const cell = ws.getCell(r, 1);
    cell.value = input.note.trim();
    cell.font = { name: XLSX_FONT, size: 10 };
    cell.alignment = { vertical: 'top', wrapText: true };
    ws.getRow(r).height = Math.max(1, input.note.trim().split('\n').length) * 15 + 4;
  }
  return workbookBytes(wb);
}
