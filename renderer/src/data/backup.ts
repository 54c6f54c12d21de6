/**
 * Automatic rotating backups: the whole database as dexie-export-import JSON, sent to main
 * in parts, which writes it atomically and keeps the newest N.
 */
import { bridge, call } from '../platform/bridge';
import { AppError } from '../../../shared/errors';
import type { Channel, ResultOf } from '../../../shared/contract';
import { db } from './db';
import { workerName } from './dbName';
import { exportDatabaseParts } from './restore';
import {
  backupParts,
  BackupRefused,
  fetchBackupSend,
  sendBackupInParts,
  unwrap,
  type BackupSend,
} from './backupUpload';
import { referencedAttachments } from './attachmentSweep';
import { beforeRestoreBackupPending } from './restoreSwitch';
import { announceBackup } from './activity';
import type { FromBackupWorker, ToBackupWorker } from './backup.worker';

type Reason = 'auto' | 'manual' | 'before-upgrade' | 'before-import' | 'before-restore';
type BackupInfo = ResultOf<'backup:write:end'>;

/** The backup being written or waiting for the one before it (the newest asked), null when none. */
let current: Promise<BackupInfo> | null = null;

/**
 * Writes a backup. One at a time: each reads the whole database (seconds to a minute on years of
 * records), and two at once read it twice side by side, competing with the user's typing for the
 * CPU and the database. A backup asked while another is written starts after it; an automatic
 * one asked then is that one (its info is returned; nothing more is read or written).
 */
export function backupNow(reason: Reason): Promise<BackupInfo> {
  if (reason === 'auto' && current) return current;
  const before = current;
  const mine = (async () => {
    await before?.catch(() => undefined);
    const info = await writeBackup(reason);
    await db.meta.put({ key: 'lastBackup', value: info });
    return info;
  })();
  current = mine;
  const clear = () => {
    if (current === mine) current = null;
  };
  mine.then(clear, clear);
  return mine;
}

/** How many parts the last backup of this page was sent in (the bench prints it). */
export let lastBackupParts = 0;

/** Without a worker: on the page, in small slices, sent in the same parts. */
async function writeOnPage(reason: Reason): Promise<BackupInfo> {
  const send: BackupSend =
    bridge.mode === 'browser'
      ? fetchBackupSend(new URL('api/', document.baseURI).href)
      : (((channel: Channel, arg: never) => bridge.invoke(channel, arg).then((e) => unwrap(e))) as BackupSend);
  try {
    const { info, parts } = await sendBackupInParts(send, reason, backupParts(await exportDatabaseParts(db)));
    lastBackupParts = parts;
    return info;
  } catch (error) {
    if (error instanceof BackupRefused) throw new AppError(error.shape.code, error.shape.message, error.shape.details);
    throw error;
  }
}

/**
 * The page's backup worker, kept between its backups (one at a time, see backupNow): ending a
 * worker that had read years of records held a core for 300 ms (its teardown), just as the
 * backup's toast appeared under the user's keys. One that failed is ended and made anew.
 */
let backupWorker: Worker | null = null;

/**
 * Reads everything in a worker (off the page's thread: a backup of 100,000 remarks once froze
 * typing for seconds) and sends it to main in parts (backup.worker.ts, backupUpload.ts).
 * Without workers, on the page in small slices.
 */
async function writeBackup(reason: Reason): Promise<BackupInfo> {
  if (typeof Worker === 'undefined') return writeOnPage(reason);
  const browserMode = bridge.mode === 'browser';
  const answer = await new Promise<FromBackupWorker>((resolve) => {
    const worker = (backupWorker ??= new Worker(new URL('./backup.worker.ts', import.meta.url), {
      type: 'module',
      name: workerName('backup'),
    }));
    // The background workers hear that a backup runs (activity.ts); of keys and clicks they hear from every page.
    const activity = announceBackup();
    const done = (m: FromBackupWorker) => {
      activity.end();
      worker.onmessage = null;
      worker.onerror = null;
      if (m.type === 'error') {
        worker.terminate();
        if (backupWorker === worker) backupWorker = null;
      }
      resolve(m);
    };
    worker.onmessage = (event: MessageEvent<FromBackupWorker>) => {
      const m = event.data;
      if (m.type !== 'call') return done(m);
      // Electron: the worker's call goes to the bridge; the answer goes back (one part at a time).
      void bridge
        .invoke(m.channel as Channel, m.arg as never)
        .catch(() => ({ ok: false, error: { code: 'INTERNAL', message: '予期しないエラーが発生しました。' } }))
        .then((envelope) => {
          const reply: ToBackupWorker = { type: 'answer', seq: m.seq, envelope };
          worker.postMessage(reply);
        });
    };
    worker.onerror = (event) => done({ type: 'error', message: event.message || 'worker failed' });
    const message: ToBackupWorker = { reason, apiUrl: browserMode ? new URL('api/', document.baseURI).href : null };
    worker.postMessage(message);
  });
  if (answer.type === 'done') {
    lastBackupParts = answer.parts;
    // For the bench (a user timing entry): how many parts, and how many steps rested for typing.
    performance.mark('shingikai-backup-written', { detail: { parts: answer.parts, rests: answer.rests } });
    return answer.info;
  }
  if (answer.type === 'refused') throw new AppError(answer.error.code, answer.error.message, answer.error.details);
  console.warn(
    'バックアップの作業スレッドが失敗しました。画面側で作成します。',
    answer.type === 'error' ? answer.message : answer,
  );
  return writeOnPage(reason);
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
          // The previous database of a full restore still waits for its 「復元の前」 backup: the
          // files only it names must stay until that backup holds them.
          if (!backedUp || beforeRestoreBackupPending()) return;
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
