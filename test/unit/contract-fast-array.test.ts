/**
 * The remarks of a minutes export are checked without zod's per-value machinery: every
 * argument must be refused exactly as zod refuses it (same issues, same paths) and every
 * accepted one give zod's own output (unknown keys dropped, keys in the schema's order).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Remark } from '../../shared/domain';
import { MinutesExportArgs } from '../../shared/contract/minutes';
import { fastArray, hasFastChecks } from '../../shared/contract/fast-array';
import { sampleBundle, sampleInput } from './minutes-helpers';

const Reference = z.object({ ...MinutesExportArgs.shape, remarks: z.array(Remark).max(100000) }).strict();

const outcome = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success
    ? { ok: JSON.stringify(r.data) }
    : { refused: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
};

describe('the remarks of a minutes export', () => {
  const input = sampleInput(sampleBundle(), 'public', 'letter');
  const base = input.remarks[0]!;
  const wrong: unknown[] = [undefined, null, '', 'x'.repeat(41), 'x'.repeat(101), 'x'.repeat(20001), '意見'];
  wrong.push(0, -1, 1.5, NaN, Infinity, -Infinity, true, false, {}, [], { type: 'member' });

  it('are read by plain checks (the fast path is really taken)', () => {
    expect(hasFastChecks(Remark)).toBe(true);
    expect(hasFastChecks(z.object({ date: z.string().regex(/^\d+$/) }))).toBe(false);
  });

  it('refuses every broken remark as zod does, and accepts the rest with zod’s output', () => {
    const cases: unknown[] = [
      input.remarks,
      [],
      null,
      {},
      'remarks',
      [null],
      [base, 'x'],
      new Array<unknown>(2).fill(base, 1),
    ];
    for (const key of Object.keys(base)) {
      for (const value of wrong) cases.push([base, { ...base, [key]: value }]);
      const { [key as keyof Remark]: _gone, ...without } = base;
      cases.push([without]);
    }
    cases.push([{ ...base, extra: 'dropped' }], [{ ...base, speaker: { type: 'staff', staffId: 's1', extra: 1 } }]);
    for (const speaker of [{ type: 'bogus' }, { type: 'member', memberId: '' }, 'member', { type: 'chair', x: 1 }])
      cases.push([{ ...base, speaker }]);
    let refused = 0;
    for (const remarks of cases) {
      const arg = { ...input, remarks };
      const ours = outcome(MinutesExportArgs, arg);
      expect(ours).toEqual(outcome(Reference, arg));
      if ('refused' in ours) refused += 1;
    }
    expect(refused).toBeGreaterThan(150);
    // What a user would see: the place of a too-long remark text, and the envelope still strict.
    expect(outcome(MinutesExportArgs, { ...input, remarks: [{ ...base, text: 'あ'.repeat(20001) }] })).toEqual({
      refused: [expect.stringMatching(/^remarks\.0\.text: /)],
    });
    expect(MinutesExportArgs.safeParse({ ...input, model: {} }).success).toBe(false);
  });

  it('keeps the length limit of the array', () => {
    const three = fastArray(Remark, 3);
    const list = [base, base, base];
    expect(three.safeParse(list).success).toBe(true);
    expect(outcome(three, [...list, base])).toEqual(outcome(z.array(Remark).max(3), [...list, base]));
    expect(three.safeParse([...list, base]).success).toBe(false);
  });
});
