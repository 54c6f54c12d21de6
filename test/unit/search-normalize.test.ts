import { describe, expect, it } from 'vitest';
import { kyujitaiPairs, normalize, normalizeWithMap, originalRange } from '../../shared/search/normalize';
import { parseQuery } from '../../shared/search/query';
import { seededRandom } from '../../shared/search/random';

describe('search normalisation, case by case', () => {
  const cases: [string, string, string][] = [
    ['half-width katakana', 'ｺﾐｭﾆﾃｨ', normalize('コミュニティ')],
    ['half-width voiced marks compose', 'ｶﾞｲﾄﾞﾗｲﾝ', normalize('ガイドライン')],
    ['half-width semi-voiced marks compose', 'ﾊﾟﾌﾞﾘｯｸｺﾒﾝﾄ', normalize('パブリックコメント')],
    ['full-width Latin', 'ＤＸ推進', normalize('DX推進')],
    ['case folding', 'DX', 'dx'],
    ['full-width digits', '令和５年', '令和5年'],
    ['katakana to hiragana', 'コミュニティ', 'こみゅにてぃ'],
    ['hiragana stays', 'こみゅにてぃ', 'こみゅにてぃ'],
    ['ヴ folds to ゔ', 'ヴィジョン', 'ゔぃじょん'],
    ['the long vowel mark stays', 'データ', 'でーた'],
    ['combining dakuten composes', 'か\u3099いと\u3099', 'がいど'],
    ['髙 → 高', '髙橋', '高橋'],
    ['﨑 → 崎', '山﨑', '山崎'],
    ['邊 → 辺', '渡邊', '渡辺'],
    ['邉 → 辺', '渡邉', '渡辺'],
    ['齋 → 斎', '齋藤', '斎藤'],
    ['齊 → 斎', '齊藤', '斎藤'],
    ['國 → 国 (常用漢字の旧字体)', '國際交流', '国際交流'],
    ['𠮷 (outside the BMP) → 吉', '𠮷田', '吉田'],
    ['CJK compatibility ideograph by NFKC (神 U+FA19)', '\uFA19社', '神社'],
    ['ASCII spaces are ignored', '地域 福祉', '地域福祉'],
    ['ideographic space is ignored', '地域\u3000福祉', '地域福祉'],
    ['Japanese punctuation is ignored', '「地域、福祉」。', '地域福祉'],
    ['middle dot is ignored', '業務改善・ＤＸ推進課', '業務改善dx推進課'],
    ['Latin punctuation is ignored', 'A-1, B.2', 'a1b2'],
    ['line breaks are ignored', '第一\n第二', '第一第二'],
    ['circled number folds', '①', '1'],
    ['parenthesised ideograph folds', '㈱', '株'],
    ['symbols stay', '○△', '○△'],
  ];
  for (const [name, input, expected] of cases)
    it(name, () => {
      expect(normalize(input)).toBe(expected);
    });

  it('ships a table of a few hundred 旧字体 pairs, each one NFKC-stable and mapping to a different character', () => {
    const pairs = kyujitaiPairs();
    expect(pairs.length).toBeGreaterThan(300);
    for (const [oldChar, newChar] of pairs) {
      expect(oldChar.normalize('NFKC')).toBe(oldChar);
      expect(newChar).not.toBe(oldChar);
      expect(normalize(oldChar)).toBe(newChar);
    }
  });

  it('maps every normalised unit back to the original text', () => {
    const original = '「ｺﾐｭﾆﾃｨ」とＤＸ、髙橋委員';
    const map = normalizeWithMap(original);
    expect(map.text).toBe(normalize(original));
    const at = map.text.indexOf('こみゅにてぃ');
    expect(original.slice(...originalRange(map, at, at + 6))).toBe('ｺﾐｭﾆﾃｨ');
    const dx = map.text.indexOf('dx');
    expect(original.slice(...originalRange(map, dx, dx + 2))).toBe('ＤＸ');
    const name = map.text.indexOf('高橋');
    expect(original.slice(...originalRange(map, name, name + 2))).toBe('髙橋');
  });

  it('gives the same text with and without the map, and a map that stays inside the original (seeded random strings)', () => {
    const rand = seededRandom(99);
    const alphabet = Array.from('ｶﾞﾊﾟｺﾐｭﾆﾃｨ㍻ﷺ①㈱ＤＸdx髙﨑𠮷か\u3099e\u0301 、。「」地域ー');
    for (let k = 0; k < 2000; k++) {
      let original = '';
      const len = Math.floor(rand() * 30);
      for (let i = 0; i < len; i++) original += alphabet[Math.floor(rand() * alphabet.length)]!;
      const map = normalizeWithMap(original);
      expect(map.text).toBe(normalize(original));
      expect(map.starts.length).toBe(map.text.length);
      for (let i = 0; i < map.text.length; i++) {
        expect(map.starts[i]!).toBeLessThan(map.ends[i]!);
        expect(map.ends[i]!).toBeLessThanOrEqual(original.length);
        if (i > 0) expect(map.starts[i]!).toBeGreaterThanOrEqual(map.starts[i - 1]!);
      }
    }
  });

  it('maps a half-width voiced pair to both of its original characters', () => {
    const original = 'ｶﾞｲﾄﾞ';
    const map = normalizeWithMap(original);
    expect(map.text).toBe('がいど');
    expect(original.slice(...originalRange(map, 0, 1))).toBe('ｶﾞ');
    expect(original.slice(...originalRange(map, 2, 3))).toBe('ﾄﾞ');
  });
});

describe('search query syntax', () => {
  it('splits words on half- and full-width spaces (AND)', () => {
    expect(parseQuery('地域　福祉 ＤＸ').map((t) => t.norm)).toEqual(['地域', '福祉', 'dx']);
  });
  it('keeps a quoted phrase as one term, its spaces ignored', () => {
    const terms = parseQuery('"地域 福祉" 計画');
    expect(terms.map((t) => [t.norm, t.phrase])).toEqual([
      ['地域福祉', true],
      ['計画', false],
    ]);
  });
  it('accepts typographic quotes and an unclosed quote', () => {
    expect(parseQuery('“子育て 支援”').map((t) => t.norm)).toEqual(['子育て支援']);
    expect(parseQuery('"子育て 支援').map((t) => t.norm)).toEqual(['子育て支援']);
  });
  it('drops words that are only punctuation and repeated words', () => {
    expect(parseQuery('、 。 地域 地域').map((t) => t.norm)).toEqual(['地域']);
  });
});
