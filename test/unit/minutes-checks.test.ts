import { describe, expect, it } from 'vitest';
import {
  applyFixes,
  checkApproximate,
  checkBigNumber,
  checkBrackets,
  checkConjunction,
  checkEmptySections,
  checkFiller,
  checkFormalNoun,
  checkHiddenNames,
  checkKagetsu,
  checkNeedsCheck,
  checkPunctuation,
  checkWidth,
  hiddenNamePatterns,
  runChecks,
  type CheckContext,
  type Finding,
  type TextUnit,
} from '../../shared/minutes/checks';
import { buildMinutesModel } from '../../shared/minutes/model';
import { memberId, sampleBundle, sampleInput } from './minutes-helpers';

const unit = (text: string, isAnswer = false): TextUnit => ({
  sectionKey: 's1',
  place: '３ 議題１',
  paragraphKey: 'r:x',
  remarkIds: ['x'],
  text,
  isAnswer,
});
const ctx: CheckContext = { punctuation: 'touten', digitWidth: 'half', hidden: [] };
/** The text after applying every proposed fix of the findings (as 「すべて適用」 does). */
function fixed(text: string, findings: Finding[]): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.offset - a.offset)) {
    if (f.fix?.type !== 'replace') continue;
    out = out.slice(0, f.fix.offset) + f.fix.replacement + out.slice(f.fix.offset + f.fix.length);
  }
  return out;
}

describe('publication checks, one rule at a time', () => {
  it('punctuation: 、。 by default, flags ，and ．/. used as a full stop', () => {
    const text = '歳入と歳出，それぞれ考える．また検討する.次に3.5倍とする。';
    const f = checkPunctuation(unit(text), ctx);
    expect(f.map((x) => x.offset)).toEqual([5, 13, 20]);
    expect(fixed(text, f)).toBe('歳入と歳出、それぞれ考える。また検討する。次に3.5倍とする。');
    expect(f[0]!.place).toBe('３ 議題１');
    // The ，。 style of some cities flags 、 instead.
    expect(
      fixed('歳入と歳出、それぞれ', checkPunctuation(unit('歳入と歳出、それぞれ'), { ...ctx, punctuation: 'comma' })),
    ).toBe('歳入と歳出，それぞれ');
  });

  it('width: ＤＸ and ＫＰＩ become DX and KPI under the half-width rule (the seed has both)', () => {
    const text = '庁内のDXと住民サービスのＤＸ、ＫＰＩの設定、資料１';
    const f = checkWidth(unit(text), ctx);
    expect(f.map((x) => x.excerpt.length > 0 && text.slice(x.offset, x.offset + x.length))).toEqual([
      'ＤＸ',
      'ＫＰＩ',
      '１',
    ]);
    expect(fixed(text, f)).toBe('庁内のDXと住民サービスのDX、KPIの設定、資料1');
    // full-single: one-digit numbers full-width, longer ones half-width.
    const g = checkWidth(unit('第3回、１２月'), { ...ctx, digitWidth: 'full-single' });
    expect(fixed('第3回、１２月', g)).toBe('第３回、12月');
  });

  it('big numbers: 5000 → 5,000, years stay', () => {
    const f = checkBigNumber(unit('予算5000円、2023年度、1,200人'), ctx);
    expect(f).toHaveLength(1);
    expect(fixed('予算5000円、2023年度、1,200人', f)).toBe('予算5,000円、2023年度、1,200人');
    expect(fixed('3千万円と5百人', checkBigNumber(unit('3千万円と5百人'), ctx))).toBe('3,000万円と500人');
    expect(checkBigNumber(unit('3億円、千代田区'), ctx)).toEqual([]);
  });

  it('か月・か所: 3ヶ月 → 3か月, 10カ所 → 10か所', () => {
    const text = '3ヶ月ごとに10カ所、2箇所で実施';
    expect(fixed(text, checkKagetsu(unit(text), ctx))).toBe('3か月ごとに10か所、2か所で実施');
    expect(checkKagetsu(unit('箇所ごとに'), ctx)).toEqual([]);
  });

  it('approximate numbers: 2,3日 → 二、三日; a list like 2,5日 stays', () => {
    expect(fixed('2,3日後に', checkApproximate(unit('2,3日後に'), ctx))).toBe('二、三日後に');
    expect(fixed('４、５人で', checkApproximate(unit('４、５人で'), ctx))).toBe('四、五人で');
    expect(checkApproximate(unit('2,5日'), ctx)).toEqual([]);
  });

  it('conjunctions: および → 及び; 但し、 → ただし、 at the start of a sentence, 指示に従って stays', () => {
    const text = '市民および企業。但し、指示に従って進める。又、検討する。';
    expect(fixed(text, checkConjunction(unit(text), ctx))).toBe(
      '市民及び企業。ただし、指示に従って進める。また、検討する。',
    );
  });

  it('formal nouns: a warning without an automatic fix', () => {
    const f = checkFormalNoun(unit('検討する事が必要'), ctx);
    expect(f).toHaveLength(1);
    expect(f[0]!.fix).toBeNull();
  });

  it('brackets: 『』 → 「」', () => {
    expect(fixed('『行政の常識』', checkBrackets(unit('『行政の常識』'), ctx))).toBe('「行政の常識」');
  });

  it('fillers: えー, あのー, lengthened vowels; はい stays in an answer', () => {
    const text = 'えー、あのー、それでー、予算を見直す。';
    expect(fixed(text, checkFiller(unit(text), ctx))).toBe('それで、予算を見直す。');
    expect(fixed('はい、そのとおりです。', checkFiller(unit('はい、そのとおりです。'), ctx))).toBe('そのとおりです。');
    expect(checkFiller(unit('はい、そのとおりです。', true), ctx)).toEqual([]);
    expect(checkFiller(unit('データーを取る。'), ctx)).toEqual([]);
  });

  it('hidden names: names the label rule hides, with the label as the fix', () => {
    const b = sampleBundle();
    const input = sampleInput(b, 'public', 'letter');
    input.remarks = input.remarks.map((r, i) =>
      i === 2 ? { ...r, speaker: { type: 'member', memberId: memberId(b, '河') } } : r,
    );
    const hidden = hiddenNamePatterns(input);
    const text = '井澤会長欠席のため、大久保副会長が議事進行。河委員から意見。河川の話。';
    const f = checkHiddenNames(unit(text), { ...ctx, hidden });
    expect(fixed(text, f)).toBe('会長欠席のため、副会長が議事進行。A委員から意見。河川の話。');
    expect(hiddenNamePatterns(sampleInput(b, 'public', 'name'))).toEqual([]);
  });

  it('remarks still 要確認: found with their place; the fix marks them checked', () => {
    const b = sampleBundle();
    const input = sampleInput(b, 'public');
    const q = input.remarks.find((r) => r.kind === '質問')!;
    input.remarks = input.remarks.map((r) => (r.id === q.id ? { ...r, needsCheck: true } : r));
    const f = checkNeedsCheck(buildMinutesModel(input), input.remarks);
    expect(f).toHaveLength(1);
    expect(f[0]!.place).toBe('４ 議題２ 行政経営戦略推進ビジョン骨子案について');
    expect(f[0]!.fix).toEqual({ type: 'clear-needs-check', label: '確認済みにする', remarkIds: [q.id] });
  });

  it('empty sections: found (開会・閉会 may be empty), fixed by writing 特になし', () => {
    const b = sampleBundle();
    const input = sampleInput(b, 'public');
    const other = input.meeting.agenda[4]!;
    input.remarks = input.remarks.filter((r) => r.agendaItemId !== other.id);
    const model = buildMinutesModel(input);
    const f = checkEmptySections(model, input.meeting.agenda);
    expect(f.map((x) => x.place)).toEqual(['５ その他（今後の予定について）']);
    const { edits } = applyFixes(model, {}, [f[0]!.fix!]);
    const after = buildMinutesModel({ ...input, minutes: { ...input.minutes!, edits } });
    expect(after.sections[4]!.paragraphs.map((p) => p.text)).toEqual(['特になし']);
  });
});

describe('running the checks on the sample and accepting fixes', () => {
  it('finds the seed’s ＤＸ/ＫＰＩ, and accepting all changes the minutes text, not the remarks', () => {
    const b = sampleBundle();
    const input = sampleInput(b, 'public');
    const findings = runChecks(input);
    const width = findings.filter((f) => f.rule === 'width');
    expect(width.map((f) => f.excerpt).join()).toContain('ＫＰＩ');
    const model = buildMinutesModel(input, { redactNames: false });
    const before = JSON.stringify(input.remarks);
    const { edits, applied } = applyFixes(
      model,
      {},
      findings.flatMap((f) => (f.fix ? [f.fix] : [])),
    );
    expect(applied).toBeGreaterThan(0);
    expect(JSON.stringify(input.remarks)).toBe(before);
    const again = runChecks({ ...input, minutes: { ...input.minutes!, edits } });
    expect(again.filter((f) => f.fix?.type === 'replace')).toEqual([]);
    const after = buildMinutesModel({ ...input, minutes: { ...input.minutes!, edits } });
    expect(after.sections[2]!.paragraphs.some((p) => p.text.includes('KPIの設定'))).toBe(true);
  });

  it('accepting one fix changes only that place', () => {
    const b = sampleBundle();
    const input = sampleInput(b, 'public');
    const f = runChecks(input).find((x) => x.rule === 'width' && x.excerpt.includes('ＫＰＩ'))!;
    const model = buildMinutesModel(input, { redactNames: false });
    const { edits } = applyFixes(model, {}, [f.fix!]);
    expect(Object.keys(edits)).toEqual([f.paragraphKey]);
  });
});
