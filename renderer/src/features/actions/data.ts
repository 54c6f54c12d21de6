/**
 * The records of action plans (アクションプラン) and their yearly progress (進行管理): what the
 * screens read (live) and every write. Each write is one transaction that re-reads what it
 * depends on and runs the shared checks (shared/actions/plan.ts) before it writes: an action
 * linked to a deleted section, a target year before the start, an actual value of a deleted
 * indicator … are refused with their Japanese message and nothing is written.
 *
 * `actionsData(db)` for tests; `actionsStore` is the app's own database.
 */
import type { ShingikaiDB } from '../../data/database';
import { ordered } from '../../data/database';
import { db as appDb } from '../../data/db';
import { AppError } from '../../../../shared/errors';
import { randomId } from '../../../../shared/factory';
import { isActive } from '../../../../shared/opinions';
import type { Council, Draft, Meeting, Member, Opinion } from '../../../../shared/domain';
import {
  Action,
  ActionPlan,
  ProgressEntry,
  evaluationScaleOf,
  checkActionPlan,
  type PlanIssue,
} from '../../../../shared/actions';

const now = () => new Date().toISOString();

function refuse(issues: PlanIssue[]): never {
  throw new AppError('INVALID_ARGUMENT', [...new Set(issues.map((i) => i.message))].join('\n'));
}

export interface PlanRecords {
  council: Council;
  draft: Draft;
  plan: ActionPlan;
  /** In stored order. */
  actions: Action[];
  progress: ProgressEntry[];
  /** The council's opinions that are about an action of this plan (Opinion.actionIds). */
  opinions: Opinion[];
  /** For who said an opinion (進捗管理表). */
  members: Member[];
  meetings: Meeting[];
}

export function actionsData(db: ShingikaiDB) {
  async function planOfDraft(draftId: string): Promise<ActionPlan | undefined> {
    return db.actionPlans.where('draftId').equals(draftId).first();
  }

  return {
    /** The council's drafts, each with its plan (or null) and the number of actions. */
    async plansOfCouncil(councilId: string) {
      const [drafts, plans] = await Promise.all([
        db.drafts.where('councilId').equals(councilId).toArray(),
        db.actionPlans.where('councilId').equals(councilId).toArray(),
      ]);
      return Promise.all(
        drafts
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          .map(async (draft) => {
            const plan = plans.find((p) => p.draftId === draft.id) ?? null;
            const count = plan ? await db.actions.where('planId').equals(plan.id).count() : 0;
            return { draft, plan, count };
          }),
      );
    },

    /** Everything the plan screens show; null when the draft, its council or its plan is gone. */
    async planRecords(councilId: string, draftId: string): Promise<PlanRecords | null> {
      const [council, draft, plan] = await Promise.all([
        db.councils.get(councilId),
        db.drafts.get(draftId),
        planOfDraft(draftId),
      ]);
      if (!council || !draft || draft.councilId !== councilId || !plan) return null;
      const actions = await ordered(db.actions, '[planId+order]', plan.id).toArray();
      const ids = actions.map((a) => a.id);
      const [progress, opinions, members, meetings] = await Promise.all([
        db.progress.where('actionId').anyOf(ids).toArray(),
        db.opinions.where('actionIds').anyOf(ids).distinct().toArray(),
        ordered(db.members, '[councilId+order]', councilId).toArray(),
        db.meetings.where('councilId').equals(councilId).toArray(),
      ]);
      return {
        council,
        draft,
        plan,
        actions,
        progress,
        opinions: opinions.filter(isActive).sort((a, b) => a.order - b.order),
        members,
        meetings,
      };
    },

    /** Starts the action plan of a vision (one per draft). */
    async createPlan(draft: Draft, init: { startFiscalYear: number | null; endFiscalYear: number | null }) {
      return db.transaction('rw', [db.drafts, db.actionPlans], async () => {
        if (!(await db.drafts.get(draft.id))) throw new AppError('NOT_FOUND', 'ビジョンの原稿が見つかりません。');
        const existing = await planOfDraft(draft.id);
        if (existing) return existing;
        const stamp = now();
        const parsed = ActionPlan.safeParse({
          id: randomId(),
          councilId: draft.councilId,
          draftId: draft.id,
          title: `${draft.title} アクションプラン`.slice(0, 300),
          ...init,
          createdAt: stamp,
          updatedAt: stamp,
        });
        if (!parsed.success) refuse(parsed.error.issues.map((i) => ({ path: '', message: i.message })));
        await db.actionPlans.add(parsed.data);
        return parsed.data;
      });
    },

    async savePlanInfo(
      planId: string,
      patch: Partial<Pick<ActionPlan, 'title' | 'startFiscalYear' | 'endFiscalYear'>>,
    ) {
      await db.transaction('rw', db.actionPlans, async () => {
        const plan = await db.actionPlans.get(planId);
        if (!plan) throw new AppError('NOT_FOUND', 'アクションプランが見つかりません。');
        const parsed = ActionPlan.safeParse({ ...plan, ...patch, updatedAt: now() });
        if (!parsed.success) refuse(parsed.error.issues.map((i) => ({ path: '', message: i.message })));
        await db.actionPlans.put(parsed.data);
      });
    },

    /**
     * Adds or replaces an action. Checked against the vision as stored now (a section deleted
     * meanwhile is refused); actual values of indicators the action no longer has are removed
     * from its progress in the same transaction.
     */
    async saveAction(input: Omit<Action, 'order' | 'createdAt' | 'updatedAt'> & Partial<Pick<Action, 'order'>>) {
      return db.transaction('rw', [db.drafts, db.actionPlans, db.actions, db.progress], async () => {
        const plan = await db.actionPlans.get(input.planId);
        if (!plan) throw new AppError('NOT_FOUND', 'アクションプランが見つかりません。');
        const draft = await db.drafts.get(plan.draftId);
        if (!draft) throw new AppError('NOT_FOUND', 'ビジョンの原稿が見つかりません。');
        const existing = await db.actions.get(input.id);
        if (existing && existing.planId !== input.planId)
          throw new AppError('NOT_FOUND', 'アクションが見つかりません。');
        const last = await ordered(db.actions, '[planId+order]', plan.id).last();
        const stamp = now();
        const action: Action = {
          ...input,
          order: existing?.order ?? input.order ?? (last?.order ?? 0) + 1,
          createdAt: existing?.createdAt ?? stamp,
          updatedAt: stamp,
        };
        const issues = checkActionPlan({ sections: draft.sections, actions: [action] }).map((i) => ({
          ...i,
          path: i.path.replace(/^actions\.0\.?/, ''),
        }));
        if (issues.length) refuse(issues);
        await db.actions.put(Action.parse(action));
        const kept = new Set(action.indicators.map((x) => x.id));
        for (const entry of await db.progress.where('actionId').equals(action.id).toArray()) {
          const actuals = entry.actuals.filter((a) => kept.has(a.indicatorId));
          if (actuals.length !== entry.actuals.length) await db.progress.put({ ...entry, actuals, updatedAt: stamp });
        }
        return action;
      });
    },

    /** Swaps two actions' places (Alt+↑ / Alt+↓ within a group). */
    async swapActions(aId: string, bId: string) {
      await db.transaction('rw', db.actions, async () => {
        const [a, b] = await db.actions.bulkGet([aId, bId]);
        if (!a || !b || a.planId !== b.planId) throw new AppError('NOT_FOUND', 'アクションが見つかりません。');
        const stamp = now();
        await db.actions.bulkPut([
          { ...a, order: b.order, updatedAt: stamp },
          { ...b, order: a.order, updatedAt: stamp },
        ]);
      });
    },

    /** Deletes an action with its progress; opinions about it keep their text and lose the link. */
    async deleteAction(actionId: string) {
      await db.transaction('rw', [db.actions, db.progress, db.opinions], async () => {
        await db.progress.where('actionId').equals(actionId).delete();
        const stamp = now();
        for (const o of await db.opinions.where('actionIds').equals(actionId).toArray()) {
          await db.opinions.put({
            ...o,
            actionIds: (o.actionIds ?? []).filter((x) => x !== actionId),
            updatedAt: stamp,
          });
        }
        await db.actions.delete(actionId);
      });
    },

    /**
     * Records one action's progress in one fiscal year (replacing that year's entry). The grade
     * must be on the council's scale, the actual values those of the action's indicators.
     */
    async saveProgress(input: Omit<ProgressEntry, 'id' | 'updatedAt'>) {
      return db.transaction('rw', [db.councils, db.drafts, db.actionPlans, db.actions, db.progress], async () => {
        const action = await db.actions.get(input.actionId);
        if (!action) throw new AppError('NOT_FOUND', 'アクションが見つかりません。削除された可能性があります。');
        const plan = await db.actionPlans.get(action.planId);
        const council = plan ? await db.councils.get(plan.councilId) : undefined;
        if (!plan || !council) throw new AppError('NOT_FOUND', 'アクションプランが見つかりません。');
        const existing = await db.progress
          .where('[actionId+fiscalYear]')
          .equals([input.actionId, input.fiscalYear])
          .first();
        const parsed = ProgressEntry.safeParse({ ...input, id: existing?.id ?? randomId(), updatedAt: now() });
        if (!parsed.success) refuse(parsed.error.issues.map((i) => ({ path: '', message: i.message })));
        const issues = checkActionPlan({
          sections: [],
          actions: [{ ...action, sectionIds: [] }],
          progress: [parsed.data],
          scale: evaluationScaleOf(council),
        }).filter((i) => i.path.startsWith('progress'));
        if (issues.length) refuse(issues);
        await db.progress.put(parsed.data);
        return parsed.data;
      });
    },

    /** Links or unlinks an opinion and an action (Opinion.actionIds). */
    async setOpinionAction(opinionId: string, actionId: string, linked: boolean) {
      await db.transaction('rw', [db.opinions, db.actions], async () => {
        const o = await db.opinions.get(opinionId);
        if (!o) throw new AppError('NOT_FOUND', '意見が見つかりません。');
        if (linked && !(await db.actions.get(actionId)))
          throw new AppError('NOT_FOUND', 'アクションが見つかりません。削除された可能性があります。');
        const ids = o.actionIds ?? [];
        if (ids.includes(actionId) === linked) return;
        await db.opinions.put({
          ...o,
          actionIds: linked ? [...ids, actionId] : ids.filter((x) => x !== actionId),
          updatedAt: now(),
        });
      });
    },

    /** The council's opinions (active), for linking. */
    councilOpinions(councilId: string) {
      return ordered(db.opinions, '[councilId+order]', councilId)
        .toArray()
        .then((os) => os.filter(isActive));
    },
  };
}

export type ActionsData = ReturnType<typeof actionsData>;
export const actionsStore: ActionsData = actionsData(appDb);
