/** Display helpers for the UI (documents format through shared/ with the council's settings). */
import type { Meeting } from '../../../shared/domain';
import { formatTimeRange, formatWareki } from '../../../shared/wareki';

export const meetingTitle = (m: Pick<Meeting, 'number'>) => `第${m.number}回`;
export const meetingDate = (m: Pick<Meeting, 'date'>) =>
  m.date ? formatWareki(m.date, { weekday: 'paren-full' }) : '日程調整中';
export const meetingTime = (m: Pick<Meeting, 'startTime' | 'endTime'>) =>
  formatTimeRange(m.startTime, m.endTime) || '—';
export const dateOrDash = (iso: string | null) => (iso ? formatWareki(iso) : '—');
