/**
 * Sending a backup to main in parts (backup:write:begin → part… → end), used by the backup
 * worker and by the page when it has no worker: no single huge request body or IPC message
 * (a 150 MB body held the browser's own thread long enough to delay typing), and each part
 * is sent only after the one before it was answered.
 */
import type { ArgOf, ResultOf } from '../../../shared/contract';
import { isAppErrorShape, type AppErrorShape, type Envelope } from '../../../shared/errors';
import { exportDatabasePieces, type ExportPacing } from './backupExport';
import type { ShingikaiDB } from './database';

/** Bytes per part: well under the contract's 8 MB, so each is taken in quickly. */
export const BACKUP_PART_BYTES = 4 * 1024 * 1024;

export type BackupSend = <
  C extends 'backup:write:begin' | 'backup:write:part' | 'backup:write:end' | 'backup:write:abort',
>(
  channel: C,
  arg: ArgOf<C>,
) => Promise<ResultOf<C>>;

/** The pieces' UTF-8 bytes cut into parts of `size` bytes (the last one shorter). */
export function* backupParts(pieces: Iterable<string>, size = BACKUP_PART_BYTES): Generator<Uint8Array> {
  const buffer = new BackupPartBuffer(size);
  for (const piece of pieces) yield* buffer.push(piece);
  const last = buffer.finish();
  if (last) yield last;
}

/** Pieces encoded into parts of `size` bytes as they come: a piece need not be kept once pushed. */
export class BackupPartBuffer {
  private readonly encoder = new TextEncoder();
  private buf: Uint8Array;
  private fill = 0;

  constructor(private readonly size = BACKUP_PART_BYTES) {
    this.buf = new Uint8Array(size);
  }

  /**
   * Adds a piece; answers the parts it completed. Encoded straight into the part (no bytes of
   * the piece's own: 84 MB of garbage in a backup of years); a part ends before a character that
   * does not fit whole, so it may be a few bytes short of `size`.
   */
  push(piece: string): Uint8Array[] {
    const done: Uint8Array[] = [];
    let rest = piece;
    for (;;) {
      const { read, written } = this.encoder.encodeInto(rest, this.buf.subarray(this.fill));
      this.fill += written;
      if (read === rest.length) break;
      rest = rest.slice(read);
      done.push(this.buf.subarray(0, this.fill));
      this.buf = new Uint8Array(this.size);
      this.fill = 0;
    }
    return done;
  }

  /** The last, shorter part (null when there is none). */
  finish(): Uint8Array | null {
    const last = this.fill ? this.buf.subarray(0, this.fill) : null;
    this.fill = 0;
    return last;
  }
}

/**
 * A database's backup as parts, each piece of its JSON encoded as soon as it is made, so the
 * piece's string dies young: kept to the end (84 MB of them on a large installation), their
 * collection held a worker and a second thread for about 200 ms just after the backup, under
 * the user's keys. Send them with `draining` so each is let go once sent.
 */
export async function exportBackupParts(db: ShingikaiDB, pacing: ExportPacing): Promise<Uint8Array[]> {
  const buffer = new BackupPartBuffer();
  const parts: Uint8Array[] = [];
  await exportDatabasePieces(db, pacing, (piece) => parts.push(...buffer.push(piece)));
  const last = buffer.finish();
  if (last) parts.push(last);
  return parts;
}

/** The items in order, each taken out of the array as it is handed on (nothing keeps it after). */
export function* draining<T>(items: T[]): Generator<T> {
  while (items.length) yield items.shift()!;
}

/** Sends the parts one by one; on any failure the upload is dropped (main removes its .part). */
export async function sendBackupInParts(
  send: BackupSend,
  reason: ArgOf<'backup:write:begin'>['reason'],
  parts: Iterable<Uint8Array>,
): Promise<{ info: ResultOf<'backup:write:end'>; parts: number }> {
  const { id } = await send('backup:write:begin', { reason });
  let index = 0;
  try {
    for (const bytes of parts) await send('backup:write:part', { id, index: index++, bytes });
    return { info: await send('backup:write:end', { id }), parts: index };
  } catch (error) {
    await send('backup:write:abort', { id }).catch(() => {});
    throw error;
  }
}

/** Browser mode: one channel over fetch to `apiUrl` (a part as the raw body, its id and index in the query). */
export function fetchBackupSend(apiUrl: string): BackupSend {
  return (async (channel: string, arg: Record<string, unknown>) => {
    const url = `${apiUrl}${encodeURIComponent(channel)}`;
    let response: Response;
    if (channel === 'backup:write:part') {
      const { id, index, bytes } = arg as ArgOf<'backup:write:part'>;
      response = await fetch(`${url}?id=${encodeURIComponent(id)}&index=${index}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        credentials: 'same-origin',
        body: bytes as Uint8Array<ArrayBuffer>,
      });
    } else
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(arg),
      });
    const envelope: unknown = await response.json().catch(() => null);
    return unwrap(envelope, response.status);
  }) as BackupSend;
}

/** An error main answered (its Japanese message), carried across the worker boundary as a shape. */
export class BackupRefused extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
  }
}

export function unwrap(envelope: unknown, status = 200): never | unknown {
  if (envelope && typeof envelope === 'object' && 'ok' in envelope) {
    const e = envelope as Envelope<unknown>;
    if (e.ok) return e.value;
    throw new BackupRefused(
      isAppErrorShape(e.error) ? e.error : { code: 'INTERNAL', message: '予期しないエラーが発生しました。' },
    );
  }
  throw new BackupRefused({ code: 'INTERNAL', message: `サービスから予期しない応答がありました（${status}）。` });
}

/** A call a worker asks the page to make for it (Electron: workers have no bridge). */
export interface PageCall {
  type: 'call';
  seq: number;
  channel: string;
  arg: unknown;
}

/**
 * Electron: a worker's calls go through the page (workers have no bridge); a part's buffer is
 * moved, not copied. `answer` is given the page's reply ({ type: 'answer', seq, envelope }).
 */
export function callsThroughPage(post: (call: PageCall, transfer: ArrayBufferLike[]) => void): {
  send: BackupSend;
  answer(seq: number, envelope: unknown): void;
} {
  const waiting = new Map<number, (envelope: unknown) => void>();
  let nextSeq = 0;
  const send = ((channel: string, arg: Record<string, unknown>) =>
    new Promise((resolve, reject) => {
      const seq = nextSeq++;
      waiting.set(seq, (envelope) => {
        try {
          resolve(unwrap(envelope) as never);
        } catch (error) {
          reject(error);
        }
      });
      const bytes = arg.bytes instanceof Uint8Array ? arg.bytes : null;
      post({ type: 'call', seq, channel, arg }, bytes ? [bytes.buffer] : []);
    })) as BackupSend;
  return {
    send,
    answer(seq, envelope) {
      waiting.get(seq)?.(envelope);
      waiting.delete(seq);
    },
  };
}
