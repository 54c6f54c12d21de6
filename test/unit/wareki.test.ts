import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatWarekiDateTime,
  eraOf,
  fiscalYearOf,
  formatFiscalYear,
  formatMeetingDateTime,
  formatTimeRange,
  formatWareki,
  formatWarekiMonth,
  formatWarekiShort,
  isValidIsoDate,
  todayInTokyo,
} from '../../shared/wareki';

describe('和暦: era boundaries', () => {
  it.each([
    ['2019-04-30', '平成31年4月30日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-12-31', '令和元年12月31日'],
    ['2020-01-01', '令和2年1月1日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1912-07-29', '明治45年7月29日'],
    ['1912-07-30', '大正元年7月30日'],
    ['2023-07-07', '令和5年7月7日'],
    ['2028-02-29', '令和10年2月29日'],
  ])('%s → %s', (iso, expected) => {
    expect(formatWareki(iso)).toBe(expected);
  });

  it('era abbreviations and short form', () => {
    expect(eraOf('2019-05-01')).toEqual({ era: '令和', abbr: 'R', year: 1 });
    expect(formatWarekiShort('2023-07-07')).toBe('R5.7.7');
    expect(formatWarekiMonth('2023-07-01')).toBe('令和5年7月');
  });

  it('rejects dates that do not exist', () => {
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(() => formatWareki('2023-13-01')).toThrow(/存在しない日付/);
    expect(() => formatWareki('R5.7.7')).toThrow(/形式/);
  });
});

describe('和暦: weekday and time styles', () => {
  it('weekday styles', () => {
    expect(formatWareki('2023-07-07', { weekday: 'paren-full' })).toBe('令和5年7月7日（金）');
    expect(formatWareki('2023-07-07', { weekday: 'paren-half' })).toBe('令和5年7月7日(金)');
    expect(formatWareki('2023-07-07', { weekday: 'paren-long' })).toBe('令和5年7月7日（金曜日）');
    expect(formatWareki('2023-08-03', { weekday: 'paren-full' })).toBe('令和5年8月3日（木）');
  });

  it('time styles', () => {
    expect(formatTimeRange('13:30', '15:30', 'colon')).toBe('13:30～15:30');
    expect(formatTimeRange('13:30', '15:30', 'kanji')).toBe('13時30分～15時30分');
    expect(formatTimeRange('13:30', '15:30', 'gozen')).toBe('午後1時30分～3時30分');
    expect(formatTimeRange('10:00', '13:00', 'gozen')).toBe('午前10時～午後1時');
    expect(formatTimeRange('09:05', null, 'colon')).toBe('9:05～');
  });

  it('the 開催日時 line of seed 004', () => {
    expect(formatMeetingDateTime('2023-07-07', '13:30', '15:30')).toBe('令和5年7月7日（金） 13:30～15:30');
    expect(formatMeetingDateTime(null, null, null)).toBe('日程調整中');
  });
});

describe('fiscal year and Japan time', () => {
  it('年度 runs April to March', () => {
    expect(fiscalYearOf('2024-03-31')).toBe(2023);
    expect(fiscalYearOf('2024-04-01')).toBe(2024);
    expect(formatFiscalYear(2023)).toBe('令和5年度');
    expect(formatFiscalYear(2019)).toBe('令和元年度');
    expect(formatFiscalYear(2018)).toBe('平成30年度');
  });

  it('today is taken in Asia/Tokyo, not in the machine zone', () => {
    // 2019-04-30T15:00Z is already 2019-05-01 in Japan: the first day of 令和.
    expect(todayInTokyo(new Date('2019-04-30T15:00:00Z'))).toBe('2019-05-01');
    expect(todayInTokyo(new Date('2019-04-30T14:59:59Z'))).toBe('2019-04-30');
  });

  it('day arithmetic', () => {
    expect(daysBetween('2023-07-07', '2023-08-06')).toBe(30);
    expect(addDays('2023-07-07', 30)).toBe('2023-08-06');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('a moment (a backup, a frozen version, a history line) is shown as 和暦 date and Japan time', () => {
    expect(formatWarekiDateTime('2026-11-30T00:57:08Z')).toBe('令和8年11月30日 09:57');
    // 15:00Z on 30 April 2019 is already the first day of 令和 in Japan.
    expect(formatWarekiDateTime(new Date('2019-04-30T15:05:00Z'))).toBe('令和元年5月1日 00:05');
    expect(formatWarekiDateTime('not a date')).toBe('not a date');
  });
});
