/**
 * The backup worker: reads every table and writes the backup JSON off the page's thread, so
 * typing stays live while a backup of years of records is made. The JSON is made ONCE, as
 * pieces per slice of rows (never one giant string, never a JSON string inside another JSON),
 * encoded to UTF-8 parts of a few MB and sent to main part by part (backupUpload.ts), each
 * after the one before it was answered: no single huge request body or IPC message.
 * - browser mode: the worker posts each part itself (reason, id and index in the URL);
 * - Electron: each part goes to the page as a transferred ArrayBuffer (moved, not copied),
 *   which hands it to the preload bridge and passes the answer back.
 * One backup at a time; the page keeps the worker for the next one (and ends one that failed).
 */
import { db } from './db';
import { TypingPacer } from './backupExport';
import { hearInputs } from './activity';
import {
  BackupRefused,
  draining,
  exportBackupParts,
  fetchBackupSend,
  sendBackupInParts,
  callsThroughPage,
  type BackupSend,
  type PageCall,
} from './backupUpload';
import type { ResultOf } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/errors';

export type ToBackupWorker =
  | {
      type?: 'start';
      reason: 'auto' | 'manual' | 'before-upgrade' | 'before-import' | 'before-restore';
      /** Browser mode: the server's api/ URL (the worker posts the backup there). Electron: null. */
      apiUrl: string | null;
    }
  /** Electron: the bridge's answer (an envelope) to the worker's call `seq`. */
  | { type: 'answer'; seq: number; envelope: unknown };
export type FromBackupWorker =
  | { type: 'done'; info: ResultOf<'backup:write:end'>; parts: number; rests: number }
  | { type: 'refused'; error: AppErrorShape }
  /** Electron: a channel call for the page to pass to the bridge. */
  | PageCall
  | { type: 'error'; message: string };

/**
 * Rows per read: while nobody types, the worker's thread has nothing else to do, so fewer, larger
 * slices; after a key or a click it reads smaller slices and rests before each slice and each
 * part, so the page's thread gets the CPU (office PCs have 2 cores, shared with the browser's
 * own processes and main).
 */
let pacer = new TypingPacer();
// Keys and clicks on any page of the app (activity.ts): the worker rests between its steps meanwhile.
hearInputs(() => pacer.input());

const post = (m: FromBackupWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);

/** Electron: calls go through the page. */
const page = callsThroughPage(post);

self.onmessage = async (event: MessageEvent<ToBackupWorker>) => {
  const m = event.data;
  if (m.type === 'answer') {
    page.answer(m.seq, m.envelope);
    return;
  }
  pacer = new TypingPacer(); // this backup's own rests and steps
  let parts: Uint8Array[];
  try {
    parts = await exportBackupParts(db, pacer);
    // not held open between backups (a restore deletes databases); opened again by the next one
    db.close({ disableAutoOpen: false });
  } catch (error) {
    return post({ type: 'error', message: String(error) });
  }
  try {
    const direct = m.apiUrl ? fetchBackupSend(m.apiUrl) : page.send;
    const send: BackupSend = (async (channel: string, arg: never) => {
      if (channel === 'backup:write:part') await pacer.pace();
      return direct(channel as 'backup:write:part', arg);
    }) as BackupSend;
    const sent = await sendBackupInParts(send, m.reason, draining(parts));
    post({ type: 'done', info: sent.info, parts: sent.parts, rests: pacer.rests });
  } catch (error) {
    if (error instanceof BackupRefused) post({ type: 'refused', error: error.shape });
    else post({ type: 'error', message: String(error) });
  }
};
