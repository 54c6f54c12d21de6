/**
 * The restore worker: reads a backup file's bytes once (fetched from the loopback server in
 * browser mode, or handed over by the page in Electron, moved not copied), checks and parses
 * them (shared/backup-format.ts, the same checks main makes), and:
 * - `restoreNew` (everything): reads the backup as it arrives and writes each table into a
 *   NEW database as soon as it is read (restore.ts restoreFileIntoNewDatabase): the file's
 *   transfer, its parse and the database's writes overlap. The page switches to the new
 *   database only when it is complete; a failed restore deletes it;
 * - `write` (one council): replaces that council's records in ONE transaction of the current
 *   database (its own Dexie instance; Dexie tells the page's live queries what changed);
 * - `backupOld`: after a switch, the 「復元の前」 backup written from the previous database
 *   (sent to main in parts as the backup worker does; in Electron through the page).
 * The page never holds the backup.
 */
import { db } from './db';
import { ShingikaiDB } from './database';
import { councilRecords, restoreFileIntoNewDatabase, restoreRecords, type StreamedRestore } from './restore';
import {
  BackupRefused,
  draining,
  exportBackupParts,
  fetchBackupSend,
  sendBackupInParts,
  callsThroughPage,
  type PageCall,
} from './backupUpload';
import { parseBackup, type BackupContents } from '../../../shared/backup-format';
import { referencedStoredNames } from '../../../shared/package';
import { STORED_NAME } from '../../../shared/stored-name';
import { AppError, isAppErrorShape, type AppErrorShape } from '../../../shared/errors';
import type { ResultOf } from '../../../shared/contract';

export type ToRestoreWorker =
  | {
      type: 'read';
      name: string;
      schemaVersion: number;
      councilId?: string;
      /** Browser mode: the server's api/ URL (the worker fetches the file). Electron: null, and `bytes`. */
      apiUrl: string | null;
      bytes: ArrayBuffer | null;
    }
  | { type: 'write'; councilId?: string }
  /**
   * Everything, read and written into the new database `target` as it arrives; the last-backup
   * note of `current` (the app's database) is kept. `apiUrl` / `bytes` as for `read`.
   */
  | {
      type: 'restoreNew';
      name: string;
      schemaVersion: number;
      target: string;
      current: string;
      apiUrl: string | null;
      bytes: ArrayBuffer | null;
    }
  /** The 「復元の前」 backup of database `old`. Browser mode: posted to `apiUrl`; Electron: null (via the page). */
  | { type: 'backupOld'; old: string; apiUrl: string | null }
  /** Electron: the bridge's answer (an envelope) to the worker's call `seq`. */
  | { type: 'answer'; seq: number; envelope: unknown };
export type FromRestoreWorker =
  | { type: 'read'; storedNames: string[] | null; fetchMs: number; parseMs: number; bytes: number }
  | { type: 'written'; written: Record<string, number>; writeMs: number }
  /** `restoreNew`: how far it is (bytes read of the file's). */
  | { type: 'progress'; read: number; total: number }
  /** `restoreNew`: done; `startedAt` (epoch ms): when the worker began (the page's click to it is its start). */
  | ({ type: 'restoredNew'; startedAt: number } & StreamedRestore)
  | { type: 'backedUp'; info: ResultOf<'backup:write:end'> }
  /** Electron: a channel call for the page to pass to the bridge. */
  | PageCall
  | { type: 'error'; error: AppErrorShape };

/** Rows per read of the 「復元の前」 backup (the worker's thread has nothing else to do). */
const SLICE_ROWS = 5000;

const post = (m: FromRestoreWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);
let contents: BackupContents | null = null;

/** Electron: calls go through the page. */
const page = callsThroughPage(post);

/** The backup file from main, as a response whose body is the file (errors are thrown in Japanese). */
async function fetchFile(apiUrl: string, name: string, schemaVersion: number): Promise<Response> {
  const response = await fetch(`${apiUrl}${encodeURIComponent('backup:read:file')}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ name, schemaVersion }),
  });
  if ((response.headers.get('content-type') ?? '').startsWith('application/octet-stream')) return response;
  const envelope = (await response.json().catch(() => null)) as { ok?: boolean; error?: unknown } | null;
  if (envelope && isAppErrorShape(envelope.error))
    throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details);
  throw new AppError('INTERNAL', `サービスから予期しない応答がありました（${response.status}）。`);
}

function takeContents(): BackupContents {
  if (!contents) throw new AppError('INTERNAL', 'バックアップがまだ読み込まれていません。');
  const taken = contents;
  contents = null;
  return taken;
}

/** Bytes handed over at once (Electron) are read in slices like a response's, so writes start early. */
const SLICE_BYTES = 4 << 20;

/** The file's bytes as they arrive, and their number (0: not known). */
async function openFile(
  m: Extract<ToRestoreWorker, { type: 'restoreNew' }>,
): Promise<{ total: number; chunks: AsyncGenerator<Uint8Array> }> {
  const bytes = m.bytes;
  if (bytes)
    return {
      total: bytes.byteLength,
      chunks: (async function* () {
        for (let at = 0; at < bytes.byteLength; at += SLICE_BYTES)
          yield new Uint8Array(bytes, at, Math.min(SLICE_BYTES, bytes.byteLength - at));
      })(),
    };
  const response = await fetchFile(m.apiUrl!, m.name, m.schemaVersion);
  const reader = response.body!.getReader();
  return {
    total: Number(response.headers.get('content-length')) || 0,
    chunks: (async function* () {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    })(),
  };
}

/**
 * The last-backup note of database `name`, read beside the restore (not before it: the database
 * may still be busy with reads the search worker began before it was stopped).
 */
async function lastBackupOf(name: string) {
  const current = new ShingikaiDB(name);
  try {
    return await current.meta.get('lastBackup');
  } finally {
    current.close();
  }
}

/** A full restore as the file arrives, into the new database `m.target` (restore.ts). */
async function restoreNew(m: Extract<ToRestoreWorker, { type: 'restoreNew' }>): Promise<FromRestoreWorker> {
  const startedAt = performance.timeOrigin + performance.now();
  const { total, chunks } = await openFile(m);
  let shown = 0;
  const result = await restoreFileIntoNewDatabase(new ShingikaiDB(m.target), m.name, m.schemaVersion, chunks, {
    lastBackup: lastBackupOf(m.current),
    progress: (read) => {
      if (read - shown < SLICE_BYTES) return;
      shown = read;
      post({ type: 'progress', read, total });
    },
  });
  return { type: 'restoredNew', ...result, startedAt };
}

self.onmessage = async (event: MessageEvent<ToRestoreWorker>) => {
  const m = event.data;
  if (m.type === 'answer') {
    page.answer(m.seq, m.envelope);
    return;
  }
  try {
    if (m.type === 'read') {
      const f0 = performance.now();
      const bytes = m.bytes ?? (await (await fetchFile(m.apiUrl!, m.name, m.schemaVersion)).arrayBuffer());
      const t0 = performance.now();
      contents = parseBackup(m.name, new TextDecoder().decode(bytes), m.schemaVersion);
      const storedNames = m.councilId
        ? [...referencedStoredNames(councilRecords(contents.tables, m.councilId), STORED_NAME)]
        : null;
      const fetchMs = t0 - f0;
      return post({ type: 'read', storedNames, fetchMs, parseMs: performance.now() - t0, bytes: bytes.byteLength });
    }
    if (m.type === 'restoreNew') return post(await restoreNew(m));
    if (m.type === 'backupOld') {
      const old = new ShingikaiDB(m.old);
      let parts: Uint8Array[];
      try {
        parts = await exportBackupParts(old, { pace: async () => SLICE_ROWS });
      } finally {
        old.close();
      }
      const send = m.apiUrl ? fetchBackupSend(m.apiUrl) : page.send;
      const { info } = await sendBackupInParts(send, 'before-restore', draining(parts));
      return post({ type: 'backedUp', info });
    }
    const tables = takeContents().tables;
    const t0 = performance.now();
    const { written } = await restoreRecords(db, tables, m.councilId ? { councilId: m.councilId } : {});
    db.close();
    post({ type: 'written', written, writeMs: performance.now() - t0 });
  } catch (error) {
    if (error instanceof BackupRefused) return post({ type: 'error', error: error.shape });
    if (!(error instanceof AppError)) console.warn('復元の作業スレッドでエラーが発生しました', error);
    post({ type: 'error', error: (error instanceof AppError ? error : new AppError('INTERNAL')).toShape() });
  }
};
