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
import { hashBucket } from '../../../shared/record-packs';
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

/**
 * Revision packs. A full restore writes a table's revisions packed, not one row per record:
 * at most REVISION_PACK_BUCKETS rows per table, each holding the revisions of the records whose
 * id hashes to its bucket, keyed `[table, REVISION_PACK_PREFIX + bucket]` (the prefix cannot
 * begin a record's id: the write path refuses such ids). IndexedDB's cost is per row — a put
 * of 10 bytes costs about what a put of 3 KB costs — and one revision row per record was half
 * of a restore's rows. A record's own row, which every later write puts, wins over its entry
 * in a pack; packs are written only by a full restore. Read revisions with readRevisions.
 * The bucket count is part of the stored format: changing it needs a schema upgrade.
 */
export const REVISION_PACK_PREFIX = '\u0000pack:';
export const REVISION_PACK_BUCKETS = 256;

export interface RevisionPack {
  table: TrackedTable;
  /** REVISION_PACK_PREFIX and the bucket number. */
  id: string;
  /** Record id → its revision. */
  revisions: Record<string, Omit<RevisionRecord, 'table' | 'id'>>;
}
/** A row of the `revisions` table: one record's revision, or a pack of them. */
export type RevisionRow = RevisionRecord | RevisionPack;
type RevisionKey = [table: string, id: string];

/** A pack, not a record's own row (an older release may have stored an id that begins like a pack's). */
export const isRevisionPack = (row: RevisionRow): row is RevisionPack =>
  row.id.startsWith(REVISION_PACK_PREFIX) && typeof (row as Partial<RevisionPack>).revisions === 'object';

/** The key of the pack that holds (table, id)'s revision (the bucket: hashBucket of the id). */
export function revisionPackKey(table: string, id: string): RevisionKey {
  return [table, REVISION_PACK_PREFIX + hashBucket(id, REVISION_PACK_BUCKETS)];
}

/** The number of records' revisions a row of the `revisions` table holds (a backup's slices weigh rows by it). */
export const revisionsInRow = (row: RevisionRow): number =>
  isRevisionPack(row) ? Object.keys(row.revisions).length : 1;

/** Every revision the rows hold, packs unpacked; a record's own row wins over a pack's entry. */
export function unpackRevisions(rows: readonly RevisionRow[]): RevisionRecord[] {
  const byKey = new Map<string, RevisionRecord>();
  for (const row of rows)
    if (isRevisionPack(row))
      for (const [id, rev] of Object.entries(row.revisions)) {
        const key = `${row.table}\u0000${id}`;
        if (!byKey.has(key)) byKey.set(key, { table: row.table, id, ...rev });
      }
  for (const row of rows) if (!isRevisionPack(row)) byKey.set(`${row.table}\u0000${row.id}`, row);
  return [...byKey.values()];
}

/** The rows' revisions (packed or not) as packs: what a full restore writes. */
export function packRevisions(rows: readonly RevisionRow[]): RevisionPack[] {
  const packs = new Map<string, RevisionPack>();
  for (const { table, id, ...rev } of unpackRevisions(rows)) {
    const [, packId] = revisionPackKey(table, id);
    const key = `${table}\u0000${packId}`;
    let pack = packs.get(key);
    // No prototype: a record whose id is "__proto__" is an entry like any other.
    if (!pack)
      packs.set(key, (pack = { table, id: packId, revisions: Object.create(null) as RevisionPack['revisions'] }));
    pack.revisions[id] = rev;
  }
  return [...packs.values()];
}

/**
 * The revisions of `keys` ([table, id]), each from the record's own row or else from its pack;
 * `getMany` reads rows of the `revisions` table by key (Dexie's bulkGet, or DBCore's getMany
 * inside a write).
 */
export function readRevisions(
  getMany: (keys: RevisionKey[]) => Promise<readonly (RevisionRow | undefined)[]>,
  keys: readonly RevisionKey[],
): Promise<(RevisionRecord | undefined)[]> {
  // Promise chains, not an async function: written with async/await, a team write (which also
  // awaits its records' councils) reached Dexie's hooks below the write path without their
  // transaction (data-write-team.test.ts failed: PSD.trans undefined).
  return getMany([...keys]).then((own) => {
    const found = own.map((row) => (row && !isRevisionPack(row) ? row : undefined));
    const missing = keys.flatMap((_, i) => (found[i] ? [] : [i]));
    if (!missing.length) return found;
    const packKeys = new Map(missing.map((i) => revisionPackKey(...keys[i]!)).map((k) => [k.join('\u0000'), k]));
    return getMany([...packKeys.values()]).then((packs) => {
      const packOf = new Map([...packKeys.keys()].map((k, n) => [k, packs[n] as RevisionPack | undefined]));
      for (const i of missing) {
        const [table, id] = keys[i]!;
        const pack = packOf.get(revisionPackKey(table, id).join('\u0000'));
        if (pack && Object.hasOwn(pack.revisions, id))
          found[i] = { table: table as TrackedTable, id, ...pack.revisions[id]! };
      }
      return found;
    });
  });
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
 * Transactions that see the tables as stored. A full restore puts back a backup's records with
 * their own bookkeeping (revisions, change log) and its remarks and opinions packed: the write path passes
 * its writes through unstamped. A backup reads the tables as they are (remark packs are not
 * unpacked into their tables, recordPacks.ts). Keyed by the IndexedDB transaction the DBCore sees.
 */
const asStoredTransactions = new WeakSet<object>();

/** Marks the current Dexie transaction as reading and writing the tables as stored (see above). */
export function asStored(transaction: { idbtrans: object }): void {
  asStoredTransactions.add(transaction.idbtrans);
}

export const isAsStored = (trans: object): boolean => asStoredTransactions.has(trans);

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
              if (isAsStored(req.trans)) return table.mutate(req);
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
              if (keys.some((id) => typeof id === 'string' && id.startsWith(REVISION_PACK_PREFIX)))
                throw new Error(`記録のIDが不正です（${name}）。`);
              const before = await readRevisions(
                (k) => revisions.getMany({ trans, keys: k }),
                keys.map((id): RevisionKey => [name, id]),
              );
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
