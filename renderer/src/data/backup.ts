/**
 * Automatic rotating backups: the whole database as dexie-export-import JSON, handed
 * to main, which writes it atomically and keeps the newest N.
 */
import { exportDB } from 'dexie-export-import';
import { call } from '../platform/bridge';
import { db } from './db';

type Reason = 'auto' | 'manual' | 'before-upgrade' | 'before-import';

export async function backupNow(reason: Reason) {
  // Read everything first, then call main: never await IPC inside a Dexie transaction.
  const blob = await exportDB(db, { prettyJson: false });
  const json = await blob.text();
  const info = await call('backup:write', { json, reason });
  await db.meta.put({ key: 'lastBackup', value: info });
  return info;
}

const FIRST_DELAY_MS = 60_000;
const INTERVAL_MS = 15 * 60_000;

/** Backs up a minute after start and every 15 minutes while records exist. */
export function startAutomaticBackups(): () => void {
  const run = async () => {
    if ((await db.councils.count()) === 0) return;
    await backupNow('auto').catch((error) => console.warn('自動バックアップに失敗しました', error));
  };
  const first = setTimeout(run, FIRST_DELAY_MS);
  const every = setInterval(run, INTERVAL_MS);
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
