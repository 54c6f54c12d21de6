import { describe, expect, it } from 'vitest';
import {
  applyAction,
  availableActions,
  emptyMinutes,
  isLocked,
  isOverdue,
  minutesDueDate,
  WorkflowError,
} from '../../shared/minutes/workflow';
import { sampleBundle } from './minutes-helpers';
import type { Meeting } from '../../shared/domain';

describe('minutes workflow', () => {
  const b = sampleBundle();
  const meeting: Meeting = { ...b.meetings.find((m) => m.number === 2)!, status: '開催済', minutesDue: null };
  const council = b.council;
  const now = '2023-07-10T01:00:00.000Z';

  it('goes 作成中 → 確認中 → 確定 (locked) → 公開済, keeping who did what when', () => {
    let state = { meeting, minutes: emptyMinutes(meeting.id, now) };
    state = applyAction(state.meeting, state.minutes, council, 'start', { who: '中嶋', now });
    expect(state.meeting.status).toBe('作成中');
    expect(state.meeting.minutesDue).toBe(minutesDueDate({ minutesDue: null, date: '2023-07-07' }, council));
    state = applyAction(state.meeting, state.minutes, council, 'request-review', { who: '中嶋', now });
    state = applyAction(state.meeting, state.minutes, council, 'approve', { who: '', now });
    expect(isLocked(state.meeting.status)).toBe(true);
    expect(() => applyAction(state.meeting, state.minutes, council, 'approve', { who: '', now })).toThrow(
      WorkflowError,
    );
    state = applyAction(state.meeting, state.minutes, council, 'publish', { who: '中嶋', now, date: '2023-07-20' });
    expect(state.meeting.status).toBe('公開済');
    expect(state.minutes.publishedAt).toBe('2023-07-20');
    expect(state.minutes.history.at(-1)!.reason).toBe('公開日 令和5年7月20日');
    expect(state.minutes.history.map((h) => [h.who, h.action])).toEqual([
      ['中嶋', '会議録の作成を始める（開催済→作成中）'],
      ['中嶋', '確認依頼へ進める（作成中→確認中）'],
      ['事務局', '確定する（確認中→確定）'],
      ['中嶋', '公開済みにする（確定→公開済）'],
    ]);
  });

  it('reopening asks for a reason', () => {
    const locked: Meeting = { ...meeting, status: '確定' };
    expect(availableActions('確定')).toEqual(['publish', 'reopen']);
    expect(() =>
      applyAction(locked, emptyMinutes(meeting.id, now), council, 'reopen', { who: '中嶋', now, reason: '  ' }),
    ).toThrow('理由');
    const r = applyAction(locked, emptyMinutes(meeting.id, now), council, 'reopen', {
      who: '中嶋',
      now,
      reason: '誤字の訂正',
    });
    expect(r.meeting.status).toBe('作成中');
    expect(r.minutes.history[0]!.reason).toBe('誤字の訂正');
  });

  it('knows when minutes are overdue', () => {
    expect(isOverdue({ ...meeting, status: '作成中' }, { minutesDueDays: 30 }, '2023-08-07')).toBe(true);
    expect(isOverdue({ ...meeting, status: '作成中' }, { minutesDueDays: 30 }, '2023-08-06')).toBe(false);
    expect(isOverdue({ ...meeting, status: '確定' }, { minutesDueDays: 30 }, '2023-12-01')).toBe(false);
  });
});
