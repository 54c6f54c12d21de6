import { describe, expect, it } from 'vitest';
import { councilChair, officeOf } from '../../shared/offices';
import { suggestedChair } from '../../shared/quorum';
import { speakerLabel } from '../../shared/speakers';

describe('the rank of a roster title', () => {
  it('副… and …代理… are vice-chairs, …長 chairs, the rest members', () => {
    expect(['会長', '委員長', '座長', '議長', '部会長'].map(officeOf)).toEqual(Array(5).fill('chair'));
    expect(['副会長', '副委員長', '副座長', '職務代理者', '会長職務代理者'].map(officeOf)).toEqual(
      Array(5).fill('vice'),
    );
    expect(['委員', '専門委員', '臨時委員', ''].map(officeOf)).toEqual(Array(4).fill('member'));
  });

  it('the council chair is a plain chair title before a 部会長, in roster order', () => {
    const ms = [
      { id: 'a', role: '部会長', order: 1 },
      { id: 'b', role: '委員長', order: 2 },
      { id: 'c', role: '副委員長', order: 3 },
    ];
    expect(councilChair(ms)?.id).toBe('b');
    expect(councilChair([{ id: 'x', role: '委員', order: 1 }])).toBeNull();
  });

  it('the 副委員長 chairs when the 委員長 is absent; the chair speaks as 委員長', () => {
    const ms = [
      { id: 'a', name: '井澤', role: '委員長', order: 1 },
      { id: 'b', name: '大久保', role: '副委員長', order: 2 },
      { id: 'c', name: '河', role: '委員', order: 3 },
    ];
    const absent = [
      { memberId: 'a', status: '欠席' as const },
      { memberId: 'b', status: '出席' as const },
    ];
    expect(suggestedChair(ms, absent)?.id).toBe('b');
    const ctx = { members: ms, staff: [], chairMemberId: null };
    expect(speakerLabel({ type: 'chair' }, ctx, 'role')).toBe('委員長');
    expect(speakerLabel({ type: 'member', memberId: 'c' }, ctx, 'letter', new Map([['c', 'A']]))).toBe('A委員');
  });
});
