/**
 * What both mirrors (records: mirror.ts, files: files.ts) share: their work runs one task at a
 * time on one promise chain, and a burst of signals — a new line of the change log, a change
 * of a local PouchDB, a poll — runs `work` once after `debounceMs` (a short coalescing window).
 */
import { liveQuery } from 'dexie';
import type { ShingikaiDB } from '../database';
import type { PouchDatabase, PouchEmitter } from './pouch';

export interface SerialJobsOptions {
  /** What a wake-up runs (on the chain). */
  work: () => Promise<void>;
  /** Failures of tasks and of the wake-up sources. */
  report: (error: unknown) => void;
  debounceMs: number;
}

/** A change of a local PouchDB as its live feed reports it. */
export interface FeedChange {
  id: string;
  changes?: { rev: string }[];
}

/** Signals that need no run (true = stay asleep). */
export interface WakeFilter {
  /** The change log's newest line (its `seq`). */
  log?: (lastSeq: number) => boolean;
  feed?: (change: FeedChange) => boolean;
}

export class SerialJobs {
  private chain: Promise<void> = Promise.resolve();
  private pending = false;
  private stopped = true;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;
  private unsubscribe: (() => void) | null = null;
  private feeds: PouchEmitter[] = [];

  constructor(private readonly options: SerialJobsOptions) {}

  /** Between start() and stop(). */
  get running(): boolean {
    return !this.stopped;
  }

  /** Runs `task` after everything queued before it; a failure is reported and does not stop the chain. */
  run(task: () => Promise<void>): Promise<void> {
    const next = this.chain.then(task);
    this.chain = next.catch((e: unknown) => this.options.report(e));
    return next;
  }

  /** Runs `work` soon: signals within `debounceMs` (typing, a bulk import) share one run. */
  schedule(): void {
    if (this.pending || this.stopped) return;
    this.pending = true;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run(async () => {
        this.pending = false;
        if (!this.stopped) await this.options.work();
      }).catch(() => undefined);
    }, this.options.debounceMs);
  }

  /**
   * Wakes on every new line of `db`'s change log, every change of `locals`, and every `pollMs` (0: no poll); runs once now.
   * `quiet` leaves out the signals the work caused itself (a log line the inbox wrote, a document the outbox wrote):
   * without it every record sent or received costs a second run that finds nothing to do.
   */
  start(db: ShingikaiDB, locals: PouchDatabase[], pollMs: number, quiet: WakeFilter = {}): void {
    this.stopped = false;
    for (const local of locals) {
      // Every leaf revision (all_docs): a change that left the document in conflict lists more than one.
      const feed = local.changes({ since: 'now', live: true, style: 'all_docs' }) as unknown as PouchEmitter;
      feed.on('change', (change) => {
        if (!quiet.feed?.(change as FeedChange)) this.schedule();
      });
      feed.on('error', (e) => this.options.report(e));
      feed.catch(() => undefined);
      this.feeds.push(feed);
    }
    const sub = liveQuery(() => db.changes.orderBy('seq').lastKey()).subscribe({
      next: (last) => {
        if (!quiet.log?.(Number(last ?? 0))) this.schedule();
      },
      error: (e: unknown) => this.options.report(e),
    });
    this.unsubscribe = () => sub.unsubscribe();
    if (pollMs > 0) this.poll = setInterval(() => this.schedule(), pollMs);
    this.schedule();
  }

  /** Stops every wake-up and waits for the task running now (and those queued before it). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const f of this.feeds) f.cancel();
    this.feeds = [];
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.poll) clearInterval(this.poll);
    if (this.timer) clearTimeout(this.timer);
    this.poll = this.timer = null;
    this.pending = false;
    await this.chain;
  }
}
