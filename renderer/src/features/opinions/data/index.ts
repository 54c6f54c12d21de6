/**
 * Opinion records on the app's database: queries (plain functions and live hooks) and
 * writes. Other screens (live notes, minutes) call `promoteRemarksToOpinions(remarkIds)`
 * to turn remarks into opinions, or open <PromoteRemarksDialog>.
 */
import { useMemo } from 'react';
import { db } from '../../../data/db';
import { liveOrderedList } from '../../../data/database';
import { useLiveQuery } from '../../../data/live';
import { sortedMeetings, sortedMembers, sortedStaff } from '../../../data/queries';
import { opinionRecords } from './records';

export const {
  councilOpinions,
  getCouncil,
  meetingRemarks,
  councilDrafts,
  importTargets,
  councilMatrixItems,
  promoteRemarksToOpinions,
  promotedRemarkIds,
  putOpinions,
  addOpinion,
  deleteOpinion,
  councilActionPlans,
  setOpinionActions,
  importOpinionRows,
  importOpinionChanges,
  putMatrixItem,
  addMatrixItem,
  deleteMatrixItem,
  loadDocumentData,
  loadThemes,
  saveThemes,
  saveMatrixColumns,
  themeKey,
} = opinionRecords(db);

// ---------------------------------------------------------------- live queries for the screens

/** A live list that is [] until loaded; the same array between renders while nothing changes. */
function useLiveList<T>(query: () => Promise<T[]>, deps: unknown[]): T[] {
  const list = useLiveQuery(query, deps);
  return useMemo(() => list ?? [], [list]);
}

/**
 * The council's opinions in order (undefined while loading), re-read when any opinion changes.
 * A board of years holds 20,000: they are read past Dexie's per-record bookkeeping of live
 * queries and its cache (data/database.ts liveOrderedList).
 */
export function useCouncilOpinions(councilId: string) {
  return useLiveQuery(() => liveOrderedList(db.opinions, '[councilId+order]', councilId), [councilId]);
}
export function useCouncilMeetings(councilId: string) {
  return useLiveList(() => sortedMeetings(councilId), [councilId]);
}
export function useCouncilMembers(councilId: string) {
  return useLiveList(() => sortedMembers(councilId), [councilId]);
}
export function useCouncilStaff(councilId: string) {
  return useLiveList(() => sortedStaff(councilId), [councilId]);
}
export function useCouncil(councilId: string) {
  return useLiveQuery(() => getCouncil(councilId), [councilId]);
}
/** The council's action plans with their actions ([] while loading). */
export function useCouncilActionPlans(councilId: string | undefined) {
  return useLiveList(() => (councilId ? councilActionPlans(councilId) : Promise.resolve([])), [councilId]);
}
/** The council's drafts (undefined while loading). */
export function useCouncilDrafts(councilId: string | undefined) {
  return useLiveQuery(async () => (councilId ? councilDrafts(councilId) : []), [councilId]);
}
/** The council's 整理表 items (undefined while loading). */
export function useMatrixItems(councilId: string) {
  return useLiveQuery(() => councilMatrixItems(councilId), [councilId]);
}
/** The remarks of a meeting in order ([] without a meeting or while loading). */
export function useMeetingRemarks(meetingId: string) {
  return useLiveList(async () => (meetingId ? meetingRemarks(meetingId) : []), [meetingId]);
}
const NONE = new Set<string>();
/** Ids of the meeting's remarks that are already opinions. */
export function usePromotedRemarkIds(meetingId: string): Set<string> {
  return useLiveQuery(async () => (meetingId ? promotedRemarkIds(meetingId) : NONE), [meetingId]) ?? NONE;
}
