/** App-wide reads of the shell: the council list of the navigation and the council of a route. */
import { db } from './db';
import { useLiveQuery } from './live';

/** Every council, by name (the navigation lists the ones not archived); [] while loading. */
export function useCouncilList() {
  return useLiveQuery(() => db.councils.orderBy('name').toArray(), []) ?? [];
}

/** One council, re-read when it changes: undefined while loading, null when there is none. */
export function useCouncil(councilId: string) {
  return useLiveQuery(async () => (await db.councils.get(councilId)) ?? null, [councilId]);
}
