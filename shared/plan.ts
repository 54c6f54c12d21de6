/** 会議開催計画: the fiscal-year order of plan entries and entries drawn from the meetings held. */
import type { Meeting, PlanEntry } from './domain';
import { meetingThemes } from './agenda';
import { fiscalYearOf } from './wareki';

/** The months of a fiscal year (年度), April to March. */
export const FISCAL_MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];

const monthRank = (m: number) => FISCAL_MONTHS.indexOf(m);

/** Plan order: month within the fiscal year, then meeting number (entries without one last), then entry order. */
export function comparePlanEntries(
  a: Pick<PlanEntry, 'month' | 'meetingNumber' | 'order'>,
  b: Pick<PlanEntry, 'month' | 'meetingNumber' | 'order'>,
): number {
  return (
    monthRank(a.month) - monthRank(b.month) || (a.meetingNumber ?? 99) - (b.meetingNumber ?? 99) || a.order - b.order
  );
}

/**
 * Plan entries for the fiscal year's dated meetings that the plan does not have yet
 * (month from the date, 議題 as themes). Entries already planned are never replaced.
 */
export function planEntriesFromMeetings(
  councilId: string,
  fiscalYear: number,
  meetings: readonly Meeting[],
  planned: readonly Pick<PlanEntry, 'meetingNumber'>[],
): Omit<PlanEntry, 'id' | 'order'>[] {
  const numbers = new Set(planned.map((e) => e.meetingNumber));
  return meetings
    .filter((m) => m.date && fiscalYearOf(m.date) === fiscalYear && !numbers.has(m.number))
    .map((m) => ({
      councilId,
      fiscalYear,
      month: Number(m.date!.slice(5, 7)),
      meetingNumber: m.number,
      themes: meetingThemes(m),
    }));
}
