/**
 * The mirror: Dexie stays the app's database; each shared council also lives in a local
 * PouchDB that replicates with the council's CouchDB database through PouchDB's own
 * `sync()` (live, retried). Between Dexie and the local PouchDB:
 *
 * - **Outbox** (Dexie → PouchDB). The write path's `changes` log after the `outbox` cursor
 *   (in `syncState`, so a restart resumes) names the records written; each is sent as its
 *   current state — the record, or a tombstone when it was deleted — as a child of the
 *   revision the local copy was synced from (`syncRecords.pouchRev`). When that revision was
 *   meanwhile extended by someone else, PouchDB keeps both branches: a CouchDB conflict, never
 *   an overwrite. A write the inbox made itself is recognised by its `rev` (≤ `localRev`) and
 *   not echoed back.
 * - **Inbox** (PouchDB → Dexie). The local PouchDB's changes after the `inbox:<council>`
 *   cursor are applied through the same write path (so search, backups and undo see them) in
 *   one transaction together with the cursor. A record with an edit not yet sent is left alone
 *   (the outbox sends it next, as a branch). A record in conflict keeps the local version when
 *   that is one of the live versions, else takes CouchDB's winner; the conflict is listed in
 *   `syncConflicts` on every client until someone resolves it (`resolve`), and the resolution
 *   replicates like any edit.
 *
 * Deletions travel as live tombstones (`deleted: true`), so a deletion against a concurrent
 * edit is a visible conflict too; CouchDB's own `_deleted` is used only to prune the losing
 * branches of a resolved conflict. The mirror is framework-free: PouchDB databases are handed
 * in (pouchdb-browser in the app, pouchdb-node / memory in tests).
 */
import { mirrorDocBody } from '../../../../shared/contract/team';
import { revisionOf, revisionsOf, type ShingikaiDB } from '../database';
import { OPERATOR_NAME_KEY, TRACKED_TABLES, type RevisionRecord, type TrackedTable } from '../write';
import { councilDbName, docId, linkOf, parseDocId, revGeneration, revHash, revHashOf, sameContent } from './docs';
import type { ConflictVersion, MirrorDoc, SyncConflict, SyncRecord } from './model';
import { SerialJobs } from './jobs';
import { replicationTarget, type PouchDatabase, type PouchDoc, type PouchEmitter } from './pouch';

/** The hops of a record's way from one PC's Dexie to another's (MirrorOptions.trace); 'run': the pump ran (no ids). */
export type SyncHop = 'outbox' | 'push' | 'pull' | 'inbox' | 'run';

export type CouncilSyncState = 'connecting' | 'syncing' | 'synced' | 'offline' | 'denied' | 'stopped';

export interface CouncilStatus {
  state: CouncilSyncState;
  /** When replication last reached the server and caught up (ISO). */
  lastSyncAt: string | null;
  /** The last problem, in Japanese. */
  error: string | null;
  /** Documents the server refused (a read-only member's edits). */
  denied: number;
}

export interface MirrorStatus {
  councils: Record<string, CouncilStatus>;
  conflicts: number;
}

export interface MirrorOptions {
  db: ShingikaiDB;
  /** The councils shared with the team (their ids). */
  councils: string[];
  /** Opens the local PouchDB of a council database (named by `councilDbName`). */
  openLocal(dbName: string): PouchDatabase;
  /** The server's database (a PouchDB over HTTP with credentials, or its URL). */
  openRemote(dbName: string): PouchDatabase | string;
  /** Records per outbox / inbox step. */
  batchSize?: number;
  /** Documents per replication step with the server (PouchDB's `batch_size`; default 500). */
  replicationBatchSize?: number;
  /** The longest wait between reconnection attempts (ms). */
  retryMaxMs?: number;
  /** How often the outbox looks at the change log even without a signal (ms; 0 = never). */
  pollMs?: number;
  /**
   * How long after a signal the pump runs, so that a burst of writes is sent together (ms). A
   * burst never costs more than one run per window: signals while a run is waiting share it.
   */
  debounceMs?: number;
  /**
   * true: every signal wakes the pump, also those the mirror caused itself (a document the outbox
   * wrote, a log line the inbox wrote) — as before; the sync bench compares. Default false.
   */
  wakeOnOwnWrites?: boolean;
  onStatus?(status: MirrorStatus): void;
  /**
   * Timing probe (benches): called with the document ids (`table:id`) at each hop of the path —
   * written into the local PouchDB by the outbox, pushed to / pulled from the server by the
   * replication, applied to Dexie by the inbox.
   */
  trace?(hop: SyncHop, ids: string[]): void;
  /** Anything the mirror could not handle itself; it keeps running. */
  onError?(error: unknown): void;
}

type Key = { table: TrackedTable; id: string };
const keyOf = (k: Key): [string, string] => [k.table, k.id];
const TABLE_NAMES: string[] = [...TRACKED_TABLES];
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

/** A reason in Japanese for a replication error (the server's status when there is one). */
export function syncErrorMessage(error: unknown): { state: CouncilSyncState; message: string } {
  const status = isRecord(error) && typeof error.status === 'number' ? error.status : 0;
  const reason = isRecord(error) ? `${String(error.reason ?? '')} ${String(error.message ?? '')}` : '';
  // A wrong password is 401 "Name or password is incorrect."; a database that refuses a
  // logged-in user is 403 on CouchDB 3 (401 "not authorized to access this db" on express-pouchdb).
  if (status === 401 && /name or password/i.test(reason))
    return { state: 'denied', message: 'ユーザー名またはパスワードが正しくないため、サーバーに接続できません。' };
  if (status === 401 || status === 403)
    return { state: 'denied', message: 'この審議会を共有する権限がありません。IT 担当者に確認してください。' };
  if (status === 404) return { state: 'offline', message: 'サーバーにこの審議会のデータベースがありません。' };
  return { state: 'offline', message: 'サーバーに接続できません（オフライン）。接続が戻ると自動で同期します。' };
}

export class Mirror {
  readonly db: ShingikaiDB;
  private readonly councils: string[];
  private readonly locals = new Map<string, PouchDatabase>();
  private readonly syncs = new Map<string, PouchEmitter>();
  private readonly status = new Map<string, CouncilStatus>();
  private conflictCount = 0;
  private readonly jobs: SerialJobs;
  /** `id@rev` of the documents the outbox wrote that the local feed has not reported yet. */
  private readonly ownRevs = new Set<string>();
  /** The change log up to here was written by the inbox and needs no outbox run. */
  private ownLinesUpTo = 0;
  private readonly batch: number;

  constructor(private readonly options: MirrorOptions) {
    this.db = options.db;
    this.councils = [...new Set(options.councils)];
    this.batch = options.batchSize ?? 250;
    for (const c of this.councils) this.status.set(c, { state: 'stopped', lastSyncAt: null, error: null, denied: 0 });
    this.jobs = new SerialJobs({
      work: () => this.pump(),
      report: (e) => this.report(e),
      debounceMs: options.debounceMs ?? 20,
    });
  }

  /** The local PouchDB of a shared council. */
  local(councilId: string): PouchDatabase {
    let db = this.locals.get(councilId);
    if (!db) {
      db = this.options.openLocal(councilDbName(councilId));
      this.locals.set(councilId, db);
    }
    return db;
  }

  /** Sends what is not on the server yet, then follows Dexie and the local PouchDB, and replicates. */
  async start(): Promise<void> {
    await this.run(async () => {
      // First start: the log so far is covered by the scan of each council below.
      if (!(await this.db.syncState.get('outbox'))) {
        const last = Number((await this.db.changes.orderBy('seq').lastKey()) ?? 0);
        await this.db.syncState.put({ key: 'outbox', value: last });
      }
      for (const c of this.councils) {
        if (await this.db.syncState.get(`scanned:${c}`)) continue;
        await this.pushRecords(await this.councilKeys(c));
        await this.db.syncState.put({ key: `scanned:${c}`, value: new Date().toISOString() });
      }
    });
    this.jobs.start(
      this.db,
      this.councils.map((c) => this.local(c)),
      this.options.pollMs ?? 2000,
      this.options.wakeOnOwnWrites
        ? {}
        : {
            // The inbox's own lines, already skipped by the outbox's cursor (skipOwnLines).
            log: (last) => last <= this.ownLinesUpTo,
            // A document the outbox just wrote; the inbox reads it at the next run (a poll at the latest).
            // A write that left the document in conflict (more than one leaf) still wakes the pump.
            feed: (change) =>
              this.ownRevs.delete(`${change.id}@${change.changes?.[0]?.rev}`) && change.changes?.length === 1,
          },
    );
    this.connect();
    await this.countConflicts(true); // conflicts listed in an earlier session still count
  }

  /** Starts (or restarts) replication with the server: live, retried with back-off. */
  connect(): void {
    if (!this.jobs.running) return;
    const maxWait = this.options.retryMaxMs ?? 30_000;
    for (const c of this.councils) {
      if (this.syncs.has(c)) continue;
      const st = this.status.get(c)!;
      st.state = 'connecting';
      const handler = this.local(c).sync(replicationTarget(this.options.openRemote(councilDbName(c))), {
        live: true,
        retry: true,
        // Larger steps than PouchDB's 100: a first sync of a large council makes fewer round trips.
        batch_size: this.options.replicationBatchSize ?? 500,
        back_off_function: (delay: number) => (delay === 0 ? 250 : Math.min(delay * 2, maxWait)),
      });
      // sync()'s own 'paused' drops the error of the half that failed (a retried push or pull
      // pauses with it): the halves' errors are followed here, before sync()'s listeners run.
      const failing = new Map<string, unknown>();
      const halves = handler as PouchEmitter & { push?: PouchEmitter; pull?: PouchEmitter };
      for (const [name, half] of [
        ['push', halves.push],
        ['pull', halves.pull],
      ] as const) {
        half?.on('paused', (err) => (err ? failing.set(name, err) : failing.delete(name)));
        half?.on('active', () => failing.delete(name));
      }
      const trace = this.options.trace;
      if (trace)
        handler.on('change', (info) => {
          const { direction, change } = info as { direction: 'push' | 'pull'; change: { docs?: PouchDoc[] } };
          trace(
            direction,
            (change.docs ?? []).map((d) => d._id),
          );
        });
      handler
        .on('active', () => this.setState(c, 'syncing', null))
        .on('paused', (err) => {
          const failure = err ?? [...failing.values()][0];
          if (failure) this.setFailure(c, failure);
          else {
            st.lastSyncAt = new Date().toISOString();
            this.setState(c, 'synced', st.denied ? st.error : null);
          }
        })
        .on('denied', (err) => {
          st.denied++;
          st.error = 'サーバーが変更を受け付けませんでした（閲覧のみの権限の可能性があります）。';
          this.report(err);
          this.emit();
        })
        .on('error', (err) => this.setFailure(c, err));
      // A replication that ends in an error (server gone mid-request) rejects its promise too:
      // handled here, so it never becomes an unhandled rejection.
      handler.catch((err) => this.setFailure(c, err));
      this.syncs.set(c, handler);
    }
    this.emit();
  }

  /** Stops replicating (going offline); local work and the outbox into the local PouchDB go on. */
  disconnect(): void {
    for (const [c, h] of this.syncs) {
      h.cancel();
      this.setState(c, 'offline', null);
    }
    this.syncs.clear();
  }

  async stop(): Promise<void> {
    this.disconnect();
    await this.jobs.stop();
    for (const [c, l] of this.locals) {
      await l.close().catch((e: unknown) => this.report(e));
      this.status.get(c)!.state = 'stopped';
    }
    this.locals.clear();
  }

  /** Moves everything between Dexie and the local PouchDBs until both are idle. */
  flush(): Promise<void> {
    return this.run(() => this.pump());
  }

  getStatus(): MirrorStatus {
    return {
      councils: Object.fromEntries([...this.status].map(([c, s]) => [c, { ...s }])),
      conflicts: this.conflictCount,
    };
  }

  /**
   * Resolves a conflict: `record` (a version the user kept, or an edited merge; null = deleted)
   * becomes the one version — written over CouchDB's winner, the other branches pruned — and
   * the local copy. The resolution replicates to every client, which drop their conflict row.
   */
  resolve(table: TrackedTable, id: string, record: Record<string, unknown> | null): Promise<void> {
    return this.run(async () => {
      const conflict = await this.db.syncConflicts.get([table, id]);
      if (!conflict) return;
      const local = this.local(conflict.councilId);
      const current = (await local.get(docId(table, id), { conflicts: true })) as PouchDoc;
      const by = await this.operator();
      const body = bodyOf(table, conflict.councilId, record, by, new Date().toISOString());
      const res = await local.bulkDocs([
        { ...body, _id: docId(table, id), _rev: current._rev },
        ...(current._conflicts ?? []).map((rev) => ({ _id: docId(table, id), _rev: rev, _deleted: true })),
      ]);
      const rev = res[0]?.rev;
      if (!rev) throw new Error(`resolve ${table}:${id}: ${res[0]?.message ?? res[0]?.reason ?? 'failed'}`);
      await this.db.transaction('rw', [table, 'revisions', 'syncRecords', 'syncConflicts'], async () => {
        const t = this.db.table(table);
        const existing = (await t.get(id)) as Record<string, unknown> | undefined;
        if (record === null) {
          if (existing) await t.delete(id);
        } else if (!existing || !sameContent({ record: existing }, { record })) await t.put(record);
        const after = await revisionOf(this.db, table, id);
        await this.db.syncRecords.put({
          table,
          id,
          councilId: conflict.councilId,
          pouchRev: rev,
          localRev: after?.rev ?? 0,
        });
        await this.db.syncConflicts.delete([table, id]);
      });
      await this.countConflicts();
    });
  }

  // ------------------------------------------------------------------ internals

  private run(task: () => Promise<void>): Promise<void> {
    return this.jobs.run(task);
  }

  private async pump(): Promise<void> {
    this.options.trace?.('run', []);
    for (;;) {
      const sent = await this.pushOutbox();
      let received = 0;
      for (const c of this.councils) received += await this.pullInbox(c);
      if (sent + received === 0) break;
    }
  }

  private report(error: unknown): void {
    this.options.onError?.(error);
  }

  private setState(c: string, state: CouncilSyncState, error: string | null) {
    const st = this.status.get(c)!;
    st.state = state;
    st.error = error;
    this.emit();
  }

  private setFailure(c: string, err: unknown) {
    const { state, message } = syncErrorMessage(err);
    this.setState(c, state, message);
  }

  private emit() {
    this.options.onStatus?.(this.getStatus());
  }

  private async operator(): Promise<string> {
    const rec = await this.db.meta.get(OPERATOR_NAME_KEY);
    return typeof rec?.value === 'string' ? rec.value.trim() : '';
  }

  private async countConflicts(always = false) {
    const n = await this.db.syncConflicts.where('councilId').anyOf(this.councils).count();
    if (always || n !== this.conflictCount) {
      this.conflictCount = n;
      this.emit();
    }
  }

  /** Every record of a council in Dexie (for its first sync). */
  private councilKeys(councilId: string): Promise<Key[]> {
    const db = this.db;
    return db.transaction('r', TABLE_NAMES, async () => {
      const keys: Key[] = [];
      const add = (table: TrackedTable, ids: string[]) => ids.forEach((id) => keys.push({ table, id }));
      if (await db.councils.get(councilId)) add('councils', [councilId]);
      const byCouncil = async (table: TrackedTable) =>
        (await db.table(table).where('councilId').equals(councilId).primaryKeys()) as string[];
      for (const t of TRACKED_TABLES) if (linkOf(t) === 'councilId') add(t, await byCouncil(t));
      const meetings = await byCouncil('meetings');
      const drafts = await byCouncil('drafts');
      const plans = await byCouncil('actionPlans');
      add('remarks', await keysByParent(db, 'remarks', 'meetingId', meetings));
      add('minutes', await keysByParent(db, 'minutes', 'meetingId', meetings));
      add('draftVersions', await keysByParent(db, 'draftVersions', 'draftId', drafts));
      const actions = await keysByParent(db, 'actions', 'planId', plans);
      add('actions', actions);
      add('progress', await keysByParent(db, 'progress', 'actionId', actions));
      return keys;
    });
  }

  /** The outbox: the change log after the cursor, one batch. Returns the log lines consumed. */
  private async pushOutbox(): Promise<number> {
    const cursor = Number((await this.db.syncState.get('outbox'))?.value ?? 0);
    const lines = await this.db.changes.where('seq').above(cursor).limit(this.batch).toArray();
    if (!lines.length) return 0;
    const seen = new Set<string>();
    const keys: Key[] = [];
    for (const l of lines) {
      const k = `${l.table}\u0000${l.id}`;
      if (!seen.has(k)) keys.push({ table: l.table, id: l.id });
      seen.add(k);
    }
    await this.pushRecords(keys, lines[lines.length - 1]!.seq!);
    return lines.length;
  }

  /**
   * Sends records' current state to their councils' local PouchDBs, each as a child of the
   * revision it was synced from; then remembers the new revisions (and moves the cursor).
   */
  private async pushRecords(keys: Key[], cursor?: number): Promise<void> {
    const shared = new Set(this.councils);
    const db = this.db;
    type Entry = Key & {
      councilId: string;
      record: Record<string, unknown> | null;
      rev: RevisionRecord;
      sr?: SyncRecord;
    };
    const entries = await db.transaction('r', [...TABLE_NAMES, 'revisions', 'syncRecords'], async () => {
      const revs = await revisionsOf(db, keys.map(keyOf));
      const srs = await db.syncRecords.bulkGet(keys.map(keyOf));
      const records = new Map<string, Record<string, unknown> | undefined>();
      const byTable = new Map<TrackedTable, string[]>();
      keys.forEach((k) => byTable.set(k.table, [...(byTable.get(k.table) ?? []), k.id]));
      for (const [table, ids] of byTable) {
        const found = (await db.table(table).bulkGet(ids)) as (Record<string, unknown> | undefined)[];
        ids.forEach((id, i) => records.set(`${table}:${id}`, found[i]));
      }
      const route = await councilRoutes(
        db,
        [...records.values()].filter((r) => r !== undefined),
      );
      const out: Entry[] = [];
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const rev = revs[i];
        const sr = srs[i];
        if (!rev || (sr && sr.localRev >= rev.rev)) continue; // synced already (or written by the inbox)
        const record = records.get(`${k.table}:${k.id}`) ?? null;
        if (!record && !sr) continue; // created and deleted before it ever left this PC
        const councilId = sr?.councilId ?? (record ? route(k.table, record) : undefined);
        if (!councilId || !shared.has(councilId)) continue;
        out.push({ ...k, councilId, record, rev, sr });
      }
      return out;
    });

    const written: SyncRecord[] = [];
    /** Adopted winners that are in conflict: the inbox skipped them (an edit was pending) and sees no new change. */
    const adoptedConflicts: { e: Entry; councilId: string; winner: PouchDoc & MirrorDoc }[] = [];
    const byCouncil = new Map<string, Entry[]>();
    entries.forEach((e) => byCouncil.set(e.councilId, [...(byCouncil.get(e.councilId) ?? []), e]));
    for (const [councilId, list] of byCouncil) {
      const local = this.local(councilId);
      const ids = list.map((e) => docId(e.table, e.id));
      const current = await local.allDocs({ keys: ids, include_docs: true, conflicts: true });
      const docs: PouchDoc[] = [];
      list.forEach((e, i) => {
        const body = bodyOf(e.table, councilId, e.record, e.rev.updatedBy, e.rev.updatedAt);
        const winner = current.rows[i]?.doc as (PouchDoc & MirrorDoc) | null | undefined;
        let pouchRev: string;
        if (winner && sameContent(winner, body)) {
          pouchRev = winner._rev!; // already there (sent before a restart, or the same edit from elsewhere)
          if (winner._conflicts?.length) adoptedConflicts.push({ e, councilId, winner });
        } else {
          const base = e.sr?.pouchRev;
          const gen = base ? revGeneration(base) + 1 : 1;
          const hash = revHash();
          pouchRev = `${gen}-${hash}`;
          docs.push({
            ...body,
            _id: ids[i]!,
            _rev: pouchRev,
            _revisions: { start: gen, ids: base ? [hash, revHashOf(base)] : [hash] },
          });
        }
        written.push({ table: e.table, id: e.id, councilId, pouchRev, localRev: e.rev.rev });
      });
      if (docs.length) {
        // Known before the write: the local feed may report a document before bulkDocs returns.
        if (this.ownRevs.size > 20_000) this.ownRevs.clear(); // a feed that stopped reporting: wake as before
        const own = docs.map((d) => `${d._id}@${d._rev}`);
        for (const o of own) this.ownRevs.add(o);
        const res = await local.bulkDocs(docs, { new_edits: false });
        const failed = res.find((r) => r.error);
        if (failed) {
          for (const o of own) this.ownRevs.delete(o);
          throw new Error(`outbox ${failed.id}: ${failed.message ?? failed.reason ?? failed.name}`);
        }
        this.options.trace?.(
          'outbox',
          docs.map((d) => d._id),
        );
      }
    }
    // Listed here, as the inbox would have: otherwise this PC alone would miss a conflict the others list.
    const now = new Date().toISOString();
    const conflicts: SyncConflict[] = [];
    for (const { e, councilId, winner } of adoptedConflicts) {
      const leaves = (await this.local(councilId).get(winner._id, { open_revs: winner._conflicts! })) as {
        ok?: PouchDoc & MirrorDoc;
      }[];
      const versions = [winner, ...leaves.flatMap((l) => (l.ok && !l.ok._deleted ? [l.ok] : []))].map(versionOf);
      if (versions.length > 1)
        conflicts.push(conflictOf(e.table, e.id, councilId, winner._rev!, winner._rev!, versions, now));
    }
    await db.transaction('rw', ['syncRecords', 'syncState', 'syncConflicts'], async () => {
      if (written.length) await db.syncRecords.bulkPut(written);
      if (conflicts.length) await db.syncConflicts.bulkPut(conflicts);
      if (cursor !== undefined) await db.syncState.put({ key: 'outbox', value: cursor });
    });
    if (conflicts.length) await this.countConflicts();
  }

  /** The inbox of one council: one batch of the local PouchDB's changes into Dexie. Returns the changes read. */
  private async pullInbox(councilId: string): Promise<number> {
    const local = this.local(councilId);
    const cursorKey = `inbox:${councilId}`;
    const since = (await this.db.syncState.get(cursorKey))?.value ?? 0;
    const res = await local.changes({ since, limit: this.batch, include_docs: true, conflicts: true });
    if (!res.results.length) return 0;
    type Incoming = Key & { doc: PouchDoc & MirrorDoc; versions: ConflictVersion[] };
    const incoming: Incoming[] = [];
    for (const r of res.results) {
      const key = parseDocId(r.id);
      if (!key || !r.doc) continue;
      const doc = r.doc as PouchDoc & MirrorDoc;
      let versions: ConflictVersion[] = [];
      if (doc._conflicts?.length) {
        const leaves = (await local.get(r.id, { open_revs: doc._conflicts })) as { ok?: PouchDoc & MirrorDoc }[];
        versions = [doc, ...leaves.flatMap((l) => (l.ok && !l.ok._deleted ? [l.ok] : []))].map(versionOf);
      }
      incoming.push({ ...key, doc, versions });
    }

    const db = this.db;
    const now = new Date().toISOString();
    const prune: { id: string; revs: string[] }[] = [];
    let appliedIds: string[] = [];
    let skippedTo: number | null = null;
    await db.transaction('rw', [...TABLE_NAMES, ...INBOX_BOOKKEEPING], async () => {
      const logBefore = await lastLogSeq(db);
      const keys = incoming.map(keyOf);
      const srs = await db.syncRecords.bulkGet(keys);
      const revs = await revisionsOf(db, keys);
      const applied: { i: number; pouchRev: string }[] = [];
      const conflictsPut: SyncConflict[] = [];
      const conflictsGone: [string, string][] = [];
      /** Index → deleted (true) or put (false) by this batch. */
      const written = new Map<number, boolean>();
      // The batch's current records read at once, and its writes done per table in bulk (a first
      // sync of 10,000 records is 40 steps of one bulkGet + one bulkPut, not 20,000 single calls).
      // A record with no revision row was never written here (every write and every restore stamps
      // one): not read (a first sync reads none). A frozen version is always read (data/rules.ts).
      const byTable = new Map<TrackedTable, string[]>();
      incoming.forEach((k, i) => {
        if (revs[i] || k.table === 'draftVersions') push(byTable, k.table, k.id);
      });
      const existingOf = new Map<string, Record<string, unknown> | undefined>();
      for (const [table, ids] of byTable) {
        const found = (await db.table(table).bulkGet(ids)) as (Record<string, unknown> | undefined)[];
        ids.forEach((id, n) => existingOf.set(`${table}:${id}`, found[n]));
      }
      const puts = new Map<TrackedTable, Record<string, unknown>[]>();
      const deletes = new Map<TrackedTable, string[]>();
      for (let i = 0; i < incoming.length; i++) {
        const { table, id, doc, versions } = incoming[i]!;
        const sr = srs[i];
        const rev = revs[i];
        // An edit here not sent yet: the outbox sends it next, as a branch of what it was edited from.
        if (rev && (sr ? rev.rev > sr.localRev : !rev.deleted)) continue;
        const live = [doc._rev!, ...(doc._conflicts ?? [])];
        const inConflict = live.length > 1;
        // In a conflict the local copy stays when it is one of the live versions (never overwritten).
        const target = inConflict && sr && live.includes(sr.pouchRev) ? sr.pouchRev : doc._rev!;
        if (target !== sr?.pouchRev) {
          const existing = existingOf.get(`${table}:${id}`);
          const gone = doc._deleted || doc.deleted || !doc.record;
          if (gone) {
            if (existing) push(deletes, table, id);
            if (existing) written.set(i, true);
          } else if (!existing || !sameContent({ record: existing }, { record: doc.record })) {
            if (existing && table === 'draftVersions') {
              // A frozen version is never rewritten (data/rules.ts): shown as a conflict instead.
              versions.push(versionOf(doc));
              conflictsPut.push(conflictOf(table, id, councilId, doc._rev!, sr?.pouchRev ?? '', versions, now));
              continue;
            }
            push(puts, table, doc.record!);
            written.set(i, false);
          }
          applied.push({ i, pouchRev: target });
        }
        if (inConflict) conflictsPut.push(conflictOf(table, id, councilId, doc._rev!, target, versions, now));
        else conflictsGone.push([table, id]);
        if (inConflict && versions.every((v) => v.record === null))
          prune.push({ id: docId(table, id), revs: doc._conflicts ?? [] }); // deleted on both sides: nothing to choose
      }
      for (const [table, records] of puts) await db.table(table).bulkPut(records);
      for (const [table, ids] of deletes) await db.table(table).bulkDelete(ids);
      appliedIds = applied.map(({ i }) => docId(incoming[i]!.table, incoming[i]!.id));
      if (applied.length) {
        // The revisions the write path just stamped, not read back: one above the one read before
        // (data/write.ts); a record left as it was keeps its revision.
        const after = applied.map(({ i }): RevisionRecord | undefined => {
          const before = revs[i];
          const deleted = written.get(i);
          if (deleted === undefined) return before;
          const { table, id } = incoming[i]!;
          const rev = (before?.rev ?? 0) + 1;
          return { table, id, rev, updatedBy: '', updatedAt: now, ...(deleted ? { deleted: true } : {}) };
        });
        await db.syncRecords.bulkPut(
          applied.map(({ i, pouchRev }, n) => ({
            ...keyOf2(incoming[i]!),
            councilId,
            pouchRev,
            localRev: after[n]?.rev ?? 0,
          })),
        );
        // The revision names who wrote the change on the other PC, not this PC's operator.
        const restamp = applied.flatMap(({ i }, n) => {
          const a = after[n];
          const by = incoming[i]!.doc.by;
          return a && typeof by === 'string' ? [{ ...a, updatedBy: by }] : [];
        });
        if (restamp.length) await db.revisions.bulkPut(restamp);
      }
      if (conflictsPut.length) await db.syncConflicts.bulkPut(conflictsPut);
      // Rows of conflicts now settled: only looked for when the council lists any (a first sync lists none).
      if (conflictsGone.length && (await db.syncConflicts.where('councilId').equals(councilId).count()))
        await db.syncConflicts.bulkDelete(conflictsGone);
      skippedTo = await skipOwnLines(db, logBefore);
      await db.syncState.put({ key: cursorKey, value: res.last_seq });
    });
    if (skippedTo) this.ownLinesUpTo = skippedTo;
    if (appliedIds.length) this.options.trace?.('inbox', appliedIds);
    for (const p of prune)
      await local
        .bulkDocs(p.revs.map((rev) => ({ _id: p.id, _rev: rev, _deleted: true })))
        .catch((e: unknown) => this.report(e));
    await this.countConflicts();
    return res.results.length;
  }
}

const keyOf2 = (k: Key) => ({ table: k.table, id: k.id });

/**
 * The ids of a table's records under some parents, one plain index range per parent (read in
 * one go, as getAllKeys) rather than one `anyOf` cursor: a cursor over an index whose key is
 * the same for thousands of records (every remark of a meeting) is stepped record by record,
 * and fake-indexeddb (the Node clients) restarts each step at the first equal key.
 */
async function keysByParent(db: ShingikaiDB, table: TrackedTable, index: string, parents: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of parents) out.push(...((await db.table(table).where(index).equals(p).primaryKeys()) as string[]));
  return out;
}

/** The inbox's transaction: the records' tables and the bookkeeping it reads and writes (the change log included). */
const INBOX_BOOKKEEPING = ['revisions', 'changes', 'syncRecords', 'syncConflicts', 'syncState'];

const lastLogSeq = async (db: ShingikaiDB) => Number((await db.changes.orderBy('seq').lastKey()) ?? 0);

/**
 * The change-log lines the inbox's own writes just appended (after `before`) are not the
 * outbox's work: each names a record whose `syncRecords` row already says it is synced at
 * that revision, so the outbox would read and skip them one batch at a time (a first sync of
 * 10,000 records: 10,000 lines). When the outbox had nothing older pending, its cursor moves
 * past them in the inbox's transaction (returns the new cursor; null when it stayed). (Inside
 * that transaction no other write can land between `before` and the end, so those lines are
 * all the inbox's.)
 */
async function skipOwnLines(db: ShingikaiDB, before: number): Promise<number | null> {
  const after = await lastLogSeq(db);
  if (after === before) return null;
  const cursor = await db.syncState.get('outbox');
  if (!cursor || Number(cursor.value) < before) return null;
  await db.syncState.put({ key: 'outbox', value: after });
  return after;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function bodyOf(
  table: TrackedTable,
  councilId: string,
  record: Record<string, unknown> | null,
  by: string,
  at: string,
): Omit<MirrorDoc, '_id'> {
  return mirrorDocBody(table, councilId, record, by, at) as Omit<MirrorDoc, '_id'>;
}

function versionOf(doc: PouchDoc & MirrorDoc): ConflictVersion {
  return {
    rev: doc._rev!,
    record: doc.deleted || !doc.record ? null : doc.record,
    by: typeof doc.by === 'string' ? doc.by : '',
    at: typeof doc.at === 'string' ? doc.at : '',
  };
}

function conflictOf(
  table: TrackedTable,
  id: string,
  councilId: string,
  winner: string,
  local: string,
  versions: ConflictVersion[],
  detectedAt: string,
): SyncConflict {
  return { table, id, councilId, winner, local, versions, detectedAt };
}

/**
 * Finds the council of records through their parents (meeting, draft, plan, action), read in
 * bulk first: inside a Dexie transaction only Dexie's own promises may be awaited. A parent
 * deleted meanwhile is still known by the council it was synced in (`syncRecords`).
 */
async function councilRoutes(
  db: ShingikaiDB,
  records: Record<string, unknown>[],
): Promise<(table: TrackedTable, record: Record<string, unknown>) => string | undefined> {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const ids = (field: string) => [...new Set(records.map((r) => str(r[field])).filter((v): v is string => !!v))];
  /** Parent id → the parent's `field`, or (parent gone) the council it was synced in. */
  const load = async (table: 'meetings' | 'drafts' | 'actionPlans' | 'actions', keys: string[], field: string) => {
    const found = (await db.table(table).bulkGet(keys)) as (Record<string, unknown> | undefined)[];
    const synced = await db.syncRecords.bulkGet(keys.map((id) => [table, id]));
    const out = new Map<string, { value?: string; council?: string }>();
    keys.forEach((id, i) => out.set(id, { value: str(found[i]?.[field]), council: synced[i]?.councilId }));
    return out;
  };
  const meetings = await load('meetings', ids('meetingId'), 'councilId');
  const drafts = await load('drafts', ids('draftId'), 'councilId');
  const actions = await load('actions', ids('actionId'), 'planId');
  const planIds = [...actions.values()].flatMap((a) => (a.value ? [a.value] : []));
  const plans = await load('actionPlans', [...new Set([...ids('planId'), ...planIds])], 'councilId');
  const viaCouncil = (p?: { value?: string; council?: string }) => p?.value ?? p?.council;
  return (table, record) => {
    const link = linkOf(table);
    if (link === 'self') return str(record.id);
    if (link === 'councilId') return str(record.councilId);
    if (link === 'meetingId') return viaCouncil(meetings.get(str(record.meetingId) ?? ''));
    if (link === 'draftId') return viaCouncil(drafts.get(str(record.draftId) ?? ''));
    if (link === 'planId') return viaCouncil(plans.get(str(record.planId) ?? ''));
    const action = actions.get(str(record.actionId) ?? '');
    return action?.value ? viaCouncil(plans.get(action.value)) : action?.council;
  };
}
