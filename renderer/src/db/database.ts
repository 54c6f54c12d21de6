/**
 * The local database (IndexedDB through Dexie). The renderer owns the records; main
 * never opens IndexedDB.
 *
 * Versions: every schema version ever shipped stays declared in SCHEMA_VERSIONS with
 * its upgrade, in order. To change the schema, append { version: n+1, stores, upgrade }
 * — never edit an earlier entry — and add its case to test/unit/db-migrations.test.ts
 * (open a database written by version n, upgrade, check every record).
 * `stores` lists only the primary key and the indexes (not every property).
 */
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
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
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
export const DEFAULT_DB_NAME = 'shingikai-desk';

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
  entryDrafts!: Table<EntryDraft, string>;
  meta!: Table<MetaRecord, string>;

  /** `upTo` declares only the first versions: tests use it to write a database as an older release did. */
  constructor(name = DEFAULT_DB_NAME, options: DexieOptions & { upTo?: number } = {}) {
    const { upTo, ...dexieOptions } = options;
    super(name, dexieOptions);
    for (const v of SCHEMA_VERSIONS) {
      if (upTo !== undefined && v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
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
] as const;

/**
 * One owner's records in stored order, through a compound index such as
 * '[councilId+order]' or '[meetingId+order]'.
 */
export function ordered<T>(table: Table<T, string>, index: `[${string}+${string}]`, ownerId: string) {
  return table.where(index).between([ownerId, Dexie.minKey], [ownerId, Dexie.maxKey]);
}
