/**
 * The mirror's bookkeeping, kept in Dexie beside the records (schema version 4). None of
 * these tables is tracked by the write path: they describe the records, they are not the
 * user's data, and a change to them is never sent anywhere.
 */
import type { TrackedTable } from '../write';

/** What the mirror knows of one record: the PouchDB revision Dexie's copy is, and the local revision that was. */
export interface SyncRecord {
  table: TrackedTable;
  id: string;
  /** The council database the record lives in (kept so a deletion still finds it). */
  councilId: string;
  /** The PouchDB / CouchDB revision the local copy was last synced from or pushed as (`3-ab12…`). */
  pouchRev: string;
  /** The write path's `rev` of the record at that moment: a larger `rev` means an edit not yet sent. */
  localRev: number;
}

/** One version of a record in conflict: its CouchDB revision and the record (null = deleted). */
export interface ConflictVersion {
  rev: string;
  record: Record<string, unknown> | null;
  /** Who wrote it (the writer's 作業者名 / CouchDB user) and when. */
  by: string;
  at: string;
}

/**
 * A record with more than one live version on the server (CouchDB's `_conflicts`). The
 * revision tree in PouchDB is the truth; this row mirrors it for the 競合 list and markers,
 * and disappears when a resolution (from any client) replicates.
 */
export interface SyncConflict {
  table: TrackedTable;
  id: string;
  councilId: string;
  /** CouchDB's deterministic winner (the same on every client and the server). */
  winner: string;
  /** The revision the local copy in Dexie is (the user's own version when it lost). */
  local: string;
  /** Every live version, winner first. */
  versions: ConflictVersion[];
  detectedAt: string;
}

/** Cursors: `outbox` = the last change-log seq sent; `inbox:<councilId>` = the local PouchDB seq applied. */
export interface SyncStateRecord {
  key: string;
  value: number | string;
}

/** The document stored in CouchDB for one record: id `table:id`. */
export interface MirrorDoc {
  _id: string;
  _rev?: string;
  table: TrackedTable;
  councilId: string;
  /** The record as Dexie holds it; absent on a tombstone. */
  record?: Record<string, unknown>;
  /** A user's deletion: a live tombstone, so that a deletion against an edit becomes a visible conflict. */
  deleted?: true;
  by: string;
  at: string;
}
