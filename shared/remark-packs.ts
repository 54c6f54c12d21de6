/**
 * Remark packs: how a full restore stores remarks (schema version 7). IndexedDB's cost is per
 * row (a put of 10 bytes costs about what a put of 3 KB costs), and one row per remark was most
 * of a restore's rows: 100,000 of 122,000 for years of councils. A restore writes a meeting's
 * remarks as rows of up to REMARK_PACK_SIZE remarks each, in the meeting's order, in the table
 * `remarkPacks`; the renderer's data layer reads them as if they were rows of `remarks`
 * (renderer/src/data/remarkPacks.ts), and the first write to a packed remark unpacks its pack.
 *
 * A backup holds the tables as stored (packs included); parseBackup gives its readers the
 * remarks unpacked (remarksWithPacks), so a restore of one council, the CLI and the previews
 * see records only.
 */
import type { Remark } from './domain';

export const REMARK_PACK_TABLE = 'remarkPacks';
/** Remarks per pack: a pack is one row of about 35 KB; an unpack on write puts this many rows. */
export const REMARK_PACK_SIZE = 100;

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
    for (let i = 0; i < list.length; i += REMARK_PACK_SIZE) {
      const part = list.slice(i, i + REMARK_PACK_SIZE);
      const agendaItemIds = [
        ...new Set(part.flatMap((r) => (typeof r.agendaItemId === 'string' ? [r.agendaItemId] : []))),
      ];
      packs.push({ meetingId, chunk: i / REMARK_PACK_SIZE, ids: part.map((r) => r.id), agendaItemIds, remarks: part });
    }
  }
  return packs;
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
  const { [REMARK_PACK_TABLE]: _packs, ...rest } = tables;
  return { ...rest, remarks: unpackRemarks(tables.remarks ?? [], packs) } as unknown as T;
}
