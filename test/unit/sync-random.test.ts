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
 * the test remembers which token the PC's copy held when it wrote (its parent), read in the
 * same transaction as the write (the PC's inbox writes between two transactions). A lost
 * write is printed with its record's history on every PC and on the server (SYNC_EXPLAIN=1
 * prints the same for the run's last update).
 */
import { writeFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { importBundle } from '../../renderer/src/data/bundle';
import { councilDbName, type MirrorDoc, type PouchDoc, type SyncConflict } from '../../renderer/src/data/sync';
import { TRACKED_TABLES } from '../../renderer/src/data/write';
import { revisionOf, ShingikaiDB } from '../../renderer/src/data/database';
import { addMember, deleteMember, memberReferences } from '../../renderer/src/features/councils/data';
import { commitRemark, deleteRemark, updateRemark } from '../../renderer/src/features/live/data';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { testCouchServer, SyncClient, until } from './sync-server';

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

const tokenOf = (table: OpTable, rec: Record<string, unknown> | undefined) => (rec ? String(rec[FIELDS[table]]) : null);

/** The tables an edit or deletion reads and writes (a member's deletion looks for its meetings, remarks, opinions). */
const EDIT_SCOPE = ['members', 'staff', 'remarks', 'opinions', 'matrixItems', 'meetings'];

/**
 * One update or deletion of an existing record through the app's functions, its parent (the token it
 * replaces) read in the same transaction as the write: otherwise the inbox can apply another PC's deletion
 * or edit between the read and the write, and the run would count an update of nothing (Dexie's `update`
 * answers 0, `updateRemark` null) as an acknowledged write, or name the wrong parent. 'gone': the record was
 * deleted meanwhile; 'refused': the app kept it (a member with remarks or attendance).
 */
async function editOrDelete(
  db: ShingikaiDB,
  table: OpTable,
  id: string,
  token: string,
  remove: boolean,
): Promise<{ parent: string | null; kind: 'update' | 'delete' } | 'gone' | 'refused'> {
  return db.transaction('rw', EDIT_SCOPE, async () => {
    const t = db.table(table);
    const before = (await t.get(id)) as Record<string, unknown> | undefined;
    if (!before) return 'gone';
    const parent = tokenOf(table, before);
    if (!remove) {
      if (table === 'remarks') {
        if (!(await updateRemark(db, id, { text: token }, '編集'))) return 'gone';
      } else if ((await t.update(id, { [FIELDS[table]]: token })) !== 1) return 'gone';
      return { parent, kind: 'update' };
    }
    if (table === 'remarks') {
      if (!(await deleteRemark(db, id))) return 'gone';
    } else if (table === 'members') {
      // A member with remarks or attendance is kept (the app says why): asked first, so nothing throws in here.
      if ((await memberReferences(db, before as never)).length) return 'refused';
      await deleteMember(db, before as never);
    } else await t.delete(id);
    return { parent, kind: 'delete' };
  });
}

describe('the run counts only the writes that happened, with the parent they replaced', () => {
  // The race of the randomized run, forced: another PC's write reaches this PC through the inbox's own transaction
  // while the run is editing the same record. Before, the run read the record, then wrote it in a second
  // transaction, and the inbox's write could land between the two: an update then changed nothing (the record was
  // deleted) yet was counted as an acknowledged write, or the write named as its parent the token it had read, not
  // the one it replaced — and the other PC's write, seen by nobody according to the run, was reported lost. A
  // 500-operation run with seed 20261129 failed that way: PC3's deletion of a member, counted as a child of PC2.88,
  // had replaced PC1.105 (the server's history: 3-deleted ← 2-PC1.105 ← 1-PC2.88), so "PC1.105 lost".
  for (const [table, remove, other] of [
    ['members', false, 'delete'],
    ['remarks', false, 'delete'],
    ['staff', false, 'delete'],
    ['members', true, 'update'],
    ['remarks', false, 'update'],
    ['opinions', true, 'update'],
  ] as const)
    it(`${remove ? 'a deletion' : 'an update'} of ${table} racing with another PC's ${other}`, async () => {
      const db = new ShingikaiDB(`race-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
      try {
        const bundle = buildSampleCouncil();
        const councilId = await importBundle(db, bundle);
        const t = db.table(table);
        const id =
          table === 'members'
            ? (await addMember(db, councilId, { ...bundle.members[0]!, name: 'PC2.88' } as never)).id
            : ((await t.toCollection().primaryKeys()) as string[])[0]!;
        const original = tokenOf(table, await t.get(id));
        const mark = Number(await db.changes.orderBy('seq').lastKey());
        // Both started at once, as the test loop and a PC's mirror do; the inbox writes through the write path too.
        let seenByOther: string | null | undefined;
        const [outcome] = await Promise.all([
          editOrDelete(db, table, id, 'PC3.111', remove),
          db.transaction('rw', t, async () => {
            seenByOther = tokenOf(table, await t.get(id));
            if (other === 'delete') await t.delete(id);
            else await t.update(id, { [FIELDS[table]]: 'PC1.105' });
          }),
        ]);
        const theirs = seenByOther === null ? 0 : 1; // a write of a record already gone is not logged
        const ours = (await db.changes.where('seq').above(mark).toArray()).filter((l) => l.id === id).length - theirs;
        if (seenByOther === original) {
          // The other PC's write came first: this one replaced it, or found the record gone and wrote nothing.
          if (other === 'delete') expect(outcome).toBe('gone');
          else expect(outcome).toEqual({ parent: 'PC1.105', kind: remove ? 'delete' : 'update' });
        } else expect(outcome).toEqual({ parent: original, kind: remove ? 'delete' : 'update' });
        // And the log has exactly the writes counted.
        expect(ours).toBe(typeof outcome === 'object' ? 1 : 0);
      } finally {
        db.close();
      }
    });
});

describe.skipIf(!RUN)('randomized team sync (npm run test:sync)', () => {
  const server = testCouchServer('sync-random-');

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
    const meetingIds = bundle.meetings.map((m) => m.id);
    const figures = { kills: 0, offline: 0, restarts: 0, skipped: 0, goneMeanwhile: 0 };

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
      const outcome = await editOrDelete(c.db, table, id, token, roll >= 0.8);
      if (outcome === 'gone') figures.goneMeanwhile++;
      if (outcome === 'gone' || outcome === 'refused') return false;
      writes.push({ key: `${table}:${id}`, token, parent: outcome.parent, kind: outcome.kind, client: c.name });
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

    /**
     * Everything known about a lost write, so that a failure explains itself: the writes of its record, and on
     * each PC the record, its change-log lines, revision, sync bookkeeping and the outbox cursor; the server's
     * revision tree of the document with each revision's token (or deletion).
     */
    async function explainLost(w: Write, ofKey: Write[]) {
      const table = w.key.slice(0, w.key.indexOf(':')) as OpTable;
      const id = w.key.slice(w.key.indexOf(':') + 1);
      const field = FIELDS[table];
      const pcs: Record<string, unknown> = {};
      for (const c of clients) {
        const rec = (await c.db.table(table).get(id)) as Record<string, unknown> | undefined;
        pcs[c.name] = {
          record: rec ? rec[field] : null,
          log: (await c.db.changes.filter((l) => l.table === table && l.id === id).toArray()).map(
            (l) => `${l.seq} rev${l.rev} ${l.op} ${l.at}`,
          ),
          revision: await revisionOf(c.db, table, id),
          syncRecord: await c.db.syncRecords.get([table, id]),
          outbox: (await c.db.syncState.get('outbox'))?.value,
          lastSeq: await c.db.changes.orderBy('seq').lastKey(),
          errors: c.errors.slice(0, 5).map(String),
        };
      }
      const history: Record<string, unknown>[] = [];
      const doc = (await remote
        .get(w.key, { revs_info: true, conflicts: true, deleted_conflicts: true } as never)
        .catch((e: unknown) => ({ error: String(e) }))) as PouchDoc & {
        _revs_info?: { rev: string; status: string }[];
        _deleted_conflicts?: string[];
      };
      const leaves = (await remote.get(w.key, { open_revs: 'all' }).catch(() => [])) as { ok?: PouchDoc }[];
      const revs = [...(doc._revs_info ?? []).map((r) => r.rev), ...leaves.flatMap((l) => (l.ok ? [l.ok._rev!] : []))];
      for (const rev of [...new Set(revs)].slice(0, 30)) {
        const v = (await remote.get(w.key, { rev }).catch(() => null)) as (PouchDoc & MirrorDoc) | null;
        history.push({
          rev,
          token: v?.record ? v.record[field] : null,
          deleted: v ? (v._deleted ?? v.deleted ?? false) : 'missing',
          by: v?.by,
          at: v?.at,
        });
      }
      return {
        write: w,
        writesOfRecord: ofKey.map((x) => `${x.client} ${x.kind} ${x.token} ← ${x.parent}`),
        pcs,
        server: { winner: doc._rev, conflicts: doc._conflicts, deletedConflicts: doc._deleted_conflicts, history },
        conflictsListed: conflicts.filter((cf) => `${cf.table}:${cf.id}` === w.key),
      };
    }
    const figuresLine = {
      seed: SEED,
      operations: writes.length,
      refusedByApp: figures.skipped,
      deletedBeforeTheirEdit: figures.goneMeanwhile,
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
    // SYNC_FIGURES_FILE: the bench (bench/sync-random.bench.ts) reads the run's figures from here, lost or not.
    if (process.env.SYNC_FIGURES_FILE) writeFileSync(process.env.SYNC_FIGURES_FILE, JSON.stringify(figuresLine));
    // SYNC_EXPLAIN=1 prints the same account of the run's last update even when nothing is lost.
    const explained = process.env.SYNC_EXPLAIN ? writes.filter((w) => w.kind === 'update').slice(-1) : [];
    for (const w of explained)
      console.log(`explained write ${JSON.stringify(await explainLost(w, byKey.get(w.key) ?? []))}`);
    for (const w of lost.slice(0, 5))
      console.log(`lost write ${JSON.stringify(await explainLost(w, byKey.get(w.key) ?? []), null, 1)}`);
    expect(lost.slice(0, 10)).toEqual([]);
    expect(writes.length).toBeGreaterThanOrEqual(OPS);
    if (OPS >= 5000) expect(figures.kills).toBeGreaterThan(0);
    expect(unhandled).toEqual([]);
    process.off('unhandledRejection', onUnhandled);
    await remote.close();
    for (const c of clients) await c.close();
  }, 1_500_000);
});
