/** The minutes screen's records: what it reads (live) and its one write. */
import { db } from '../../data/db';
import { sortedMembers, sortedStaff } from '../../data/queries';
import { useLiveQuery } from '../../data/live';
import type { Meeting, Minutes } from '../../../../shared/domain';
import { emptyMinutes } from '../../../../shared/minutes/workflow';

/** A meeting with its council, roster, remarks and minutes (null when the meeting or council is gone). */
export async function minutesRecords(meetingId: string) {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return null;
  const council = await db.councils.get(meeting.councilId);
  if (!council) return null;
  const [members, staff, remarks, minutes] = await Promise.all([
    sortedMembers(council.id),
    sortedStaff(council.id),
    db.remarks.where('meetingId').equals(meetingId).toArray(),
    db.minutes.get(meetingId),
  ]);
  return { meeting, council, members, staff, remarks, minutes: minutes ?? null };
}

/** Writes the minutes (and, with a status change, the meeting) in one transaction. */
export async function writeMinutes(
  meetingId: string,
  change: (m: Minutes) => Minutes,
  extra?: { meeting?: Meeting; clearNeedsCheck?: string[] },
): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction('rw', [db.minutes, db.meetings, db.remarks], async () => {
    const current = (await db.minutes.get(meetingId)) ?? emptyMinutes(meetingId, now);
    await db.minutes.put({ ...change(current), updatedAt: now });
    if (extra?.meeting) await db.meetings.put(extra.meeting);
    for (const id of extra?.clearNeedsCheck ?? []) await db.remarks.update(id, { needsCheck: false, updatedAt: now });
  });
}

/**
 * Links an answer (回答) to the question it answers (null: the question recorded right before
 * it), and notes the change in the minutes' history, in one transaction.
 */
export async function linkAnswer(
  meetingId: string,
  answerId: string,
  questionId: string | null,
  entry: Minutes['history'][number],
): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction('rw', [db.minutes, db.remarks], async () => {
    const answer = await db.remarks.get(answerId);
    if (!answer || answer.meetingId !== meetingId) return;
    await db.remarks.put({ ...answer, replyToId: questionId, updatedAt: now });
    const current = (await db.minutes.get(meetingId)) ?? emptyMinutes(meetingId, now);
    await db.minutes.put({ ...current, history: [...current.history, entry], updatedAt: now });
  });
}

/** The minutes screen's records, re-read when they change (undefined while loading). */
export function useMinutesRecords(meetingId: string) {
  return useLiveQuery(() => minutesRecords(meetingId), [meetingId]);
}
