/**
 * Test helpers for team sync: a CouchDB-compatible server on loopback (express-pouchdb in a
 * child process, disk storage in a temp folder, killable and restartable on the same port),
 * and Node clients: an isolated fake-indexeddb Dexie + an in-memory PouchDB + the mirror.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ShingikaiDB } from '../../renderer/src/data/database';
import { Mirror, type MirrorOptions, type PouchDatabase } from '../../renderer/src/data/sync';
import { CouchServer } from './couch-server';

export { CouchServer };

/**
 * A replication server for the tests of this file (or of the describe it is called in): its
 * folder made and the server started before them, killed and the folder removed after.
 */
export function testCouchServer(prefix: string): CouchServer {
  const server = new CouchServer(path.join(os.tmpdir(), `${prefix}${randomUUID()}`));
  beforeAll(async () => {
    await mkdir(server.dir, { recursive: true });
    await server.start();
  }, 30_000);
  afterAll(async () => {
    await server.kill();
    await rm(server.dir, { recursive: true, force: true });
  });
  return server;
}
const require = createRequire(import.meta.url);

type PouchCtor = {
  new (name: string, options?: Record<string, unknown>): PouchDatabase;
  plugin(p: unknown): PouchCtor;
};
const PouchNode = require('pouchdb-node') as PouchCtor;
/** PouchDB for clients: in memory (each test's clients are fresh PCs). */
export const MemoryPouch = PouchNode.plugin(require('pouchdb-adapter-memory'));

let clientCount = 0;

export class SyncClient {
  readonly db: ShingikaiDB;
  mirror: Mirror | null = null;
  errors: unknown[] = [];
  private readonly prefix = `c${++clientCount}-${Math.random().toString(36).slice(2)}-`;

  constructor(
    readonly name: string,
    private readonly server: CouchServer,
    private readonly auth?: { username: string; password: string },
    /** The same PC on another database (after a whole restore): its local PouchDBs are kept. */
    pc?: { db: ShingikaiDB; prefix: string },
  ) {
    if (pc) this.prefix = pc.prefix;
    this.db = pc?.db ?? new ShingikaiDB(`sync-${this.prefix}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  }

  /** This PC switched to database `db` (a whole restore): the same local PouchDBs, a mirror not started yet. */
  onDatabase(db: ShingikaiDB): SyncClient {
    return new SyncClient(this.name, this.server, this.auth, { db, prefix: this.prefix });
  }

  async open(councils: string[], extra: Partial<MirrorOptions> = {}): Promise<Mirror> {
    await this.db.meta.put({ key: 'operatorName', value: this.name });
    this.mirror = new Mirror({
      db: this.db,
      councils,
      openLocal: (name) => new MemoryPouch(`${this.prefix}${name}`, { adapter: 'memory' }),
      openRemote: (name) => this.server.remote(name, this.auth),
      retryMaxMs: 1000,
      pollMs: 2000,
      debounceMs: 150,
      onError: (e) => this.errors.push(e),
      ...extra,
    });
    await this.mirror.start();
    return this.mirror;
  }

  async close(): Promise<void> {
    await this.mirror?.stop();
    this.db.close();
  }
}

/** Polls until `check` holds (or throws after `timeoutMs` with the last value described). */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what = 'condition') {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
