/** Minutes deadlines (pure). */
import type { Council, Meeting } from '../../../../shared/domain';
import { addDays, todayInTokyo } from '../../../../shared/wareki';

export function minutesDueFor(council: Pick<Council, 'minutesDueDays'>, date: string | null): string | null {
  return date ? addDays(date, council.minutesDueDays) : null;
}

/** Minutes are overdue when the due date has passed and they are not 確定 or 公開済. */
export function minutesOverdue(m: Pick<Meeting, 'minutesDue' | 'status'>, today = todayInTokyo()): boolean {
  return !!m.minutesDue && m.minutesDue < today && m.status !== '確定' && m.status !== '公開済';
}
