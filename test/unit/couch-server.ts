/**
 * A CouchDB-compatible server on loopback for the sync tests, the sync bench and the team
 * e2e: express-pouchdb in a child process (sync-server-child.cjs), disk storage in a folder,
 * killable (SIGKILL, like a crash) and restartable on the same port and folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PouchDatabase } from '../../renderer/src/data/sync/pouch';

const require = createRequire(import.meta.url);
const CHILD = path.join(path.dirname(new URL(import.meta.url).pathname), 'sync-server-child.cjs');
type PouchCtor = new (name: string, options?: Record<string, unknown>) => PouchDatabase;
const PouchNode = require('pouchdb-node') as PouchCtor;

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
