/** The 競合 list's records: the conflicts the mirror lists (syncConflicts) with a name for each, and the resolution. */
import { db } from '../../data/db';
import { useLiveQuery } from '../../data/live';
import type { SyncConflict } from '../../data/sync';
import { resolveConflict } from '../../data/sync/runtime';
import type { TrackedTable } from '../../data/write';

export type { SyncConflict, ConflictVersion } from '../../data/sync';

/** A conflict with the names a person recognises it by. */
export interface NamedConflict extends SyncConflict {
  council: string;
  /** What the record is: 「第3回 の会議録」, the start of a remark or opinion … */
  title: string;
}

const clip = (s: unknown, n = 40) => {
  const t = typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : '';
  return t.length > n ? `${t.slice(0, n)}…` : t;
};

async function titleOf(c: SyncConflict): Promise<string> {
  const rec = c.versions.find((v) => v.record)?.record ?? {};
  if (c.table === 'minutes') {
    const m = await db.meetings.get(c.id);
    return m ? `第${m.number}回会議の会議録` : '会議録';
  }
  if (c.table === 'meetings') return `第${String(rec.number ?? '')}回会議`;
  if (c.table === 'remarks') return clip(rec.text) || '発言記録';
  if (c.table === 'opinions') return clip(rec.summary) || '意見';
  return clip(rec.name) || clip(rec.title) || clip(rec.text) || c.id;
}

export async function namedConflicts(): Promise<NamedConflict[]> {
  const all = await db.syncConflicts.toArray();
  const councils = new Map(
    (await db.councils.bulkGet([...new Set(all.map((c) => c.councilId))])).map((c) => [c?.id, c]),
  );
  const out: NamedConflict[] = [];
  for (const c of all) out.push({ ...c, council: councils.get(c.councilId)?.name ?? '', title: await titleOf(c) });
  return out.sort((a, b) => a.detectedAt.localeCompare(b.detectedAt) || a.id.localeCompare(b.id));
}

export function useConflicts(): NamedConflict[] | undefined {
  return useLiveQuery(namedConflicts, []);
}

/** The conflict of one record, or null (undefined while loading). */
export function useConflict(table: TrackedTable, id: string | null | undefined): SyncConflict | null | undefined {
  return useLiveQuery(async () => (id ? ((await db.syncConflicts.get([table, id])) ?? null) : null), [table, id]);
}

/** The ids of a table's records in conflict (for markers on lists). */
export function useConflictIds(table: TrackedTable): ReadonlySet<string> {
  const ids = useLiveQuery(
    async () =>
      new Set(
        (await db.syncConflicts.where('[table+id]').between([table, ''], [table, '\uffff']).toArray()).map((c) => c.id),
      ),
    [table],
  );
  return ids ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();

export const resolve = (c: SyncConflict, record: Record<string, unknown> | null) =>
  resolveConflict(c.table, c.id, record);
