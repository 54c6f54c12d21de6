/**
 * Team sync in the app: one `Mirror` for the councils shared in 「チームで使う」, started after
 * start-up and restarted when the settings change. Without a server, a user and a password in
 * main and at least one council, nothing starts: no PouchDB is loaded, nothing goes on the
 * network (solo use is unchanged).
 *
 * The page never holds the password: its PouchDB replicates with `team/<database>` on the app's
 * own origin and main forwards each request to the CouchDB server with the credentials
 * (electron/services/team/proxy.ts, docs/ARCHITECTURE.md §7).
 */
import { call } from '../../platform/bridge';
import type { TeamConfig } from '../../../../shared/contract/team';
import { db } from '../db';
import type { TrackedTable } from '../write';
import { Mirror, type MirrorStatus } from './mirror';
import type { PouchDatabase } from './pouch';
import { FileMirror } from './files';
import { ipcFileStore } from './fileStore';
import { loadTeamSession, setTeamSession, teamSession } from './session';
import { settleMirrorForRestore } from './restore';

/** What the shell shows: the councils' states folded into one. */
export type TeamSyncState = 'off' | 'syncing' | 'synced' | 'offline' | 'denied';

export interface TeamSyncStatus {
  state: TeamSyncState;
  conflicts: number;
  /** The oldest of the councils' last complete syncs (ISO), null before the first. */
  lastSyncAt: string | null;
  /** The reason of the worst council, in Japanese. */
  error: string | null;
  /** The councils shared. */
  councils: string[];
  /** Changes the server refused (a 閲覧のみ member's edits): kept on this PC, never sent. */
  denied?: number;
}

const OFF: TeamSyncStatus = { state: 'off', conflicts: 0, lastSyncAt: null, error: null, councils: [] };

let mirror: Mirror | null = null;
let files: FileMirror | null = null;
let status: TeamSyncStatus = OFF;
let starting: Promise<void> = Promise.resolve();
const listeners = new Set<() => void>();

export const teamSyncStatus = (): TeamSyncStatus => status;

export function subscribeTeamSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function publish(next: TeamSyncStatus) {
  status = next;
  for (const l of listeners) l();
}

/** Folds the per-council states: any denied > any offline > any syncing > synced. */
export function foldStatus(s: MirrorStatus, councils: string[]): TeamSyncStatus {
  const list = councils.map((c) => s.councils[c]).filter((c) => !!c);
  const has = (st: string) => list.some((c) => c.state === st);
  const state: TeamSyncState = has('denied')
    ? 'denied'
    : has('offline')
      ? 'offline'
      : has('syncing') || has('connecting') || has('stopped')
        ? 'syncing'
        : 'synced';
  const times = list.map((c) => c.lastSyncAt);
  const lastSyncAt = times.some((t) => t === null) ? (times.filter((t) => t).sort()[0] ?? null) : times.sort()[0]!;
  const error = list.find((c) => c.state === state && c.error)?.error ?? list.find((c) => c.error)?.error ?? null;
  const denied = list.reduce((n, c) => n + c.denied, 0);
  return { state, conflicts: s.conflicts, lastSyncAt: lastSyncAt ?? null, error, councils, denied };
}

export const teamEnabled = (c: TeamConfig) => !!(c.serverUrl && c.username && c.hasPassword && c.councils.length);

/** The server's database as the page reaches it: through main's proxy on the app's own origin. */
function openRemote(PouchDB: PouchCtor, dbName: string): PouchDatabase {
  const base = new URL('team/', document.baseURI).href;
  // PouchDB's HTTP adapter wants an http(s) name; requests are sent to the proxy instead.
  const NAME = 'http://shingikai.team/';
  return new PouchDB(`${NAME}${dbName}`, {
    skip_setup: true,
    fetch: (url: string, init: RequestInit) =>
      fetch(url.startsWith(NAME) ? base + url.slice(NAME.length) : url, { ...init, credentials: 'same-origin' }),
  });
}

type PouchCtor = new (name: string, options?: Record<string, unknown>) => PouchDatabase;

/** Starts (or restarts, or stops) the mirror as the settings in main now say. */
export function startTeamSync(): Promise<void> {
  starting = starting.then(restart, restart);
  return starting;
}

async function restart(): Promise<void> {
  const old = mirror;
  const oldFiles = files;
  mirror = null;
  files = null;
  if (old) await old.stop().catch(() => undefined);
  if (oldFiles) await oldFiles.stop().catch(() => undefined);
  let config: TeamConfig;
  try {
    config = await call('team:get:config', {});
  } catch {
    return publish(OFF);
  }
  if (!teamEnabled(config)) {
    setTeamSession(null);
    return publish(OFF);
  }
  // Who the user is on the server (roles: 閲覧のみ, 確認者); asked again at each (re)start.
  const base = { reviewerRequired: config.reviewerRequired, councils: config.councils };
  let asking = loadTeamSession(base);
  const { default: PouchDB } = (await import('pouchdb-browser')) as { default: PouchCtor };
  const councils = config.councils;
  publish({ ...OFF, state: 'syncing', councils });
  const m = new Mirror({
    db,
    councils,
    openLocal: (name) => new PouchDB(name),
    openRemote: (name) => openRemote(PouchDB, name),
    onStatus: (s) => {
      if (mirror !== m) return;
      const folded = foldStatus(s, councils);
      publish(folded);
      // Back online with the roles still unknown (started offline): ask the server again.
      if (folded.state === 'synced' && !teamSession()?.known)
        asking = asking.then((prev) => (prev.known || mirror !== m ? prev : loadTeamSession(base)));
    },
    onError: (e) => console.warn('[審議会デスク] 同期', e),
  });
  mirror = m;
  await m.start();
  publish(foldStatus(m.getStatus(), councils));
  // The files (materials, templates) replicate on their own, so a large PDF never holds up the records.
  const f = new FileMirror({
    db,
    councils,
    store: ipcFileStore,
    // Compacted: a replaced or deleted file's bytes do not stay in IndexedDB.
    openLocal: (name) => new PouchDB(name, { auto_compaction: true }),
    openRemote: (name) => openRemote(PouchDB, name),
    onError: (e) => console.warn('[審議会デスク] ファイルの同期', e),
  });
  if (mirror !== m) return;
  files = f;
  await f.start();
}

/** Stops team sync (a whole-database restore, a page that closes). */
export async function stopTeamSync(): Promise<void> {
  const old = mirror;
  const oldFiles = files;
  mirror = null;
  files = null;
  setTeamSession(null);
  publish(OFF);
  await old?.stop();
  await oldFiles?.stop();
}

/**
 * Before a whole-database restore switches databases (data/sync/restore.ts): this PC's changes
 * not sent yet go into the local PouchDB, which the restore does not touch, and team sync stops
 * (the page then reloads on the restored database and starts it afresh). Throws, with sync
 * started again, when the changes could not be handed over: the restore must not go on then.
 */
export async function settleTeamSyncForRestore(): Promise<void> {
  await starting.catch(() => undefined);
  const old = mirror;
  const oldFiles = files;
  if (!old && !oldFiles) return;
  mirror = null;
  files = null;
  publish({ ...status, state: 'syncing', error: '復元のため同期を止めています…' });
  try {
    if (old) await settleMirrorForRestore(old);
  } catch (error) {
    console.warn('[審議会デスク] 復元の前に同期を止められませんでした', error);
    await oldFiles?.stop().catch(() => undefined);
    void startTeamSync();
    throw new Error(
      'この PC のまだ送っていない変更を同期に渡せなかったため、復元を中止しました。しばらくしてからもう一度復元してください。',
      { cause: error },
    );
  }
  await oldFiles?.stop().catch(() => undefined);
}

/** Keeps one version of a record in conflict (or an edited merge; null = deleted); it replicates to everyone. */
export async function resolveConflict(
  table: TrackedTable,
  id: string,
  record: Record<string, unknown> | null,
): Promise<void> {
  if (!mirror) throw new Error('チームの同期が動いていないため、競合を解決できません。設定を確認してください。');
  await mirror.resolve(table, id, record);
}
