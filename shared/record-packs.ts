/**
 * Record packs: how a full restore stores remarks and opinions (schema version 7). IndexedDB's
 * cost is per row (a put of 10 bytes costs about what a put of 3 KB costs), and one row per
 * remark or opinion was most of a restore's rows: 120,000 of 122,000 for years of councils. A
 * restore writes each owner's records (a meeting's remarks, a council's opinions) in their order
 * as rows of up to PACK_RECORDS records in the kind's pack table; the renderer's data layer reads
 * them as if they were rows of the record table (renderer/src/data/recordPacks.ts), and the
 * first write to a packed record unpacks its pack.
 *
 * A record's pack is found from its id through the kind's directory: PACK_BUCKETS rows, each
 * mapping the ids that hash to it to their packs (an index entry per record cost half as much
 * again as the packs' own write). An entry may outlive its pack (unpacked since): a reader
 * checks that the pack holds the record. The other indexes of the record table are lists on
 * the pack (multi-entry indexes: a remark's agenda item, an opinion's meeting and actions).
 *
 * A backup holds the tables as stored (packs included); parseBackup gives its readers the
 * records unpacked (recordsWithPacks), so a restore of one council, the CLI and the previews
 * see records only.
 */

export interface PackKind {
  /** The record table. */
  table: 'remarks' | 'opinions';
  /** The table of its packs, keyed [group+chunk+size] (a count reads the sizes from the keys alone). */
  packs: string;
  /** The table of the directory, keyed by bucket. */
  directory: string;
  /** The owner field: its compound index [group+order] gives the records' order. */
  group: 'meetingId' | 'councilId';
  /** Record field (an index of the record table) → the pack's list of its values (a multi-entry index). */
  lists: Record<string, string>;
}

export const PACK_KINDS: readonly PackKind[] = [
  {
    table: 'remarks',
    packs: 'remarkPacks',
    directory: 'remarkPackDirectory',
    group: 'meetingId',
    lists: { agendaItemId: 'agendaItemIds' },
  },
  {
    table: 'opinions',
    packs: 'opinionPacks',
    directory: 'opinionPackDirectory',
    group: 'councilId',
    lists: { meetingId: 'meetingIds', actionIds: 'actionIds' },
  },
];

/** The tables the packs take (stored only: readers see the record tables). */
export const PACK_TABLES: readonly string[] = PACK_KINDS.flatMap((k) => [k.packs, k.directory]);

export const packKindOf = (table: string): PackKind | undefined => PACK_KINDS.find((k) => k.table === table);

/** Records per pack at most: an unpack on write puts this many rows. */
export const PACK_RECORDS = 100;
/**
 * A pack's size at most, in characters of its records' JSON: Chromium stores a value of over
 * 64 KB (Japanese text takes two bytes a character) beside the database as a file of its own.
 */
export const PACK_CHARS = 28_000;
/** Rows of a directory (part of the stored format: changing it needs a schema version). */
export const PACK_BUCKETS = 256;

type Row = Record<string, unknown>;

export interface RecordPack {
  /** The owner (a meeting's id for remarks, a council's for opinions). */
  group: string;
  /** The pack's place among its owner's packs (0, 1, …). */
  chunk: number;
  /** Its records' number (part of the key: counting a table reads no pack). */
  size: number;
  ids: string[];
  records: Row[];
  /** The lists of the kind (agendaItemIds; meetingIds, actionIds). */
  [list: string]: unknown;
}

/** A row of a directory: record id → its pack's key [group, chunk, size]. */
export interface PackDirectoryRow {
  bucket: number;
  packs: Record<string, [string, number, number]>;
}

/**
 * The bucket of an id among `buckets`: the high bits of FNV-1a over its UTF-16 code units (the
 * low bits depend only on the low byte of each unit). Revision packs bucket ids the same way.
 */
export function hashBucket(id: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return Math.floor(((hash >>> 0) / 2 ** 32) * buckets);
}

export const packBucket = (id: string): number => hashBucket(id, PACK_BUCKETS);

/** The records of a kind as packs, per owner in their order. */
export function packRecords(kind: PackKind, records: readonly Row[]): RecordPack[] {
  const byGroup = new Map<string, Row[]>();
  for (const r of records) {
    const group = String(r[kind.group]);
    const list = byGroup.get(group);
    if (list) list.push(r);
    else byGroup.set(group, [r]);
  }
  const packs: RecordPack[] = [];
  for (const [group, list] of byGroup) {
    list.sort((a, b) => (a.order as number) - (b.order as number));
    let part: Row[] = [];
    let chars = 0;
    let chunk = 0;
    const close = () => {
      const ids = part.map((r) => r.id as string);
      const pack: RecordPack = { group, chunk: chunk++, size: ids.length, ids, records: part };
      for (const [field, list] of Object.entries(kind.lists))
        pack[list] = [...new Set(part.flatMap((r) => [r[field]].flat().filter((v) => typeof v === 'string')))];
      packs.push(pack);
      part = [];
      chars = 0;
    };
    for (const r of list) {
      const size = JSON.stringify(r).length;
      if (part.length && (part.length >= PACK_RECORDS || chars + size > PACK_CHARS)) close();
      part.push(r);
      chars += size;
    }
    if (part.length) close();
  }
  return packs;
}

/** The directory of the packs: which pack holds each record. */
export function packDirectory(packs: readonly RecordPack[]): PackDirectoryRow[] {
  const rows = new Map<number, PackDirectoryRow>();
  for (const p of packs)
    for (const id of p.ids) {
      const bucket = packBucket(id);
      let row = rows.get(bucket);
      // No prototype: an id "__proto__" is an entry like any other.
      if (!row) rows.set(bucket, (row = { bucket, packs: Object.create(null) as PackDirectoryRow['packs'] }));
      row.packs[id] = [p.group, p.chunk, p.size];
    }
  return [...rows.values()];
}

/** What a full restore stores for a kind's records: its pack table's rows and its directory's. */
export function packTables(kind: PackKind, records: readonly Row[]): [table: string, rows: Row[]][] {
  const packs = packRecords(kind, records);
  return [
    [kind.packs, packs as unknown as Row[]],
    [kind.directory, packDirectory(packs) as unknown as Row[]],
  ];
}

/** A row of a pack table as stored (a backup's rows are checked before they are trusted). */
export function isRecordPack(row: unknown): row is RecordPack {
  const p = row as Partial<RecordPack> | null;
  return !!p && typeof p.group === 'string' && Array.isArray(p.records) && Array.isArray(p.ids);
}

/** Every record of the rows and the packs; a record's own row wins over its entry in a pack. */
export function unpackRecords(own: readonly Row[], packs: readonly unknown[]): Row[] {
  const ids = new Set(own.map((r) => r.id));
  const out = [...own];
  for (const pack of packs)
    if (isRecordPack(pack))
      for (const r of pack.records)
        if (!ids.has(r.id)) {
          ids.add(r.id);
          out.push(r);
        }
  return out;
}

/** A backup's tables with their packs unpacked into the record tables (the tables are not changed). */
export function recordsWithPacks<T extends Record<string, Row[]>>(tables: T): T {
  if (!PACK_TABLES.some((t) => tables[t])) return tables;
  const out: Record<string, Row[]> = { ...tables };
  for (const kind of PACK_KINDS) {
    if (out[kind.packs]) out[kind.table] = unpackRecords(out[kind.table] ?? [], out[kind.packs]!);
    delete out[kind.packs];
    delete out[kind.directory];
  }
  return out as T;
}
