/**
 * The page's side of the restore worker (backupRestore.worker.ts): `read` has the worker get
 * and parse the backup (in Electron the page fetches the bytes through the bridge and moves
 * them to the worker) and `write` replaces one council's records in one transaction;
 * `restoreNew` has it read everything and write it into a new database as the file arrives
 * (the caller switches to it, restoreSwitch.ts); `backupOld` writes the 「復元の前」 backup of the previous database. Null where
 * workers are unavailable: the caller restores on the page (data/restore.ts).
 */
import { bridge, call } from '../platform/bridge';
import type { Channel, ResultOf } from '../../../shared/contract';
import { AppError, isAppErrorShape } from '../../../shared/errors';
import { workerName } from './dbName';
import type { RestoreResult, StreamedRestore } from './restore';
import type { FromRestoreWorker, ToRestoreWorker } from './backupRestore.worker';

export interface RestoreWorker {
  /** Reads and checks the backup; for one council, the attachments its records name. */
  read(
    name: string,
    schemaVersion: number,
    councilId?: string,
  ): Promise<{ storedNames: string[] | null; fetchMs: number; parseMs: number; bytes: number }>;
  write(councilId?: string): Promise<RestoreResult & { writeMs: number }>;
  /**
   * Everything, into the new database `target`, keeping the last-backup note of `current` (the app's database);
   * `progress` gets the share of the file read (0–1).
   */
  restoreNew(
    name: string,
    schemaVersion: number,
    target: string,
    current: string,
    progress: (share: number) => void,
  ): Promise<StreamedRestore & { startedAt: number }>;
  backupOld(old: string): Promise<ResultOf<'backup:write:end'>>;
  end(): void;
}

export function openRestoreWorker(): RestoreWorker | null {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('./backupRestore.worker.ts', import.meta.url), {
    type: 'module',
    name: workerName('restore'),
  });
  const ask = (message: ToRestoreWorker, transfer: Transferable[] = [], progress?: (share: number) => void) =>
    new Promise<FromRestoreWorker>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromRestoreWorker>) => {
        const m = event.data;
        if (m.type === 'progress') {
          if (m.total > 0) progress?.(Math.min(1, m.read / m.total));
          return;
        }
        if (m.type === 'call') {
          // Electron: the worker's call goes to the bridge; the answer goes back.
          void bridge
            .invoke(m.channel as Channel, m.arg as never)
            .catch(() => ({ ok: false, error: { code: 'INTERNAL', message: '予期しないエラーが発生しました。' } }))
            .then((envelope) => worker.postMessage({ type: 'answer', seq: m.seq, envelope } satisfies ToRestoreWorker));
          return;
        }
        if (m.type !== 'error') return resolve(m);
        const e = isAppErrorShape(m.error) ? m.error : new AppError('INTERNAL').toShape();
        reject(new AppError(e.code, e.message, e.details));
      };
      worker.onerror = (event) => {
        console.warn('復元の作業スレッドが失敗しました', event.message);
        reject(new AppError('INTERNAL'));
      };
      worker.postMessage(message, transfer);
    });
  /** Electron: the page fetches the file through the bridge (moved to the worker); browser mode: null (the worker fetches). */
  const fileBytes = async (name: string, schemaVersion: number): Promise<ArrayBuffer | null> => {
    if (bridge.mode === 'browser') return null;
    const file = (await call('backup:read:file', { name, schemaVersion })).bytes;
    return file.byteOffset === 0 && file.byteLength === file.buffer.byteLength
      ? (file.buffer as ArrayBuffer)
      : (file.slice().buffer as ArrayBuffer);
  };
  const apiUrl = () => (bridge.mode === 'browser' ? new URL('api/', document.baseURI).href : null);
  const written = (m: FromRestoreWorker) =>
    m.type === 'written' ? { written: m.written, writeMs: m.writeMs } : { written: {}, writeMs: 0 };
  return {
    async read(name, schemaVersion, councilId) {
      const bytes = await fileBytes(name, schemaVersion);
      const m = await ask(
        { type: 'read', name, schemaVersion, apiUrl: apiUrl(), bytes, ...(councilId ? { councilId } : {}) },
        bytes ? [bytes] : [],
      );
      return m.type === 'read'
        ? { storedNames: m.storedNames, fetchMs: m.fetchMs, parseMs: m.parseMs, bytes: m.bytes }
        : { storedNames: null, fetchMs: 0, parseMs: 0, bytes: 0 };
    },
    async write(councilId) {
      return written(await ask({ type: 'write', ...(councilId ? { councilId } : {}) }));
    },
    async restoreNew(name, schemaVersion, target, current, progress) {
      const bytes = await fileBytes(name, schemaVersion);
      const m = await ask(
        { type: 'restoreNew', name, schemaVersion, target, current, apiUrl: apiUrl(), bytes },
        bytes ? [bytes] : [],
        progress,
      );
      if (m.type !== 'restoredNew') throw new AppError('INTERNAL');
      const { type: _, ...result } = m;
      return result;
    },
    async backupOld(old) {
      const m = await ask({ type: 'backupOld', old, apiUrl: apiUrl() });
      if (m.type !== 'backedUp') throw new AppError('INTERNAL');
      return m.info;
    },
    end: () => worker.terminate(),
  };
}
