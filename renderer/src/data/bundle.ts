/** Whole-council operations: import a bundle (the sample, a backup), export one, delete one. */
import { CouncilBundle } from '../../../shared/domain';
import type { ShingikaiDB } from './database';
import { ordered } from './database';
import { DataError } from './errors';

/** Writes a council and everything under it in one transaction: all or nothing. */
export async function importBundle(db: ShingikaiDB, input: CouncilBundle): Promise<string> {
  const b = CouncilBundle.parse(input);
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
    },
  );
  return b.council.id;
}

export async function exportBundle(db: ShingikaiDB, councilId: string): Promise<CouncilBundle> {
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
        remarks: await db.remarks.where('meetingId').anyOf(meetingIds).sortBy('order'),
        opinions: await ordered(db.opinions, '[councilId+order]', councilId).toArray(),
        drafts,
        draftVersions: await db.draftVersions
          .where('draftId')
          .anyOf(drafts.map((d) => d.id))
          .toArray(),
        matrixItems: await db.matrixItems.where('councilId').equals(councilId).toArray(),
        planEntries: await db.planEntries.where('councilId').equals(councilId).toArray(),
        minutes: await db.minutes.where('meetingId').anyOf(meetingIds).toArray(),
      };
    },
  );
}
