/**
 * Keeps a search index in step with the database: restores the persisted index, applies the
 * change log after its `seq` (re-reading the changed records and the docs that depend on
 * them), rebuilds from all records when there is no usable index or the history does not
 * match (a restore or an import replaced the database), and persists again after changes.
 * Runs in the search worker; the database access is behind `KeeperSource` (data.ts).
 */
import {
  packSnapshot,
  SearchIndex,
  SERIALIZED_VERSION,
  type SerializedSearchIndex,
} from '../../../../shared/search/index';
import type { SearchDoc, SearchFilters, SearchOptions, SearchResult } from '../../../../shared/search/types';

/** Bump when what a doc holds changes (shared/search/docs.ts), so stored indexes are rebuilt. */
export const INDEX_VERSION = `${SERIALIZED_VERSION}.1`;
/** More changes than this behind: rebuilding is cheaper than applying them one by one. */
export const REBUILD_BACKLOG = 20_000;
const BATCH = 2000;
/** A save put off for searches (the user typing) is written after this long at most. */
export const SAVE_MAX_DEFER_MS = 30_000;

export interface ChangeLine {
  seq?: number;
  table: string;
  id: string;
  at: string;
}

export interface StoredState {
  key: 'index';
  version: string;
  seq: number;
  mark: string;
  data: SerializedSearchIndex;
}

export interface KeeperSource {
  load(): Promise<StoredState | undefined>;
  /** `pace`, when given, is awaited before each of the save's writes (each its own transaction). */
  save(state: StoredState, pace?: () => Promise<void>): Promise<void>;
  lastChange(): Promise<ChangeLine | undefined>;
  changeAt(seq: number): Promise<ChangeLine | undefined>;
  changesAfter(seq: number, limit: number): Promise<ChangeLine[]>;
  allDocs(): Promise<SearchDoc[]>;
  docsOf(refs: Iterable<string>): Promise<Map<string, SearchDoc[]>>;
}

/**
 * How the keeper gives way to the user and to a backup (GiveWay in data/activity.ts, fed by the
 * pages' signal): `rest` before each slice of work that can wait (it rests while keys are
 * pressed), `afterBackup` before work that can wait for a backup being written to end — building
 * the index from every record and writing it (both read or write as much as the backup does) —
 * unless `wanted()` says a search is waiting for it.
 */
export interface KeeperPacing {
  rest(): Promise<void>;
  afterBackup(wanted?: () => boolean): Promise<void>;
}

const noPacing: KeeperPacing = {
  rest: () => new Promise((resolve) => setTimeout(resolve, 0)),
  afterBackup: async () => {},
};

export type KeeperStatus = {
  state: 'building' | 'ready';
  size: number;
  rebuilt: boolean;
  /** On the 'ready' of a start: how long each step of it took (ms), e.g. { read, unpack, check, catchUp, prepare }. */
  steps?: Record<string, number>;
  /** Set on the status sent after the index was written to its database (ms the write took). */
  storedMs?: number;
  /**
   * The change-log number the index reflects, on every 'ready' after a start, a rebuild or
   * changes applied: an open search asks again when it moves (a remark written after the
   * question was asked, in this window or another, then shows up).
   */
  seq?: number;
};

export const markOf = (c: ChangeLine | undefined) => (c ? `${c.at}|${c.table}|${c.id}` : '');
const refOf = (key: string) => {
  const slash = key.indexOf('/');
  return slash === -1 ? key : key.slice(0, slash);
};

export class IndexKeeper {
  private index = new SearchIndex();
  private seq = 0;
  private mark = '';
  /** record ref → the keys of its docs (a meeting has its agenda and materials, a draft its sections). */
  private parts = new Map<string, Set<string>>();
  private queue: Promise<unknown> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the last search was asked, and how many wait in the queue (a save gives way to them). */
  private lastSearchAt = -Infinity;
  private searchesWaiting = 0;
  /** When the pending save was first due (it is put off for searches up to SAVE_MAX_DEFER_MS). */
  private saveDueSince: number | null = null;
  /** True once the index reflects the database (after start). */
  ready = false;

  constructor(
    private source: KeeperSource,
    private onStatus: (s: KeeperStatus) => void = () => {},
    private saveDelayMs = 1500,
    private pacing: KeeperPacing = noPacing,
  ) {}

  /** A search was asked (before the start is over): the start's build does not wait for a backup. */
  private asked = false;

  /** The worker got a search: work the search waits for goes on even while a backup is written. */
  searchAsked(): void {
    this.asked = true;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch((error: unknown) => console.error('検索索引の更新に失敗しました', error));
    return next;
  }

  /** Restores the stored index (or builds one) and catches up with the change log. */
  start(): Promise<void> {
    return this.enqueue(async () => {
      const steps: Record<string, number> = {};
      let at0 = performance.now();
      const step = (name: string) => {
        const now = performance.now();
        steps[name] = (steps[name] ?? 0) + now - at0;
        at0 = now;
      };
      // the stored index is read (or every record, to build it) after a backup being written
      await this.pacing.afterBackup(() => this.asked || this.searchesWaiting > 0);
      step('wait');
      const stored = await this.source.load().catch(() => undefined);
      step('read');
      let restored = false;
      if (stored && stored.version === INDEX_VERSION) {
        const index = SearchIndex.deserialize(stored.data);
        step('unpack');
        const at = stored.seq > 0 ? await this.source.changeAt(stored.seq) : undefined;
        if (index && (stored.seq === 0 ? stored.mark === '' : markOf(at) === stored.mark)) {
          this.use(index, stored.seq, stored.mark);
          restored = true;
        }
        step('check');
      }
      let caughtUp = false;
      if (restored) {
        caughtUp = await this.catchUp();
        step('catchUp');
      }
      if (!caughtUp) {
        await this.rebuildNow();
        step('rebuild');
      }
      this.index.prepare();
      step('prepare');
      this.warmUp();
      step('warmUp');
      this.ready = true;
      this.onStatus({ state: 'ready', size: this.index.size, rebuilt: !restored, steps, seq: this.seq });
    });
  }

  /** Applies the changes written since the last call. */
  sync(): Promise<void> {
    return this.enqueue(async () => {
      const before = this.seq;
      if (!(await this.catchUp())) await this.rebuildNow();
      else if (this.seq !== before)
        this.onStatus({ state: 'ready', size: this.index.size, rebuilt: false, seq: this.seq });
    });
  }

  /** Builds the index again from every record (after a restore or an import). */
  rebuild(): Promise<void> {
    return this.enqueue(() => this.rebuildNow());
  }

  /** Answers after the pending updates. */
  search(query: string, filters: SearchFilters, options: SearchOptions): Promise<SearchResult> {
    return this.enqueueSearch(() => this.index.search(query, filters, options));
  }

  /** A search in the queue, counted so that a save due meanwhile is put off (the index write is long). */
  private enqueueSearch<T>(run: () => T): Promise<T> {
    this.lastSearchAt = Date.now();
    this.searchesWaiting++;
    return this.enqueue(async () => {
      this.searchesWaiting--;
      this.lastSearchAt = Date.now();
      return run();
    });
  }

  /** As `search`, unless `stale()` says a newer search came while this one waited (null then). */
  searchUnlessStale(
    query: string,
    filters: SearchFilters,
    options: SearchOptions,
    stale: () => boolean,
  ): Promise<SearchResult | null> {
    return this.enqueueSearch(() => (stale() ? null : this.index.search(query, filters, options)));
  }

  /**
   * Runs the search code once on each of its paths (1, 2 and longer terms, AND, a phrase, a
   * filter, both orders) so the first keystrokes do not pay for compiling it.
   */
  private warmUp(): void {
    for (const query of ['審', '審議', '地域福祉', 'ｺﾐｭﾆﾃｨ 推進', '"公共施設"'])
      for (const sort of ['newest', 'relevance'] as const) {
        this.index.search(query, {}, { sort, limit: 8, snippetLength: 90 });
        this.index.search(query, { kinds: ['remark'], isPublic: true }, { sort, limit: 30, snippetLength: 90 });
      }
  }

  get size() {
    return this.index.size;
  }

  /** Writes the index now (tests; the worker debounces). */
  flush(): Promise<void> {
    return this.enqueue(() => this.persist());
  }

  private use(index: SearchIndex, seq: number, mark: string) {
    this.index = index;
    this.seq = seq;
    this.mark = mark;
    this.parts.clear();
    for (const key of index.keys()) this.addPart(key);
  }

  private addPart(key: string) {
    const ref = refOf(key);
    let set = this.parts.get(ref);
    if (!set) this.parts.set(ref, (set = new Set()));
    set.add(key);
  }

  private async rebuildNow(): Promise<void> {
    this.onStatus({ state: 'building', size: this.index.size, rebuilt: true });
    // reading every record as a backup does, beside it: after it, unless a search waits for the index
    await this.pacing.afterBackup(() => this.asked || this.searchesWaiting > 0);
    const last = await this.source.lastChange();
    const docs = await this.source.allDocs();
    const index = new SearchIndex();
    index.addAll(docs);
    index.prepare();
    this.use(index, last?.seq ?? 0, markOf(last));
    this.scheduleSave();
    this.onStatus({ state: 'ready', size: index.size, rebuilt: true, seq: this.seq });
  }

  /** false = the log does not continue from our seq (a restore): rebuild. */
  private async catchUp(): Promise<boolean> {
    const last = await this.source.lastChange();
    const lastSeq = last?.seq ?? 0;
    if (lastSeq === this.seq) return markOf(last) === this.mark;
    if (lastSeq < this.seq) return false;
    if (this.seq > 0 && markOf(await this.source.changeAt(this.seq)) !== this.mark) return false;
    if (lastSeq - this.seq > REBUILD_BACKLOG) return false;
    for (;;) {
      const changes = await this.source.changesAfter(this.seq, BATCH);
      if (changes.length === 0) break;
      await this.apply(changes);
      const end = changes[changes.length - 1]!;
      this.seq = end.seq ?? this.seq;
      this.mark = markOf(end);
      if (changes.length < BATCH) break;
    }
    this.scheduleSave();
    return true;
  }

  private async apply(changes: ChangeLine[]): Promise<void> {
    const refs = new Set<string>();
    const dependents = (filters: SearchFilters) => {
      for (const key of this.index.matchKeys('', filters)) refs.add(refOf(key));
    };
    for (const c of changes) {
      refs.add(`${c.table}:${c.id}`);
      // docs that carry something of this record: a meeting's date and 公開 on its remarks,
      // opinions and minutes; a person's name on their remarks and opinions; a council's name
      // in its meetings' titles
      if (c.table === 'meetings') dependents({ meetingIds: [c.id] });
      else if (c.table === 'members' || c.table === 'staff') dependents({ speakerIds: [c.id] });
      else if (c.table === 'councils') dependents({ councilIds: [c.id], kinds: ['meeting'] });
    }
    const fresh = await this.source.docsOf(refs);
    for (const ref of refs) {
      const old = this.parts.get(ref);
      if (old) for (const key of old) this.index.remove(key);
      this.parts.delete(ref);
      for (const doc of fresh.get(ref) ?? []) {
        this.index.add(doc);
        this.addPart(doc.key);
      }
    }
  }

  /**
   * Saves the index `saveDelayMs` after the last change. Taking the snapshot of a large index holds
   * the queue (a keystroke's search would wait behind it), so the save gives way to searches:
   * while one waits, or one was asked within `saveDelayMs` (the user is typing), it is put off
   * until the searches pause — at most SAVE_MAX_DEFER_MS (the stored index is a cache).
   */
  private scheduleSave(delay = this.saveDelayMs) {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveDueSince ??= Date.now() + delay;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      const now = Date.now();
      const sinceSearch = now - this.lastSearchAt;
      const searching = this.searchesWaiting > 0 || sinceSearch < this.saveDelayMs;
      if (searching && now - (this.saveDueSince ?? now) < SAVE_MAX_DEFER_MS) {
        this.saveTimer = setTimeout(() => this.scheduleSave(0), Math.max(50, this.saveDelayMs - sinceSearch));
        return;
      }
      this.saveDueSince = null;
      // only the snapshot holds the queue; its write to the database goes on beside the searches
      void this.enqueue(async () => void this.persist());
    }, delay);
  }

  /** The writes of snapshots, one after the other. */
  private writing: Promise<void> = Promise.resolve();

  /**
   * Takes a snapshot of the index now (in the queue) and writes it; resolves when written. The
   * snapshot is not changed by later edits (strings, copies, and arrays the index replaces rather
   * than changes), so making its docs' JSON (in slices, searches run between them) and the write
   * need not hold the queue.
   */
  private persist(): Promise<void> {
    const t0 = performance.now();
    const snapshot = this.index.snapshot();
    const { seq, mark } = this;
    const size = this.index.size;
    const written = this.writing.then(async () => {
      // a cache: written after a backup being written, resting while keys are pressed
      await this.pacing.afterBackup();
      const steps = packSnapshot(snapshot);
      let next = steps.next();
      while (!next.done) {
        await this.pacing.rest();
        next = steps.next();
      }
      await this.source.save({ key: 'index', version: INDEX_VERSION, seq, mark, data: next.value }, () =>
        this.pacing.afterBackup(),
      );
      this.onStatus({ state: 'ready', size, rebuilt: false, storedMs: performance.now() - t0 });
    });
    this.writing = written.catch((error: unknown) => console.error('検索索引の保存に失敗しました', error));
    return written;
  }
}
