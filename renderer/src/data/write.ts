/**
 * The one write path. Every create, update and delete of a record — `add`, `put`,
 * `update`, `modify`, `delete`, bulk writes, `Collection.delete()` — reaches IndexedDB
 * through `stampWrites` below, installed in the ShingikaiDB constructor as a Dexie
 * DBCore middleware, so no caller can bypass it. In the same transaction it
 *
 * - stamps the record's revision in `revisions` (keyed [table+id]): `rev` 1 on create,
 *   previous + 1 on every later write (a delete too, and a re-create continues the count),
 *   `updatedBy` (the 作業者名 setting, '' when none) and `updatedAt`;
 * - appends `{ table, id, rev, op, at }` to the `changes` log (every read-write
 *   transaction includes both tables, so record, revision and log line are written
 *   together or not at all).
 *
 * The records themselves are stored exactly as the caller wrote them (their own
 * `updatedAt` stays the feature's business), so exports, undo and comparisons see the
 * user's data only. This is the seam for full-text indexing, undo, backups and team
 * sync: read `changes` after a known `seq`. The schema upgrade (a versionchange
 * transaction) is not logged: it writes `rev: 1` for every existing record itself.
 */
import { COUNCIL_TABLE_LINKS, LINKED_TABLES } from '../../../shared/package';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';

/** The tables whose records are the user's data (revisioned and logged). */
export const TRACKED_TABLES = [
  'councils',
  'members',
  'staff',
  'meetings',
  'remarks',
  'opinions',
  'drafts',
  'draftVersions',
  'matrixItems',
  'planEntries',
  'minutes',
  'actionPlans',
  'actions',
  'progress',
] as const;
export type TrackedTable = (typeof TRACKED_TABLES)[number];

export type ChangeOp = 'create' | 'update' | 'delete';

/** One line of the change log. `seq` is the log's own auto-increment key. */
export interface ChangeRecord {
  seq?: number;
  table: TrackedTable;
  id: string;
  rev: number;
  op: ChangeOp;
  at: string;
}

/** The bookkeeping of one record: its revision, who wrote it last and when. */
export interface RevisionRecord {
  table: TrackedTable;
  id: string;
  rev: number;
  updatedBy: string;
  updatedAt: string;
  deleted?: true;
}

/** What the write path needs from the database: who is working. */
export interface WriteContext {
  operatorName(): string;
  /**
   * Team use: the CouchDB user signed in and the councils shared (null in solo use). A record
   * of a shared council is stamped with the name that names the user (`teamName`); any other
   * record keeps the 作業者名.
   */
  teamUser?(): TeamUser | null;
}

/** The team's server user and the councils shared with the team (data/sync/session.ts). */
export interface TeamUser {
  user: string;
  councils: readonly string[];
}

/**
 * The name the team sees for a writer: the 作業者名 with the CouchDB user beside it
 * (`山田（yamada）`), the user alone when no 作業者名 is set, the 作業者名 alone in solo use.
 * `updatedBy` of a shared council's records and the minutes workflow history use it.
 */
export function teamName(who: string, access: { user: string | null }): string {
  if (!access.user || access.user === who) return who;
  return who ? `${who}（${access.user}）` : access.user;
}

/** The meta key of the 作業者名 setting (stamped as `updatedBy`). */
export const OPERATOR_NAME_KEY = 'operatorName';

const tracked = new Set<string>(TRACKED_TABLES);
const BOOKKEEPING = ['revisions', 'changes'];

/**
 * Transactions that write records together with their own bookkeeping (a full restore puts
 * back a backup's revisions and change log as they were): the write path passes their
 * writes through unstamped. Keyed by the IndexedDB transaction the DBCore sees.
 */
const verbatimTransactions = new WeakSet<object>();

/** Marks the current Dexie transaction as writing its bookkeeping itself (see above). */
export function writeVerbatim(transaction: { idbtrans: object }): void {
  verbatimTransactions.add(transaction.idbtrans);
}

export function stampWrites(context: WriteContext): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'WritePath',
    create(down: DBCore): DBCore {
      // A database opened at a version before the change log (tests of older releases) is written as it was.
      const active = BOOKKEEPING.every((b) => down.schema.tables.some((t) => t.name === b));
      return {
        ...down,
        // Every read-write transaction on the user's data also opens the bookkeeping tables.
        transaction(stores, mode, options) {
          const writes = active && mode === 'readwrite' && stores.some((s) => tracked.has(s));
          // Team use: the tables that tell a record's council (remarks → meetings …) are read too.
          const team = writes && context.teamUser?.() ? stores.flatMap((s) => PARENT_TABLES[s] ?? []) : [];
          const extra = [...BOOKKEEPING, ...team].filter((b, i, all) => !stores.includes(b) && all.indexOf(b) === i);
          return down.transaction(writes ? [...stores, ...extra] : stores, mode, options);
        },
        table(name: string): DBCoreTable {
          const table = down.table(name);
          if (!active || !tracked.has(name)) return table;
          const revisions = down.table('revisions');
          const log = down.table('changes');
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              if ((req.trans as unknown as { mode?: string }).mode === 'versionchange') return table.mutate(req);
              if (verbatimTransactions.has(req.trans)) return table.mutate(req);
              if (req.type === 'deleteRange') {
                const found = await table.query({
                  trans: req.trans,
                  values: false,
                  query: { index: table.schema.primaryKey, range: req.range },
                });
                return this.mutate({ type: 'delete', trans: req.trans, keys: found.result as string[] });
              }
              const keys = (
                req.type === 'delete' ? req.keys : (req.keys ?? req.values.map(table.schema.primaryKey.extractKey!))
              ) as string[];
              const trans = req.trans;
              const before = (await revisions.getMany({ trans, keys: keys.map((id) => [name, id]) })) as (
                RevisionRecord | undefined
              )[];
              // A delete is logged only for records that exist.
              const existing = req.type === 'delete' ? await table.getMany({ trans, keys }) : null;
              const present = existing ? existing.map((r) => r !== undefined) : null;
              const operator = context.operatorName();
              const team = context.teamUser?.() ?? null;
              // Team use: who wrote a shared council's record names the CouchDB user (read before a delete).
              const shared = team
                ? await sharedRecords(
                    down,
                    trans,
                    name as TrackedTable,
                    keys,
                    existing ?? (req.type === 'delete' ? [] : req.values),
                    team.councils,
                  )
                : null;
              const teamLabel = team ? teamName(operator, team) : operator;
              const res = await table.mutate(req);
              const at = new Date().toISOString();
              const revs: RevisionRecord[] = [];
              const changes: ChangeRecord[] = [];
              keys.forEach((id, i) => {
                if (res.failures[i] || (present && !present[i])) return;
                const old = before[i];
                const rev = (old?.rev ?? 0) + 1;
                const op: ChangeOp = req.type === 'delete' ? 'delete' : old && !old.deleted ? 'update' : 'create';
                const table = name as TrackedTable;
                const updatedBy = shared?.[i] ? teamLabel : operator;
                revs.push({ table, id, rev, updatedBy, updatedAt: at, ...(op === 'delete' ? { deleted: true } : {}) });
                changes.push({ table, id, rev, op, at });
              });
              if (revs.length) {
                await revisions.mutate({ type: 'put', trans, values: revs });
                await log.mutate({ type: 'add', trans, values: changes });
              }
              return res;
            },
          };
        },
      };
    },
  };
}

/** How a record finds its council (council packages' links): the field it reads, and the table that field names (none: a council id). */
const councilLink = (t: TrackedTable): { field: string; parent?: TrackedTable } => {
  const field: string = COUNCIL_TABLE_LINKS[t];
  return field === 'self' ? { field: 'id' } : { field, parent: LINKED_TABLES[field as keyof typeof LINKED_TABLES] };
};

/** The tables a write to a table reads to find its records' council (progress → actions → actionPlans). */
const PARENT_TABLES: Record<string, string[]> = {};
for (const t of TRACKED_TABLES) {
  const chain: string[] = [];
  for (let p = councilLink(t).parent; p; p = councilLink(p).parent) chain.push(p);
  if (chain.length) PARENT_TABLES[t] = chain;
}

/**
 * Per written record: whether it belongs to one of the shared councils. A record whose
 * council cannot be told (its parent is gone, or not in the transaction) is not shared.
 */
async function sharedRecords(
  down: DBCore,
  trans: DBCoreMutateRequest['trans'],
  table: TrackedTable,
  keys: string[],
  values: readonly unknown[],
  councils: readonly string[],
): Promise<boolean[]> {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  let ids = keys.map(
    (id, i) =>
      str((values[i] as Record<string, unknown> | undefined)?.[councilLink(table).field]) ??
      (table === 'councils' ? id : undefined),
  );
  for (let t = councilLink(table).parent; t; t = councilLink(t).parent) {
    const parentKeys = [...new Set(ids.filter((id): id is string => !!id))];
    let parents: unknown[] = [];
    try {
      parents = parentKeys.length ? await down.table(t).getMany({ trans, keys: parentKeys }) : [];
    } catch {
      return keys.map(() => false); // the transaction was opened before team use started
    }
    const field = councilLink(t).field;
    const next = new Map(
      parentKeys.map((k, i) => [k, str((parents[i] as Record<string, unknown> | undefined)?.[field])]),
    );
    ids = ids.map((id) => (id ? next.get(id) : undefined));
  }
  return ids.map((id) => !!id && councils.includes(id));
}
