/**
 * The council's public letters (A委員, B委員…) are stored on the council the first time any
 * 公開版 needs them, so the minutes, the opinion lists and the projector print the same letter
 * for the same member. Several features write them; the one transaction lives here.
 */
import { completePublicLabels } from '../../../shared/publication/labels';
import type { ShingikaiDB } from './database';
import { db as appDb } from './db';

export async function storePublicLabels(
  db: ShingikaiDB,
  councilId: string,
  meetingIds: readonly string[] = [],
): Promise<void> {
  await db.transaction('rw', [db.councils, db.members], async () => {
    const council = await db.councils.get(councilId);
    if (!council) return;
    const members = await db.members.where('councilId').equals(councilId).toArray();
    const next = completePublicLabels(council, members, meetingIds);
    if (JSON.stringify(next) !== JSON.stringify(council.publicLabels ?? null))
      await db.councils.update(councilId, { publicLabels: next, updatedAt: new Date().toISOString() });
  });
}

/** Stores the letters for the council (and the speakers of the given meetings) in the app's database. */
export const keepPublicLabels = (councilId: string, meetingIds: readonly string[] = []) =>
  storePublicLabels(appDb, councilId, meetingIds);
