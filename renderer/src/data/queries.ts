/** Read models the screens share (one place per question, so screens stay thin). */
import { db } from './db';
import type { Council, Meeting } from '../../../shared/domain';
import { todayInTokyo } from '../../../shared/wareki';
import { ordered } from './database';

export interface CouncilSummary {
  council: Council;
  members: number;
  meetings: number;
  held: number;
  nextMeeting: Meeting | null;
  opinions: number;
}

export async function councilSummaries(): Promise<CouncilSummary[]> {
  const councils = await db.councils.orderBy('name').toArray();
  const today = todayInTokyo();
  return Promise.all(
    councils.map(async (council) => {
      const meetings = await db.meetings.where('councilId').equals(council.id).sortBy('number');
      const upcoming = meetings.filter((m) => m.status === '予定');
      return {
        council,
        members: await db.members.where('councilId').equals(council.id).count(),
        meetings: meetings.length,
        held: meetings.length - upcoming.length,
        nextMeeting: upcoming.find((m) => !m.date || m.date >= today) ?? upcoming[0] ?? null,
        opinions: await db.opinions.where('councilId').equals(council.id).count(),
      };
    }),
  );
}

export function sortedMembers(councilId: string) {
  return ordered(db.members, '[councilId+order]', councilId).toArray();
}
export function sortedStaff(councilId: string) {
  return ordered(db.staff, '[councilId+order]', councilId).toArray();
}
export function sortedMeetings(councilId: string) {
  return ordered(db.meetings, '[councilId+number]', councilId).toArray();
}
