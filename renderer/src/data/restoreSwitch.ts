/**
 * The switch of a full restore (database.ts keeps the pointer): the restore writes a NEW
 * database; only when it is complete is a note written (which database was current, which is
 * the restored one) and the pointer switched; the page then reloads, so that everything that
 * held the old database (live queries, the search worker and its index, team sync's mirror,
 * undo) starts again on the restored one.
 *
 * The previous database IS the state before the restore: after the switch its 「復元の前」
 * backup is written from it (in the restore worker), and only then is it deleted. If that
 * backup cannot be written, the previous database is kept (and the backup tried again at the
 * next start); the restore section says so.
 */
import { db } from './db';
import { currentDbName, DB_POINTER_KEY, DEFAULT_DB_NAME, RESTORED_DB_PREFIX, ShingikaiDB } from './database';
import { openRestoreWorker } from './backupRestore';
import { announceBackup } from './activity';
import { whenIdle } from '../platform/idle';
import { forgetRestoredSyncState } from './sync/restore';
import { settleTeamSyncForRestore, startTeamSync } from './sync/runtime';

const PENDING_KEY = 'shingikai-desk:restore-pending';
/** The figures of the last full restore (read by the bench; shown nowhere else). */
export const RESTORE_TIMING_KEY = 'shingikai-desk:restore-timing';

export interface PendingRestore {
  /** The database that was current (the state before the restore). */
  old: string;
  /** The restored database (the pointer's target). */
  current: string;
  /** 「復元しました：…」, shown after the reload. */
  message: string;
}

export type BeforeRestoreBackup = 'none' | 'writing' | 'written' | 'failed';
export interface RestoreSwitchState {
  /** The restore's message, shown once after the reload. */
  message: string;
  backup: BeforeRestoreBackup;
  /** Why the 「復元の前」 backup could not be written. */
  error?: string;
}

let state: RestoreSwitchState = { message: '', backup: 'none' };
const listeners = new Set<() => void>();
const set = (next: RestoreSwitchState) => {
  state = next;
  for (const l of listeners) l();
};
export const restoreSwitchState = () => state;
export function onRestoreSwitch(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readPending(): PendingRestore | null {
  try {
    const v = JSON.parse(localStorage.getItem(PENDING_KEY) ?? 'null') as PendingRestore | null;
    return v && typeof v.old === 'string' && typeof v.current === 'string' ? v : null;
  } catch {
    return null;
  }
}

/**
 * A previous restore's 「復元の前」 backup not written yet (its database is still kept): a new
 * full restore waits for it, or that state would be left without a backup.
 */
export function beforeRestoreBackupPending(): boolean {
  const pending = typeof localStorage === 'undefined' ? null : readPending();
  return !!pending && pending.current === currentDbName();
}

/**
 * The restored database `target` is complete: it becomes the app's database (the note first,
 * then the pointer: a crash between the two leaves the previous database current, and the
 * note is dropped at the next start). The caller reloads the page.
 *
 * Team use (data/sync/restore.ts): first the mirror hands this PC's unsent changes to its local
 * PouchDB and stops, and the restored database drops the sync bookkeeping the backup brought,
 * so the next start compares every shared record with the server afresh (differences become
 * conflicts, never silent overwrites). If the changes cannot be handed over, nothing switches.
 */
export async function switchToRestoredDatabase(old: string, target: string, message: string): Promise<void> {
  await settleTeamSyncForRestore();
  try {
    const restored = new ShingikaiDB(target);
    try {
      await forgetRestoredSyncState(restored);
    } finally {
      restored.close();
    }
    localStorage.setItem(PENDING_KEY, JSON.stringify({ old, current: target, message } satisfies PendingRestore));
    localStorage.setItem(DB_POINTER_KEY, target);
  } catch (error) {
    void startTeamSync(); // still on the previous database
    throw error;
  }
}

/**
 * A whole restore written into the current database (no restore worker): team sync is settled
 * before `write` and started afresh after it, the restored bookkeeping dropped (as above).
 */
export async function restoreInPlaceForTeam<T>(write: () => Promise<T>): Promise<T> {
  await settleTeamSyncForRestore();
  try {
    const result = await write();
    await forgetRestoredSyncState(db);
    return result;
  } finally {
    void startTeamSync();
  }
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    // Another window still has it open: it is deleted when that one closes it.
    req.onblocked = () => resolve();
  });
}

/** Restores whose switch never happened (the page closed mid-write) left databases: removed after a day. */
async function removeLeftovers(keep: Set<string>): Promise<void> {
  if (typeof indexedDB.databases !== 'function') return;
  const dayAgo = new Date(Date.now() - 86_400_000).toISOString().replace(/\D/g, '');
  for (const { name } of await indexedDB.databases()) {
    if (!name?.startsWith(RESTORED_DB_PREFIX) || keep.has(name)) continue;
    if (name.slice(RESTORED_DB_PREFIX.length) < dayAgo) await deleteDatabase(name);
  }
}

let started = false;

/**
 * At start (once per page): after a switch, writes the 「復元の前」 backup of the previous
 * database and deletes it; a note whose switch did not happen is dropped.
 */
export async function finishRestoreSwitch(): Promise<void> {
  if (started || typeof localStorage === 'undefined') return;
  started = true;
  const pending = readPending();
  const current = currentDbName();
  try {
    if (pending && pending.current !== current) {
      // The pointer was not switched: the previous database is still the app's.
      localStorage.removeItem(PENDING_KEY);
    } else if (pending) {
      set({ message: pending.message, backup: 'writing' });
      localStorage.setItem(PENDING_KEY, JSON.stringify({ ...pending, message: '' }));
      // The first screen first: the backup of the previous database (a read of all of it) starts
      // once the page is idle; the search index keeper waits for it as for any backup.
      const activity = announceBackup();
      try {
        await new Promise<void>((resolve) => whenIdle(resolve, 2000));
        const worker = openRestoreWorker();
        if (!worker) throw new Error('作業スレッドを使えません');
        try {
          const info = await worker.backupOld(pending.old);
          await db.meta.put({ key: 'lastBackup', value: info });
        } finally {
          worker.end();
        }
      } finally {
        activity.end();
      }
      await deleteDatabase(pending.old);
      localStorage.removeItem(PENDING_KEY);
      set({ ...state, backup: 'written' });
    }
    await removeLeftovers(new Set([current, DEFAULT_DB_NAME, ...(pending ? [pending.old] : [])]));
  } catch (error) {
    console.warn('[審議会デスク] 復元前のデータをバックアップできませんでした', error);
    if (pending && pending.current === current)
      set({ ...state, backup: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}
