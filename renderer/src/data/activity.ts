/**
 * What a window tells the app's background workers: that a backup is being written, and that
 * the user pressed a key or clicked (at most every INPUT_SIGNAL_MS, whether a backup runs or
 * not). Background work (the search index keeper) hears it on this channel — from every window
 * of the app, since they all share one database and one CPU — and gives way: it rests while
 * keys are pressed, and puts off what can wait (reading its index, building or writing it)
 * until the backup is written and the typing pauses. No Dexie and no DOM types here: workers
 * import it.
 */
import { TypingPacer } from './backupExport';

export const ACTIVITY_CHANNEL = 'shingikai-desk:activity';

export type Activity =
  /** A backup is being written (repeated every BACKUP_HEARTBEAT_MS while it is), or is done. */
  | { type: 'backup'; running: boolean }
  /** A key or a click on a page (at most every INPUT_SIGNAL_MS). */
  | { type: 'input' }
  /** A worker that starts listening asks: a window writing a backup answers at once. */
  | { type: 'ask' };

/** A window says that keys or clicks came at most this often (well under TypingPacer's quietMs). */
export const INPUT_SIGNAL_MS = 200;
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

/** What a page listens on for keys and clicks (a window; no DOM types here). */
export interface InputSource {
  addEventListener(type: string, listener: (event: { timeStamp: number }) => void, options: object): void;
  removeEventListener(type: string, listener: (event: { timeStamp: number }) => void, options: object): void;
}
const INPUT_EVENTS = ['keydown', 'pointerdown'] as const;

/** The page's side, for the whole run: says that keys or clicks came (at most every INPUT_SIGNAL_MS); returns the stop. */
export function announceInputs(source: InputSource): () => void {
  const channel = openChannel();
  if (!channel) return () => {};
  let told = -Infinity;
  const onInput = (event: { timeStamp: number }) => {
    if (event.timeStamp - told < INPUT_SIGNAL_MS) return;
    told = event.timeStamp;
    try {
      channel.postMessage({ type: 'input' });
    } catch {
      // a closed channel: nobody listens any more
    }
  };
  for (const type of INPUT_EVENTS) source.addEventListener(type, onInput, { capture: true, passive: true });
  return () => {
    for (const type of INPUT_EVENTS) source.removeEventListener(type, onInput, { capture: true });
    channel.close();
  };
}

/** A worker's side of the keys and clicks alone (the backup worker's pacing); returns the stop. */
export function hearInputs(heard: () => void): () => void {
  const channel = openChannel();
  if (!channel) return () => {};
  channel.onmessage = (event) => {
    if (event.data.type === 'input') heard();
  };
  return () => channel.close();
}

/** The page's side, for one backup: says it runs (and again every BACKUP_HEARTBEAT_MS) until it ends. */
export function announceBackup(): { end(): void } {
  const channel = openChannel();
  if (!channel) return { end() {} };
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
    this.typing = new TypingPacer({}, now, sleep);
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
   * Before work that can wait (reading every record or the stored index, writing a cache): waits,
   * in steps of WAIT_STEP_MS, until no backup is being written and then until the typing pauses
   * (its first steps are long: under keys they would hold the CPU the page's frames need), or
   * until `wanted()` says the work is waited for — at most MAX_WAIT_MS in all — then rests as
   * `rest` does.
   */
  async afterBackup(wanted: () => boolean = () => false): Promise<void> {
    // the windows' answer is waited for only while nobody waits for the work (a search asked at
    // start would otherwise wait the whole ANSWER_MS for a backup that is rarely there)
    while (this.now() < this.answerBy && !this.backupRunning && !wanted()) await this.sleep(ANSWER_STEP_MS);
    const since = this.now();
    const waiting = (busy: () => boolean) => busy() && !wanted() && this.now() - since < MAX_WAIT_MS;
    while (waiting(() => this.backupRunning)) await this.sleep(WAIT_STEP_MS);
    while (waiting(() => this.typing.typing)) await this.sleep(WAIT_STEP_MS);
    await this.rest();
  }
}
