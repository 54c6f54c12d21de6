/**
 * A meeting's status moves from 予定 to 開催済 by itself once it has been held: remarks were
 * recorded, or its date has passed. Only 予定 moves, and never when the user chose the status
 * by hand (Meeting.statusSetByUser).
 */
import type { Meeting } from './domain';

/** The status the meeting should now have, or null when it stays as it is. `today` is YYYY-MM-DD (local). */
export function heldStatus(
  meeting: Pick<Meeting, 'status' | 'date' | 'statusSetByUser'>,
  facts: { hasRemarks: boolean; today: string },
): '開催済' | null {
  if (meeting.status !== '予定' || meeting.statusSetByUser) return null;
  if (facts.hasRemarks) return '開催済';
  if (meeting.date !== null && meeting.date < facts.today) return '開催済';
  return null;
}

/** Today's date as YYYY-MM-DD in local time. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
