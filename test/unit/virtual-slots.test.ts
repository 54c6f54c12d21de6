import { describe, expect, it } from 'vitest';
import { assignSlots } from '../../renderer/src/ui/virtualSlots';

const counter = () => {
  let n = 0;
  return () => `s${n++}`;
};

describe('assignSlots (the rows of a virtual list reuse the elements of rows that left the view)', () => {
  it('keeps the slot of a row still shown, gives a leaving row’s slot to an arriving row, and makes new slots only beyond those', () => {
    const fresh = counter();
    const first = assignSlots(new Map(), ['a', 'b', 'c'], null, fresh);
    expect([...first]).toEqual([
      ['a', 's0'],
      ['b', 's1'],
      ['c', 's2'],
    ]);
    // A scroll by one row: a leaves, d arrives in a's slot.
    const scrolled = assignSlots(first, ['b', 'c', 'd'], null, fresh);
    expect(scrolled.get('b')).toBe('s1');
    expect(scrolled.get('c')).toBe('s2');
    expect(scrolled.get('d')).toBe('s0');
    // A filter that shows other rows, one more than before: three reused slots and one new.
    const filtered = assignSlots(scrolled, ['x', 'y', 'z', 'w'], null, fresh);
    expect(new Set(filtered.values())).toEqual(new Set(['s0', 's1', 's2', 's3']));
  });

  it('never gives the focused row’s slot to another row, and gives every row a different slot', () => {
    const fresh = counter();
    const first = assignSlots(new Map(), ['a', 'b'], 'a', fresh);
    const next = assignSlots(first, ['x', 'y'], 'a', fresh);
    expect(next.get('x')).toBe('s1');
    expect(next.get('y')).toBe('s2');
    expect([...next.values()]).not.toContain(first.get('a'));
  });
});
