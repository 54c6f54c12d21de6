/**
 * The page's side of the restore worker (backupRestore.worker.ts): `read` has the worker get
 * and parse the backup (in Electron the page fetches the bytes through the bridge and moves
 * them to the worker); `writeNew` has it write everything into a new database (the caller
 * switches to it, restoreSwitch.ts); `write` replaces one council's records in one
 * transaction; `backupOld` writes the 「復元の前」 backup of the previous database. Null where
 * workers are unavailable: the caller restores on the page (data/restore.ts).
 */
import { bridge, call } from '../platform/bridge';
import type { Channel, ResultOf } from '../../../shared/contract';
import { AppError, isAppErrorShape } from '../../../shared/errors';
import { workerName } from './dbName';
import type { RestoreResult } from './restore';
import type { FromRestoreWorker, ToRestoreWorker } from './backupRestore.worker';

export interface RestoreWorker {
  /** Reads and checks the backup; for one council, the attachments its records name. */
  read(
    name: string,
    schemaVersion: number,
    councilId?: string,
  ): Promise<{ storedNames: string[] | null; fetchMs: number; parseMs: number; bytes: number }>;
  write(councilId?: string): Promise<RestoreResult & { writeMs: number }>;
  writeNew(target: string, current: string): Promise<RestoreResult & { writeMs: number }>;
  backupOld(old: string): Promise<ResultOf<'backup:write:end'>>;
  end(): void;
}

export function openRestoreWorker(): RestoreWorker | null {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('./backupRestore.worker.ts', import.meta.url), {
    type: 'module',
    name: workerName('restore'),
  });
  const ask = (message: ToRestoreWorker, transfer: Transferable[] = []) =>
    new Promise<FromRestoreWorker>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromRestoreWorker>) => {
        const m = event.data;
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
  const apiUrl = () => (bridge.mode === 'browser' ? new URL('api/', document.baseURI).href : null);
  const written = (m: FromRestoreWorker) =>
    m.type === 'written' ? { written: m.written, writeMs: m.writeMs } : { written: {}, writeMs: 0 };
  return {
    async read(name, schemaVersion, councilId) {
      let bytes: ArrayBuffer | null = null;
      if (bridge.mode !== 'browser') {
        const file = (await call('backup:read:file', { name, schemaVersion })).bytes;
        bytes =
          file.byteOffset === 0 && file.byteLength === file.buffer.byteLength
            ? (file.buffer as ArrayBuffer)
            : (file.slice().buffer as ArrayBuffer);
      }
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
    async writeNew(target, current) {
      return written(await ask({ type: 'writeNew', target, current }));
    },
    async backupOld(old) {
      const m = await ask({ type: 'backupOld', old, apiUrl: apiUrl() });
      if (m.type !== 'backedUp') throw new AppError('INTERNAL');
      return m.info;
    },
    end: () => worker.terminate(),
  };
}
