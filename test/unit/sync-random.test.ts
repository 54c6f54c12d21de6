/**
 * The randomized run: 3 PCs share a council through the loopback server and make ≥ 5,000
 * random creates, updates and deletes over several tables (through the app's data-layer
 * functions where they exist), while the server is killed (SIGKILL) and restarted on the
 * same port and folder, PCs go offline and come back, and one PC restarts its mirror. At the
 * end every PC and the server hold the same records, and every acknowledged write is either
 * in the final state (itself or overwritten by a write that had seen it) or recorded as a
 * conflict version: 0 lost. Seeded (SYNC_SEED), so a failure reproduces.
 *
 * How "seen" is known: every write puts a unique token into the record's text field, and
 * the test remembers which token the PC's copy held when it wrote (its parent).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../renderer/src/data/bundle';
import { councilDbName, type PouchDoc, type SyncConflict } from '../../renderer/src/data/sync';
import { TRACKED_TABLES } from '../../renderer/src/data/write';
import { addMember, deleteMember } from '../../renderer/src/features/councils/data';
import { commitRemark, deleteRemark, updateRemark } from '../../renderer/src/features/live/data';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { CouchServer, SyncClient, until } from './sync-server';

const SEED = Number(process.env.SYNC_SEED ?? 20261129);
// Run on demand: `npm run test:sync` (500 operations) or `npm run test:sync-full` (the ≥ 5,000-operation proof,
// about 18 min on 2 cores). Not part of `npm test`: its timing between PCs is not seeded, and one 500-operation
// run ended with one PC listing a conflict the others did not (the conflict lists' convergence is open work).
const OPS = Number(process.env.SYNC_OPS ?? 500);
const RUN = process.env.SYNC_OPS !== undefined;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The tables the run writes, and the field that carries each write's token. */
const FIELDS = { members: 'name', staff: 'name', remarks: 'text', opinions: 'summary', matrixItems: 'text' } as const;
type OpTable = keyof typeof FIELDS;
const OP_TABLES = Object.keys(FIELDS) as OpTable[];

interface Write {
  key: string; // table:id
  token: string;
  parent: string | null; // the token the PC's copy held when it wrote
  kind: 'create' | 'update' | 'delete';
  client: string;
}

let dir: string;
let server: CouchServer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sync-random-'));
  server = new CouchServer(dir);
  await server.start();
}, 30_000);
afterAll(async () => {
  await server.kill();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!RUN)('randomized team sync (npm run test:sync)', () => {
  it(`3 PCs, ${OPS} random operations, server kills and offline PCs: every PC and the server agree, 0 writes lost (seed ${SEED})`, async () => {
    const rnd = mulberry32(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const bundle = buildSampleCouncil();
    const councilId = bundle.council.id;
    const clients = ['PC1', 'PC2', 'PC3'].map((n) => new SyncClient(n, server));
    await clients[0]!.db.meta.put({ key: 'operatorName', value: 'PC1' });
    await importBundle(clients[0]!.db, bundle);
    for (const c of clients) await c.open([councilId]);
    const total = await clients[0]!.db.remarks.count();
    for (const c of clients.slice(1))
      await until(async () => (await c.db.remarks.count()) === total, 60_000, `${c.name} first sync`);

    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);

    const writes: Write[] = [];
    let n = 0;
    const tokenOf = (table: OpTable, rec: Record<string, unknown> | undefined) =>
      rec ? String(rec[FIELDS[table]]) : null;
    const meetingIds = bundle.meetings.map((m) => m.id);
    const figures = { kills: 0, offline: 0, restarts: 0, skipped: 0 };

    /** One random operation of one PC; returns false when the app refused it (nothing written). */
    async function operate(c: SyncClient): Promise<boolean> {
      const table = pick(OP_TABLES);
      const t = c.db.table(table);
      const ids = (await t.toCollection().primaryKeys()) as string[];
      const token = `${c.name}.${++n}`;
      const roll = rnd();
      const field = FIELDS[table];
      if (roll < 0.3 || ids.length < 5) {
        // create: a copy of one of the sample's records under a new id (its links stay valid)
        const template = pick(bundle[table] as unknown as Record<string, unknown>[]);
        let id: string;
        if (table === 'remarks') {
          const remark = { ...template, id: crypto.randomUUID(), meetingId: pick(meetingIds), text: token };
          await commitRemark(c.db, remark as never, { meetingId: remark.meetingId, text: '', updatedAt: '' });
          id = remark.id;
        } else if (table === 'members') {
          id = (await addMember(c.db, councilId, { ...template, name: token } as never)).id;
        } else {
          id = crypto.randomUUID();
          await t.add({ ...template, id, councilId, [field]: token });
        }
        writes.push({ key: `${table}:${id}`, token, parent: null, kind: 'create', client: c.name });
        return true;
      }
      const id = pick(ids);
      const before = (await t.get(id)) as Record<string, unknown> | undefined;
      if (!before) return false;
      const parent = tokenOf(table, before);
      if (roll < 0.8) {
        if (table === 'remarks') await updateRemark(c.db, id, { text: token }, '編集');
        else await t.update(id, { [field]: token });
        writes.push({ key: `${table}:${id}`, token, parent, kind: 'update', client: c.name });
        return true;
      }
      if (table === 'remarks') await deleteRemark(c.db, id);
      else if (table === 'members') {
        const refused = await deleteMember(c.db, before as never).then(
          () => false,
          () => true, // a member with remarks or attendance is kept (the app says why)
        );
        if (refused) return false;
      } else await t.delete(id);
      writes.push({ key: `${table}:${id}`, token, parent, kind: 'delete', client: c.name });
      return true;
    }

    const started = Date.now();
    const offlineUntil = new Map<SyncClient, number>();
    let done = 0;
    while (done < OPS) {
      const c = pick(clients);
      if (await operate(c)) done++;
      else figures.skipped++;
      // Chaos, about every 250 operations: the server dies and comes back, a PC goes offline, a PC restarts its mirror.
      if (done % 250 === 0 && done > 0) {
        const event = rnd();
        if (event < 0.45) {
          await server.kill();
          // The PCs keep working while the server is down.
          for (let i = 0; i < 40; i++) if (await operate(pick(clients))) done++;
          await server.restart();
          figures.kills++;
        } else if (event < 0.8) {
          const off = pick(clients);
          off.mirror!.disconnect();
          offlineUntil.set(off, done + 150 + Math.floor(rnd() * 300));
          figures.offline++;
        } else {
          const r = pick(clients);
          await r.mirror!.stop();
          await r.open([councilId]);
          offlineUntil.delete(r);
          figures.restarts++;
        }
      }
      for (const [off, at] of offlineUntil)
        if (done >= at) {
          off.mirror!.connect();
          offlineUntil.delete(off);
        }
      if (done % 20 === 0) await new Promise((r) => setTimeout(r, 1)); // let replication breathe
      if (process.env.SYNC_PROGRESS && done % 500 === 0)
        console.log(`${done} operations, ${Math.round((Date.now() - started) / 1000)} s`, figures);
    }
    for (const off of offlineUntil.keys()) off.mirror!.connect();
    const opsMs = Date.now() - started;

    // ---- quiesce: every PC's local PouchDB holds exactly the server's revision trees, and Dexie has caught up.
    const remote = server.remote(councilDbName(councilId));
    const trees = async (db: { allDocs: typeof remote.allDocs }) => {
      const res = await db.allDocs({ include_docs: true, conflicts: true });
      return new Map(
        res.rows.map((r) => [r.id, `${r.doc!._rev} ${[...((r.doc as PouchDoc)._conflicts ?? [])].sort().join(',')}`]),
      );
    };
    const caughtUp = async () => {
      const want = await trees(remote);
      for (const c of clients) {
        await c.mirror!.flush();
        const got = await trees(c.mirror!.local(councilId));
        if (got.size !== want.size || [...want].some(([k, v]) => got.get(k) !== v)) return false;
        const last = Number((await c.db.changes.orderBy('seq').lastKey()) ?? 0);
        if (Number((await c.db.syncState.get('outbox'))?.value) !== last) return false;
        const seq = (await c.mirror!.local(councilId).info()).update_seq;
        if ((await c.db.syncState.get(`inbox:${councilId}`))?.value !== seq) return false;
      }
      return true;
    };
    await until(caughtUp, 300_000, 'all PCs to catch up with the server');
    const convergeMs = Date.now() - started - opsMs;

    // ---- the conflicts, as every PC lists them (the same set on each).
    const keysOf = (cs: SyncConflict[]) => cs.map((x) => `${x.table}:${x.id}`).sort();
    const lists = () => Promise.all(clients.map((c) => c.db.syncConflicts.toArray()));
    const agree = async () => {
      const sets = (await lists()).map((cs) => JSON.stringify(keysOf(cs)));
      return sets.every((x) => x === sets[0]);
    };
    await until(agree, 60_000, 'every PC to list the same conflicts').catch(() => undefined);
    const conflictSets = await lists();
    for (const cs of conflictSets.slice(1)) expect(keysOf(cs)).toEqual(keysOf(conflictSets[0]!));
    const conflicts = conflictSets[0]!;

    // ---- resolve every conflict on PC1 (keep CouchDB's winner) and let it replicate.
    for (const cf of conflicts) await clients[0]!.mirror!.resolve(cf.table, cf.id, cf.versions[0]!.record);
    await until(
      async () =>
        (await caughtUp()) && (await Promise.all(clients.map((c) => c.db.syncConflicts.count()))).every((x) => x === 0),
      240_000,
      'resolutions everywhere',
    );

    // ---- every PC holds the same records, and so does the server (its winning documents).
    const snapshot = async (c: SyncClient) => {
      const out: Record<string, unknown> = {};
      for (const table of TRACKED_TABLES)
        for (const r of (await c.db.table(table).toArray()) as { id: string }[]) out[`${table}:${r.id}`] = r;
      return out;
    };
    const finals = await Promise.all(clients.map(snapshot));
    const serverDocs = (await remote.allDocs({ include_docs: true })).rows.filter((r) => !r.id.startsWith('_'));
    const onServer: Record<string, unknown> = {};
    for (const r of serverDocs) {
      const doc = r.doc as { record?: unknown; deleted?: boolean };
      if (!doc.deleted) onServer[r.id] = doc.record;
    }
    expect(finals[1]).toEqual(finals[0]);
    expect(finals[2]).toEqual(finals[0]);
    expect(onServer).toEqual(finals[0]);

    // ---- 0 lost: every acknowledged write is kept, seen by a later write, or a recorded conflict version.
    const parentOf = new Map(writes.map((w) => [w.token, w.parent]));
    const byKey = new Map<string, Write[]>();
    for (const w of writes) byKey.set(w.key, [...(byKey.get(w.key) ?? []), w]);
    const kept = new Set<string>();
    const keep = (token: string | null) => {
      for (let t = token; t && !kept.has(t); t = parentOf.get(t) ?? null) kept.add(t);
    };
    for (const [key, ws] of byKey) {
      const table = key.slice(0, key.indexOf(':')) as OpTable;
      const final = finals[0]![key] as Record<string, unknown> | undefined;
      if (final) keep(tokenOf(table, final));
      else for (const w of ws) if (w.kind === 'delete') keep(w.token);
    }
    for (const cf of conflicts) {
      if (!(cf.table in FIELDS)) continue;
      const key = `${cf.table}:${cf.id}`;
      for (const v of cf.versions) {
        if (v.record) keep(tokenOf(cf.table as OpTable, v.record));
        // A deletion that lost against an edit is recorded as a version without a record. Deletions of the
        // same record by several PCs are one outcome (the mirror merges tombstone-only conflicts), so the
        // recorded deletion stands for each of them.
        else for (const w of byKey.get(key) ?? []) if (w.kind === 'delete') keep(w.token);
      }
    }
    const lost = writes.filter((w) => !kept.has(w.token));
    const figuresLine = {
      seed: SEED,
      operations: writes.length,
      refusedByApp: figures.skipped,
      serverKills: figures.kills,
      offlineSpells: figures.offline,
      mirrorRestarts: figures.restarts,
      records: Object.keys(finals[0]!).length,
      serverDocs: serverDocs.length,
      conflictsResolved: conflicts.length,
      lost: lost.length,
      unhandledRejections: unhandled.length,
      opsMs,
      convergeMs,
    };
    console.log(`sync random run ${JSON.stringify(figuresLine)}`);
    expect(lost.slice(0, 10)).toEqual([]);
    expect(writes.length).toBeGreaterThanOrEqual(OPS);
    if (OPS >= 5000) expect(figures.kills).toBeGreaterThan(0);
    expect(unhandled).toEqual([]);
    process.off('unhandledRejection', onUnhandled);
    await remote.close();
    for (const c of clients) await c.close();
  }, 1_500_000);
});
