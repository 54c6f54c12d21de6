/**
 * What the action list, the progress view and the exports share: the checks across records
 * (an action linked to a deleted section, progress of a deleted action, a grade outside the
 * council's scale), the printed いつから, the grouping by section and by department, and
 * the reading of a typed number. Pure functions; the renderer stores what passes.
 */
import type { EvaluationGrade, Section } from '../domain';
import { toHalfWidthAscii, type NumberingStyle } from '../numbering';
import { outline, numberedHeading } from '../drafts/tree';
import { formatFiscalYear, formatWarekiMonth } from '../wareki';
import { Action, ACTION_STATUSES, type ActionStart, type ActionStatus, type ProgressEntry } from './model';

export interface PlanIssue {
  path: string;
  message: string;
}

/** A short name of an action for messages and lists: the first line of 何を. */
export function actionTitle(action: Pick<Action, 'what'>, max = 40): string {
  const first = (action.what.split('\n').find((l) => l.trim()) ?? '').replace(/^[・\s]+/, '').trim();
  return first.length > max ? `${first.slice(0, max - 1)}…` : first || '（何をが未入力）';
}

/** いつから as printed: 令和6年度～ / 令和6年10月～ ('' when not set). */
export function formatActionStart(start: ActionStart | null): string {
  if (!start) return '';
  if (start.month === null) return `${formatFiscalYear(start.fiscalYear)}～`;
  const year = start.month >= 4 ? start.fiscalYear : start.fiscalYear + 1;
  return `${formatWarekiMonth(`${year}-${String(start.month).padStart(2, '0')}-01`)}～`;
}

/** 誰と as printed: one partner as is, several as a ・ list. */
export function formatPartners(partners: readonly string[]): string {
  const items = partners.map((p) => p.trim()).filter(Boolean);
  return items.length > 1 ? items.map((p) => `・${p}`).join('\n') : (items[0] ?? '');
}

/** 個別 as printed: the department, and the person on the next line. */
export function formatOwner(action: Pick<Action, 'department' | 'person'>): string {
  return [action.department.trim(), action.person.trim()].filter(Boolean).join('\n');
}

/**
 * A number typed by the user: half- or full-width digits, a thousands comma, a minus sign.
 * Empty → null. Anything else → a message saying what is wrong, never a silent 0.
 */
export function parseMeasure(
  input: string,
  what = '値',
): { ok: true; value: number | null } | { ok: false; message: string } {
  const s = toHalfWidthAscii(input.trim())
    .replace(/[−ー－]/g, '-')
    .replace(/,/g, '');
  if (!s) return { ok: true, value: null };
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) {
    return { ok: false, message: `${what}「${input.trim()}」は数値ではありません。数字で入力してください。` };
  }
  return { ok: true, value: Number(s) };
}

/**
 * Checks across records, before anything is saved or exported: every linked section
 * exists, every progress entry's action and indicators exist, one entry per action and
 * year, grades from the scale. The record schemas check each record on its own.
 */
export function checkActionPlan(input: {
  sections: readonly Pick<Section, 'id' | 'heading'>[];
  actions: readonly Action[];
  progress?: readonly ProgressEntry[];
  scale?: readonly EvaluationGrade[];
}): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const sectionIds = new Set(input.sections.map((s) => s.id));
  const actions = new Map(input.actions.map((a) => [a.id, a]));
  input.actions.forEach((action, i) => {
    const parsed = Action.safeParse(action);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ path: ['actions', i, ...issue.path].join('.'), message: issue.message });
      }
    }
    action.sectionIds.forEach((sid, j) => {
      if (!sectionIds.has(sid)) {
        issues.push({
          path: `actions.${i}.sectionIds.${j}`,
          message: `アクション「${actionTitle(action)}」が、削除されたビジョンの項目に結び付いています。項目を選び直してください。`,
        });
      }
    });
  });
  const seen = new Set<string>();
  const grades = input.scale?.map((g) => g.label);
  (input.progress ?? []).forEach((entry, i) => {
    const action = actions.get(entry.actionId);
    if (!action) {
      issues.push({
        path: `progress.${i}.actionId`,
        message: `${formatFiscalYear(entry.fiscalYear)}の進捗に、削除されたアクションのものがあります。`,
      });
      return;
    }
    const key = `${entry.actionId}/${entry.fiscalYear}`;
    if (seen.has(key)) {
      issues.push({
        path: `progress.${i}`,
        message: `アクション「${actionTitle(action)}」の${formatFiscalYear(entry.fiscalYear)}の進捗が二つあります。`,
      });
    }
    seen.add(key);
    const indicatorIds = new Set(action.indicators.map((x) => x.id));
    entry.actuals.forEach((a, j) => {
      if (!indicatorIds.has(a.indicatorId)) {
        issues.push({
          path: `progress.${i}.actuals.${j}`,
          message: `アクション「${actionTitle(action)}」の実績に、削除された指標のものがあります。`,
        });
      }
    });
    if (grades && entry.evaluation && !grades.includes(entry.evaluation)) {
      issues.push({
        path: `progress.${i}.evaluation`,
        message: `評価「${entry.evaluation}」は評価の区分（${grades.join('・')}）にありません。`,
      });
    }
  });
  return issues;
}

// ---------------------------------------------------------------- grouping

export interface SectionGroup<A> {
  /** null: actions linked to no section. */
  section: Pick<Section, 'id' | 'heading'> | null;
  /** 「（１）働き方改革の推進」 / 「項目なし」 */
  label: string;
  actions: A[];
}

export const NO_SECTION = '（ビジョンの項目に結び付いていないもの）';

/** Actions by the first of their sections, in the vision's order; then those without one. */
export function groupBySection<A extends Pick<Action, 'sectionIds' | 'order'>>(
  sections: readonly Section[] | readonly Pick<Section, 'id' | 'parentId' | 'order' | 'heading'>[],
  numbering: NumberingStyle,
  actions: readonly A[],
): SectionGroup<A>[] {
  const entries = outline(sections as Section[], numbering);
  const index = new Map(entries.map((e, i) => [e.section.id, i]));
  const sorted = [...actions].sort((a, b) => a.order - b.order);
  const byId = new Map(entries.map((e) => [e.section.id, e]));
  const groups = entries.map((e) => {
    const own = numberedHeading(e, e.section.heading);
    const parent = e.level >= 2 && e.section.parentId ? byId.get(e.section.parentId) : undefined;
    // ① alone is ambiguous (every （１） has one): print the parent with it.
    return {
      section: e.section,
      label: parent ? `${numberedHeading(parent, parent.section.heading)}　${own}` : own,
      actions: [] as A[],
    };
  });
  const loose: A[] = [];
  for (const action of sorted) {
    const at = action.sectionIds.map((sid) => index.get(sid)).find((i) => i !== undefined);
    if (at === undefined) loose.push(action);
    else groups[at]!.actions.push(action);
  }
  const out: SectionGroup<A>[] = groups.filter((g) => g.actions.length > 0);
  if (loose.length > 0) out.push({ section: null, label: NO_SECTION, actions: loose });
  return out;
}

/** Actions by department (個別), in the order departments first appear. */
export function groupByDepartment<A extends Pick<Action, 'department' | 'order'>>(
  actions: readonly A[],
): { department: string; actions: A[] }[] {
  const groups = new Map<string, A[]>();
  for (const action of [...actions].sort((a, b) => a.order - b.order)) {
    const key = action.department.trim() || '（担当未設定）';
    groups.set(key, [...(groups.get(key) ?? []), action]);
  }
  return [...groups].map(([department, list]) => ({ department, actions: list }));
}

// ---------------------------------------------------------------- progress of a year

export interface YearSummary {
  byStatus: Record<ActionStatus | '未入力', number>;
  byGrade: { label: string; count: number }[];
  /** Actions that should have started by this year and have not, or were graded last on the scale, or are 見直し. */
  behind: string[];
}

export function progressOf(
  progress: readonly ProgressEntry[],
  actionId: string,
  fiscalYear: number,
): ProgressEntry | undefined {
  return progress.find((p) => p.actionId === actionId && p.fiscalYear === fiscalYear);
}

export function summarizeYear(
  actions: readonly Action[],
  progress: readonly ProgressEntry[],
  fiscalYear: number,
  scale: readonly EvaluationGrade[],
): YearSummary {
  const byStatus = Object.fromEntries([...ACTION_STATUSES, '未入力'].map((s) => [s, 0])) as YearSummary['byStatus'];
  const grades = new Map(scale.map((g) => [g.label, 0]));
  const behind: string[] = [];
  const lowest = scale[scale.length - 1]?.label;
  for (const action of actions) {
    const entry = progressOf(progress, action.id, fiscalYear);
    byStatus[entry?.status ?? '未入力'] += 1;
    if (entry?.evaluation && grades.has(entry.evaluation))
      grades.set(entry.evaluation, grades.get(entry.evaluation)! + 1);
    const due = action.start === null || action.start.fiscalYear <= fiscalYear;
    const late = due && (!entry || entry.status === '未着手');
    if (late || entry?.status === '見直し' || (scale.length > 1 && entry?.evaluation === lowest)) {
      behind.push(action.id);
    }
  }
  return { byStatus, byGrade: [...grades].map(([label, count]) => ({ label, count })), behind };
}

/** 「120 人」, 「42.5 %」, '' for null. */
export function formatMeasure(value: number | null, unit: string): string {
  if (value === null) return '';
  return `${value.toLocaleString('ja-JP')}${unit ? ` ${unit}` : ''}`;
}
