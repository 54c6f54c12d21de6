/** Members' terms of office (任期): ended, or ending within 30 days. */
import type { Member } from './domain';
import { daysBetween, todayInTokyo } from './wareki';

/** 任期満了 / 満了まで N日 (within 30 days), in Japan time. */
export function termWarning(
  m: Pick<Member, 'termEnd'>,
  today = todayInTokyo(),
): { ended: boolean; days: number } | null {
  if (!m.termEnd) return null;
  const days = daysBetween(today, m.termEnd);
  if (days < 0) return { ended: true, days };
  if (days <= 30) return { ended: false, days };
  return null;
}
