/**
 * 会議開催計画 (.xlsx, docs/CONVENTIONS.md §7.5, after reference 002): the fiscal year's
 * months April → March, each with the meetings planned in it and their themes; months
 * without a meeting stay as empty rows so the year reads at a glance. Rows without a month come last as 未定.
 */
import type { Council, Meeting, PlanEntry } from '../../../shared/domain';
import type { PlanRow } from '../../../shared/contract/councils';
import { meetingThemes } from '../../../shared/agenda';
import { fiscalYearOf, formatFiscalYear } from '../../../shared/wareki';
import { addTableSheet, newWorkbook, workbookBytes } from '../exports/xlsx-common';

export interface PlanInput {
  council: Council;
  fiscalYear: number;
  rows: PlanRow[];
}

export const FISCAL_MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];

export function planFileName(fiscalYear: number): string {
  return `${formatFiscalYear(fiscalYear)}_会議開催計画.xlsx`;
}

export function planRowsFromEntries(entries: PlanEntry[]): PlanRow[] {
  return [...entries]
    .sort((a, b) => a.order - b.order)
    .map((e) => ({ month: e.month, meetingNumber: e.meetingNumber, themes: e.themes }));
}

/** A plan read off the meetings themselves (their month and 議題), for a council that has kept no plan. */
export function planRowsFromMeetings(meetings: Meeting[], fiscalYear: number): PlanRow[] {
  return [...meetings]
    .filter((m) => !m.date || fiscalYearOf(m.date) === fiscalYear)
    .sort((a, b) => a.number - b.number)
    .map((m) => ({
      month: m.date ? Number(m.date.slice(5, 7)) : null,
      meetingNumber: m.number,
      themes: meetingThemes(m),
    }));
}

interface Line {
  month: string;
  meeting: string;
  themes: string;
}

export function planLines(rows: PlanRow[]): Line[] {
  const line = (month: string, r: PlanRow | null): Line => ({
    month,
    meeting: r?.meetingNumber ? `第${r.meetingNumber}回会議` : '',
    themes: (r?.themes ?? [])
      .filter((t) => t.trim())
      .map((t) => `・${t.trim()}`)
      .join('\n'),
  });
  const out: Line[] = [];
  const sorted = [...rows].sort((a, b) => (a.meetingNumber ?? 999) - (b.meetingNumber ?? 999));
  for (const month of FISCAL_MONTHS) {
    const inMonth = sorted.filter((r) => r.month === month);
    if (inMonth.length === 0) out.push(line(`${month}月`, null));
    for (const r of inMonth) out.push(line(`${month}月`, r));
  }
  for (const r of sorted.filter((x) => x.month === null)) out.push(line('未定', r));
  return out;
}

export async function buildPlanXlsx(input: PlanInput): Promise<Uint8Array> {
  const title = `${formatFiscalYear(input.fiscalYear)} ${input.council.name} 会議開催計画`;
  const wb = newWorkbook(title);
  const lines = planLines(input.rows);
  const ws = addTableSheet(wb, {
    name: '会議開催計画',
    title,
    columns: [
      { header: '月', value: (l: Line) => l.month, width: 7 },
      { header: '会議', value: (l) => l.meeting, width: 14 },
      { header: '検討テーマ', value: (l) => l.themes, maxWidth: 80 },
    ],
    rows: lines,
  });
  // Several themes in one cell: give the row their height (not every reader sizes wrapped rows).
  const thin = { style: 'thin' as const };
  lines.forEach((l, i) => {
    const row = ws.getRow(i + 2);
    row.height = Math.max(1, l.themes.split('\n').length) * 16 + 4;
    for (let c = 1; c <= 3; c++) row.getCell(c).border = { top: thin, bottom: thin, left: thin, right: thin };
  });
  return workbookBytes(wb);
}
