/** Action plans: bad input gets a clear Japanese message, and nothing is accepted half-right. */
import { describe, expect, it } from 'vitest';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { buildSampleActionPlan } from '../../resources/sample/actions';
import {
  Action,
  ActionPlan,
  checkActionPlan,
  DEFAULT_EVALUATION_SCALE,
  evaluationScaleOf,
  evaluationScaleProblem,
  formatActionStart,
  groupByDepartment,
  groupBySection,
  parseMeasure,
  ProgressEntry,
  summarizeYear,
} from '../../shared/actions';
import { removeSection } from '../../shared/drafts';
import { Council, Opinion } from '../../shared/domain';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const bundle = buildSampleCouncil({ makeId: counter(), now: '2023-07-07T06:30:00.000Z' });
const sample = buildSampleActionPlan(bundle, { makeId: () => crypto.randomUUID(), now: '2025-05-30T00:00:00.000Z' });
const draft = bundle.drafts[0]!;
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe('action plan records', () => {
  it('accepts the sample plan, its actions and its progress as they are', () => {
    expect(ActionPlan.safeParse(sample.plan).success).toBe(true);
    for (const a of sample.actions) expect(messages(Action.safeParse(a))).toEqual([]);
    for (const p of sample.progress) expect(messages(ProgressEntry.safeParse(p))).toEqual([]);
    expect(checkActionPlan({ sections: draft.sections, ...sample, scale: DEFAULT_EVALUATION_SCALE })).toEqual([]);
  });

  it('refuses an indicator value that is not a number, saying which value', () => {
    const a = sample.actions[0]!;
    const bad = { ...a, indicators: [{ ...a.indicators[0]!, baseline: '35人' }] };
    expect(messages(Action.safeParse(bad))).toEqual(['指標の基準値は数値で入力してください。']);
    const nan = { ...a, indicators: [{ ...a.indicators[0]!, target: Number.NaN }] };
    expect(messages(Action.safeParse(nan))).toEqual(['指標の目標値は数値で入力してください。']);
    const p = sample.progress[0]!;
    const actual = { ...p, actuals: [{ indicatorId: p.actuals[0]!.indicatorId, value: 'たくさん' }] };
    expect(messages(ProgressEntry.safeParse(actual))).toEqual(['実績値は数値で入力してください。']);
  });

  it('reads typed numbers (full-width, commas) and refuses anything else instead of guessing', () => {
    expect(parseMeasure('１，２００')).toEqual({ ok: true, value: 1200 });
    expect(parseMeasure(' 55.5 ')).toEqual({ ok: true, value: 55.5 });
    expect(parseMeasure('－３')).toEqual({ ok: true, value: -3 });
    expect(parseMeasure('')).toEqual({ ok: true, value: null });
    expect(parseMeasure('約100', '実績値')).toEqual({
      ok: false,
      message: '実績値「約100」は数値ではありません。数字で入力してください。',
    });
  });

  it('refuses a target year before the action starts', () => {
    const a = sample.actions[0]!; // starts 令和6年度
    const bad = { ...a, indicators: [{ ...a.indicators[0]!, targetYear: 2023 }] };
    expect(messages(Action.safeParse(bad))).toEqual([
      '指標「リモートワークを実施した職員数」の目標年度（令和5年度）が、取り組みの開始（令和6年度）より前になっています。',
    ]);
    const plan = { ...sample.plan, startFiscalYear: 2026, endFiscalYear: 2024 };
    expect(messages(ActionPlan.safeParse(plan))).toEqual(['計画期間の終わりが始まりより前になっています。']);
  });

  it('finds an action linked to a section that was deleted from the vision', () => {
    const target = sample.actions.find((a) => a.what === '電子決裁の普及促進')!;
    const sections = removeSection(draft.sections, target.sectionIds[0]!);
    const issues = checkActionPlan({ sections, actions: sample.actions });
    expect(issues).toEqual([
      {
        path: `actions.${sample.actions.indexOf(target)}.sectionIds.0`,
        message:
          'アクション「電子決裁の普及促進」が、削除されたビジョンの項目に結び付いています。項目を選び直してください。',
      },
    ]);
  });

  it('finds progress of a deleted action, a doubled year and a grade outside the scale', () => {
    const [first, second] = sample.progress;
    const issues = checkActionPlan({
      sections: draft.sections,
      actions: sample.actions.slice(1),
      progress: [first!, second!, { ...second!, id: 'dup', evaluation: 'S' }],
      scale: DEFAULT_EVALUATION_SCALE,
    }).map((i) => i.message);
    expect(issues).toEqual([
      '令和6年度の進捗に、削除されたアクションのものがあります。',
      'アクション「メンター制度の導入」の令和6年度の進捗が二つあります。',
      '評価「S」は評価の区分（A・B・C）にありません。',
    ]);
  });

  it('prints いつから in 和暦 and groups actions by the vision order and by department', () => {
    expect(formatActionStart({ fiscalYear: 2024, month: null })).toBe('令和6年度～');
    expect(formatActionStart({ fiscalYear: 2024, month: 2 })).toBe('令和7年2月～');
    expect(formatActionStart({ fiscalYear: 2019, month: null })).toBe('令和元年度～');
    const groups = groupBySection(draft.sections, draft.numbering, sample.actions);
    expect(groups.map((g) => g.label)).toEqual([
      '（１）人　①働き方改革の推進',
      '（１）人　②人材の確保・育成',
      '（２）情報・デジタル化　①業務の効率化',
      '（２）情報・デジタル化　②利便性の向上',
      '（３）財政　①歳入の確保',
      '（４）施設・モノ　①規模の適正化と効率的な管理',
    ]);
    expect(groupByDepartment(sample.actions).map((g) => [g.department, g.actions.length])).toEqual([
      ['人事課', 2],
      ['業務改善・ＤＸ推進課', 2],
      ['財政課', 1],
      ['財産活用課', 1],
    ]);
  });

  it('counts a year by status and grade and lists what is behind', () => {
    const s = summarizeYear(sample.actions, sample.progress, 2024, DEFAULT_EVALUATION_SCALE);
    expect(s.byStatus).toEqual({ 未着手: 1, 実施中: 4, 完了: 0, 見直し: 1, 未入力: 0 });
    expect(s.byGrade).toEqual([
      { label: 'A', count: 2 },
      { label: 'B', count: 2 },
      { label: 'C', count: 1 },
    ]);
    // The drone action starts in 令和7年度: 未着手 in 令和6年度 is not late.
    expect(s.behind.map((id) => sample.actions.find((a) => a.id === id)!.what)).toEqual([
      'オンライン申請できる手続の拡充',
    ]);
    // In 令和7年度 nothing is entered yet: every action that has started is behind.
    expect(summarizeYear(sample.actions, sample.progress, 2025, DEFAULT_EVALUATION_SCALE).behind).toHaveLength(6);
  });

  it('keeps the evaluation scale a council setting and actionIds on opinions optional', () => {
    expect(evaluationScaleOf(bundle.council)).toEqual(DEFAULT_EVALUATION_SCALE);
    const own = [
      { label: '◎', meaning: '順調' },
      { label: '△', meaning: '課題あり' },
    ];
    expect(Council.parse({ ...bundle.council, evaluationScale: own }).evaluationScale).toEqual(own);
    expect(evaluationScaleOf({ evaluationScale: own })).toBe(own);
    expect(Council.safeParse(bundle.council).success).toBe(true); // old records without the field
    const linked = sample.opinions.find((o) => o.actionIds?.length);
    expect(Opinion.parse(linked).actionIds).toHaveLength(2);
  });
});

describe('a council’s own evaluation scale', () => {
  it('needs two or more grades, each with a mark, no mark twice', () => {
    expect(evaluationScaleProblem(DEFAULT_EVALUATION_SCALE)).toBeNull();
    expect(evaluationScaleProblem([{ label: 'A', meaning: '' }])).toBe('評価は2段階以上にしてください。');
    expect(
      evaluationScaleProblem([
        { label: 'A', meaning: '' },
        { label: ' ', meaning: '未実施' },
      ]),
    ).toBe('評価の記号が空の行があります。');
    expect(
      evaluationScaleProblem([
        { label: 'S', meaning: '' },
        { label: 'S ', meaning: '' },
      ]),
    ).toBe('評価の記号「S」が重複しています。');
  });
});
