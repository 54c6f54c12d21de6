/**
 * A ZIP writer that streams: each entry's text is deflated (Node's zlib, off the JS thread)
 * as it is produced and handed to `sink` chunk by chunk, so a large export never exists
 * whole in memory — not as text, not as a zip. Sizes and CRC follow each entry in a data
 * descriptor (general-purpose flag bit 3), as Excel, Word and LibreOffice read them.
 * Also: writing such a stream atomically to a file (temporary name, flush, rename).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { fileErrorToAppError, syncDirectory } from '../files';
import { AppError } from '../../../shared/errors';

export type ZipSink = (chunk: Uint8Array) => Promise<void>;

/** Text is gathered into buffers of this size before it goes to the deflater. */
const BATCH_BYTES = 1 << 20;

const crc32: (data: Uint8Array, value?: number) => number = (
  zlib as unknown as { crc32: (data: Uint8Array, value?: number) => number }
).crc32;

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Writes text into the entry being made; await it (it waits while the deflater is behind). */
export type TextWriter = (text: string) => Promise<void> | void;

export class ZipStream {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private readonly stamp = dosDateTime(new Date());

  constructor(
    private readonly sink: ZipSink,
    private readonly level = 1,
  ) {}

  /** Bytes handed to the sink so far. */
  get size(): number {
    return this.offset;
  }

  private async put(chunk: Uint8Array): Promise<void> {
    this.offset += chunk.byteLength;
    await this.sink(chunk);
  }

  /** One entry, its text made by `produce` (which may write any number of times). */
  async entry(name: string, produce: (write: TextWriter) => Promise<void> | void): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const start = this.offset;
    const flag = 0x0808; // bit 3: sizes in the data descriptor; bit 11: UTF-8 name
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flag, 6);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(this.stamp.time, 10);
    local.writeUInt16LE(this.stamp.date, 12);
    local.writeUInt16LE(nameBytes.length, 26);
    await this.put(Buffer.concat([local, nameBytes]));

    // The deflate stream is made only when the text outgrows one buffer: most parts of a
    // document are small, and a stream per part costs more in event-loop turns than deflating them.
    let stream: zlib.DeflateRaw | null = null;
    const out: Buffer[] = [];
    let compressed = 0;
    let failure: Error | null = null;
    const deflater = () => {
      if (stream) return stream;
      stream = zlib.createDeflateRaw({ level: this.level });
      stream.on('data', (c: Buffer) => out.push(c));
      stream.on('error', (e) => (failure = e));
      return stream;
    };
    const drain = async () => {
      if (failure) throw failure;
      for (const c of out.splice(0)) {
        compressed += c.byteLength;
        await this.put(c);
      }
    };
    let crc = 0;
    let size = 0;
    // Text is encoded straight into a buffer (no joined string); a full buffer goes to the deflater.
    let buf = Buffer.allocUnsafe(BATCH_BYTES);
    let used = 0;
    const send = async (data: Buffer) => {
      crc = crc32(data, crc);
      size += data.byteLength;
      const deflate = deflater();
      if (!deflate.write(data)) await once(deflate, 'drain');
      await drain();
    };
    const push = async () => {
      if (!used) return;
      const data = buf.subarray(0, used);
      buf = Buffer.allocUnsafe(BATCH_BYTES);
      used = 0;
      await send(data);
    };
    const write: TextWriter = (text) => {
      if (used + text.length * 3 <= BATCH_BYTES) {
        used += buf.write(text, used, 'utf8');
        return undefined;
      }
      return push().then(() =>
        text.length * 3 > BATCH_BYTES ? send(Buffer.from(text, 'utf8')) : void (used += buf.write(text, 0, 'utf8')),
      );
    };
    await produce(write);
    if (stream === null) {
      // the whole text fitted in the first buffer: one synchronous deflate
      const data = buf.subarray(0, used);
      crc = crc32(data, crc);
      size = data.byteLength;
      out.push(zlib.deflateRawSync(data, { level: this.level }));
    } else {
      await push();
      const deflate: zlib.DeflateRaw = stream;
      deflate.end();
      await once(deflate, 'end').catch(() => {});
    }
    await drain();
    if (size > 0xffffffff || this.offset > 0xffffffff)
      throw new AppError('INTERNAL', 'ファイルが大きすぎるため書き出せません。');

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.put(descriptor);

    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flag, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt16LE(this.stamp.time, 12);
    cd.writeUInt16LE(this.stamp.date, 14);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(compressed, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(start, 42);
    this.central.push(cd, nameBytes);
  }

  /** The central directory and its end record; nothing may be added after. */
  async end(): Promise<number> {
    const at = this.offset;
    const dir = Buffer.concat(this.central);
    await this.put(dir);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(this.central.length / 2, 8);
    eocd.writeUInt16LE(this.central.length / 2, 10);
    eocd.writeUInt32LE(dir.byteLength, 12);
    eocd.writeUInt32LE(at, 16);
    await this.put(eocd);
    return this.offset;
  }
}

/** Collects a stream's chunks into one array (for callers that want the bytes). */
export async function collectBytes(write: (sink: ZipSink) => Promise<unknown>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await write(async (c) => {
    chunks.push(c);
  });
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Streams into `target` atomically, the way writeFileAtomic writes bytes: a temporary
 * `.name.<hex>.tmp` beside it (cleanStaleTemps knows the name), flushed, renamed over the
 * target. On failure nothing changes and the temporary file is removed. Returns the size.
 */
export async function writeStreamAtomic(target: string, write: (sink: ZipSink) => Promise<unknown>): Promise<number> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  let bytes = 0;
  try {
    handle = await fs.open(temp, 'wx');
    const h = handle;
    // Small chunks are gathered so the disk sees few large writes.
    let buffered: Uint8Array[] = [];
    let bufferedBytes = 0;
    const flush = async () => {
      if (!bufferedBytes) return;
      const data = Buffer.concat(buffered);
      buffered = [];
      bufferedBytes = 0;
      await h.write(data);
    };
    await write(async (chunk) => {
      buffered.push(chunk);
      bufferedBytes += chunk.byteLength;
      bytes += chunk.byteLength;
      if (bufferedBytes >= 1 << 20) await flush();
    });
    await flush();
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
    await syncDirectory(dir);
  } catch (error) {
    await handle?.close().catch(() => {});
    await fs.rm(temp, { force: true }).catch(() => {});
    throw error instanceof AppError ? error : fileErrorToAppError(error, target);
  }
  return bytes;
}
