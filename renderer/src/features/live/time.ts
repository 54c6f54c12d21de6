/** Time offsets of live remarks: seconds from the meeting start (Asia/Tokyo). */
import type { Meeting, Remark } from '../../../../shared/domain';

const TOKYO_OFFSET_MS = 9 * 3600_000; // Japan has no daylight saving time

/** The time the clock counts from: the actual start (「今から開始」) when set, else the scheduled one. */
export function startTimeOf(m: Pick<Meeting, 'startTime' | 'actualStart'>): string | null {
  return m.actualStart ?? m.startTime;
}

/** The start as an instant (the actual start when set, else the scheduled one), or null while the date or time is not set. */
export function scheduledStartMs(m: Pick<Meeting, 'date' | 'startTime' | 'actualStart'>): number | null {
  const start = startTimeOf(m);
  if (!m.date || !start) return null;
  const [y, mo, d] = m.date.split('-').map(Number) as [number, number, number];
  const [h, mi] = start.split(':').map(Number) as [number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - TOKYO_OFFSET_MS;
}

const EARLY_MS = 2 * 3600_000;
const LATE_MS = 12 * 3600_000;

/**
 * Where offsets count from: the scheduled start when the note is taken on the day, else
 * the start implied by earlier live remarks (so offsets stay consistent after a restart);
 * null when neither is known yet.
 */
export function knownBaseMs(
  meeting: Pick<Meeting, 'date' | 'startTime' | 'actualStart'>,
  remarks: Pick<Remark, 'offsetSec' | 'createdAt'>[],
  now: number,
): number | null {
  const start = scheduledStartMs(meeting);
  if (start !== null && now >= start - EARLY_MS && now <= start + LATE_MS) return start;
  for (const r of remarks) {
    if (r.offsetSec !== null) {
      const created = Date.parse(r.createdAt);
      if (!Number.isNaN(created)) return created - r.offsetSec * 1000;
    }
  }
  return null;
}

/** The base for a remark recorded now: as above, or now itself for the first live remark of another day. */
export function offsetBaseMs(
  meeting: Pick<Meeting, 'date' | 'startTime' | 'actualStart'>,
  remarks: Pick<Remark, 'offsetSec' | 'createdAt'>[],
  now: number,
): number {
  return knownBaseMs(meeting, remarks, now) ?? now;
}

export function offsetSecAt(base: number, now: number): number {
  return Math.max(0, Math.round((now - base) / 1000));
}

/** 0:05:09 — hours always shown, as a two-hour meeting needs them. */
export function formatOffset(sec: number | null): string {
  if (sec === null) return '—';
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = Math.floor(sec % 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** 「今から開始」: today's date and the current minute in Tokyo, to store on the meeting. */
export function startNow(now: number): { date: string; actualStart: string } {
  const t = new Date(now + TOKYO_OFFSET_MS).toISOString();
  return { date: t.slice(0, 10), actualStart: t.slice(11, 16) };
}
