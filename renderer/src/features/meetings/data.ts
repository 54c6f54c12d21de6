/**
 * Writes of meetings and the yearly plan. Each is one Dexie transaction (all or nothing);
 * none awaits main inside a transaction.
 *
 * The functions taking a `db` are the transactions themselves (tests run them on their own
 * database); the section at the end binds them to the app's database and adds the live
 * queries the screens read — the screens of this feature touch the database only through it.
 */
import type { Council, Meeting, PlanEntry } from '../../../../shared/domain';
import { newMeeting, randomId } from '../../../../shared/factory';
import { minutesDueFor } from './due';
import { heldStatus, localToday } from '../../../../shared/meeting-status';
import { AppError } from '../../../../shared/errors';
import type { ShingikaiDB } from '../../data/database';
import { ordered } from '../../data/database';
import { DataError } from '../../data/errors';
import { db as appDb } from '../../data/db';
import { useLiveQuery } from '../../data/live';

const now = () => new Date().toISOString();

// ---------------------------------------------------------------- meetings

/** Creates the next meeting (第N回, N = highest + 1). */
export async function createMeeting(db: ShingikaiDB, council: Council, init: Partial<Meeting>): Promise<Meeting> {
  return db.transaction('rw', db.meetings, async () => {
    const last = await ordered(db.meetings, '[councilId+number]', council.id).last();
    const number = init.number ?? (last?.number ?? 0) + 1;
    if (await db.meetings.where('[councilId+number]').equals([council.id, number]).count())
      throw new AppError('INVALID_ARGUMENT', `第${number}回の会議は登録済みです。別の回数を指定してください。`);
    const meeting = newMeeting({
      ...init,
      councilId: council.id,
      number,
      minutesDue: init.minutesDue ?? minutesDueFor(council, init.date ?? null),
    });
    await db.meetings.add(meeting);
    return meeting;
  });
}

/**
 * Moves the council's 予定 meetings that have been held (remarks recorded, or the date passed) to
 * 開催済 (shared/meeting-status.ts); run when the meeting list loads. Returns how many moved.
 */
export async function settleHeldMeetings(db: ShingikaiDB, councilId: string, today = localToday()): Promise<number> {
  return db.transaction('rw', db.meetings, db.remarks, async () => {
    const meetings = await db.meetings.where('councilId').equals(councilId).toArray();
    let moved = 0;
    for (const m of meetings) {
      if (m.status !== '予定') continue;
      const hasRemarks = (await db.remarks.where('meetingId').equals(m.id).count()) > 0;
      const status = heldStatus(m, { hasRemarks, today });
      if (!status) continue;
      await db.meetings.put({ ...m, status, updatedAt: now() });
      moved++;
    }
    return moved;
  });
}

export async function nextMeetingNumber(db: ShingikaiDB, councilId: string): Promise<number> {
  const last = await ordered(db.meetings, '[councilId+number]', councilId).last();
  return (last?.number ?? 0) + 1;
}

/** Changes a meeting from its current state (read and written in one transaction, so two quick edits never overwrite each other). */
export async function changeMeeting(
  db: ShingikaiDB,
  id: string,
  change: (m: Meeting) => Partial<Meeting>,
): Promise<void> {
  await db.transaction('rw', db.meetings, async () => {
    const m = await db.meetings.get(id);
    if (!m) throw new DataError('NOT_FOUND', '会議が見つかりません。');
    await db.meetings.put({ ...m, ...change(m), updatedAt: now() });
  });
}

/**
 * Deletes a meeting created by mistake. Refused once anything was recorded under it
 * (remarks, opinions); answers the attachment names for main to remove afterwards.
 */
export async function deleteMeeting(db: ShingikaiDB, id: string): Promise<string[]> {
  return db.transaction('rw', [db.meetings, db.remarks, db.opinions, db.minutes, db.entryDrafts], async () => {
    const meeting = await db.meetings.get(id);
    if (!meeting) return [];
    const remarks = await db.remarks.where('meetingId').equals(id).count();
    const opinions = await db.opinions.where('meetingId').equals(id).count();
    if (remarks || opinions) {
      throw new AppError(
        'FORBIDDEN',
        `第${meeting.number}回には発言 ${remarks}件・意見 ${opinions}件の記録があるため削除できません。`,
      );
    }
    await db.minutes.where('meetingId').equals(id).delete();
    await db.entryDrafts.delete(id);
    await db.meetings.delete(id);
    return meeting.materials.flatMap((m) => (m.file ? [m.file.storedName] : []));
  });
}

// ---------------------------------------------------------------- plan

export async function savePlanEntry(db: ShingikaiDB, entry: PlanEntry): Promise<void> {
  await db.planEntries.put(entry);
}

/** Plan entries for a fiscal year from that year's meetings (month and 議題), replacing nothing that exists. */
export async function addPlanEntries(db: ShingikaiDB, entries: Omit<PlanEntry, 'id' | 'order'>[]): Promise<void> {
  if (!entries.length) return;
  const councilId = entries[0]!.councilId;
  await db.transaction('rw', db.planEntries, async () => {
    const existing = await db.planEntries.where('councilId').equals(councilId).toArray();
    let order = Math.max(0, ...existing.map((e) => e.order));
    for (const e of entries) await db.planEntries.add({ ...e, id: randomId(), order: ++order });
  });
}

// ---------------------------------------------------------------- for the screens (the app's database)

/** One meeting: undefined while loading, null when it does not exist. */
export function useMeeting(meetingId: string): Meeting | null | undefined {
  return useLiveQuery(async () => (await appDb.meetings.get(meetingId)) ?? null, [meetingId]);
}

/** A council's yearly plan entries (undefined until known). */
export function usePlanEntries(councilId: string): PlanEntry[] | undefined {
  return useLiveQuery(() => appDb.planEntries.where('councilId').equals(councilId).toArray(), [councilId]);
}

/** The meeting held just before 第`number`回 of the council, if any. */
export function previousMeeting(councilId: string, number: number): Promise<Meeting | undefined> {
  return appDb.meetings
    .where('[councilId+number]')
    .between([councilId, -Infinity], [councilId, number], false, false)
    .last();
}

export const addMeeting = (council: Council, init: Partial<Meeting>) => createMeeting(appDb, council, init);

export const settleHeld = (councilId: string) => settleHeldMeetings(appDb, councilId);

export const nextNumber = (councilId: string) => nextMeetingNumber(appDb, councilId);

export const editMeeting = (id: string, change: (m: Meeting) => Partial<Meeting>) => changeMeeting(appDb, id, change);

export const removeMeeting = (id: string) => deleteMeeting(appDb, id);

export const putPlanEntry = (entry: PlanEntry) => savePlanEntry(appDb, entry);

export async function removePlanEntry(id: string): Promise<void> {
  await appDb.planEntries.delete(id);
}

export const appendPlanEntries = (entries: Omit<PlanEntry, 'id' | 'order'>[]) => addPlanEntries(appDb, entries);
