/**
 * Action plans (アクションプラン) and their yearly progress (進行管理): what carries a vision
 * out. A plan belongs to one draft (the vision); each action is linked to the sections it
 * carries out and has the columns of the action sheet cities use (reference 003, docs/CONVENTIONS.md §9; 「取り組む
 * アクションの詳細（一歩踏み出すシート）」): 個別 (担当) / いつから / 誰と / 何を /
 * どこまで・どのように, plus indicators (指標). Each fiscal year the secretariat records, per
 * action, a status, the indicators' actual values, a self-evaluation and a comment.
 *
 * Fiscal years are the 西暦 of their April (2024 = 令和6年度), as PlanEntry.fiscalYear.
 */
import { z } from 'zod';
import { id, timestamp, type EvaluationGrade } from '../domain';
import { formatFiscalYear } from '../wareki';

const text = (max = 5000) => z.string().max(max);

export const ACTION_STATUSES = ['未着手', '実施中', '完了', '見直し'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The evaluation scale when the council has not set its own (Council.evaluationScale). */
export const DEFAULT_EVALUATION_SCALE: EvaluationGrade[] = [
  { label: 'A', meaning: '計画どおり進んでいる' },
  { label: 'B', meaning: 'おおむね計画どおり進んでいる' },
  { label: 'C', meaning: '遅れている・見直しが必要' },
];

export function evaluationScaleOf(council: { evaluationScale?: EvaluationGrade[] | undefined }): EvaluationGrade[] {
  return council.evaluationScale && council.evaluationScale.length > 0
    ? council.evaluationScale
    : DEFAULT_EVALUATION_SCALE;
}

/** Why a council's own evaluation scale cannot be saved (a Japanese reason), or null. */
export function evaluationScaleProblem(scale: EvaluationGrade[]): string | null {
  if (scale.length < 2) return '評価は2段階以上にしてください。';
  const labels = scale.map((g) => g.label.trim());
  if (labels.some((l) => !l)) return '評価の記号が空の行があります。';
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice) return `評価の記号「${twice}」が重複しています。`;
  return null;
}

export const fiscalYear = z
  .number({ error: '年度は数値で入力してください。' })
  .int('年度は整数で入力してください。')
  .min(1900, '年度が正しくありません。')
  .max(2200, '年度が正しくありません。');

/** A measured value: a finite number (not text, not NaN), or null while unknown. */
const measure = (what: string) =>
  z
    .number({ error: `${what}は数値で入力してください。` })
    .refine(Number.isFinite, `${what}は数値で入力してください。`)
    .nullable();

export const Indicator = z.object({
  id,
  name: text(200).min(1, '指標の名前を入力してください。'),
  unit: text(50), // 人, 件, %
  baseline: measure('指標の基準値'),
  baselineYear: fiscalYear.nullable(),
  target: measure('指標の目標値'),
  targetYear: fiscalYear.nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

/** いつから: a fiscal year (令和6年度～), or a month within it (令和6年10月～). */
export const ActionStart = z.object({
  fiscalYear,
  month: z
    .number()
    .int()
    .min(1, '月は1から12で入力してください。')
    .max(12, '月は1から12で入力してください。')
    .nullable(),
});
export type ActionStart = z.infer<typeof ActionStart>;

/** The fields of an action, without the checks across them (for .pick/.extend). */
export const ActionFields = z.object({
  id,
  planId: id,
  /** Vision sections the action carries out; the first is where it is listed. */
  sectionIds: z.array(id),
  order: z.number(),
  /** 個別: who acts (the department, or a group: マネ友と). */
  department: text(200),
  person: text(100),
  /** 誰と: partners, one per item. */
  partners: z.array(text(200)),
  start: ActionStart.nullable(),
  /** 何を: as the user wrote it (several items on several lines). */
  what: text(5000),
  /** どこまで・どのように: the target and the means. */
  how: text(5000),
  indicators: z.array(Indicator),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** The first fiscal year of an action (the start's fiscal year). */
export function startFiscalYear(start: ActionStart | null): number | null {
  return start ? start.fiscalYear : null;
}

export const Action = ActionFields.superRefine((action, ctx) => {
  const from = startFiscalYear(action.start);
  action.indicators.forEach((indicator, i) => {
    if (from !== null && indicator.targetYear !== null && indicator.targetYear < from) {
      ctx.addIssue({
        code: 'custom',
        path: ['indicators', i, 'targetYear'],
        message: `指標「${indicator.name}」の目標年度（${formatFiscalYear(indicator.targetYear)}）が、取り組みの開始（${formatFiscalYear(from)}）より前になっています。`,
      });
    }
  });
  if (!action.what.trim()) {
    ctx.addIssue({ code: 'custom', path: ['what'], message: '「何を」を入力してください。' });
  }
});
export type Action = z.infer<typeof Action>;

export const ActionPlan = z
  .object({
    id,
    councilId: id,
    /** The vision (draft) the plan carries out. */
    draftId: id,
    title: text(300).min(1, 'アクションプランの名前を入力してください。'),
    startFiscalYear: fiscalYear.nullable(),
    endFiscalYear: fiscalYear.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .refine((p) => p.startFiscalYear === null || p.endFiscalYear === null || p.endFiscalYear >= p.startFiscalYear, {
    path: ['endFiscalYear'],
    message: '計画期間の終わりが始まりより前になっています。',
  });
export type ActionPlan = z.infer<typeof ActionPlan>;

export const IndicatorActual = z.object({ indicatorId: id, value: measure('実績値') });
export type IndicatorActual = z.infer<typeof IndicatorActual>;

/** One action's progress in one fiscal year. */
export const ProgressEntry = z.object({
  id,
  actionId: id,
  fiscalYear,
  status: z.enum(ACTION_STATUSES, { error: '進捗状況は 未着手・実施中・完了・見直し のいずれかです。' }),
  actuals: z.array(IndicatorActual),
  /** A grade of the council's scale; '' = not evaluated yet. */
  evaluation: text(20),
  comment: text(5000),
  updatedAt: timestamp,
});
export type ProgressEntry = z.infer<typeof ProgressEntry>;

/** A plan with its actions and progress, as the sample and a backup carry it. */
export const ActionPlanBundle = z.object({
  plan: ActionPlan,
  actions: z.array(Action),
  progress: z.array(ProgressEntry),
});
export type ActionPlanBundle = z.infer<typeof ActionPlanBundle>;
