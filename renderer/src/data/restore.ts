/**
 * Getting data back: a backup's records restored into the database (everything, or one
 * council), a council package's records installed after the user chose per council, and
 * the database exported table by table in small slices (so a backup never freezes the
 * screen). Main reads and writes the files (shared/contract/datasafe.ts); this module
 * owns the records and writes them in ONE Dexie transaction: all or nothing.
 */
import { type Table } from 'dexie';
import { exportDatabasePieces } from './backupExport';
import { BackupStreamReader } from '../../../shared/backup-stream';
import { AppError } from '../../../shared/errors';
import {
  PACK_KINDS,
  PACK_TABLES,
  packKindOf,
  packTables,
  unpackRecords,
  type PackKind,
} from '../../../shared/record-packs';
import { recordFingerprint, recordsByCouncil, sharedKey, type TableRecords } from '../../../shared/package';
import { PACKS_SCHEMA_VERSION, type ShingikaiDB } from './database';
import {
  packRevisions,
  TRACKED_TABLES,
  asStored,
  type ChangeRecord,
  type RevisionRecord,
  type RevisionRow,
  type TrackedTable,
} from './write';

/** Rows read per slice of a backup; between slices the event loop gets to run (typing stays live). */
export const EXPORT_SLICE_ROWS = 500;
const BOOKKEEPING = new Set(['revisions', 'changes']);
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * The whole database as dexie-export-import JSON (the format backups hold), read table by
 * table and slice by slice, yielding to the event loop between slices.
 */
export async function exportDatabaseJson(db: ShingikaiDB, sliceRows = EXPORT_SLICE_ROWS): Promise<string> {
  return (await exportDatabaseParts(db, sliceRows)).join('');
}

/**
 * The same JSON as pieces, one per slice, whose concatenation is the backup (see
 * exportDatabasePieces), yielding to the event loop between slices of `sliceRows`.
 */
export function exportDatabaseParts(db: ShingikaiDB, sliceRows = EXPORT_SLICE_ROWS): Promise<string[]> {
  return exportDatabasePieces(db, { pace: () => yieldToUi().then(() => sliceRows) });
}

const idOf = (r: Record<string, unknown>) => String(r.id ?? '');

/** One council's records in every table that holds them (with its action plans, actions and progress). */
export function councilRecords(tables: TableRecords, councilId: string): TableRecords {
  const out: TableRecords = { ...(recordsByCouncil(tables).get(councilId) ?? { councils: [] }) };
  const plans = (tables.actionPlans ?? []).filter((p) => p.councilId === councilId);
  const planIds = new Set(plans.map(idOf));
  const actions = (tables.actions ?? []).filter((a) => planIds.has(String(a.planId)));
  const actionIds = new Set(actions.map(idOf));
  out.actionPlans = plans;
  out.actions = actions;
  out.progress = (tables.progress ?? []).filter((p) => actionIds.has(String(p.actionId)));
  return out;
}

/** Every record of the tracked tables (the user's data), as table records. */
export async function readTrackedTables(db: ShingikaiDB): Promise<TableRecords> {
  const out: TableRecords = {};
  for (const name of TRACKED_TABLES) out[name] = (await db.table(name).toArray()) as Record<string, unknown>[];
  return out;
}

export interface RestoreResult {
  /**
   * Written per table: the user's records (a full restore stores remarks and opinions in packs:
   * `remarks` counts the remarks, `remarkPacks` and `remarkPackDirectory` the rows that hold
   * them), the rows of the bookkeeping (revisions' are packs).
   */
  written: Record<string, number>;
}

/** The rows a restore put (a packed record is not a row of its own). */
export function rowsWritten(written: Record<string, number>): number {
  const packed = PACK_KINDS.reduce((n, k) => n + (written[k.packs] === undefined ? 0 : (written[k.table] ?? 0)), 0);
  return Object.values(written).reduce((a, b) => a + b, 0) - packed;
}

/** The user's records among what a restore wrote (not the bookkeeping: revisions, log, notes). */
export function userRecordsWritten(written: Record<string, number>): number {
  return TRACKED_TABLES.reduce((sum, table) => sum + (written[table] ?? 0), 0);
}

/**
 * Replaces the database's records with a backup's, in one transaction.
 * - everything: every table the backup holds (and this database knows) is emptied and
 *   refilled, the revisions included, the change log as far as it is still needed
 *   (compactChangeLog); the last-backup note is kept.
 * - one council: only that council's records are removed and written back (the write
 *   path stamps them as changes of this PC).
 */
export async function restoreRecords(
  db: ShingikaiDB,
  backup: TableRecords,
  options: { councilId?: string } = {},
): Promise<RestoreResult> {
  const written: Record<string, number> = {};
  const known = recordTables(db);
  if (options.councilId) {
    const councilId = options.councilId;
    const incoming = councilRecords(backup, councilId);
    if (!incoming.councils?.length) throw new Error('このバックアップにその審議会はありません。');
    const names = Object.keys(incoming).filter((n) => known.has(n));
    await db.transaction('rw', names, async () => {
      const local = councilRecords(await readTables(db, names), councilId);
      for (const name of names) {
        const table = db.table(name) as Table<Record<string, unknown>, string>;
        await table.bulkDelete((local[name] ?? []).map(idOf));
        await table.bulkPut(incoming[name] ?? []);
        written[name] = (incoming[name] ?? []).length;
      }
    });
    return { written };
  }
  const names = Object.keys(backup).filter((n) => known.has(n));
  // A backup without the bookkeeping (written before the change log) gets what the schema
  // upgrade gives existing records: revision 1, and a 'create' line in the log.
  const bookkeeping = [...BOOKKEEPING].every((b) => backup[b]) ? null : firstRevisions(backup);
  await db.transaction('rw', db.tables, async (tx) => {
    // The backup's records and their bookkeeping are written as they are, in bulk: stamping
    // each record again (and logging each cleared one) made a large restore take minutes.
    asStored(tx);
    const lastBackup = await db.meta.get('lastBackup');
    // Tables the backup's version did not have yet are emptied: the data is the backup's.
    for (const name of TRACKED_TABLES) if (!names.includes(name)) await db.table(name).clear();
    for (const name of PACK_TABLES) await db.table(name).clear();
    for (const name of names) {
      const rows =
        name === 'changes'
          ? compactChangeLog(backup.changes ?? [], backup.syncState)
          : name === 'revisions'
            ? packedRevisions(backup.revisions)
            : (backup[name] ?? []);
      // Emptied and refilled in one bulkAdd: reading the stored records to write only what
      // differs cost more than writing them all (bench: 133 s against 86 s for 241,599 records).
      await db.table(name).clear();
      written[name] = rows.length;
      const kind = packKindOf(name);
      // Stored packed (shared/record-packs.ts): a few rows for an owner's hundreds of records.
      for (const [table, stored] of kind ? packTables(kind, rows) : [[name, rows] as const]) {
        await db.table(table).bulkAdd(stored);
        if (table !== name) written[table] = stored.length;
      }
    }
    if (bookkeeping) {
      await db.revisions.clear();
      await db.changes.clear();
      await db.revisions.bulkAdd(packRevisions(bookkeeping.revisions));
      await db.changes.bulkAdd(bookkeeping.changes);
    }
    if (lastBackup) await db.meta.put(lastBackup);
  });
  return { written };
}

/**
 * The tables a backup's records go to: not the pack tables, which hold the record tables' records
 * (a backup's tables are records: parseBackup unpacks packs).
 */
const recordTables = (db: ShingikaiDB) => new Set(db.tables.map((t) => t.name).filter((n) => !PACK_TABLES.includes(n)));

/** Records per IndexedDB transaction of a restore into a new database (fewer, larger commits). */
export const RESTORE_TX_RECORDS = 50_000;
/** Transactions of a restore not committed yet at most, before the read waits for the writes. */
const MAX_PENDING_TRANSACTIONS = 4;

/**
 * A full restore into a NEW, empty database `target` (open, created by ShingikaiDB at the
 * latest schema): the backup's records and bookkeeping exactly as restoreRecords writes them.
 * See NewDatabaseRestore; here the backup is parsed already (its tables are records).
 */
export async function restoreIntoNewDatabase(
  target: ShingikaiDB,
  backup: TableRecords,
  lastBackup?: { key: string; value: unknown },
  txRecords = RESTORE_TX_RECORDS,
): Promise<RestoreResult> {
  const restore = new NewDatabaseRestore(target, { lastBackup, txRecords });
  for (const [name, rows] of Object.entries(backup)) restore.table(name, rows);
  return restore.finish();
}

/** What a restore of a file as it arrives wrote, and where its time went (ms from the file's response). */
export interface StreamedRestore extends RestoreResult {
  /** The file's last byte read. */
  fetchMs: number;
  /** The worker's thread scanning and parsing. */
  parseMs: number;
  /** The worker's thread packing and putting. */
  putMs: number;
  /** The last write committed. */
  totalMs: number;
  bytes: number;
}

/**
 * A full restore of a backup file as it arrives (`chunks`: its bytes), into the NEW database
 * `target` (not open yet): each table is written as soon as it is read (BackupStreamReader,
 * NewDatabaseRestore), so the file's transfer, its parse and the database's writes overlap.
 * A backup that a newer app wrote, or that is not one, is refused before anything is written; a
 * restore that fails (a file broken halfway, a write refused) deletes `target`. `progress` gets
 * the bytes read so far. Answers what was written and where the time went: the last byte read,
 * the worker's thread scanning and parsing, packing and putting (the puts' copies of the rows
 * are made then; the backend writes them meanwhile), the last write committed.
 */
export async function restoreFileIntoNewDatabase(
  target: ShingikaiDB,
  name: string,
  knownSchemaVersion: number,
  chunks: AsyncIterable<Uint8Array>,
  options: {
    /** The current database's note (it may still be being read: only the end needs it). */
    lastBackup?: MetaRow | Promise<MetaRow | undefined>;
    txRecords?: number;
    progress?: (bytes: number) => void;
  } = {},
): Promise<StreamedRestore> {
  const t0 = performance.now();
  try {
    await target.open();
    // Made when the head is checked (it says whether the file may hold packs).
    const writer: { restore: NewDatabaseRestore | null } = { restore: null };
    let putMs = 0;
    const reader = new BackupStreamReader(name, knownSchemaVersion, {
      head: (head) => {
        const { lastBackup, txRecords } = options;
        writer.restore = new NewDatabaseRestore(target, { lastBackup, txRecords, schemaVersion: head.schemaVersion });
      },
      table: (table, rows) => {
        const p0 = performance.now();
        writer.restore!.table(table, rows);
        putMs += performance.now() - p0;
      },
    });
    const decoder = new TextDecoder();
    let bytes = 0;
    for await (const chunk of chunks) {
      bytes += chunk.byteLength;
      reader.push(decoder.decode(chunk, { stream: true }));
      options.progress?.(bytes);
      await writer.restore?.drain();
    }
    const fetchMs = performance.now() - t0;
    reader.push(decoder.decode());
    reader.end();
    const { written } = await writer.restore!.finish();
    // The reader's time includes the tables' packing and puts (made as each table ends).
    const parseMs = reader.parseMs - putMs;
    return { written, fetchMs, parseMs, putMs, totalMs: performance.now() - t0, bytes };
  } catch (error) {
    target.close();
    await target.delete().catch(() => undefined);
    throw error;
  } finally {
    target.close();
  }
}

type Row = Record<string, unknown>;
type MetaRow = { key: string; value: unknown };
type Transaction = ReturnType<ReturnType<ShingikaiDB['backendDB']>['transaction']>;

/**
 * A full restore into a NEW, empty database, table by table as a backup is read
 * (shared/backup-stream.ts): each table's rows are put with raw IndexedDB puts as soon as the
 * table is handed over — no write-path middleware per record (nothing watches the new database
 * yet; it becomes the app's only when complete, database.ts) — and IndexedDB's backend (another
 * process) writes them while the next table is read. Written as restoreRecords writes: the
 * change log compacted (once the sync state is known: at the end), revision 1 and a 'create'
 * line for a backup without the bookkeeping, remarks and opinions packed (a backup's packs
 * unpacked first, its rows winning), and `lastBackup` (the current database's note) kept.
 * Nothing is awaited until `finish`; a failed write stops the next `table`.
 */
export class NewDatabaseRestore {
  private readonly written: Record<string, number> = {};
  private readonly known: Set<string>;
  private readonly idb: ReturnType<ShingikaiDB['backendDB']>;
  private readonly lastBackup: MetaRow | Promise<MetaRow | undefined> | undefined;
  /** The backup's `meta` rows: written at the end, with the current last-backup note. */
  private meta: Row[] | null = null;
  private readonly txRecords: number;
  /** The backup's database version has pack tables: a kind's records wait for its packs. */
  private readonly packsExpected: boolean;
  /** The user's records (for revision 1 of a backup without the bookkeeping). */
  private readonly tracked: TableRecords = {};
  /** Per kind: its packs' rows read before its records, or its records read before its packs. */
  private readonly packsRead = new Map<PackKind, Row[]>();
  private readonly recordsRead = new Map<PackKind, Row[]>();
  private changes: Row[] | null = null;
  private syncState: Row[] | undefined;
  private revisionsRead = false;
  private readonly commits: Promise<void>[] = [];
  /** The transactions not committed yet, oldest first. */
  private readonly pending: Promise<void>[] = [];
  private readonly kindsWritten = new Set<PackKind>();
  private failure: unknown = null;

  constructor(
    target: ShingikaiDB,
    options: {
      lastBackup?: MetaRow | Promise<MetaRow | undefined>;
      txRecords?: number;
      schemaVersion?: number;
    } = {},
  ) {
    this.known = recordTables(target);
    this.idb = target.backendDB();
    this.lastBackup = options.lastBackup;
    this.txRecords = options.txRecords ?? RESTORE_TX_RECORDS;
    this.packsExpected = (options.schemaVersion ?? 0) >= PACKS_SCHEMA_VERSION;
  }

  /** A table of the backup, complete (any order; a table the database does not know is skipped). */
  table(name: string, rows: Row[]): void {
    if (this.failure) throw this.failure;
    const kind = PACK_KINDS.find((k) => k.table === name || k.packs === name);
    if (kind) {
      // Only a malformed file (packs in a database version without them, after its records) gets here twice.
      if (this.kindsWritten.has(kind))
        throw new AppError('INVALID_FILE', 'バックアップの記録のまとまりの形式が正しくありません。');
      const other = (name === kind.packs ? this.recordsRead : this.packsRead).get(kind);
      if (other) {
        const [own, packs] = name === kind.packs ? [other, rows] : [rows, other];
        this.writeKind(kind, unpackRecords(own, packs));
        this.recordsRead.delete(kind);
        this.packsRead.delete(kind);
      } else if (name === kind.packs) this.packsRead.set(kind, rows);
      else if (this.packsExpected) this.recordsRead.set(kind, rows);
      else this.writeKind(kind, rows);
      return;
    }
    if (PACK_TABLES.includes(name) || !this.known.has(name)) return; // a directory is made anew
    if ((TRACKED_TABLES as readonly string[]).includes(name)) this.track(name, rows);
    if (name === 'changes') {
      this.changes = rows; // compacted at the end, once the sync state is known
      return;
    }
    if (name === 'syncState') this.syncState = rows;
    if (name === 'revisions') {
      this.revisionsRead = true;
      return this.put(name, packedRevisions(rows));
    }
    if (name === 'meta') {
      this.meta = rows; // a few rows, written at the end with the current last-backup note
      return;
    }
    this.put(name, rows);
  }

  /** The backup has ended: what waited is written, and every write committed. */
  async finish(): Promise<RestoreResult> {
    if (this.failure) throw this.failure;
    for (const [kind, rows] of this.recordsRead) this.writeKind(kind, rows);
    for (const [kind, packs] of this.packsRead) this.writeKind(kind, unpackRecords([], packs));
    if (this.revisionsRead && this.changes) this.put('changes', compactChangeLog(this.changes, this.syncState));
    else {
      // A backup without the bookkeeping (written before the change log): what the schema upgrade
      // gives existing records (revision 1, a 'create' line), instead of any part of it the backup had.
      const first = firstRevisions(this.tracked);
      const had = { revisions: this.revisionsRead, changes: !!this.changes };
      if (had.revisions) this.clear('revisions');
      this.put('revisions', packRevisions(first.revisions) as unknown as Row[]);
      this.put('changes', first.changes as unknown as Row[]);
      if (!had.revisions) delete this.written.revisions;
      if (!had.changes) delete this.written.changes;
    }
    const last = await this.lastBackup;
    if (this.meta) this.put('meta', last ? [...this.meta.filter((r) => r.key !== 'lastBackup'), last] : this.meta);
    else if (last) {
      this.put('meta', [last]);
      delete this.written.meta;
    }
    await Promise.all(this.commits);
    return { written: this.written };
  }

  /** A kind's records, packed (shared/record-packs.ts): a few rows for an owner's hundreds of records. */
  private writeKind(kind: PackKind, records: Row[]): void {
    this.kindsWritten.add(kind);
    this.track(kind.table, records);
    for (const [table, rows] of packTables(kind, records)) this.put(table, rows);
    this.written[kind.table] = records.length;
  }

  /** What revision 1 needs of a record (the rows themselves are let go once put). */
  private track(name: string, rows: readonly Row[]): void {
    this.tracked[name] = rows.map((r) => ({ id: r.id, updatedAt: r.updatedAt }));
  }

  /**
   * Waits while more than `transactions` of the puts are not committed yet: the rows' copies wait
   * in IndexedDB's backend, so a read faster than the writes would pile up the whole backup there.
   */
  async drain(transactions = MAX_PENDING_TRANSACTIONS): Promise<void> {
    while (this.pending.length > transactions) await this.pending[0];
  }

  /** The transactions not committed yet. */
  get uncommitted(): number {
    return this.pending.length;
  }

  private transaction(name: string, fill: (store: ReturnType<Transaction['objectStore']>) => void): void {
    const tx = this.idb.transaction(name, 'readwrite');
    // A failed request aborts its transaction: reported once, by onabort, with its error.
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('復元の書き込みが中断されました'));
    });
    done
      .catch((error: unknown) => void (this.failure ??= error))
      .finally(() => this.pending.splice(this.pending.indexOf(done), 1));
    this.commits.push(done);
    this.pending.push(done);
    fill(tx.objectStore(name));
  }

  /** Puts `rows` into `name` (a transaction per txRecords rows; not awaited). */
  private put(name: string, rows: readonly unknown[]): void {
    this.written[name] = rows.length;
    for (let i = 0; i < rows.length; i += this.txRecords) {
      const end = Math.min(rows.length, i + this.txRecords);
      this.transaction(name, (store) => {
        for (let j = i; j < end; j++) store.put(rows[j]);
      });
    }
  }

  private clear(name: string): void {
    this.transaction(name, (store) => store.clear());
  }
}

/** A backup's revisions (one row per record, or packs) as the packs a restore writes (write.ts). */
function packedRevisions(rows: readonly unknown[] | undefined): Record<string, unknown>[] {
  return packRevisions((rows ?? []) as RevisionRow[]) as unknown as Record<string, unknown>[];
}

/**
 * The part of a backup's change log a restored database still needs. The log is read after a
 * known `seq`: by team sync's outbox (the `outbox` cursor in syncState: lines after it are
 * not sent yet) and by the search index (which is rebuilt after a restore). Lines at or
 * before the cursor were consumed; only the newest of them is kept, so the log's last `seq`
 * (and the auto-increment after it) stays what it was and the cursor stays coherent. A
 * log line per record of years of writes was a third of a restore's records.
 */
export function compactChangeLog(
  lines: Record<string, unknown>[],
  syncState: Record<string, unknown>[] | undefined,
): Record<string, unknown>[] {
  if (lines.length <= 1) return lines;
  const outbox = Number(syncState?.find((r) => r.key === 'outbox')?.value);
  const cursor = Number.isFinite(outbox) ? outbox : Infinity;
  const seqOf = (l: Record<string, unknown>) => Number(l.seq);
  let last = lines[0]!;
  for (const l of lines) if (seqOf(l) > seqOf(last)) last = l;
  const kept = lines.filter((l) => l !== last && seqOf(l) > cursor);
  kept.push(last);
  return kept;
}

/** Revision 1 and a 'create' log line for every tracked record of a backup. */
function firstRevisions(backup: TableRecords): { revisions: RevisionRecord[]; changes: ChangeRecord[] } {
  const revisions: RevisionRecord[] = [];
  const changes: ChangeRecord[] = [];
  const at = new Date().toISOString();
  for (const table of TRACKED_TABLES as readonly TrackedTable[]) {
    for (const r of backup[table] ?? []) {
      const id = idOf(r);
      revisions.push({
        table,
        id,
        rev: 1,
        updatedBy: '',
        updatedAt: typeof r.updatedAt === 'string' ? r.updatedAt : at,
      });
      changes.push({ table, id, rev: 1, op: 'create', at });
    }
  }
  return { revisions, changes };
}

async function readTables(db: ShingikaiDB, names: string[]): Promise<TableRecords> {
  const out: TableRecords = {};
  for (const name of names) out[name] = (await db.table(name).toArray()) as Record<string, unknown>[];
  return out;
}

/**
 * Writes the chosen councils of a package in one transaction: per council, the records
 * that are new, newer, or (when `overwriteConflicts`) in conflict. Older records and
 * records only this PC has are left as they are.
 */
export async function installPackageRecords(
  db: ShingikaiDB,
  incoming: TableRecords,
  choices: { councilId: string; overwriteConflicts: boolean }[],
  classify: (
    local: TableRecords,
    incoming: TableRecords,
    bases: Record<string, number>,
    shared: Record<string, string>,
  ) => { councilId: string; records: { table: string; id: string; action: string }[] }[],
): Promise<number> {
  const known = recordTables(db);
  let count = 0;
  await db.transaction('rw', db.tables, async () => {
    const local = await readTrackedTables(db);
    const shared = await readSharedFingerprints(
      db,
      choices.map((c) => c.councilId),
    );
    for (const choice of choices) {
      const theirs = councilRecords(incoming, choice.councilId);
      const mine = councilRecords(local, choice.councilId);
      const preview = classify(mine, theirs, {}, shared).find((p) => p.councilId === choice.councilId);
      const take = new Set(
        (preview?.records ?? [])
          .filter(
            (r) =>
              r.action === 'new' || r.action === 'update' || (choice.overwriteConflicts && r.action === 'conflict'),
          )
          .map((r) => `${r.table}/${r.id}`),
      );
      // Action tables are not in the shared preview: new or different records are taken.
      for (const name of ['actionPlans', 'actions', 'progress']) {
        const here = new Map((mine[name] ?? []).map((r) => [idOf(r), JSON.stringify(r)]));
        for (const r of theirs[name] ?? []) if (here.get(idOf(r)) !== JSON.stringify(r)) take.add(`${name}/${idOf(r)}`);
      }
      for (const [name, rows] of Object.entries(theirs)) {
        if (!known.has(name)) continue;
        const chosen = rows.filter((r) => take.has(`${name}/${idOf(r)}`));
        if (chosen.length) await db.table(name).bulkPut(chosen);
        count += chosen.length;
      }
      // Both PCs have now seen the package's content: the base of the next import.
      await rememberShared(db, choice.councilId, theirs);
    }
  });
  return count;
}

const SHARED_KEY_PREFIX = 'sharedFingerprints:';

/** The fingerprints of what this PC last exported or imported of these councils (`table/id` → fingerprint). */
export async function readSharedFingerprints(db: ShingikaiDB, councilIds: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const id of councilIds) Object.assign(out, (await db.meta.get(SHARED_KEY_PREFIX + id))?.value ?? {});
  return out;
}

/** Records that this PC and another now share (exported, or imported): kept as the base of the next import. */
export async function rememberShared(db: ShingikaiDB, councilId: string, tables: TableRecords): Promise<void> {
  const key = SHARED_KEY_PREFIX + councilId;
  const fingerprints = { ...((await db.meta.get(key))?.value as Record<string, string> | undefined) };
  for (const [table, rows] of Object.entries(tables))
    for (const r of rows) fingerprints[sharedKey(table, idOf(r))] = recordFingerprint(r);
  await db.meta.put({ key, value: fingerprints });
}
