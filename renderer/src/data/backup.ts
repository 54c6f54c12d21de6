/**
 * Automatic rotating backups: the whole database as dexie-export-import JSON, handed
 * to main, which writes it atomically and keeps the newest N.
 */
import { bridge, call } from '../platform/bridge';
import { AppError, isAppErrorShape, type Envelope } from '../../../shared/errors';
import type { ResultOf } from '../../../shared/contract';
import { db } from './db';
import { exportDatabaseJson } from './restore';
import { referencedAttachments } from './attachmentSweep';
import type { FromBackupWorker, ToBackupWorker } from './backup.worker';

type Reason = 'auto' | 'manual' | 'before-upgrade' | 'before-import' | 'before-restore';
type BackupInfo = ResultOf<'backup:write'>;

export async function backupNow(reason: Reason): Promise<BackupInfo> {
  const info = await writeBackup(reason);
  await db.meta.put({ key: 'lastBackup', value: info });
  return info;
}

/**
 * Reads everything in a worker (off the page's thread: a backup of 100,000 remarks once froze
 * typing for seconds) and hands it to main, serialized once (backup.worker.ts). Without
 * workers, on the page in small slices.
 */
async function writeBackup(reason: Reason): Promise<BackupInfo> {
  if (typeof Worker === 'undefined') return call('backup:write', { json: await exportDatabaseJson(db), reason });
  const browserMode = bridge.mode === 'browser';
  const answer = await new Promise<FromBackupWorker>((resolve) => {
    const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'backup' });
    const done = (m: FromBackupWorker) => {
      worker.terminate();
      resolve(m);
    };
    worker.onmessage = (event: MessageEvent<FromBackupWorker>) => done(event.data);
    worker.onerror = (event) => done({ type: 'error', message: event.message || 'worker failed' });
    const message: ToBackupWorker = { reason, apiUrl: browserMode ? new URL('api/', document.baseURI).href : null };
    worker.postMessage(message);
  });
  // Electron: the worker's bytes (moved here, not copied) go to the preload bridge as they are.
  if (answer.type === 'bytes') return call('backup:write', { bytes: new Uint8Array(answer.bytes), reason });
  if (answer.type === 'error') {
    console.warn('バックアップの作業スレッドが失敗しました。画面側で作成します。', answer.message);
    return call('backup:write', { json: await exportDatabaseJson(db), reason });
  }
  // Browser mode: the worker sent it; its answer is the channel's envelope.
  const envelope = answer.envelope as Envelope<BackupInfo> | null;
  if (envelope && typeof envelope === 'object' && 'ok' in envelope) {
    if (envelope.ok) return envelope.value;
    const e = isAppErrorShape(envelope.error)
      ? envelope.error
      : { code: 'INTERNAL' as const, message: '予期しないエラーが発生しました。' };
    throw new AppError(e.code, e.message, e.details);
  }
  throw new AppError('INTERNAL', `サービスから予期しない応答がありました（${answer.status}）。`);
}

const FIRST_DELAY_MS = 60_000;
const INTERVAL_MS = 15 * 60_000;

/**
 * Backs up a minute after start and every 15 minutes while records exist. After the first
 * backup of the run, attachments no record names are swept (data/attachmentSweep.ts).
 */
export function startAutomaticBackups(): () => void {
  const run = async (): Promise<boolean> => {
    if ((await db.councils.count()) === 0) return false;
    return backupNow('auto').then(
      () => true,
      (error) => {
        console.warn('自動バックアップに失敗しました', error);
        return false;
      },
    );
  };
  // Only after this run's backup was written.
  const first = setTimeout(
    () =>
      void run()
        .then(async (backedUp) => {
          if (!backedUp) return;
          const swept = await call('attachment:sweep:orphans', { referenced: await referencedAttachments(db) });
          if (swept.removed.length) console.info(`使われていない添付ファイルを ${swept.removed.length} 件削除しました`);
        })
        .catch((error) => console.warn('添付ファイルの整理に失敗しました', error)),
    FIRST_DELAY_MS,
  );
  const every = setInterval(run, INTERVAL_MS);
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
