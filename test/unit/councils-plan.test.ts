/** 会議開催計画: entries in fiscal-year order, and the entries the 「会議から取り込む」 button adds. */
import { describe, expect, it } from 'vitest';
import { newMeeting } from '../../shared/factory';
import { comparePlanEntries, planEntriesFromMeetings } from '../../shared/plan';

const meeting = (number: number, date: string | null, titles: [string, string][] = []) =>
  newMeeting({
    councilId: 'c1',
    number,
    date,
    agenda: titles.map(([kind, title], i) => ({ id: `a${number}-${i}`, kind: kind as '議題', title })),
  });

describe('plan order', () => {
  it('runs April to March, then by meeting number (unnumbered last), then by entry order', () => {
    const rows = [
      { id: 'jan', month: 1, meetingNumber: 4, order: 1 },
      { id: 'apr-free', month: 4, meetingNumber: null, order: 2 },
      { id: 'dec', month: 12, meetingNumber: 3, order: 3 },
      { id: 'apr', month: 4, meetingNumber: 1, order: 4 },
      { id: 'jul-b', month: 7, meetingNumber: 2, order: 6 },
      { id: 'jul-a', month: 7, meetingNumber: 2, order: 5 },
    ];
    expect([...rows].sort(comparePlanEntries).map((r) => r.id)).toEqual([
      'apr',
      'apr-free',
      'jul-a',
      'jul-b',
      'dec',
      'jan',
    ]);
  });
});

describe('plan entries from meetings', () => {
  const meetings = [
    meeting(1, '2023-05-24', [
      ['議題', '会長の選出'],
      ['議題', '総合計画の策定について'],
      ['報告', '前回の振り返り'],
    ]),
    meeting(2, '2023-08-10', [['報告', 'アンケート結果']]),
    meeting(3, '2024-02-15'),
    meeting(4, '2024-04-20', [['議題', '次年度の計画']]),
    meeting(5, null, [['議題', '未定の回']]),
  ];

  it('adds each dated meeting of the fiscal year with its month and 議題 (報告 when there is no 議題)', () => {
    expect(planEntriesFromMeetings('c1', 2023, meetings, [])).toEqual([
      {
        councilId: 'c1',
        fiscalYear: 2023,
        month: 5,
        meetingNumber: 1,
        themes: ['会長の選出', '総合計画の策定について'],
      },
      { councilId: 'c1', fiscalYear: 2023, month: 8, meetingNumber: 2, themes: ['アンケート結果'] },
      { councilId: 'c1', fiscalYear: 2023, month: 2, meetingNumber: 3, themes: [] },
    ]);
  });

  it('skips meetings the plan already has, and meetings of other years or without a date', () => {
    const add = planEntriesFromMeetings('c1', 2023, meetings, [{ meetingNumber: 1 }, { meetingNumber: 3 }]);
    expect(add.map((e) => e.meetingNumber)).toEqual([2]);
    expect(planEntriesFromMeetings('c1', 2024, meetings, []).map((e) => e.meetingNumber)).toEqual([4]);
  });
});
