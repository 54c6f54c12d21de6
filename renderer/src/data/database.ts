/**
 * The local database (IndexedDB through Dexie). The renderer owns the records; main
 * never opens IndexedDB.
 *
 * Versions: every schema version ever shipped stays declared in SCHEMA_VERSIONS with
 * its upgrade, in order. To change the schema, append { version: n+1, stores, upgrade }
 * — never edit an earlier entry — and add its case to test/unit/db-migrations.test.ts
 * (open a database written by version n, upgrade, check every record).
 * `stores` lists only the primary key and the indexes (not every property).
 *
 * Every write goes through the write path (./write.ts), installed here in the
 * constructor together with the database rules (./rules.ts): no import order matters.
 */
import Dexie, { cmp, type DexieOptions, type Table, type Transaction } from 'dexie';
import type {
  Council,
  Draft,
  DraftVersion,
  MatrixItem,
  Meeting,
  Member,
  Minutes,
  Opinion,
  PlanEntry,
  Remark,
  Staff,
} from '../../../shared/domain';
import type { Action, ActionPlan, ProgressEntry } from '../../../shared/actions/model';
import {
  OPERATOR_NAME_KEY,
  stampWrites,
  type ChangeRecord,
  readRevisions,
  type RevisionRecord,
  type RevisionRow,
  type TeamUser,
  type TrackedTable,
} from './write';
import { installRules } from './rules';
import { readRecordPacks } from './recordPacks';
import { PACK_TABLES, packKindOf, unpackRecords, type RecordPack } from '../../../shared/record-packs';
import { DEFAULT_DB_NAME } from './dbName';
import type { SyncConflict, SyncRecord, SyncStateRecord } from './sync/model';

/** The entry line of the live-notes screen, kept between keystrokes and restarts. */
export interface EntryDraft {
  meetingId: string;
  text: string;
  updatedAt: string;
  [extra: string]: unknown;
}
/** Small key/value records of the app itself (last backup, schema notes). */
export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/**
 * The tracked tables as version 2 knew them. Its upgrade stamps exactly these: tables added
 * later (and tracked since) do not exist yet when it runs, and start empty anyway.
 */
const TRACKED_AT_V2 = [
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
] as const satisfies readonly TrackedTable[];

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      councils: 'id, name, updatedAt',
      members: 'id, councilId, [councilId+order]',
      staff: 'id, councilId, [councilId+order]',
      meetings: 'id, councilId, [councilId+number], date, status',
      remarks: 'id, meetingId, [meetingId+order], agendaItemId, fieldId',
      opinions: 'id, councilId, [councilId+order], fieldId, meetingId, memberId, remarkId, source, status',
      drafts: 'id, councilId',
      draftVersions: 'id, draftId, [draftId+frozenAt]',
      matrixItems: 'id, councilId, [councilId+fieldId]',
      planEntries: 'id, councilId, [councilId+fiscalYear]',
      minutes: 'id, meetingId',
      entryDrafts: 'meetingId',
      meta: 'key',
    },
  },
  {
    // The write path: a change log, and a revision on every record (existing records start at 1).
    version: 2,
    stores: { revisions: '[table+id], table', changes: '++seq, [table+id], at' },
    upgrade: async (tx) => {
      for (const table of TRACKED_AT_V2) {
        const records = (await tx.table(table).toArray()) as { id: string; updatedAt?: string }[];
        await tx
          .table('revisions')
          .bulkAdd(records.map((r) => ({ table, id: r.id, rev: 1, updatedBy: '', updatedAt: r.updatedAt ?? '' })));
      }
    },
  },
  {
    // Action plans (アクションプラン) of a vision, their actions and yearly progress (進行管理);
    // opinions gain an index on the actions they are about (Opinion.actionIds). Nothing to move:
    // the new tables start empty and existing opinions simply have no actionIds yet.
    version: 3,
    stores: {
      actionPlans: 'id, councilId, draftId',
      actions: 'id, planId, [planId+order], *sectionIds, department',
      progress: 'id, actionId, fiscalYear, [actionId+fiscalYear]',
      opinions: 'id, councilId, [councilId+order], fieldId, meetingId, memberId, remarkId, source, status, *actionIds',
    },
  },
  {
    // Team sync (data/sync/): per record the CouchDB revision it was synced from, the conflicts
    // the server holds, and the mirror's cursors. Nothing to move: a database that never synced
    // has none, and the first sync of a council fills them.
    version: 4,
    stores: {
      syncRecords: '[table+id], councilId',
      syncConflicts: '[table+id], councilId',
      syncState: 'key',
    },
  },
  {
    // Fewer index entries per record: every index is one more backend write per put (most of a
    // full restore's time is the puts). Dropped: the indexes no query uses (opinions' remarkId,
    // source, status; revisions' table; the change log's [table+id] and at), those a compound
    // index answers (remarks' meetingId from [meetingId+order], opinions' councilId from
    // [councilId+order]: Dexie reads where('meetingId') through the compound's first part, and
    // both `order`s are required numbers), and those only rare actions used, which now read
    // the council's or meeting's records instead (remarks' and opinions' fieldId, opinions'
    // memberId). Nothing to move: IndexedDB deletes the indexes.
    version: 5,
    stores: {
      remarks: 'id, [meetingId+order], agendaItemId',
      opinions: 'id, [councilId+order], meetingId, *actionIds',
      revisions: '[table+id]',
      changes: '++seq',
    },
  },
  {
    // Revision packs (write.ts): the `revisions` table may hold, beside one row per record, rows
    // that each hold many records' revisions — a full restore writes them (half of its rows were
    // revisions). No store changes and nothing to move: existing rows stay valid, and the
    // version keeps an older release from reading packs it would not understand (a database
    // or a backup of version 6 is refused by it).
    version: 6,
    stores: {},
  },
  {
    // Record packs (shared/record-packs.ts, recordPacks.ts): a full restore writes a meeting's
    // remarks and a council's opinions as rows of up to 100 (a row per record was most of its
    // rows). Keyed by owner and place, indexed by the lists of the record table's other
    // indexes; a record's pack is found from its id through the directory's bucket. Nothing to
    // move: the tables start empty, and the version keeps an older release from a database or a
    // backup whose records it would not see.
    version: 7,
    stores: {
      remarkPacks: '[group+chunk+size], *agendaItemIds',
      remarkPackDirectory: 'bucket',
      opinionPacks: '[group+chunk+size], *meetingIds, *actionIds',
      opinionPackDirectory: 'bucket',
    },
  },
];

/** The first schema with record packs (a backup of an earlier one has none). */
export const PACKS_SCHEMA_VERSION = SCHEMA_VERSIONS.find((v) => PACK_TABLES.some((t) => t in v.stores))!.version;

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
export {
  currentDbName,
  DB_POINTER_KEY,
  DEFAULT_DB_NAME,
  newRestoredDbName,
  RESTORED_DB_PREFIX,
  workerName,
} from './dbName';

/**
 * A pointer to a database that is gone (deleted by hand, another profile's copy): Dexie would
 * create it empty. Its creation (populate) is noticed; the pointer is then dropped and the page
 * reloads on the default database.
 */
export function guardPointedDatabase(db: Dexie, onMissing: () => void): void {
  if (db.name === DEFAULT_DB_NAME) return;
  let created = false;
  db.on('populate', () => {
    created = true;
  });
  db.on('ready', () => {
    if (created) onMissing();
  });
}

export class ShingikaiDB extends Dexie {
  councils!: Table<Council, string>;
  members!: Table<Member, string>;
  staff!: Table<Staff, string>;
  meetings!: Table<Meeting, string>;
  remarks!: Table<Remark, string>;
  opinions!: Table<Opinion, string>;
  drafts!: Table<Draft, string>;
  draftVersions!: Table<DraftVersion, string>;
  matrixItems!: Table<MatrixItem, string>;
  planEntries!: Table<PlanEntry, string>;
  minutes!: Table<Minutes, string>;
  actionPlans!: Table<ActionPlan, string>;
  actions!: Table<Action, string>;
  progress!: Table<ProgressEntry, string>;
  entryDrafts!: Table<EntryDraft, string>;
  meta!: Table<MetaRecord, string>;
  /** One row per record or packs of them (write.ts): read through revisionOf / revisionsOf. */
  revisions!: Table<RevisionRow, [string, string]>;
  changes!: Table<ChangeRecord, number>;
  syncRecords!: Table<SyncRecord, [string, string]>;
  syncConflicts!: Table<SyncConflict, [string, string]>;
  syncState!: Table<SyncStateRecord, string>;
  /** The 作業者名 setting as last read or written (stamped as `updatedBy`). */
  private operator = '';
  /** Team use: the CouchDB user and the shared councils (data/db.ts follows the team session); null solo. */
  teamUser: TeamUser | null = null;

  /** `upTo` declares only the first versions: tests use it to write a database as an older release did. */
  constructor(name = DEFAULT_DB_NAME, options: DexieOptions & { upTo?: number } = {}) {
    const { upTo, ...dexieOptions } = options;
    super(name, dexieOptions);
    for (const v of SCHEMA_VERSIONS) {
      if (upTo !== undefined && v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    this.use(readRecordPacks());
    this.use(stampWrites({ operatorName: () => this.operator, teamUser: () => this.teamUser }));
    installRules(this);
    this.on('ready', async () => {
      const rec = await this.meta.get(OPERATOR_NAME_KEY);
      this.operator = typeof rec?.value === 'string' ? rec.value.trim() : '';
    });
    this.meta.hook('creating', (key, rec) => {
      if (key === OPERATOR_NAME_KEY) this.operator = typeof rec.value === 'string' ? rec.value.trim() : '';
    });
    this.meta.hook('updating', (mods, key, rec) => {
      if (key !== OPERATOR_NAME_KEY) return;
      const value = 'value' in mods ? (mods as { value: unknown }).value : rec.value;
      this.operator = typeof value === 'string' ? value.trim() : '';
    });
  }
}

/** Every table that holds one council's records, for bundle export/delete. */
export const COUNCIL_TABLES = [
  'members',
  'staff',
  'meetings',
  'opinions',
  'drafts',
  'matrixItems',
  'planEntries',
  'actionPlans',
] as const;

/**
 * One owner's records in stored order, through a compound index such as
 * '[councilId+order]' or '[meetingId+order]'.
 */
export function ordered<T>(table: Table<T, string>, index: `[${string}+${string}]`, ownerId: string) {
  return table.where(index).between([ownerId, Dexie.minKey], [ownerId, Dexie.maxKey]);
}

/**
 * The remarks of several meetings, meeting by meeting in the order of their ids, each in its
 * order (what where('meetingId').anyOf(ids) gave). One range over all of them would span, and
 * read, the packs of every meeting whose id falls between (recordPacks.ts).
 */
export async function remarksOfMeetings(db: ShingikaiDB, meetingIds: readonly string[]): Promise<Remark[]> {
  const ids = [...new Set(meetingIds)].sort();
  return (await Promise.all(ids.map((id) => ordered(db.remarks, '[meetingId+order]', id).toArray()))).flat();
}

/** An IndexedDB getAll request, as far as liveOrderedList uses it. */
interface GetAllRequest {
  result: unknown;
  error: unknown;
  onsuccess: ((ev: never) => unknown) | null;
  onerror: ((ev: never) => unknown) | null;
}

/**
 * For a live query over thousands of records (a board of years): the same records as
 * `ordered(table, index, ownerId).toArray()`, woken by any write to the table. Dexie's live query
 * registers every primary key a query returns (about 80 ms for 20,000 opinions, on every open and
 * every re-run); here one range is registered (a count of the table, which reads no pack), and the
 * records are read with plain IndexedDB getAlls that Dexie does not watch: the owner's rows and,
 * after a full restore, its packs (recordPacks.ts; a pack changes only with a write to the table).
 * A write to another owner's records re-runs the query too: rare on one PC, and the answer is the same.
 */
export async function liveOrderedList<T>(
  table: Table<T, string>,
  index: `[${string}+${string}]`,
  ownerId: string,
): Promise<T[]> {
  await table.count();
  const keyRange = table.db._options.IDBKeyRange ?? Dexie.dependencies.IDBKeyRange;
  const idb = table.db.backendDB();
  const kind = packKindOf(table.name);
  const packed = kind && idb.objectStoreNames.contains(kind.packs) ? kind.packs : null;
  const tx = idb.transaction(packed ? [table.name, packed] : [table.name], 'readonly');
  const read = <R>(request: GetAllRequest): Promise<R[]> =>
    new Promise<R[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as R[]);
      request.onerror = () => reject(request.error);
    });
  const [own, packs] = await Promise.all([
    read<T>(
      tx
        .objectStore(table.name)
        .index(index)
        .getAll(keyRange.bound([ownerId, Dexie.minKey], [ownerId, Dexie.maxKey])),
    ),
    packed ? read<RecordPack>(tx.objectStore(packed).getAll(keyRange.bound([ownerId], [ownerId, []]))) : [],
  ]);
  if (!packs.length) return own;
  // In the index's order: its second part, then the id.
  const field = index.slice(1, -1).split('+')[1]!;
  const rows = unpackRecords(own as Record<string, unknown>[], packs);
  return rows.sort((a, b) => cmp(a[field], b[field]) || cmp(a.id, b.id)) as T[];
}

/** A record's revision (rev, updatedBy, updatedAt) as the write path stamped it. */
export async function revisionOf(
  db: ShingikaiDB,
  table: TrackedTable,
  id: string,
): Promise<RevisionRecord | undefined> {
  return (await revisionsOf(db, [[table, id]]))[0];
}

/** The revisions of several records ([table, id]), in the order asked (undefined: none). */
export function revisionsOf(
  db: ShingikaiDB,
  keys: readonly [string, string][],
): Promise<(RevisionRecord | undefined)[]> {
  return readRevisions((k) => db.revisions.bulkGet(k), keys);
}

/** The change log after `seq` (0 = from the start), in order. */
export function changesSince(db: ShingikaiDB, seq = 0): Promise<ChangeRecord[]> {
  return db.changes.where('seq').above(seq).toArray();
}
