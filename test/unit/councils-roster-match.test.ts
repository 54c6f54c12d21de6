/** Which existing member an imported roster row updates (same name and reading), and which rows repeat a person. */
import { describe, expect, it } from 'vitest';
import { memberMatcher, personKey, rosterRowKey } from '../../shared/people';

const members = [
  { id: 'a', name: '大久保 花子', reading: 'おおくぼ はなこ' },
  { id: 'b', name: '河一郎', reading: '' },
  { id: 'c', name: '佐藤 誠', reading: 'さとう まこと' },
  { id: 'd', name: '佐藤 誠', reading: 'さとう せい' },
];

describe('roster name matching', () => {
  const match = memberMatcher(members);

  it('finds a member whatever the spacing or width of the name and reading', () => {
    expect(match('大久保花子', 'おおくぼはなこ')?.id).toBe('a');
    expect(match('大久保　花子', 'おおくぼ　はなこ')?.id).toBe('a');
    expect(personKey('ＡＢＣ　ｶﾞｸ')).toBe('ABCガク');
  });

  it('tells same-name members apart by their reading', () => {
    expect(match('佐藤誠', 'さとう せい')?.id).toBe('d');
    expect(match('佐藤誠', 'さとうまこと')?.id).toBe('c');
  });

  it('matches when either side has no reading; a different reading is a new member', () => {
    expect(match('河 一郎', 'かわ いちろう')?.id).toBe('b');
    expect(match('大久保花子', '')?.id).toBe('a');
    expect(match('大久保花子', 'おおくぼ かこ')).toBeUndefined();
    expect(match('山田太郎', 'やまだ たろう')).toBeUndefined();
  });

  it('does not fold kana: a katakana reading is not the hiragana one (as before)', () => {
    expect(match('大久保花子', 'オオクボ ハナコ')).toBeUndefined();
  });

  it('keys repeated rows by name and reading together', () => {
    expect(rosterRowKey('佐藤 誠', 'さとう まこと')).toBe(rosterRowKey('佐藤誠', 'さとうまこと'));
    expect(rosterRowKey('佐藤誠', 'さとう まこと')).not.toBe(rosterRowKey('佐藤誠', 'さとう せい'));
    expect(rosterRowKey('佐藤誠', '')).not.toBe(rosterRowKey('佐藤誠', 'さとう せい'));
  });
});
