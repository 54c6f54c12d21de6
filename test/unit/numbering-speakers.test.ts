import { describe, expect, it } from 'vitest';
import {
  itemNumber,
  letterFor,
  materialLabel,
  meetingOrdinal,
  outlineLabel,
  toFullWidthAscii,
  toHalfWidthAscii,
} from '../../shared/numbering';
import { assignLetters, hiddenNames, speakerLabel, type SpeakerContext } from '../../shared/speakers';
import type { Remark } from '../../shared/domain';

describe('numbering', () => {
  it('roman outline levels as seed 004', () => {
    expect([0, 1, 2, 3].map((l) => outlineLabel('roman', l, 2))).toEqual(['Ⅱ．', '２．', '（２）', '②']);
    expect(outlineLabel('roman', 0, 3)).toBe('Ⅲ．');
    expect(outlineLabel('roman', 1, 12)).toBe('１２．');
  });
  it('public-document levels 第1 → 1 → (1) → ア → (ア) → a → (a)', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((l) => outlineLabel('dai', l, 1))).toEqual([
      '第1',
      '1',
      '(1)',
      'ア',
      '(ア)',
      'a',
      '(a)',
    ]);
    expect(outlineLabel('dai', 3, 2)).toBe('イ');
  });
  it('item numbers, meetings and materials', () => {
    expect(itemNumber(3)).toBe('３');
    expect(itemNumber(12, 'full-single')).toBe('12');
    expect(itemNumber(3, 'half')).toBe('3');
    expect(meetingOrdinal(2)).toBe('第２回');
    expect(meetingOrdinal(2, 'half')).toBe('第2回');
    expect(materialLabel(1)).toBe('資料１');
  });
  it('width conversion', () => {
    expect(toHalfWidthAscii('ＤＸ推進１２')).toBe('DX推進12');
    expect(toFullWidthAscii('DX12')).toBe('ＤＸ１２');
  });
  it('letters beyond Z', () => {
    expect([0, 1, 25, 26, 27].map(letterFor)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});

describe('speaker labels by the council rule', () => {
  const ctx: SpeakerContext = {
    members: [
      { id: 'izawa', name: '井澤', role: '会長', order: 1 },
      { id: 'okubo', name: '大久保', role: '副会長', order: 2 },
      { id: 'kawa', name: '河', role: '委員', order: 3 },
      { id: 'kawasaki', name: '河﨑', role: '委員', order: 4 },
    ],
    staff: [{ id: 'higashi', name: '東', title: '部長', department: '行政経営部' }],
    chairMemberId: 'okubo',
  };
  const member = (memberId: string) => ({ type: 'member' as const, memberId });

  it('names', () => {
    expect(speakerLabel(member('kawa'), ctx, 'name')).toBe('河委員');
    expect(speakerLabel({ type: 'chair' }, ctx, 'name')).toBe('大久保副会長');
    expect(speakerLabel({ type: 'staff', staffId: 'higashi' }, ctx, 'name')).toBe('東部長');
    expect(speakerLabel({ type: 'secretariat' }, ctx, 'name')).toBe('事務局');
  });
  it('roles only and brackets hide every name', () => {
    expect(speakerLabel(member('kawa'), ctx, 'role')).toBe('委員');
    expect(speakerLabel({ type: 'chair' }, ctx, 'role')).toBe('副会長');
    expect(speakerLabel({ type: 'staff', staffId: 'higashi' }, ctx, 'role')).toBe('事務局');
    expect(speakerLabel(member('kawasaki'), ctx, 'bracket')).toBe('【委員】');
    expect(hiddenNames(ctx, 'role')).toContain('河﨑');
    expect(hiddenNames(ctx, 'name')).toEqual([]);
  });
  it('letters are stable within one document, by first appearance', () => {
    const remarks = [member('kawasaki'), { type: 'chair' as const }, member('kawa'), member('kawasaki')].map(
      (speaker) => ({ speaker }),
    ) as Pick<Remark, 'speaker'>[];
    const letters = assignLetters(remarks, ctx);
    expect(speakerLabel(member('kawasaki'), ctx, 'letter', letters)).toBe('A委員');
    expect(speakerLabel(member('kawa'), ctx, 'letter', letters)).toBe('B委員');
    expect(speakerLabel(member('kawasaki'), ctx, 'letter', letters)).toBe('A委員');
    expect(speakerLabel({ type: 'chair' }, ctx, 'letter', letters)).toBe('副会長');
  });
});
