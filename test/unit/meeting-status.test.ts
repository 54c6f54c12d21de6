import { describe, expect, it } from 'vitest';
import { heldStatus, localToday } from '../../shared/meeting-status';

const today = '2024-06-10';

describe('a meeting moves to 開催済 by itself', () => {
  it('when remarks are recorded', () => {
    expect(heldStatus({ status: '予定', date: '2024-06-10' }, { hasRemarks: true, today })).toBe('開催済');
    expect(heldStatus({ status: '予定', date: null }, { hasRemarks: true, today })).toBe('開催済');
  });
  it('when its date has passed', () => {
    expect(heldStatus({ status: '予定', date: '2024-06-09' }, { hasRemarks: false, today })).toBe('開催済');
  });
  it('not on the day itself without remarks, nor without a date', () => {
    expect(heldStatus({ status: '予定', date: '2024-06-10' }, { hasRemarks: false, today })).toBeNull();
    expect(heldStatus({ status: '予定', date: '2024-07-01' }, { hasRemarks: false, today })).toBeNull();
    expect(heldStatus({ status: '予定', date: null }, { hasRemarks: false, today })).toBeNull();
  });
  it('never moves a later status back, nor one the user set by hand', () => {
    expect(heldStatus({ status: '作成中', date: '2024-01-01' }, { hasRemarks: true, today })).toBeNull();
    expect(heldStatus({ status: '確定', date: '2024-01-01' }, { hasRemarks: true, today })).toBeNull();
    expect(
      heldStatus({ status: '予定', date: '2024-01-01', statusSetByUser: true }, { hasRemarks: true, today }),
    ).toBeNull();
  });
  it('today is the local date', () => {
    expect(localToday(new Date(2024, 5, 3, 23, 59))).toBe('2024-06-03');
  });
});
