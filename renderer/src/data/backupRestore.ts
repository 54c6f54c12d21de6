/**
 * The page's side of the restore worker (backupRestore.worker.ts): `read` has the worker get
 * and parse the backup (in Electron the page fetches the bytes through the bridge and moves
 * them to the worker), `write` has it replace the records in one transaction. Null where
 * workers are unavailable: the caller restores on the page (data/restore.ts).
 */
import { bridge, call } from '../platform/bridge';
import { AppError, isAppErrorShape } from '../../../shared/errors';
import type { RestoreResult } from './restore';
import type { FromRestoreWorker, ToRestoreWorker } from './backupRestore.worker';

export interface RestoreWorker {
  /** Reads and checks the backup; for one council, the attachments its records name. */
  read(name: string, schemaVersion: number, councilId?: string): Promise<{ storedNames: string[] | null }>;
  write(councilId?: string): Promise<RestoreResult>;
  end(): void;
}

export function openRestoreWorker(): RestoreWorker | null {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('./backupRestore.worker.ts', import.meta.url), { type: 'module', name: 'restore' });
  const ask = (message: ToRestoreWorker, transfer: Transferable[] = []) =>
    new Promise<FromRestoreWorker>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromRestoreWorker>) => {
        const m = event.data;
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
      const apiUrl = bridge.mode === 'browser' ? new URL('api/', document.baseURI).href : null;
      const m = await ask(
        { type: 'read', name, schemaVersion, apiUrl, bytes, ...(councilId ? { councilId } : {}) },
        bytes ? [bytes] : [],
      );
      return { storedNames: m.type === 'read' ? m.storedNames : null };
    },
    async write(councilId) {
      const m = await ask({ type: 'write', ...(councilId ? { councilId } : {}) });
      return { written: m.type === 'written' ? m.written : {} };
    },
    end: () => worker.terminate(),
  };
}
