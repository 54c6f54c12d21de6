/**
 * Test helpers for team sync: a CouchDB-compatible server on loopback (express-pouchdb in a
 * child process, disk storage in a temp folder, killable and restartable on the same port),
 * and Node clients: an isolated fake-indexeddb Dexie + an in-memory PouchDB + the mirror.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ShingikaiDB } from '../../renderer/src/data/database';
import { Mirror, type MirrorOptions, type PouchDatabase } from '../../renderer/src/data/sync';

const require = createRequire(import.meta.url);
const CHILD = path.join(path.dirname(new URL(import.meta.url).pathname), 'sync-server-child.cjs');

type PouchCtor = {
  new (name: string, options?: Record<string, unknown>): PouchDatabase;
  plugin(p: unknown): PouchCtor;
};
const PouchNode = require('pouchdb-node') as PouchCtor;
/** PouchDB for clients: in memory (each test's clients are fresh PCs). */
export const MemoryPouch = PouchNode.plugin(require('pouchdb-adapter-memory'));

export class CouchServer {
  private child: ChildProcess | null = null;
  port = 0;
  constructor(
    readonly dir: string,
    readonly mode: 'full' | 'minimum' = 'minimum',
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [CHILD, this.dir, String(this.port), this.mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    this.port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
    });
  }

  /** Like a crash: SIGKILL, no goodbye to open connections. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  async restart(): Promise<void> {
    await this.kill();
    // The port may linger for a moment after the kill.
    for (let i = 0; ; i++) {
      try {
        await this.start();
        return;
      } catch (e) {
        if (i > 20) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  /** A remote database as a client sees it. */
  remote(name: string, auth?: { username: string; password: string }): PouchDatabase {
    return new PouchNode(`${this.url}/${name}`, auth ? { auth } : {});
  }
}

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
  ) {
    this.db = new ShingikaiDB(`sync-${this.prefix}`, { indexedDB: new IDBFactory(), IDBKeyRange });
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
