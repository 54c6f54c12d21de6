import { describe, expect, it } from 'vitest';
import { knownBaseMs, scheduledStartMs, startNow, startTimeOf } from '../../renderer/src/features/live/time';

describe('the live clock counts from the meeting’s start', () => {
  const meeting = { date: '2023-07-07', startTime: '13:30', actualStart: null };
  const scheduled = Date.parse('2023-07-07T13:30:00+09:00');
  it('the scheduled start, before any remark', () => {
    expect(knownBaseMs(meeting, [], scheduled + 60_000)).toBe(scheduled);
    expect(startTimeOf(meeting)).toBe('13:30');
  });
  it('「今から開始」 moves it to the actual start', () => {
    const late = Date.parse('2023-07-07T13:47:20+09:00');
    const started = { ...meeting, ...startNow(late) };
    expect(started).toMatchObject({ date: '2023-07-07', actualStart: '13:47' });
    expect(scheduledStartMs(started)).toBe(Date.parse('2023-07-07T13:47:00+09:00'));
    expect(knownBaseMs(started, [], late + 5_000)).toBe(Date.parse('2023-07-07T13:47:00+09:00'));
    expect(startTimeOf(started)).toBe('13:47');
  });
});
