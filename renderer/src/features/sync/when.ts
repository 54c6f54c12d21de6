/** Times of the sync status and of conflict versions, as the secretariat reads them (和暦, Tokyo time). */
import { formatWareki, todayInTokyo } from '../../../../shared/wareki';

const clock = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });

/** 「令和8年11月30日 7:05」; just the time when it is today. */
export function whenText(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const day = todayInTokyo(d);
  const time = clock.format(d);
  return day === todayInTokyo(now) ? time : `${formatWareki(day, { weekday: false })} ${time}`;
}
