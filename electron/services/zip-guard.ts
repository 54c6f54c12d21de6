/**
 * Reading zip files users bring (.xlsx workbooks, .shingikai packages) without trusting
 * them: every entry's declared size and the bytes it actually inflates to are counted
 * while reading, and reading stops at the limit — a small file that inflates to
 * gigabytes (a "zip bomb") is refused after at most `maxTotalBytes` of work.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { AppError } from '../../shared/errors';

export interface ZipLimits {
  /** All entries together, inflated. */
  maxTotalBytes: number;
  /** One entry, inflated. */
  maxEntryBytes: number;
  maxEntries: number;
}

/** An .xlsx of a roster or an opinion sheet: a few MB inflated; 200 MB leaves room for images. */
export const WORKBOOK_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 120 * 1024 * 1024,
  maxEntries: 2000,
};

const mb = (n: number) => `${Math.round(n / 1024 / 1024)}MB`;

function tooLarge(label: string, limits: ZipLimits, what: string): AppError {
  return new AppError(
    'INVALID_FILE',
    `${label}は展開すると大きすぎるため読み込みを中止しました（${what}、上限 ${mb(limits.maxTotalBytes)}）。ファイルが壊れているか、不正なファイルの可能性があります。`,
  );
}

/** Receives one entry's inflated bytes; return null from `onEntry` to skip an entry (it is still counted). */
export interface ZipEntrySink {
  data(chunk: Uint8Array): void;
  end(): void;
}

/**
 * A zip read piece by piece. `push` throws an AppError as soon as a limit is passed
 * (declared or actual), or when the data is not a zip.
 */
export class GuardedUnzip {
  private readonly unzip: Unzip;
  private total = 0;
  private entries = 0;
  private failure: AppError | null = null;
  private pending = 0;
  readonly names: string[] = [];

  constructor(
    private readonly limits: ZipLimits,
    private readonly label: string,
    onEntry: (name: string, declaredSize: number | undefined) => ZipEntrySink | null = () => null,
  ) {
    this.unzip = new Unzip((file: UnzipFile) => {
      if (this.failure) return file.terminate();
      this.entries++;
      this.names.push(file.name);
      if (this.entries > limits.maxEntries) return this.fail(file, `${limits.maxEntries}個を超えるファイル`);
      const declared = file.originalSize;
      if (declared !== undefined && (declared > limits.maxEntryBytes || this.total + declared > limits.maxTotalBytes))
        return this.fail(file, `申告された大きさ ${mb(declared)}`);
      if (file.compression !== 0 && file.compression !== 8) {
        this.failure = new AppError('INVALID_FILE', `${label}は対応していない圧縮形式を含むため読み込めません。`);
        return file.terminate();
      }
      const sink = onEntry(file.name, declared);
      let entryBytes = 0;
      this.pending++;
      file.ondata = (err, chunk, final) => {
        if (this.failure) return;
        if (err) {
          this.failure = new AppError('INVALID_FILE', `${label}は壊れているため読み込めません。`);
          return;
        }
        entryBytes += chunk.byteLength;
        this.total += chunk.byteLength;
        if (entryBytes > limits.maxEntryBytes || this.total > limits.maxTotalBytes)
          return this.fail(file, `実際の大きさ ${mb(this.total)} 以上`);
        if (declared !== undefined && declared > 0 && entryBytes > declared)
          return this.fail(file, '申告より大きなファイル');
        if (chunk.byteLength) sink?.data(chunk);
        if (final) {
          this.pending--;
          sink?.end();
        }
      };
      file.start();
    });
    this.unzip.register(UnzipInflate);
  }

  private fail(file: UnzipFile, what: string) {
    this.failure = tooLarge(this.label, this.limits, what);
    file.terminate();
  }

  /** Stops reading with this error (a sink found a mismatch). */
  abort(error: AppError): void {
    if (!this.failure) this.failure = error;
  }

  /** Feeds bytes in 64 KB steps so a limit stops inflating early (deflate expands at most ~1000×). */
  push(data: Uint8Array, final = false): void {
    const STEP = 64 * 1024;
    for (let at = 0; at < data.byteLength || (final && at === 0); at += STEP) {
      const piece = data.subarray(at, Math.min(at + STEP, data.byteLength));
      const last = final && at + STEP >= data.byteLength;
      try {
        this.unzip.push(piece, last);
      } catch {
        if (!this.failure) this.failure = new AppError('INVALID_FILE', `${this.label}は壊れているため読み込めません。`);
      }
      if (this.failure) throw this.failure;
      if (last) break;
    }
    if (final && this.entries === 0)
      throw new AppError('INVALID_FILE', `${this.label}は zip 形式のファイルではないため読み込めません。`);
    if (final && this.pending > 0)
      throw new AppError('INVALID_FILE', `${this.label}は途中で切れているため読み込めません。`);
  }

  get inflatedBytes() {
    return this.total;
  }
}

/** Checks a whole zip in memory against the limits; returns the entry names and inflated size. */
export function checkZip(data: Uint8Array, limits: ZipLimits, label: string): { names: string[]; bytes: number } {
  const guard = new GuardedUnzip(limits, label);
  guard.push(data, true);
  return { names: guard.names, bytes: guard.inflatedBytes };
}
