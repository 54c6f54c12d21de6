/**
 * What a window tells the app's background workers while it writes a backup: that one is being
 * written, and that the user pressed a key or clicked meanwhile (the same throttled signal the
 * backup worker rests on, backup.ts). Other background work (the search index keeper) hears it
 * on this channel — from every window of the app, since they all share one database and one
 * CPU — and gives way: it rests while keys are pressed and puts off what can wait (writing its
 * index) until the backup is written. No Dexie and no DOM types here: workers import it.
 */
import { TypingPacer } from './backupExport';

export const ACTIVITY_CHANNEL = 'shingikai-desk:activity';

export type Activity =
  /** A backup is being written (repeated every BACKUP_HEARTBEAT_MS while it is), or is done. */
  | { type: 'backup'; running: boolean }
  /** A key or a click on a page while a backup is written (at most every 100 ms). */
  | { type: 'input' }
  /** A worker that starts listening asks: a window writing a backup answers at once. */
  | { type: 'ask' };

/** How often a window writing a backup says so again. */
export const BACKUP_HEARTBEAT_MS = 5000;
/** Work put off for a backup waits at most this long, looking again every WAIT_STEP_MS. */
const MAX_WAIT_MS = 10 * 60_000;
const WAIT_STEP_MS = 250;
/** How long a worker that starts listening waits for a window writing a backup to say so. */
const ANSWER_MS = 300;
const ANSWER_STEP_MS = 20;

interface Channel {
  postMessage(message: Activity): void;
  close(): void;
  onmessage: ((event: { data: Activity }) => void) | null;
}

const openChannel = (): Channel | null => {
  const Ctor = (globalThis as unknown as { BroadcastChannel?: new (name: string) => Channel }).BroadcastChannel;
  return Ctor ? new Ctor(ACTIVITY_CHANNEL) : null;
};

/** The page's side, for one backup: says it runs (and again every BACKUP_HEARTBEAT_MS), passes inputs on, and ends. */
export function announceBackup(): { input(): void; end(): void } {
  const channel = openChannel();
  if (!channel) return { input() {}, end() {} };
  const say = (m: Activity) => {
    try {
      channel.postMessage(m);
    } catch {
      // a closed channel: nobody listens any more
    }
  };
  say({ type: 'backup', running: true });
  channel.onmessage = (event) => {
    if (event.data.type === 'ask') say({ type: 'backup', running: true });
  };
  const beat = setInterval(() => say({ type: 'backup', running: true }), BACKUP_HEARTBEAT_MS);
  return {
    input: () => say({ type: 'input' }),
    end() {
      clearInterval(beat);
      say({ type: 'backup', running: false });
      channel.close();
    },
  };
}

/**
 * A background worker's side: whether a backup is being written (a window that said so and has
 * not said otherwise within 3 heartbeats: a closed window's backup does not hold anyone forever)
 * and whether keys are being pressed (TypingPacer, as the backup worker's read). `now` and
 * `sleep` are injectable (tests).
 */
export class GiveWay {
  private backupSaidAt = -Infinity;
  readonly typing: TypingPacer;

  constructor(
    private readonly now = () => performance.now(),
    private readonly sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  ) {
    this.typing = new TypingPacer(
      { quietMs: 500, restMs: 40, maxRestMs: 1000, restRatio: 1.5, busyRows: 0, idleRows: 0 },
      now,
      sleep,
    );
  }

  /** Until when the windows may still answer the question of `listen` (a backup begun before it). */
  private answerBy = -Infinity;

  /** Listens on the channel (in a worker or a page) and asks whether a backup is being written; returns the stop. */
  listen(): () => void {
    const channel = openChannel();
    if (!channel) return () => {};
    channel.onmessage = (event) => this.hear(event.data);
    channel.postMessage({ type: 'ask' });
    this.answerBy = this.now() + ANSWER_MS;
    return () => channel.close();
  }

  hear(m: Activity): void {
    if (m.type === 'input') this.typing.input();
    else if (m.type === 'backup') this.backupSaidAt = m.running ? this.now() : -Infinity;
  }

  get backupRunning(): boolean {
    return this.now() - this.backupSaidAt < 3 * BACKUP_HEARTBEAT_MS;
  }

  /** Before a step of work that can wait: rests while keys are pressed (as the backup worker does, TypingPacer). */
  async rest(): Promise<void> {
    await this.typing.pace();
  }

  /**
   * Before work that can wait for a backup (reading every record, writing a cache): waits, in steps
   * of WAIT_STEP_MS, until no backup is being written or `wanted()` says the work is waited for —
   * at most MAX_WAIT_MS — then rests as `rest` does.
   */
  async afterBackup(wanted: () => boolean = () => false): Promise<void> {
    // the windows' answer is waited for only while nobody waits for the work (a search asked at
    // start would otherwise wait the whole ANSWER_MS for a backup that is rarely there)
    while (this.now() < this.answerBy && !this.backupRunning && !wanted()) await this.sleep(ANSWER_STEP_MS);
    const since = this.now();
    while (this.backupRunning && !wanted() && this.now() - since < MAX_WAIT_MS) await this.sleep(WAIT_STEP_MS);
    await this.rest();
  }
}
