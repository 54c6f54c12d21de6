/**
 * The files of shared councils (materials' PDFs, Word templates) on the team's server. Each
 * council has a files database beside its records (`shingikai-<id>-files`, filesDbName): one
 * document `file:<storedName>` per stored file, the bytes as its CouchDB attachment `file`.
 * It replicates with PouchDB's own `sync()` on its own (small steps), so a large PDF never
 * holds up the records. Between that local PouchDB and the data folder in main (`FileStore`):
 *
 * - **Upload**: a stored name that the council's records name (meetings' materials, the
 *   council's templates) and that is in the data folder but not in the files database is put
 *   there.
 * - **Download**: a file in the files database that is not in the data folder is written
 *   there (before its record arrives too: the two databases replicate independently).
 * - **Deletion**: a name the records named at the last look and no longer name (a material
 *   removed, a meeting deleted, on this PC or arriving from another) is deleted from the files
 *   database, and the deletion travels. The copy in each PC's data folder stays until that
 *   PC's start-up sweep (after a backup, data/attachmentSweep.ts), like a file removed there
 *   by hand, so 元に戻す still finds it. The deletion remembers the
 *   record and its revision generation that dropped the name, so a PC whose copy of that record
 *   is older (the file deletion arrived before the record's change) waits instead of sending the
 *   file back; a newer reference (an undo, a conflict resolved the other way) sends it again.
 *
 * Framework-free like the record mirror: the PouchDB databases and the file store are handed in.
 */
import { filesDbName } from '../../../../shared/contract/team';
import { STORED_NAME } from '../../../../shared/stored-name';
import { referencedStoredNames } from '../../../../shared/package';
import { revisionOf, type ShingikaiDB } from '../database';
import { OPERATOR_NAME_KEY, type TrackedTable } from '../write';
import { revGeneration } from './docs';
import { SerialJobs } from './jobs';
import { replicationTarget, type PouchDatabase, type PouchDoc, type PouchEmitter } from './pouch';

/** The data folder's attachments, as the files mirror needs them (main through IPC in the app). */
export interface FileStore {
  /** The stored file's size; null when it is not there. */
  size(storedName: string): Promise<number | null>;
  read(storedName: string): Promise<Uint8Array>;
  write(storedName: string, bytes: Uint8Array): Promise<void>;
}

export interface FileMirrorOptions {
  db: ShingikaiDB;
  councils: string[];
  store: FileStore;
  openLocal(dbName: string): PouchDatabase;
  openRemote(dbName: string): PouchDatabase | string;
  retryMaxMs?: number;
  pollMs?: number;
  debounceMs?: number;
  /** Files moved per replication step (small: a step holds its files in memory). */
  replicationBatchSize?: number;
  onError?(error: unknown): void;
  /** Files waiting to be sent or fetched changed (after each look). */
  onStatus?(status: FileMirrorStatus): void;
}

export interface FileMirrorStatus {
  /** Named by the records but not in the data folder yet (on their way from the server). */
  missing: number;
  /** The last problem with a file, in Japanese. */
  error: string | null;
}

/** The document of one stored file (a deletion keeps `removedWith`). */
interface FileDoc extends PouchDoc {
  councilId: string;
  size?: number;
  by?: string;
  at?: string;
  removedWith?: { key: string; gen: number };
}

const FILE_PREFIX = 'file:';
const fileId = (storedName: string) => `${FILE_PREFIX}${storedName}`;

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
};
const mimeOf = (name: string) => MIME[/\.[a-z0-9]+$/.exec(name)?.[0] ?? ''] ?? 'application/octet-stream';

/** Bytes as PouchDB takes an attachment: a Buffer under Node (pouchdb-node), a Blob in the browser. */
function attachmentData(bytes: Uint8Array, type: string): unknown {
  const B = (globalThis as { Buffer?: { from(b: Uint8Array): unknown } }).Buffer;
  return B ? B.from(bytes) : new Blob([bytes.slice().buffer as ArrayBuffer], { type });
}

async function bytesOf(data: unknown): Promise<Uint8Array> {
  if (data instanceof Uint8Array) return data;
  if (data && typeof (data as Blob).arrayBuffer === 'function')
    return new Uint8Array(await (data as Blob).arrayBuffer());
  throw new Error('添付ファイルの内容を読めませんでした。');
}

export class FileMirror {
  private readonly councils: string[];
  private readonly locals = new Map<string, PouchDatabase>();
  private readonly syncs = new Map<string, PouchEmitter>();
  private readonly jobs: SerialJobs;
  private status: FileMirrorStatus = { missing: 0, error: null };

  constructor(private readonly options: FileMirrorOptions) {
    this.councils = [...new Set(options.councils)];
    this.jobs = new SerialJobs({
      work: () => this.reconcileAll(),
      report: (e) => this.report(e),
      debounceMs: options.debounceMs ?? 300,
    });
  }

  local(councilId: string): PouchDatabase {
    let db = this.locals.get(councilId);
    if (!db) {
      db = this.options.openLocal(filesDbName(councilId));
      this.locals.set(councilId, db);
    }
    return db;
  }

  getStatus(): FileMirrorStatus {
    return { ...this.status };
  }

  async start(): Promise<void> {
    this.jobs.start(
      this.options.db,
      this.councils.map((c) => this.local(c)),
      this.options.pollMs ?? 5000,
    );
    this.connect();
  }

  connect(): void {
    if (!this.jobs.running) return;
    const maxWait = this.options.retryMaxMs ?? 30_000;
    for (const c of this.councils) {
      if (this.syncs.has(c)) continue;
      const handler = this.local(c).sync(replicationTarget(this.options.openRemote(filesDbName(c))), {
        live: true,
        retry: true,
        batch_size: this.options.replicationBatchSize ?? 5,
        back_off_function: (delay: number) => (delay === 0 ? 250 : Math.min(delay * 2, maxWait)),
      });
      handler.on('denied', (err) => {
        this.status.error = 'サーバーがファイルを受け付けませんでした（閲覧のみの権限の可能性があります）。';
        this.report(err);
      });
      handler.on('error', (err) => this.report(err));
      handler.catch((err) => this.report(err));
      this.syncs.set(c, handler);
    }
  }

  disconnect(): void {
    for (const h of this.syncs.values()) h.cancel();
    this.syncs.clear();
  }

  async stop(): Promise<void> {
    this.disconnect();
    await this.jobs.stop();
    for (const l of this.locals.values()) await l.close().catch((e: unknown) => this.report(e));
    this.locals.clear();
  }

  /** Looks at every shared council once (uploads, downloads, deletions) and waits for it. */
  flush(): Promise<void> {
    return this.run(() => this.reconcileAll());
  }

  // ------------------------------------------------------------------ internals

  private run(task: () => Promise<void>): Promise<void> {
    return this.jobs.run(task);
  }

  private report(error: unknown) {
    this.options.onError?.(error);
  }

  private async reconcileAll(): Promise<void> {
    let missing = 0;
    let error: string | null = null;
    for (const c of this.councils) {
      try {
        missing += await this.reconcile(c);
      } catch (e) {
        error = 'ファイルの同期で問題が起きました。しばらくして自動でやり直します。';
        this.report(e);
      }
    }
    if (missing !== this.status.missing || error !== this.status.error) {
      this.status = { missing, error: error ?? (this.status.error?.startsWith('サーバー') ? this.status.error : null) };
      this.options.onStatus?.(this.getStatus());
    }
  }

  /** The stored names the council's records name, each with the record that names it (`table:id`). */
  private async references(councilId: string): Promise<Map<string, string>> {
    const db = this.options.db;
    const out = new Map<string, string>();
    const add = (table: TrackedTable, record: { id: string } | undefined) => {
      if (!record) return;
      for (const name of referencedStoredNames(record, STORED_NAME)) out.set(name, `${table}:${record.id}`);
    };
    add('councils', await db.councils.get(councilId));
    await db.meetings
      .where('councilId')
      .equals(councilId)
      .each((m) => add('meetings', m));
    return out;
  }

  /**
   * The revision generation this PC has of a record as synced (0 = deleted before it was ever
   * synced, or never shared); null while a local edit of it is not sent yet.
   */
  private async syncedGeneration(key: string): Promise<number | null> {
    const colon = key.indexOf(':');
    const k: [string, string] = [key.slice(0, colon), key.slice(colon + 1)];
    const db = this.options.db;
    const [sr, rev] = await Promise.all([db.syncRecords.get(k), revisionOf(db, k[0] as TrackedTable, k[1])]);
    if (rev && (!sr || rev.rev > sr.localRev)) return null;
    return sr ? revGeneration(sr.pouchRev) : 0;
  }

  /** One council: returns the files its records name that are not in the data folder. */
  private async reconcile(councilId: string): Promise<number> {
    const { db, store } = this.options;
    const local = this.local(councilId);
    const refs = await this.references(councilId);
    const rows = (await local.allDocs({ startkey: FILE_PREFIX, endkey: `${FILE_PREFIX}\uffff` })).rows;
    const live = new Map(rows.filter((r) => r.value && !r.value.deleted).map((r) => [r.id, r.value!.rev]));
    const stateKey = `files:${councilId}`;
    const known = JSON.parse(String((await db.syncState.get(stateKey))?.value ?? '{}')) as Record<string, string>;
    const nextKnown: Record<string, string> = {};

    // Names dropped by the records since the last look: the deletion travels.
    for (const [name, key] of Object.entries(known)) {
      if (refs.has(name)) continue;
      const gen = await this.syncedGeneration(key);
      if (gen === null) {
        nextKnown[name] = key; // the change that dropped it is not sent yet: next time
        continue;
      }
      const rev = live.get(fileId(name));
      if (rev) {
        const tomb: FileDoc = { _id: fileId(name), _rev: rev, _deleted: true, councilId, removedWith: { key, gen } };
        await local.put(tomb);
        live.delete(fileId(name));
      }
    }

    let missing = 0;
    for (const [name, key] of refs) {
      nextKnown[name] = key;
      const id = fileId(name);
      const here = (await store.size(name)) !== null;
      if (live.has(id)) {
        if (!here && !(await this.download(local, name))) missing++;
        continue;
      }
      if (!here) {
        missing++;
        continue;
      }
      if (!(await this.mayResend(local, id, key))) continue;
      await this.upload(local, councilId, name);
    }
    // Files of records not here yet (the files database can be ahead of the records).
    for (const id of live.keys()) {
      const name = id.slice(FILE_PREFIX.length);
      if (!refs.has(name) && !(name in known) && (await store.size(name)) === null) await this.download(local, name);
    }
    await db.syncState.put({ key: stateKey, value: JSON.stringify(nextKnown) });
    return missing;
  }

  /**
   * A name the records here still name, whose file was deleted on the server: sent again only
   * when the record here is newer than the one that dropped it (else this PC's copy of the
   * record is the older one and its change is on the way).
   */
  private async mayResend(local: PouchDatabase, id: string, key: string): Promise<boolean> {
    const row = (await local.allDocs({ keys: [id] })).rows[0];
    if (!row?.value?.deleted) return true;
    const tomb = (await local.get(id, { rev: row.value.rev }).catch(() => null)) as FileDoc | null;
    const removed = tomb?.removedWith;
    if (!removed || removed.key !== key) return true;
    const gen = await this.syncedGeneration(key);
    return gen !== null && gen > removed.gen;
  }

  private async upload(local: PouchDatabase, councilId: string, name: string): Promise<void> {
    const bytes = await this.options.store.read(name);
    const by = await this.options.db.meta.get(OPERATOR_NAME_KEY);
    const row = (await local.allDocs({ keys: [fileId(name)] })).rows[0];
    const doc: FileDoc = {
      _id: fileId(name),
      ...(row?.value?.rev ? { _rev: row.value.rev } : {}),
      councilId,
      size: bytes.byteLength,
      by: typeof by?.value === 'string' ? by.value : '',
      at: new Date().toISOString(),
      _attachments: { file: { content_type: mimeOf(name), data: attachmentData(bytes, mimeOf(name)) } },
    };
    await local.put(doc);
  }

  /** Fetches a file into the data folder; false while its bytes have not arrived yet. */
  private async download(local: PouchDatabase, name: string): Promise<boolean> {
    if (!local.getAttachment) return false;
    const data = await local.getAttachment(fileId(name), 'file').catch(() => null);
    if (!data) return false;
    await this.options.store.write(name, await bytesOf(data));
    return true;
  }
}
