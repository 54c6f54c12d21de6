/**
 * The restore worker: reads a backup file's bytes once (fetched from the loopback server in
 * browser mode, or handed over by the page in Electron, moved not copied), checks and parses
 * them (shared/backup-format.ts, the same checks main makes), and — when the page says so,
 * after the 「復元の前」 backup is written — replaces the records in ONE transaction of its
 * own Dexie instance (restore.ts). The page never holds the backup; Dexie tells the page's
 * live queries what changed (its cross-context broadcast).
 */
import { db } from './db';
import { councilRecords, restoreRecords } from './restore';
import { parseBackup, type BackupContents } from '../../../shared/backup-format';
import { referencedStoredNames } from '../../../shared/package';
import { STORED_NAME } from '../../../shared/stored-name';
import { AppError, isAppErrorShape, type AppErrorShape } from '../../../shared/errors';

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
  | { type: 'write'; councilId?: string };
export type FromRestoreWorker =
  | { type: 'read'; storedNames: string[] | null }
  | { type: 'written'; written: Record<string, number> }
  | { type: 'error'; error: AppErrorShape };

const post = (m: FromRestoreWorker) => (self as unknown as Worker).postMessage(m);
let contents: BackupContents | null = null;

async function fetchFile(apiUrl: string, name: string, schemaVersion: number): Promise<ArrayBuffer> {
  const response = await fetch(`${apiUrl}${encodeURIComponent('backup:read:file')}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ name, schemaVersion }),
  });
  if ((response.headers.get('content-type') ?? '').startsWith('application/octet-stream'))
    return response.arrayBuffer();
  const envelope = (await response.json().catch(() => null)) as { ok?: boolean; error?: unknown } | null;
  if (envelope && isAppErrorShape(envelope.error))
    throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details);
  throw new AppError('INTERNAL', `サービスから予期しない応答がありました（${response.status}）。`);
}

self.onmessage = async (event: MessageEvent<ToRestoreWorker>) => {
  const m = event.data;
  try {
    if (m.type === 'read') {
      const bytes = m.bytes ?? (await fetchFile(m.apiUrl!, m.name, m.schemaVersion));
      contents = parseBackup(m.name, new TextDecoder().decode(bytes), m.schemaVersion);
      const storedNames = m.councilId
        ? [...referencedStoredNames(councilRecords(contents.tables, m.councilId), STORED_NAME)]
        : null;
      return post({ type: 'read', storedNames });
    }
    if (!contents) throw new AppError('INTERNAL', 'バックアップがまだ読み込まれていません。');
    const tables = contents.tables;
    contents = null;
    const { written } = await restoreRecords(db, tables, m.councilId ? { councilId: m.councilId } : {});
    db.close();
    post({ type: 'written', written });
  } catch (error) {
    if (!(error instanceof AppError)) console.warn('復元の作業スレッドでエラーが発生しました', error);
    post({ type: 'error', error: (error instanceof AppError ? error : new AppError('INTERNAL')).toShape() });
  }
};
