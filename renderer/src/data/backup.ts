/**
 * Automatic rotating backups: the whole database as dexie-export-import JSON, handed
 * to main, which writes it atomically and keeps the newest N.
 */
import { call } from '../platform/bridge';
import { db } from './db';
import { exportDatabaseJson } from './restore';

type Reason = 'auto' | 'manual' | 'before-upgrade' | 'before-import' | 'before-restore';

export async function backupNow(reason: Reason) {
  // Read everything first (table by table, in small slices that let the screen breathe), then call main.
  const json = await exportDatabaseJson(db);
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
