/**
 * The council's document formats: dates, times, numbers, punctuation and character width,
 * as one setting that the 会議録, 次第, 出欠表 and the opinion documents share. The forms
 * are data (zod), so a style file can carry them and the settings preview can show them.
 */
import { z } from 'zod';
import { eraOf, eraYearText, parseIsoDate, weekdayOf } from '../wareki';
import { circled, toFullWidthDigits, toHalfWidthAscii, toFullWidthAscii } from '../numbering';

export const ERA_FORMS = ['wareki', 'seireki', 'both'] as const; // 令和5年 / 2023年 / 令和5年（2023年）
export const WEEKDAY_FORMS = ['paren-full', 'paren-half', 'paren-long', 'paren-short', 'none'] as const; // （金） (金) （金曜日） (金曜)
export const TIME_FORMS = ['colon', 'kanji', 'gozen', 'gozen-kara'] as const;
// 13:30～15:30 / 13時30分～15時30分 / 午後1時30分～3時30分 / 午後1時30分から午後3時30分まで

export const DateTimeFormat = z.object({
  era: z.enum(ERA_FORMS),
  weekday: z.enum(WEEKDAY_FORMS),
  time: z.enum(TIME_FORMS),
  /** 12:00 as 正午 (kanji and 午前/午後 forms). */
  noon: z.boolean(),
  /** 13時00分 (keep) or 13時 (omit) in the kanji forms. */
  zeroMinutes: z.enum(['keep', 'omit']),
  /** Between date and time: ' ' (seed 004), '　' or a line break. */
  dateTimeSeparator: z.enum([' ', '　', '\n']),
});
export type DateTimeFormat = z.infer<typeof DateTimeFormat>;

export const NUMBER_FORMS = ['plain', 'dot', 'dai', 'paren', 'circled', 'kana'] as const; // 1 / 1. / 第1 / (1) / ① / ア
export const NumberFormat = z.object({ form: z.enum(NUMBER_FORMS) });

export const TextRules = z.object({
  /** 、。 (touten), ，。 (comma), ,. (ascii) — applied to every printed text. */
  punctuation: z.enum(['keep', 'touten', 'comma', 'ascii']),
  /** Latin letters and digits: keep as written, half-width, or full-width. */
  alnumWidth: z.enum(['keep', 'half', 'full']),
});
export type TextRules = z.infer<typeof TextRules>;

/** The digit width of every generated number (section numbers, dates, ordinals). */
export const DIGIT_WIDTHS = ['full', 'half'] as const;
export type DigitWidth = (typeof DIGIT_WIDTHS)[number];

const digits = (n: number | string, width: DigitWidth) => (width === 'full' ? toFullWidthDigits(n) : String(n));

/** 令和5年7月7日（金） / 2023年7月7日(金) / 令和5年（2023年）7月7日（金曜日）. Digits stay half-width (the text rules may widen them). */
export function formatDate(iso: string, f: Pick<DateTimeFormat, 'era' | 'weekday'>): string {
  const { year, month, day } = parseIsoDate(iso);
  const { era, year: ey } = eraOf(iso);
  const wareki = `${era}${eraYearText(ey)}年`;
  const y = f.era === 'wareki' ? wareki : f.era === 'seireki' ? `${year}年` : `${wareki}（${year}年）`;
  return `${y}${month}月${day}日${weekdayText(iso, f.weekday)}`;
}

export function weekdayText(iso: string, form: DateTimeFormat['weekday']): string {
  const w = weekdayOf(iso);
  switch (form) {
    case 'paren-half':
      return `(${w})`;
    case 'paren-long':
      return `（${w}曜日）`;
    case 'paren-short':
      return `(${w}曜)`;
    case 'none':
      return '';
    default:
      return `（${w}）`;
  }
}

function hm(hhmm: string): { h: number; m: number } {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`時刻の形式が正しくありません: ${hhmm}`);
  return { h: Number(m[1]), m: Number(m[2]) };
}

/** One time in a style's form; `omitHalf` drops 午前/午後 when the start already said it. */
export function formatTimeOf(
  hhmm: string,
  f: Pick<DateTimeFormat, 'time' | 'noon' | 'zeroMinutes'>,
  omitHalf = false,
): string {
  const { h, m } = hm(hhmm);
  if (f.time === 'colon') return `${h}:${String(m).padStart(2, '0')}`;
  if (f.noon && h === 12 && m === 0) return '正午';
  const mins = m === 0 ? (f.zeroMinutes === 'keep' ? '00分' : '') : `${m}分`;
  if (f.time === 'kanji') return `${h}時${mins}`;
  const half = h < 12 ? '午前' : '午後';
  return `${omitHalf ? '' : half}${h % 12}時${mins}`;
}

/** Start and end; a start alone never ends in a dangling ～. */
export function formatTimeSpan(
  start: string | null,
  end: string | null,
  f: Pick<DateTimeFormat, 'time' | 'noon' | 'zeroMinutes'>,
): string {
  if (!start) return '';
  const s = formatTimeOf(start, f);
  if (f.time === 'gozen-kara') return end ? `${s}から${formatTimeOf(end, f)}まで` : `${s}から`;
  if (!end) return s;
  const isNoon = (t: string) => f.noon && hm(t).h === 12 && hm(t).m === 0;
  const sameHalf = f.time === 'gozen' && !isNoon(start) && !isNoon(end) && hm(start).h < 12 === hm(end).h < 12;
  return `${s}～${formatTimeOf(end, f, sameHalf)}`;
}

/** The 開催日時 line: date, then the time span; 日程調整中 without a date. */
export function formatDateTime(
  date: string | null,
  start: string | null,
  end: string | null,
  f: DateTimeFormat,
): string {
  if (!date) return '日程調整中';
  const d = formatDate(date, f);
  const t = formatTimeSpan(start, end, f);
  return t ? `${d}${f.dateTimeSeparator}${t}` : d;
}

/** Item n at a numbering form and digit width: １ / 1. / 第１ / （１） / ① / ア. */
export function formatNumber(n: number, form: (typeof NUMBER_FORMS)[number], width: DigitWidth): string {
  const d = digits(n, width);
  const full = width === 'full';
  switch (form) {
    case 'dot':
      return full ? `${d}．` : `${d}.`;
    case 'dai':
      return `第${d}`;
    case 'paren':
      return full ? `（${d}）` : `(${d})`;
    case 'circled':
      return circled(n);
    case 'kana':
      return 'アイウエオカキクケコサシスセソタチツテト'[n - 1] ?? d;
    default:
      return d;
  }
}

// ---------------------------------------------------------------- punctuation and width

const ALNUM_FULL = /[０-９Ａ-Ｚａ-ｚ]/g;
const ALNUM_HALF = /[0-9A-Za-z]/g;

/** The text as the style prints it: punctuation marks and the width of letters and digits. */
export function applyTextRules(text: string, rules: TextRules): string {
  let out = text;
  switch (rules.punctuation) {
    case 'touten':
      out = out.replace(/，/g, '、').replace(/(?<![0-9０-９])．/g, '。'); // １． stays a number
      break;
    case 'comma':
      out = out.replace(/、/g, '，');
      break;
    case 'ascii':
      out = out.replace(/[、，]/g, ',').replace(/。/g, '.');
      break;
  }
  if (rules.alnumWidth === 'half') out = out.replace(ALNUM_FULL, (c) => toHalfWidthAscii(c));
  if (rules.alnumWidth === 'full') out = out.replace(ALNUM_HALF, (c) => toFullWidthAscii(c));
  return out;
}

export interface TextChange {
  /** Where the text stands (a header label, a section heading). */
  where: string;
  before: string;
  after: string;
}

/** What the text rules will change in these texts (for the checks panel: nothing silent). */
export function listTextRuleChanges(texts: { where: string; text: string }[], rules: TextRules): TextChange[] {
  const out: TextChange[] = [];
  for (const t of texts) {
    const after = applyTextRules(t.text, rules);
    if (after !== t.text) out.push({ where: t.where, before: t.text, after });
  }
  return out;
}

// ---------------------------------------------------------------- the council's document format

/** What every document of a council shares: dates, digits, punctuation. */
export interface DocumentFormat {
  date: DateTimeFormat;
  digitWidth: DigitWidth;
  text: TextRules;
}

/** The 次第 / 出欠表 / opinion documents' date line, in the council's format. */
export function formatDocumentDate(iso: string, format: DocumentFormat, withWeekday = false): string {
  return applyTextRules(
    formatDate(iso, { era: format.date.era, weekday: withWeekday ? format.date.weekday : 'none' }),
    format.text,
  );
}
