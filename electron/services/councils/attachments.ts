/**
 * Meeting attachments (配布資料の実ファイル): the renderer sends a file in pieces; main
 * appends them to a hidden partial file in <dataDir>/attachments and, with the last
 * piece, renames it to a fresh <uuid>.<ext>. The user's own path is never seen or kept.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { ATTACHMENT_MAX_BYTES, STORED_NAME } from '../../../shared/contract/councils';
import { cleanStaleTemps, fileErrorToAppError, syncDirectory } from '../files';

/**
 * Attachments the app opens with the system's viewer: documents and pictures only. An
 * executable or script (.exe, .bat, .js, .lnk, .html …) is never launched from the app.
 */
export const OPENABLE_EXTENSIONS = new Set([
  '.pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.rtf',
  '.txt',
  '.csv',
  '.jpg',
  '.jpeg',
  '.png',
  '.gif',
  '.bmp',
  '.tif',
  '.tiff',
]);

interface Upload {
  nextIndex: number;
  size: number;
}

/** The extension kept from the original name (.pdf, .docx …), lower-case and plain. */
export function storedExtension(originalName: string): string {
  const ext = path.extname(originalName.normalize('NFKC')).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? ext : '';
}

export function attachmentPath(dir: string, storedName: string): string {
  if (!STORED_NAME.test(storedName)) throw new AppError('INVALID_ARGUMENT', '添付ファイルの名前が正しくありません。');
  return path.join(dir, storedName);
}

export class AttachmentStore {
  private uploads = new Map<string, Upload>();
  constructor(private readonly dir: string) {}

  private partPath(uploadId: string) {
    return path.join(this.dir, `.upload-${uploadId}.part`);
  }

  async writeChunk(arg: { uploadId: string; index: number; base64: string; last: boolean; originalName: string }) {
    const bytes = Buffer.from(arg.base64, 'base64');
    const part = this.partPath(arg.uploadId);
    let upload = this.uploads.get(arg.uploadId);
    if (arg.index === 0) {
      // An id names the stored file: one already used (in progress or stored) is refused,
      // so a second upload can never overwrite an attachment.
      if (this.uploads.has(arg.uploadId) || (await this.storedWithId(arg.uploadId))) {
        throw new AppError('INVALID_ARGUMENT', 'この添付ファイルの識別子は使用済みです。もう一度添付してください。');
      }
      upload = { nextIndex: 0, size: 0 };
      this.uploads.set(arg.uploadId, upload);
      await fs.mkdir(this.dir, { recursive: true });
    }
    if (!upload || upload.nextIndex !== arg.index) {
      this.uploads.delete(arg.uploadId);
      await fs.rm(part, { force: true }).catch(() => {});
      throw new AppError('INVALID_ARGUMENT', 'ファイルの送信が途中で途切れました。もう一度添付してください。');
    }
    if (upload.size + bytes.byteLength > ATTACHMENT_MAX_BYTES) {
      this.uploads.delete(arg.uploadId);
      await fs.rm(part, { force: true }).catch(() => {});
      throw new AppError('INVALID_ARGUMENT', '添付できるファイルは 1GB までです。');
    }
    try {
      if (arg.index === 0) await fs.writeFile(part, bytes);
      else await fs.appendFile(part, bytes);
    } catch (error) {
      this.uploads.delete(arg.uploadId);
      await fs.rm(part, { force: true }).catch(() => {});
      throw fileErrorToAppError(error, part);
    }
    upload.nextIndex++;
    upload.size += bytes.byteLength;
    if (!arg.last) return { received: upload.size, file: null };

    this.uploads.delete(arg.uploadId);
    const storedName = `${arg.uploadId}${storedExtension(arg.originalName)}`;
    try {
      // link() fails when the name exists: the move never replaces a stored file.
      await fs.link(part, path.join(this.dir, storedName));
      await fs.rm(part, { force: true });
      await syncDirectory(this.dir);
    } catch (error) {
      await fs.rm(part, { force: true }).catch(() => {});
      if ((error as NodeJS.ErrnoException).code === 'EEXIST')
        throw new AppError('INVALID_ARGUMENT', 'この添付ファイルの識別子は使用済みです。もう一度添付してください。');
      throw fileErrorToAppError(error, storedName);
    }
    return { received: upload.size, file: { storedName, originalName: arg.originalName, size: upload.size } };
  }

  private async storedWithId(uploadId: string): Promise<boolean> {
    try {
      return (await fs.readdir(this.dir)).some((n) => n === uploadId || n.startsWith(`${uploadId}.`));
    } catch {
      return false;
    }
  }

  /** At start: unfinished uploads of an earlier run (crash, closed window) are removed. */
  async cleanUnfinished(minAgeMs = 0): Promise<string[]> {
    return cleanStaleTemps(this.dir, minAgeMs);
  }

  /** The stored copy's path for opening with the system: documents and pictures only. */
  async openable(storedName: string): Promise<string> {
    const ext = path.extname(storedName).toLowerCase();
    if (!OPENABLE_EXTENSIONS.has(ext)) {
      throw new AppError(
        'FORBIDDEN',
        `この種類のファイル（${ext || '拡張子なし'}）はアプリから開けません。文書（PDF・Word・Excel など）と画像だけを開けます。`,
      );
    }
    return this.existing(storedName);
  }

  /** The stored copy's path, if it is there. */
  async existing(storedName: string): Promise<string> {
    const full = attachmentPath(this.dir, storedName);
    try {
      await fs.access(full);
    } catch {
      throw new AppError(
        'NOT_FOUND',
        '添付ファイルが見つかりません。データフォルダから削除された可能性があります。もう一度添付してください。',
      );
    }
    return full;
  }

  async remove(storedName: string): Promise<void> {
    await fs.rm(attachmentPath(this.dir, storedName), { force: true });
  }
}
