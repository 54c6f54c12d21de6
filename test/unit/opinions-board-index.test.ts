import { describe, expect, it } from 'vitest';
import type { Opinion } from '../../shared/domain';
import { stabilise } from '../../renderer/src/features/opinions/stableOpinions';

const op = (id: string, over: Partial<Opinion> = {}): Opinion => ({
  id,
  councilId: 'c',
  source: 'written',
  meetingId: null,
  remarkId: null,
  memberId: null,
  sourceLabel: '',
  fieldId: null,
  summary: `意見${id}`,
  response: '',
  status: '',
  sectionIds: ['s1'],
  order: Number(id),
  nonPublic: false,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  ...over,
});

describe('stabilise (an edit re-renders only its card)', () => {
  it('keeps the previous object of every unchanged opinion and takes the new one of a changed opinion', () => {
    const before = [op('1'), op('2'), op('3')];
    const after = [op('1'), op('2', { response: '検討します。' }), op('3')];
    const out = stabilise(before, after);
    expect(out[0]).toBe(before[0]);
    expect(out[1]).toBe(after[1]);
    expect(out[1]!.response).toBe('検討します。');
    expect(out[2]).toBe(before[2]);
  });

  it('answers the same list when nothing changed, and sees changes inside id arrays and added fields', () => {
    const before = [op('1'), op('2')];
    expect(stabilise(before, [op('1'), op('2')])).toBe(before);
    const linked = stabilise(before, [op('1', { sectionIds: ['s1', 's2'] }), op('2', { actionIds: ['a'] })]);
    expect(linked[0]!.sectionIds).toEqual(['s1', 's2']);
    expect(linked[1]!.actionIds).toEqual(['a']);
    expect(linked[0]).not.toBe(before[0]);
    expect(linked[1]).not.toBe(before[1]);
  });

  it('follows a new order and removed opinions', () => {
    const before = [op('1'), op('2'), op('3')];
    const out = stabilise(before, [op('3'), op('1')]);
    expect(out.map((o) => o.id)).toEqual(['3', '1']);
    expect(out[0]).toBe(before[2]);
  });
});
