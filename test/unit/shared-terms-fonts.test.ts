/** Pure logic moved out of screens: the term-of-office warning and the fonts of draft exports. */
import { describe, expect, it } from 'vitest';
import { termWarning } from '../../shared/terms';
import { fontsOf } from '../../shared/drafts/fonts';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

describe('term warning (任期)', () => {
  it('warns 30 days ahead and after the end, not before', () => {
    expect(termWarning({ termEnd: '2026-04-30' }, '2026-03-31')).toEqual({ ended: false, days: 30 });
    expect(termWarning({ termEnd: '2026-04-30' }, '2026-03-30')).toBeNull();
    expect(termWarning({ termEnd: '2026-04-30' }, '2026-05-01')).toEqual({ ended: true, days: -1 });
    expect(termWarning({ termEnd: null }, '2026-05-01')).toBeNull();
  });
});

describe('fonts of draft exports', () => {
  it("are the council's publication fonts", () => {
    const { council } = buildSampleCouncil();
    const publication = { ...council.publication, bodyFont: 'ＭＳ 明朝', headingFont: 'ＭＳ ゴシック' };
    expect(fontsOf({ publication })).toEqual({ body: 'ＭＳ 明朝', heading: 'ＭＳ ゴシック' });
  });
});
