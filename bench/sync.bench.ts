/**
 * sync.initial_10000_ms: a council of 10,000 records (the sample council and generated
 * remarks) reaches a fresh PC through the loopback CouchDB-compatible server (express-pouchdb
 * in a child process, LevelDB in a temp folder): from the mirror's start to the last record
 * in Dexie. Also sync.upload_10000_ms: the first PC sending the council to the empty server.
 * Target (issue 20): ≤ 15,000 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importBundle } from '../renderer/src/data/bundle';
import { councilDbName } from '../renderer/src/data/sync';
import { buildSampleCouncil } from '../resources/sample/iizuka';
import { CouchServer, SyncClient, until } from '../test/unit/sync-server';
import type { BenchModule } from './harness';

const TARGET = 10_000;
const LIMIT_MS = 15_000;

const bench: BenchModule = {
  title: 'チーム同期（CouchDB 互換サーバー、ループバック）',
  async run() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-sync-'));
    const server = new CouchServer(dir);
    await server.start();
    try {
      const bundle = buildSampleCouncil();
      const base = Object.values(bundle).reduce((n, v) => n + (Array.isArray(v) ? v.length : 1), 0);
      const template = bundle.remarks[0]!;
      for (let i = 0; i < TARGET - base; i++)
        bundle.remarks.push({ ...template, id: crypto.randomUUID(), order: 1000 + i, text: `発言 ${i + 1}` });
      const total = Object.values(bundle).reduce((n, v) => n + (Array.isArray(v) ? v.length : 1), 0);
      const councilId = bundle.council.id;
      const a = new SyncClient('PC1', server);
      await importBundle(a.db, bundle);
      let t = performance.now();
      await a.open([councilId]);
      const remote = server.remote(councilDbName(councilId));
      await until(async () => (await remote.info()).doc_count >= total, 300_000, 'upload');
      const upload = performance.now() - t;

      const b = new SyncClient('PC2', server);
      t = performance.now();
      await b.open([councilId]);
      const remarks = bundle.remarks.length;
      await until(async () => (await b.db.remarks.count()) === remarks, 300_000, 'initial sync');
      const initial = performance.now() - t;
      await remote.close();
      await a.close();
      await b.close();
      return [
        {
          key: 'sync.initial_10000_ms',
          value: Math.round(initial),
          unit: 'ms',
          compare: `${total} 件・目標 ≤ ${LIMIT_MS} ms`,
        },
        { key: 'sync.upload_10000_ms', value: Math.round(upload), unit: 'ms', compare: `${total} 件` },
      ];
    } finally {
      await server.kill();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
