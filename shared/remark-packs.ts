/**
 * Remark packs: how a full restore stores remarks (schema version 7). IndexedDB's cost is per
 * row (a put of 10 bytes costs about what a put of 3 KB costs), and one row per remark was most
 * of a restore's rows: 100,000 of 122,000 for years of councils. A restore writes a meeting's
 * remarks as rows of up to REMARK_PACK_SIZE remarks each, in the meeting's order, in the table
 * `remarkPacks`; the renderer's data layer reads them as if they were rows of `remarks`
 * (renderer/src/data/remarkPacks.ts), and the first write to a packed remark unpacks its pack.
 * A remark's pack is found from its id through `remarkPackDirectory`: REMARK_PACK_BUCKETS rows,
 * each mapping the ids that hash to it to their packs (an index entry per remark cost as much
 * as half of the packs' own write). An entry may outlive its pack (unpacked since): a reader
 * checks that the pack holds the remark.
 *
 * A backup holds the tables as stored (packs included); parseBackup gives its readers the
 * remarks unpacked (remarksWithPacks), so a restore of one council, the CLI and the previews
 * see records only.
 */
import type { Remark } from './domain';

export const REMARK_PACK_TABLE = 'remarkPacks';
export const REMARK_PACK_DIRECTORY = 'remarkPackDirectory';
/** Remarks per pack at most: an unpack on write puts this many rows. */
export const REMARK_PACK_SIZE = 100;
/**
 * A pack's size at most, in characters of its remarks' JSON: Chromium stores a value of over 64 KB
 * (Japanese text takes two bytes a character) beside the database as a file of its own.
 */
export const REMARK_PACK_CHARS = 28_000;
/** Rows of the directory (part of the stored format: changing it needs a schema version). */
export const REMARK_PACK_BUCKETS = 256;

/** A row of the directory: remark id → its pack's key [meetingId, chunk]. */
export interface RemarkPackDirectoryRow {
  bucket: number;
  packs: Record<string, [string, number]>;
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

export const remarkPackBucket = (id: string): number => hashBucket(id, REMARK_PACK_BUCKETS);

export interface RemarkPack {
  meetingId: string;
  /** The pack's place among its meeting's packs (0, 1, …). */
  chunk: number;
  /** The remarks' ids and agenda items (multi-entry indexes: a remark's pack is found by its id). */
  ids: string[];
  agendaItemIds: string[];
  remarks: Remark[];
}

type Row = Record<string, unknown>;

/** The remarks as packs, per meeting in their order. */
export function packRemarks(remarks: readonly Row[]): RemarkPack[] {
  const byMeeting = new Map<string, Remark[]>();
  for (const r of remarks as unknown as Remark[]) {
    const list = byMeeting.get(r.meetingId);
    if (list) list.push(r);
    else byMeeting.set(r.meetingId, [r]);
  }
  const packs: RemarkPack[] = [];
  for (const [meetingId, list] of byMeeting) {
    list.sort((a, b) => a.order - b.order);
    let part: Remark[] = [];
    let chars = 0;
    let chunk = 0;
    const close = () => {
      const agendaItemIds = [
        ...new Set(part.flatMap((r) => (typeof r.agendaItemId === 'string' ? [r.agendaItemId] : []))),
      ];
      packs.push({ meetingId, chunk: chunk++, ids: part.map((r) => r.id), agendaItemIds, remarks: part });
      part = [];
      chars = 0;
    };
    for (const r of list) {
      const size = JSON.stringify(r).length;
      if (part.length && (part.length >= REMARK_PACK_SIZE || chars + size > REMARK_PACK_CHARS)) close();
      part.push(r);
      chars += size;
    }
    if (part.length) close();
  }
  return packs;
}

/** The directory of the packs: which pack holds each remark. */
export function packDirectory(packs: readonly RemarkPack[]): RemarkPackDirectoryRow[] {
  const rows = new Map<number, RemarkPackDirectoryRow>();
  for (const p of packs)
    for (const id of p.ids) {
      const bucket = remarkPackBucket(id);
      let row = rows.get(bucket);
      // No prototype: an id "__proto__" is an entry like any other.
      if (!row) rows.set(bucket, (row = { bucket, packs: Object.create(null) as RemarkPackDirectoryRow['packs'] }));
      row.packs[id] = [p.meetingId, p.chunk];
    }
  return [...rows.values()];
}

/** A row of `remarkPacks` as stored (a backup's rows are checked before they are trusted). */
export function isRemarkPack(row: unknown): row is RemarkPack {
  const p = row as Partial<RemarkPack> | null;
  return !!p && typeof p.meetingId === 'string' && Array.isArray(p.remarks) && Array.isArray(p.ids);
}

/** Every remark of the rows and the packs; a remark's own row wins over its entry in a pack. */
export function unpackRemarks(own: readonly Row[], packs: readonly unknown[]): Row[] {
  const ids = new Set(own.map((r) => r.id));
  const out = [...own];
  for (const pack of packs)
    if (isRemarkPack(pack))
      for (const r of pack.remarks as unknown as Row[])
        if (!ids.has(r.id)) {
          ids.add(r.id);
          out.push(r);
        }
  return out;
}

/** A backup's tables with its remark packs unpacked into `remarks` (the tables are not changed). */
export function remarksWithPacks<T extends Record<string, Row[]>>(tables: T): T {
  const packs = tables[REMARK_PACK_TABLE];
  if (!packs) return tables;
  const { [REMARK_PACK_TABLE]: _packs, [REMARK_PACK_DIRECTORY]: _directory, ...rest } = tables;
  return { ...rest, remarks: unpackRemarks(tables.remarks ?? [], packs) } as unknown as T;
}
