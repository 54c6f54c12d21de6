import { describe, expect, it } from 'vitest';
import {
  membersInOffice,
  onAttendanceSheet,
  presentCount,
  quorumRequired,
  quorumRuleText,
  quorumStatus,
  suggestedChair,
} from '../../shared/quorum';
import { agendaNumbers, agendaOutline, materialLabelFor, meetingThemes } from '../../shared/agenda';
import { parseJapaneseDate } from '../../shared/wareki';
import type { AgendaItem, Attendance, Member } from '../../shared/domain';

const people = (n: number, roles: Member['role'][] = []) =>
  Array.from({ length: n }, (_, i) => ({
    id: `m${i + 1}`,
    role: roles[i] ?? ('委員' as const),
    termStart: null as string | null,
    termEnd: null as string | null,
  }));
const att = (pairs: [string, Attendance['status']][]): Attendance[] =>
  pairs.map(([memberId, status]) => ({ memberId, status }));

describe('quorum rules', () => {
  it('majority is more than half', () => {
    expect([1, 2, 5, 6, 7, 10].map((n) => quorumRequired({ kind: 'majority' }, n))).toEqual([1, 2, 3, 4, 4, 6]);
  });
  it('a fraction rounds up (half or more, two thirds or more)', () => {
    expect(quorumRequired({ kind: 'fraction', numerator: 1, denominator: 2 }, 7)).toBe(4);
    expect(quorumRequired({ kind: 'fraction', numerator: 1, denominator: 2 }, 6)).toBe(3);
    expect(quorumRequired({ kind: 'fraction', numerator: 2, denominator: 3 }, 10)).toBe(7);
    expect(quorumRuleText({ kind: 'fraction', numerator: 2, denominator: 3 })).toBe('委員の3分の2以上');
  });
  it('a fixed count', () => {
    expect(quorumRequired({ kind: 'count', count: 5 }, 12)).toBe(5);
  });
  it('online attendance counts as present, absence and no record do not', () => {
    const members = people(6);
    const a = att([
      ['m1', '欠席'],
      ['m2', 'オンライン出席'],
      ['m3', '出席'],
      ['m4', 'オンライン出席'],
    ]);
    expect(presentCount(a)).toBe(3);
    expect(quorumStatus({ kind: 'majority' }, members, a)).toEqual({
      memberCount: 6,
      required: 4,
      present: 3,
      quorate: false,
      short: 1,
    });
    const b = [...a, { memberId: 'm5', status: '出席' as const }];
    expect(quorumStatus({ kind: 'majority' }, members, b)).toMatchObject({ present: 4, quorate: true, short: 0 });
  });
  it('only members who count are counted (attendance of a removed member is ignored)', () => {
    const members = people(4);
    const a = att([
      ['m1', '出席'],
      ['m2', '出席'],
      ['gone', '出席'],
    ]);
    expect(quorumStatus({ kind: 'majority' }, members, a)).toMatchObject({ required: 3, present: 2, quorate: false });
  });
  it('a council with no members is never quorate; a count above the roster can never be met', () => {
    expect(quorumStatus({ kind: 'majority' }, [], [])).toMatchObject({ required: 1, quorate: false });
    expect(
      quorumStatus(
        { kind: 'count', count: 5 },
        people(4),
        att([
          ['m1', '出席'],
          ['m2', '出席'],
          ['m3', '出席'],
          ['m4', '出席'],
        ]),
      ),
    ).toMatchObject({ quorate: false, short: 1 });
  });
  it('members whose term does not cover the meeting day do not count', () => {
    const members = people(3);
    members[0]!.termEnd = '2023-03-31';
    members[1]!.termStart = '2023-04-01';
    expect(membersInOffice(members, '2023-07-07').map((m) => m.id)).toEqual(['m2', 'm3']);
    expect(membersInOffice(members, '2023-03-31').map((m) => m.id)).toEqual(['m1', 'm3']);
    expect(membersInOffice(members, null)).toHaveLength(3);
  });
  it('the 出欠表 takes held meetings and any with marks', () => {
    expect(onAttendanceSheet({ status: '予定', attendance: [] })).toBe(false);
    expect(onAttendanceSheet({ status: '予定', attendance: att([['m1', '出席']]) })).toBe(true);
    expect(onAttendanceSheet({ status: '開催済', attendance: [] })).toBe(true);
  });
  it('the 副会長 chairs when the 会長 is absent', () => {
    const members = people(4, ['会長', '副会長']);
    expect(
      suggestedChair(
        members,
        att([
          ['m1', '出席'],
          ['m2', '出席'],
        ]),
      )?.id,
    ).toBe('m1');
    expect(
      suggestedChair(
        members,
        att([
          ['m1', '欠席'],
          ['m2', 'オンライン出席'],
        ]),
      )?.id,
    ).toBe('m2');
    expect(
      suggestedChair(
        members,
        att([
          ['m1', '欠席'],
          ['m2', '欠席'],
          ['m3', '出席'],
        ]),
      ),
    ).toBeNull();
  });
});

describe('agenda numbering', () => {
  const item = (id: string, kind: AgendaItem['kind'], title = ''): AgendaItem => ({ id, kind, title });
  const agenda = [
    item('a', '開会'),
    item('b', '説明', '資料の説明'),
    item('c', '議題', '各分野の現状と課題及び想定される解決策について'),
    item('d', '議題', '行政経営戦略推進ビジョン骨子案について'),
    item('e', 'その他', 'その他（今後の予定について）'),
    item('f', '閉会'),
  ];
  it('numbers items with full-width digits and groups 議題 as （１）（２）', () => {
    const lines = agendaOutline(agenda);
    expect(lines.map((l) => `${l.number} ${l.text}`)).toEqual([
      '１ 開会',
      '２ 資料の説明',
      '３ 議題',
      '４ その他（今後の予定について）',
      '５ 閉会',
    ]);
    expect(lines[2]!.children.map((c) => `${c.number}${c.text}`)).toEqual([
      '（１）各分野の現状と課題及び想定される解決策について',
      '（２）行政経営戦略推進ビジョン骨子案について',
    ]);
    expect(agendaNumbers(agenda).get('d')).toBe('３（２）');
    expect(agendaNumbers(agenda).get('f')).toBe('５');
  });
  it('follows the council digit width', () => {
    expect(agendaOutline(agenda, 'half').map((l) => l.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(agendaOutline(agenda, 'half')[2]!.children.map((c) => c.number)).toEqual(['（1）', '（2）']);
    expect(agendaNumbers(agenda, 'full-single').get('c')).toBe('３（１）');
    const many = Array.from({ length: 11 }, (_, i) => item(`x${i}`, '報告', `報告${i}`));
    expect(
      agendaOutline(many, 'full-single')
        .map((l) => l.number)
        .slice(8),
    ).toEqual(['９', '10', '11']);
    expect([
      materialLabelFor('資料１', 'half'),
      materialLabelFor('資料2', 'full-single'),
      materialLabelFor('参考資料', 'half'),
    ]).toEqual(['資料1', '資料２', '参考資料']);
  });
  it('a 議題 after another kind starts a new group', () => {
    const lines = agendaOutline([item('a', '議題', 'A'), item('b', '報告', 'B'), item('c', '議題', 'C')]);
    expect(lines.map((l) => l.number + l.text)).toEqual(['１議題', '２B', '３議題']);
    expect(lines[2]!.children[0]!.number).toBe('（１）');
  });
  it('themes for the meeting plan are the 議題 titles', () => {
    expect(meetingThemes({ agenda })).toEqual([
      '各分野の現状と課題及び想定される解決策について',
      '行政経営戦略推進ビジョン骨子案について',
    ]);
    expect(meetingThemes({ agenda: [item('x', 'その他', '意見交換'), item('y', '閉会')] })).toEqual(['意見交換']);
  });
});

describe('dates as typed in a roster', () => {
  it.each([
    ['2023/4/1', '2023-04-01'],
    ['2023-04-01', '2023-04-01'],
    ['2023年4月1日', '2023-04-01'],
    ['２０２３／４／１', '2023-04-01'],
    ['令和5年4月1日', '2023-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R5.4.1', '2023-04-01'],
    ['r5.4.1', '2023-04-01'],
    ['H31.4.30', '2019-04-30'],
    ['平成31年4月30日', '2019-04-30'],
    ['Ｒ５．４．１', '2023-04-01'],
    ['昭和64年1月7日', '1989-01-07'],
  ])('%s → %s', (input, iso) => {
    expect(parseJapaneseDate(input)).toBe(iso);
  });
  it.each(['令和1年4月1日', '平成31年5月1日', '2023/2/30', '来年4月', 'R5.13.1', '', '令和0年1月1日'])(
    '%s is refused',
    (input) => {
      expect(parseJapaneseDate(input)).toBeNull();
    },
  );
});
