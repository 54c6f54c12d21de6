/**
 * 和暦 (Japanese era) dates and times for documents and the UI (docs/CONVENTIONS.md §2).
 *
 * Computed from a table, not from Intl: Node's `ja-JP-u-ca-japanese` gives ASCII
 * brackets and kanji times, and varies with the ICU build. Calendar dates are
 * 'YYYY-MM-DD' strings (a day in Japan); "today" is always taken in Asia/Tokyo.
 */
import type { PublicationSettings } from './domain';

interface Era {
  name: string;
  abbr: string;
  start: string;
  firstYear: number;
} // start: first day, YYYY-MM-DD
const ERAS: Era[] = [
  { name: '令和', abbr: 'R', start: '2019-05-01', firstYear: 2019 },
  { name: '平成', abbr: 'H', start: '1989-01-08', firstYear: 1989 },
  { name: '昭和', abbr: 'S', start: '1926-12-25', firstYear: 1926 },
  { name: '大正', abbr: 'T', start: '1912-07-30', firstYear: 1912 },
  // 明治 began in 1868; dates are supported from the adoption of the Gregorian calendar.
  { name: '明治', abbr: 'M', start: '1873-01-01', firstYear: 1868 },
];

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

export type WeekdayStyle = PublicationSettings['weekdayStyle'];
export type TimeStyle = PublicationSettings['timeStyle'];

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(iso: string): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`日付の形式が正しくありません: ${iso}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RangeError(`存在しない日付です: ${iso}`);
  }
  return { year, month, day };
}

export function isValidIsoDate(iso: string): boolean {
  try {
    parseIsoDate(iso);
    return true;
  } catch {
    return false;
  }
}

/** The era and its year for a date: 2019-05-01 → 令和 1. */
export function eraOf(iso: string): { era: string; abbr: string; year: number } {
  const { year } = parseIsoDate(iso);
  const era = ERAS.find((e) => iso >= e.start);
  if (!era) throw new RangeError(`和暦に変換できない日付です: ${iso}`);
  return { era: era.name, abbr: era.abbr, year: year - era.firstYear + 1 };
}

/** 1 → 元, otherwise the number (half-width, as public documents write years). */
export function eraYearText(n: number): string {
  return n === 1 ? '元' : String(n);
}

export function weekdayOf(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}

export function formatWeekday(iso: string, style: WeekdayStyle = 'paren-full'): string {
  const w = weekdayOf(iso);
  switch (style) {
    case 'paren-half':
      return `(${w})`;
    case 'paren-long':
      return `（${w}曜日）`;
    default:
      return `（${w}）`;
  }
}

/** 令和5年7月7日 — with `weekday`, 令和5年7月7日（金）. */
export function formatWareki(iso: string, opts: { weekday?: WeekdayStyle | false } = {}): string {
  const { month, day } = parseIsoDate(iso);
  const { era, year } = eraOf(iso);
  const base = `${era}${eraYearText(year)}年${month}月${day}日`;
  return opts.weekday ? base + formatWeekday(iso, opts.weekday) : base;
}

/** 令和5年7月 (for a cover page). */
export function formatWarekiMonth(iso: string): string {
  const { month } = parseIsoDate(iso);
  const { era, year } = eraOf(iso);
  return `${era}${eraYearText(year)}年${month}月`;
}

/** 令和5年度 for a date; the Japanese fiscal year runs April to March. */
export function fiscalYearOf(iso: string): number {
  const { year, month } = parseIsoDate(iso);
  return month >= 4 ? year : year - 1;
}

/**
 * 令和5年度 from a fiscal year (西暦 of its April). Read at 1 May, not 1 April: the
 * fiscal year 2019 is officially 令和元年度 although 令和 began on 1 May 2019, while
 * 1988 stays 昭和63年度 (平成 began in January).
 */
export function formatFiscalYear(fiscalYear: number): string {
  const { era, year } = eraOf(`${String(fiscalYear).padStart(4, '0')}-05-01`);
  return `${era}${eraYearText(year)}年度`;
}

/** R5.7.7 — compact form for tables and lists. */
export function formatWarekiShort(iso: string): string {
  const { month, day } = parseIsoDate(iso);
  const { abbr, year } = eraOf(iso);
  return `${abbr}${year}.${month}.${day}`;
}

function parseTime(hhmm: string): { h: number; m: number } {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`時刻の形式が正しくありません: ${hhmm}`);
  return { h: Number(m[1]), m: Number(m[2]) };
}

export function formatTime(hhmm: string, style: TimeStyle = 'colon', omitAmPm = false): string {
  const { h, m } = parseTime(hhmm);
  switch (style) {
    case 'kanji':
      return m === 0 ? `${h}時` : `${h}時${m}分`;
    case 'gozen': {
      const ampm = h < 12 ? '午前' : '午後';
      const h12 = h % 12;
      const t = m === 0 ? `${h12}時` : `${h12}時${m}分`;
      return omitAmPm ? t : ampm + t;
    }
    default:
      return `${h}:${String(m).padStart(2, '0')}`;
  }
}

/**
 * 13:30～15:30 / 13時30分～15時30分 / 午後1時30分～3時30分 (～ is the full-width wave dash of
 * reference 004; docs/CONVENTIONS.md §2.4).
 */
export function formatTimeRange(start: string | null, end: string | null, style: TimeStyle = 'colon'): string {
  if (!start) return '';
  const s = formatTime(start, style);
  if (!end) return `${s}～`;
  const sameHalf = style === 'gozen' && parseTime(start).h < 12 === parseTime(end).h < 12;
  return `${s}～${formatTime(end, style, sameHalf)}`;
}

/** 令和5年7月7日（金） 13:30～15:30 — the 開催日時 line of the minutes. */
export function formatMeetingDateTime(
  date: string | null,
  start: string | null,
  end: string | null,
  settings: Pick<PublicationSettings, 'weekdayStyle' | 'timeStyle'> = {
    weekdayStyle: 'paren-full',
    timeStyle: 'colon',
  },
): string {
  if (!date) return '日程調整中';
  const d = formatWareki(date, { weekday: settings.weekdayStyle });
  const t = formatTimeRange(start, end, settings.timeStyle);
  return t ? `${d} ${t}` : d;
}

/** Today's date in Japan, whatever the machine's time zone: 'YYYY-MM-DD'. */
export function todayInTokyo(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A moment as Japan-time 和暦 date and time: 令和8年11月30日 09:57 (an invalid ISO string is returned as given). */
export function formatWarekiDateTime(at: string | Date): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const time = d.toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });
  return `${formatWareki(todayInTokyo(d))} ${time}`;
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const pa = parseIsoDate(a),
    pb = parseIsoDate(b);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / 86400000);
}

export function addDays(iso: string, days: number): string {
  const { year, month, day } = parseIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const ERA_BY_NAME: Record<string, Era> = Object.fromEntries(
  ERAS.flatMap((e) => [
    [e.name, e],
    [e.abbr, e],
  ]),
);

/**
 * A date as people type it in a roster: 2023/4/1, 2023-04-01, 2023年4月1日, 令和5年4月1日,
 * 令和元年5月1日, R5.4.1, H31/4/30 (full-width digits too). 'YYYY-MM-DD', or null when
 * it is not a real date (令和1年4月1日 is before 令和 began, so it is refused).
 */
export function parseJapaneseDate(input: string): string | null {
  const s = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const iso = (y: number, m: number, d: number) =>
    `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const western = /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/.exec(s);
  if (western) {
    const out = iso(Number(western[1]), Number(western[2]), Number(western[3]));
    return isValidIsoDate(out) ? out : null;
  }
  const japanese = /^(令和|平成|昭和|大正|明治|[RHSTM])(元|\d{1,2})[年/\-.](\d{1,2})[月/\-.](\d{1,2})日?$/.exec(s);
  if (!japanese) return null;
  const era = ERA_BY_NAME[japanese[1]!];
  if (!era) return null;
  const eraYear = japanese[2] === '元' ? 1 : Number(japanese[2]);
  if (eraYear < 1) return null;
  const out = iso(era.firstYear + eraYear - 1, Number(japanese[3]), Number(japanese[4]));
  if (!isValidIsoDate(out)) return null;
  try {
    return eraOf(out).era === era.name ? out : null;
  } catch {
    return null;
  }
}
