import { describe, expect, it } from 'vitest';
import { generateInstallation, toHalfWidthKatakana } from '../../bench/fixture/generate';
import { CouncilBundle } from '../../shared/domain';
import { bundleDocs } from '../../shared/search/docs';
import { SearchIndex } from '../../shared/search/index';

const SMALL = { councils: 3, meetings: 12, remarks: 3000, opinions: 600 };

describe('bench fixture generator', () => {
  it('is deterministic: the same seed gives the same records', () => {
    const a = generateInstallation({ ...SMALL, seed: 7 });
    const b = generateInstallation({ ...SMALL, seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = generateInstallation({ ...SMALL, seed: 8 });
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('makes exactly the requested numbers of councils, meetings, remarks and opinions, all valid records', () => {
    const { bundles } = generateInstallation(SMALL);
    expect(bundles).toHaveLength(3);
    const sum = (f: (b: CouncilBundle) => unknown[]) => bundles.reduce((n, b) => n + f(b).length, 0);
    expect(sum((b) => b.meetings)).toBe(12);
    expect(sum((b) => b.remarks)).toBe(3000);
    expect(sum((b) => b.opinions)).toBe(600);
    for (const b of bundles) expect(() => CouncilBundle.parse(b)).not.toThrow();
  });

  it('has what makes search hard: same surnames, old character forms, names in remarks, half-width kana, empty fields', () => {
    const { bundles } = generateInstallation(SMALL);
    for (const b of bundles)
      expect(b.members.filter((m) => m.name.startsWith('田中 ')).length).toBeGreaterThanOrEqual(2);
    const remarks = bundles.flatMap((b) => b.remarks);
    const opinions = bundles.flatMap((b) => b.opinions);
    const names = bundles.flatMap((b) => b.members).map((m) => m.name);
    expect(names.some((n) => /[髙﨑邊邉齋齊]/.test(n))).toBe(true);
    expect(remarks.some((r) => /先ほど.+委員が言われた/.test(r.text))).toBe(true);
    expect(remarks.some((r) => /[ｦ-ﾟ]/.test(r.text))).toBe(true);
    expect(remarks.some((r) => r.text === '')).toBe(true);
    expect(opinions.some((o) => o.response === '' && o.status === '')).toBe(true);
  });

  it('half-width katakana conversion keeps voiced marks', () => {
    expect(toHalfWidthKatakana('コミュニティとガイドラインとパブリック')).toBe('ｺﾐｭﾆﾃｨとｶﾞｲﾄﾞﾗｲﾝとﾊﾟﾌﾞﾘｯｸ');
  });

  it('its records are found through the search docs: a half-width remark by its full-width word', () => {
    const { bundles } = generateInstallation(SMALL);
    const index = new SearchIndex();
    index.addAll(bundles.flatMap(bundleDocs));
    const remark = bundles.flatMap((b) => b.remarks).find((r) => r.text.includes('ｺﾐｭﾆﾃｨ'));
    expect(remark).toBeDefined();
    const keys = index.matchKeys('コミュニティ', { kinds: ['remark'] });
    expect(keys).toContain(`remarks:${remark!.id}`);
  });
});
