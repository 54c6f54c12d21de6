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

/** Writes `data` to `target` atomically; on failure nothing changes and the temp file is removed. */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(temp, target);
  } catch (error) {
    await handle?.close().catch(() => {});
    await fs.rm(temp, { force: true }).catch(() => {});
    throw fileErrorToAppError(error, target);
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

/** Characters Windows refuses in file names, replaced so a council name can name a file. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  return cleaned.slice(0, 180) || '無題';
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
