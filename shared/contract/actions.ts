/**
 * Channels of action plans: the action sheet (一歩踏み出すシート, .xlsx) and the yearly
 * 進捗管理表 (.xlsx, .docx). The arguments are checked across records too (an action linked
 * to a deleted section, progress of a deleted action …), so nothing is printed half-right.
 */
import { z } from 'zod';
import { channel } from './define';
import { SavedFile } from './app';
import { DocFontsArg } from './drafts';
import { EvaluationGrade, id, isoDate, NUMBERING_STYLES, Section } from '../domain';
import { Action, fiscalYear, ProgressEntry } from '../actions/model';
import { checkActionPlan } from '../actions/plan';

/** What the exports need of a section (the renderer may pass whole sections: the rest is dropped). */
export const SectionRef = Section.pick({ id: true, parentId: true, order: true, heading: true });

const planIssues = (
  arg: {
    sections: z.infer<typeof SectionRef>[];
    actions: Action[];
    progress?: ProgressEntry[];
    scale?: EvaluationGrade[];
  },
  ctx: z.RefinementCtx,
) => {
  for (const issue of checkActionPlan(arg)) {
    ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
  }
};

export const ActionSheetArg = z
  .object({
    /** The plan's name: 飯塚市行政経営戦略推進ビジョン アクションプラン */
    title: z.string().min(1).max(300),
    municipality: z.string().max(100),
    numbering: z.enum(NUMBERING_STYLES),
    sections: z.array(SectionRef).max(5000),
    actions: z.array(Action).max(5000),
  })
  .strict()
  .superRefine(planIssues);
export type ActionSheetArg = z.infer<typeof ActionSheetArg>;

/** An opinion of the council on the progress of some actions (Opinion.actionIds). */
export const ProgressOpinionArg = z
  .object({ summary: z.string().min(1).max(5000), speaker: z.string().max(200), actionIds: z.array(id) })
  .strict();

export const ProgressReportArg = z
  .object({
    councilName: z.string().max(200),
    title: z.string().min(1).max(300),
    municipality: z.string().max(100),
    numbering: z.enum(NUMBERING_STYLES),
    fiscalYear,
    /** 令和7年5月31日現在 */
    asOf: isoDate.nullable(),
    sections: z.array(SectionRef).max(5000),
    actions: z.array(Action).max(5000),
    progress: z.array(ProgressEntry).max(50000),
    scale: z.array(EvaluationGrade).min(1).max(10),
    opinions: z.array(ProgressOpinionArg).max(5000).optional(),
    fonts: DocFontsArg.optional(),
  })
  .strict()
  .superRefine(planIssues);
export type ProgressReportArg = z.infer<typeof ProgressReportArg>;

export const actionsChannels = {
  'actions:export:sheet': channel(ActionSheetArg, SavedFile),
  'actions:export:progress-xlsx': channel(ProgressReportArg, SavedFile),
  'actions:export:progress-docx': channel(ProgressReportArg, SavedFile),
} as const;
