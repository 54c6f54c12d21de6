/**
 * The save step every export shares: ask where (remembering the last folder), write
 * atomically, remember the file so 「ファイルを開く」「フォルダを開く」 may open it.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { SavedFile } from '../../shared/contract';
import type { ServiceContext } from '../core/context';
import type { FileFilter } from '../core/platform';
import { fitFileName, shortenedNotice, writeFileAtomic } from './files';
import { withCouncilName, type CouncilNaming } from './export-names';

export const DOCX_FILTER: FileFilter = { name: 'Word 文書', extensions: ['docx'] };
export const XLSX_FILTER: FileFilter = { name: 'Excel ブック', extensions: ['xlsx'] };

export async function saveDocument(
  ctx: ServiceContext,
  opts: { fileName: string; filter: FileFilter; data: Uint8Array; council?: CouncilNaming | string | null },
): Promise<SavedFile> {
  return saveWith(ctx, {
    fileName: opts.fileName,
    council: opts.council,
    filter: opts.filter,
    write: async (target) => {
      await writeFileAtomic(target, opts.data);
      return opts.data.byteLength;
    },
  });
}

/**
 * The same steps for a file written by its own code (streamed, e.g. a package): `write`
 * must write `target` atomically and return its size.
 */
export async function saveWith(
  ctx: ServiceContext,
  opts: {
    fileName: string;
    filter: FileFilter;
    write: (target: string) => Promise<number>;
    /** The council the document belongs to: its name leads the file name (export-names.ts). */
    council?: CouncilNaming | string | null;
  },
): Promise<SavedFile> {
  const fitted = fitFileName(withCouncilName(opts.fileName, opts.council));
  const name = fitted.name;
  const remembered = ctx.settings.get().lastExportDir;
  const folder =
    ctx.fixedExportDir ??
    (remembered && (await usableExportDir(remembered)) ? remembered : ctx.platform.defaultExportDir());
  const chosen = await ctx.platform.chooseSavePath({ defaultPath: path.join(folder, name), filters: [opts.filter] });
  if (!chosen) throw new AppError('CANCELLED', '保存を取り消しました。');
  const ext = `.${opts.filter.extensions[0]}`;
  let target = chosen.toLowerCase().endsWith(ext) ? chosen : chosen + ext;
  // A name typed into the dialog may be too long as well: shorten it the same way.
  const typed = fitFileName(path.basename(target));
  if (typed.shortened) target = path.join(path.dirname(target), typed.name);
  const bytes = await opts.write(target);
  ctx.savedPaths.add(target);
  if (!ctx.fixedExportDir) await ctx.settings.update({ lastExportDir: path.dirname(target) });
  const saved: SavedFile = { path: target, name: path.basename(target), bytes };
  if (fitted.shortened || typed.shortened) saved.notice = shortenedNotice(saved.name);
  return saved;
}

/** An absolute path of an existing folder this process may write to (for `lastExportDir`). */
export async function usableExportDir(dir: unknown): Promise<boolean> {
  if (typeof dir !== 'string' || !path.isAbsolute(dir) || dir.includes('\0')) return false;
  try {
    if (!(await fs.stat(dir)).isDirectory()) return false;
    await fs.access(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Refuses a `lastExportDir` that is not an absolute, existing, writable folder (null clears it). */
export async function checkSettingsPatch<T extends { lastExportDir?: string | null }>(patch: T): Promise<T> {
  if (patch.lastExportDir != null && !(await usableExportDir(patch.lastExportDir))) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `保存先フォルダ「${patch.lastExportDir}」は使えません。存在していて書き込みできるフォルダを、ドライブ名から始まる形（絶対パス）で指定してください。`,
    );
  }
  return patch;
}

/**
 * The fixed export folder from SHINGIKAI_EXPORT_DIR: for development and tests only. A
 * packaged build ignores it, so nothing in the environment can redirect a user's files.
 */
export function fixedExportDirFromEnv(env: Record<string, string | undefined>, isPackaged: boolean): string | null {
  if (isPackaged) return null;
  const dir = env.SHINGIKAI_EXPORT_DIR;
  return dir ? path.resolve(dir) : null;
}

export function requireSavedPath(ctx: ServiceContext, target: string): string {
  if (!ctx.savedPaths.has(target)) {
    throw new AppError('FORBIDDEN', 'このアプリで保存したファイル以外は開けません。');
  }
  return target;
}
