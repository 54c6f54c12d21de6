/** Whole-council operations: import a bundle (the sample, a backup), export one, delete one. */
import { z } from 'zod';
import { CouncilBundle } from '../../../shared/domain';
import { ActionPlanBundle } from '../../../shared/actions/model';
import { checkActionPlan } from '../../../shared/actions/plan';
import type { ShingikaiDB } from './database';
import { ordered, remarksOfMeetings } from './database';
import { DataError } from './errors';
import { AppError } from '../../../shared/errors';

/** A council bundle with its action plans (each with its actions and progress); older bundles have none. */
export const CouncilBundleWithPlans = CouncilBundle.extend({ actionPlans: z.array(ActionPlanBundle).optional() });
export type CouncilBundleWithPlans = z.infer<typeof CouncilBundleWithPlans>;

/** Writes a council and everything under it in one transaction: all or nothing. */
export async function importBundle(db: ShingikaiDB, input: CouncilBundleWithPlans): Promise<string> {
  const b = CouncilBundleWithPlans.parse(input);
  const plans = b.actionPlans ?? [];
  for (const p of plans) {
    // Checked before anything is written: an action linked to a section the bundle's vision lacks, progress of a missing action …
    const draft = b.drafts.find((d) => d.id === p.plan.draftId);
    if (!draft || p.plan.councilId !== b.council.id)
      throw new AppError('INVALID_ARGUMENT', `アクションプラン「${p.plan.title}」のビジョンが見つかりません。`);
    const issues = checkActionPlan({
      sections: draft.sections,
      actions: p.actions,
      progress: p.progress,
    });
    if (p.actions.some((a) => a.planId !== p.plan.id))
      issues.push({
        path: 'actions',
        message: `アクションプラン「${p.plan.title}」に別のプランのアクションがあります。`,
      });
    if (issues.length) throw new AppError('INVALID_ARGUMENT', issues.map((i) => i.message).join('\n'));
  }
  await db.transaction(
    'rw',
    [
      db.councils,
      db.members,
      db.staff,
      db.meetings,
      db.remarks,
      db.opinions,
      db.drafts,
      db.draftVersions,
      db.matrixItems,
      db.planEntries,
      db.minutes,
      // Only when there are plans: a database written as an older release did has no such tables.
      ...(plans.length ? [db.actionPlans, db.actions, db.progress] : []),
    ],
    async () => {
      await db.councils.add(b.council);
      await db.members.bulkAdd(b.members);
      await db.staff.bulkAdd(b.staff);
      await db.meetings.bulkAdd(b.meetings);
      await db.remarks.bulkAdd(b.remarks);
      await db.opinions.bulkAdd(b.opinions);
      await db.drafts.bulkAdd(b.drafts);
      await db.draftVersions.bulkAdd(b.draftVersions);
      await db.matrixItems.bulkAdd(b.matrixItems);
      await db.planEntries.bulkAdd(b.planEntries);
      await db.minutes.bulkAdd(b.minutes);
      if (plans.length) {
        await db.actionPlans.bulkAdd(plans.map((p) => p.plan));
        await db.actions.bulkAdd(plans.flatMap((p) => p.actions));
        await db.progress.bulkAdd(plans.flatMap((p) => p.progress));
      }
    },
  );
  return b.council.id;
}

export async function exportBundle(db: ShingikaiDB, councilId: string): Promise<CouncilBundleWithPlans> {
  // A database opened at an older version (tests of older releases) has no plan tables.
  const hasPlans = db.tables.some((t) => t.name === 'actionPlans');
  return db.transaction(
    'r',
    [
      db.councils,
      db.members,
      db.staff,
      db.meetings,
      db.remarks,
      db.opinions,
      db.drafts,
      db.draftVersions,
      db.matrixItems,
      db.planEntries,
      db.minutes,
      ...(hasPlans ? [db.actionPlans, db.actions, db.progress] : []),
    ],
    async () => {
      const council = await db.councils.get(councilId);
      if (!council) throw new DataError('NOT_FOUND', '審議会が見つかりません。');
      const meetings = await db.meetings.where('councilId').equals(councilId).sortBy('number');
      const meetingIds = meetings.map((m) => m.id);
      const drafts = await db.drafts.where('councilId').equals(councilId).toArray();
      return {
        council,
        members: await ordered(db.members, '[councilId+order]', councilId).toArray(),
        staff: await ordered(db.staff, '[councilId+order]', councilId).toArray(),
        meetings,
        remarks: (await remarksOfMeetings(db, meetingIds)).sort((a, b) => a.order - b.order),
        opinions: await ordered(db.opinions, '[councilId+order]', councilId).toArray(),
        drafts,
        draftVersions: await db.draftVersions
          .where('draftId')
          .anyOf(drafts.map((d) => d.id))
          .toArray(),
        matrixItems: await db.matrixItems.where('councilId').equals(councilId).toArray(),
        planEntries: await db.planEntries.where('councilId').equals(councilId).toArray(),
        minutes: await db.minutes.where('meetingId').anyOf(meetingIds).toArray(),
        ...(hasPlans ? { actionPlans: await plansOf(db, councilId) } : {}),
      };
    },
  );
}

/** A council's action plans with their actions (in order) and progress; none → undefined (older bundles). */
async function plansOf(db: ShingikaiDB, councilId: string): Promise<CouncilBundleWithPlans['actionPlans']> {
  const plans = await Promise.all(
    (await db.actionPlans.where('councilId').equals(councilId).toArray()).map(async (plan) => {
      const actions = await ordered(db.actions, '[planId+order]', plan.id).toArray();
      const progress = await db.progress
        .where('actionId')
        .anyOf(actions.map((a) => a.id))
        .toArray();
      return { plan, actions, progress };
    }),
  );
  return plans.length ? plans : undefined;
}
