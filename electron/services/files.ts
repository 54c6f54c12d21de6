/**
 * Writing files safely: to a temporary name in the target folder, flushed, then
 * renamed over the target, so a crash or a full disk never leaves a half-written
 * document. OS errors become typed Japanese errors the user can act on.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

const BUSY = new Set(['EBUSY', 'ETXTBSY', 'EPERM', 'ELOCKED']);
const NOT_WRITABLE = new Set([
  'EACCES',
  'EROFS',
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'ENOSPC',
  'EDQUOT',
  'ENAMETOOLONG',
  'EINVAL',
]);

export function fileErrorToAppError(error: unknown, target: string): AppError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const name = path.basename(target);
  if (BUSY.has(code)) {
    return new AppError(
      'FILE_BUSY',
      `「${name}」は他のアプリケーションで開かれているか、使用中のため保存できません。Word や Excel で開いている場合は閉じてから、もう一度お試しください。`,
    );
  }
  if (code === 'ENAMETOOLONG') {
    return new AppError(
      'FILE_NOT_WRITABLE',
      `ファイル名「${name}」が長すぎるため保存できません。ファイル名を短くしてから、もう一度お試しください。`,
    );
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError('FILE_NOT_WRITABLE', `ディスクの空き容量が不足しているため「${name}」を保存できません。`);
  }
  if (NOT_WRITABLE.has(code)) {
    return new AppError(
      'FILE_NOT_WRITABLE',
      `「${path.dirname(target)}」に書き込めないため「${name}」を保存できません。保存先のフォルダを確認してください。`,
    );
  }
  return new AppError('FILE_NOT_WRITABLE', `「${name}」を保存できませんでした。（${code || '不明なエラー'}）`);
}

/**
 * Writes `data` to `target` atomically; on failure nothing changes and the temp file is removed.
 * `data` may come in chunks (an async iterable), so a large file is written without one copy of it in memory.
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string | AsyncIterable<Uint8Array>,
): Promise<void> {
  const dir = path.dirname(target);
  // The temp name stays within 255 bytes even when the target's name is near the limit.
  const temp = path.join(dir, `.${cutToBytes(path.basename(target), 200)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx');
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else
      for await (const chunk of data)
        for (let at = 0; at < chunk.byteLength;) at += (await handle.write(chunk, at)).bytesWritten;
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(temp, target);
    await syncDirectory(dir);
  } catch (error) {
    await handle?.close().catch(() => {});
    await fs.rm(temp, { force: true }).catch(() => {});
    throw fileErrorToAppError(error, target);
  }
}

/**
 * Makes a rename durable: the folder's entry is flushed too (POSIX). Windows cannot open
 * a folder for flushing (EPERM/EISDIR); NTFS journals the rename, so nothing is lost there.
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'ENOTSUP', 'EBADF'].includes(code)) throw error;
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** Windows antivirus and indexers hold new files for a moment: retry the rename briefly. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (attempt >= 4 || !(code === 'EPERM' || code === 'EBUSY' || code === 'EACCES')) throw error;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}

/**
 * File names are limited in bytes (255 on Linux and macOS, UTF-8; a kanji is 3 bytes), not
 * in characters. 180 bytes leave room for " (2)", the temporary name and Windows paths.
 */
export const MAX_NAME_BYTES = 180;

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** The longest start of `text` within `maxBytes` UTF-8 bytes, never splitting a character (or 👨‍👩‍👧, が). */
export function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const { segment } of segmenter.segment(text)) {
    const b = Buffer.byteLength(segment);
    if (bytes + b > maxBytes) break;
    out += segment;
    bytes += b;
  }
  return out;
}

/**
 * A name the file systems accept: characters Windows refuses replaced, and, when too
 * long, the part before the extension shortened (with …). `shortened` says so, for a notice.
 */
export function fitFileName(name: string, maxBytes = MAX_NAME_BYTES): { name: string; shortened: boolean } {
  const cleaned =
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .replace(/[. ]+$/, '')
      .trim() || '無題';
  if (Buffer.byteLength(cleaned) <= maxBytes) return { name: cleaned, shortened: false };
  const ext = /\.[A-Za-z0-9]{1,10}$/.exec(cleaned)?.[0] ?? '';
  const stem = cleaned.slice(0, cleaned.length - ext.length);
  const room = maxBytes - Buffer.byteLength(ext) - Buffer.byteLength('…');
  return { name: `${cutToBytes(stem, room).trimEnd()}…${ext}`, shortened: true };
}

/** Characters Windows refuses in file names, replaced so a council name can name a file; length in bytes. */
export function safeFileName(name: string): string {
  return fitFileName(name).name;
}

/** What the user is told when a name was shortened. */
export const shortenedNotice = (name: string) => `ファイル名が長すぎるため、「${name}」に短くして保存しました。`;

const STALE_TEMP =
  /^\..+\.[0-9a-f]{12}\.tmp$|^\.upload-[0-9a-f-]{36}\.part$|^\.package-[0-9a-f]{12}\.part$|^\.backup-[0-9a-f-]{36}\.part$/;

/**
 * Removes what a crash left behind in `dir`: `.name.docx.<hex>.tmp` of atomic writes and
 * `.part` files of unfinished uploads, older than `minAgeMs` (a write in progress is younger).
 * Returns the names removed.
 */
export async function cleanStaleTemps(dir: string, minAgeMs = 10 * 60_000, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!STALE_TEMP.test(name)) continue;
    const full = path.join(dir, name);
    try {
      const st = await fs.lstat(full);
      if (!st.isFile() || now - st.mtimeMs < minAgeMs) continue;
      await fs.rm(full, { force: true });
      removed.push(name);
    } catch {
      /* gone already or not ours to remove */
    }
  }
  return removed;
}

/** `name.docx` → `name (2).docx` until the path is free (browser mode has no dialog to ask). */
export async function uniquePath(target: string): Promise<string> {
  const ext = path.extname(target);
  const base = target.slice(0, target.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? target : `${base} (${n})${ext}`;
    try {
      await fs.access(candidate);
    } catch {
      return candidate;
    }
  }
}
