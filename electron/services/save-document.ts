/**
 * The save step every export shares: ask where (remembering the last folder), write
 * atomically, remember the file so 「ファイルを開く」「フォルダを開く」 may open it.
 */
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { SavedFile } from '../../shared/contract';
import type { ServiceContext } from '../core/context';
import type { FileFilter } from '../core/platform';
import { safeFileName, writeFileAtomic } from './files';

export const DOCX_FILTER: FileFilter = { name: 'Word 文書', extensions: ['docx'] };
export const XLSX_FILTER: FileFilter = { name: 'Excel ブック', extensions: ['xlsx'] };

export async function saveDocument(
  ctx: ServiceContext,
  opts: { fileName: string; filter: FileFilter; data: Uint8Array },
): Promise<SavedFile> {
  const name = safeFileName(opts.fileName);
  const folder = ctx.fixedExportDir ?? ctx.settings.get().lastExportDir ?? ctx.platform.defaultExportDir();
  const chosen = await ctx.platform.chooseSavePath({ defaultPath: path.join(folder, name), filters: [opts.filter] });
  if (!chosen) throw new AppError('CANCELLED', '保存を取り消しました。');
  const ext = `.${opts.filter.extensions[0]}`;
  const target = chosen.toLowerCase().endsWith(ext) ? chosen : chosen + ext;
  await writeFileAtomic(target, opts.data);
  ctx.savedPaths.add(target);
  if (!ctx.fixedExportDir) await ctx.settings.update({ lastExportDir: path.dirname(target) });
  return { path: target, name: path.basename(target), bytes: opts.data.byteLength };
}

export function requireSavedPath(ctx: ServiceContext, target: string): string {
  if (!ctx.savedPaths.has(target)) {
    throw new AppError('FORBIDDEN', 'このアプリで保存したファイル以外は開けません。');
  }
  return target;
}
