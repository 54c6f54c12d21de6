/** Which IndexedDB database is the app's (no Dexie here: the page's worker starters import it). */

/** Every profile's database before a full restore switched to a new one. */
export const DEFAULT_DB_NAME = 'shingikai-desk';

/**
 * Which database is the app's: a full restore writes a NEW database (`shingikai-desk-<time>`)
 * and, only once it is complete, this pointer (localStorage) is switched to it — a crash
 * mid-restore leaves the old database current. No pointer (every profile before restores
 * wrote one) is the default name. Workers have no localStorage: the page names them
 * `<role>@<database>` (workerName) and they read the name from there.
 */
export const DB_POINTER_KEY = 'shingikai-desk:database';
export const RESTORED_DB_PREFIX = `${DEFAULT_DB_NAME}-`;

const validDbName = (name: string | null | undefined): string =>
  name && (name === DEFAULT_DB_NAME || name.startsWith(RESTORED_DB_PREFIX)) ? name : DEFAULT_DB_NAME;

/** What this module reads of the page or worker it runs in (no DOM types: main's tsconfig compiles it too). */
const host = globalThis as unknown as {
  localStorage?: { getItem(key: string): string | null };
  name?: unknown;
};

export function currentDbName(): string {
  try {
    if (host.localStorage) return validDbName(host.localStorage.getItem(DB_POINTER_KEY));
  } catch {
    return DEFAULT_DB_NAME; // storage refused (private mode): the default database
  }
  // A worker: its name is `<role>@<database>` (workerName).
  const own = typeof host.name === 'string' ? host.name : '';
  const at = own.indexOf('@');
  return at === -1 ? DEFAULT_DB_NAME : validDbName(own.slice(at + 1));
}

/** The name to start a worker with, so that its `db` (db.ts) opens the app's current database. */
export function workerName(role: string): string {
  return `${role}@${currentDbName()}`;
}

/** A fresh name for a restore's new database. */
export function newRestoredDbName(now = new Date()): string {
  return `${RESTORED_DB_PREFIX}${now.toISOString().replace(/\D/g, '')}`;
}
