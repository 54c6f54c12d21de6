/**
 * Channel handlers of restore and council packages (shared/contract/datasafe.ts), and
 * the start-up cleanup of what a crash left behind.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { attachmentsDir, backupsDir, type ServiceContext } from '../core/context';
import type { Handler } from '../core/dispatch';
import type { datasafeChannels } from '../../shared/contract/datasafe';
import { PACKAGE_MAX_BYTES } from '../../shared/contract/datasafe';
import { AppError } from '../../shared/errors';
import { PACKAGE_EXTENSION, type TableRecords } from '../../shared/package';
import { readBackup, readBackupFile, restoreBackupAttachments } from './backups';
import { cleanStaleTemps, fileErrorToAppError } from './files';
import { installStagedAttachments, readPackage, writePackage, type ReadPackage } from './package';
import { saveWith } from './save-document';

type DatasafeHandlers = { [C in keyof typeof datasafeChannels]: Handler<C> };

export const PACKAGE_FILTER = { name: '審議会デスク パッケージ', extensions: [PACKAGE_EXTENSION.slice(1)] };
export const incomingDir = (ctx: ServiceContext) => path.join(ctx.dataDir, 'incoming');

/** 飯塚市総合計画審議会.shingikai, or 審議会データ_20250401.shingikai for several councils. */
export function packageFileName(tables: TableRecords, now = new Date()): string {
  const councils = tables.councils ?? [];
  if (councils.length === 1 && typeof councils[0]!.name === 'string' && councils[0]!.name)
    return `${councils[0]!.name}${PACKAGE_EXTENSION}`;
  const d = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `審議会データ_${d}${PACKAGE_EXTENSION}`;
}

/** At start: temp files of interrupted saves and uploads in the app's own folders. */
export async function cleanAtStart(ctx: ServiceContext, minAgeMs = 10 * 60_000): Promise<string[]> {
  const dirs = [ctx.dataDir, attachmentsDir(ctx), backupsDir(ctx), incomingDir(ctx)];
  const last = ctx.settings.get().lastExportDir;
  if (last) dirs.push(last);
  const removed: string[] = [];
  for (const dir of dirs) removed.push(...(await cleanStaleTemps(dir, minAgeMs)));
  // Unpacked packages of an earlier run that was never confirmed nor cancelled.
  try {
    for (const d of await fs.readdir(incomingDir(ctx), { withFileTypes: true })) {
      const full = path.join(incomingDir(ctx), d.name);
      const st = await fs.stat(full);
      if (Date.now() - st.mtimeMs >= minAgeMs) {
        await fs.rm(full, { recursive: true, force: true });
        removed.push(d.name);
      }
    }
  } catch {
    /* no incoming folder */
  }
  return removed;
}

export function datasafeHandlers(ctx: ServiceContext): DatasafeHandlers {
  void cleanAtStart(ctx).catch(() => {});
  const uploads = new Map<string, { nextIndex: number; size: number }>();
  const read = new Map<string, ReadPackage>();
  const partOf = (id: string) => path.join(incomingDir(ctx), `.upload-${id}.part`);
  const fileOf = (id: string) => path.join(incomingDir(ctx), `${id}${PACKAGE_EXTENSION}`);
  const stagingOf = (id: string) => path.join(incomingDir(ctx), id);
  const discard = async (id: string) => {
    uploads.delete(id);
    read.delete(id);
    await fs.rm(partOf(id), { force: true });
    await fs.rm(fileOf(id), { force: true });
    await fs.rm(stagingOf(id), { recursive: true, force: true });
  };

  return {
    'backup:read:summary': async ({ name, schemaVersion }) => {
      const { tables: _tables, ...summary } = await readBackup(backupsDir(ctx), name, schemaVersion);
      return summary;
    },
    'backup:read': ({ name, schemaVersion }) => readBackup(backupsDir(ctx), name, schemaVersion),
    'backup:read:file': async ({ name }) => ({ bytes: await readBackupFile(backupsDir(ctx), name) }),
    'backup:restore:attachments': ({ name, storedNames }) =>
      restoreBackupAttachments(backupsDir(ctx), name, attachmentsDir(ctx), storedNames),

    'package:write': async ({ tables, schemaVersion, fileName }) => {
      let written: Awaited<ReturnType<typeof writePackage>> | null = null;
      const file = await saveWith(ctx, {
        fileName: fileName ? `${fileName}${PACKAGE_EXTENSION}` : packageFileName(tables),
        filter: PACKAGE_FILTER,
        write: async (target) => {
          written = await writePackage(target, {
            tables,
            schemaVersion,
            appVersion: ctx.appVersion,
            dataDir: ctx.dataDir,
            attachmentsDir: attachmentsDir(ctx),
          });
          return written.bytes;
        },
      });
      const w = written as unknown as Awaited<ReturnType<typeof writePackage>>;
      return { file, manifest: w.manifest, missingAttachments: w.missingAttachments };
    },

    'package:upload:chunk': async ({ uploadId, index, base64, last }) => {
      const bytes = Buffer.from(base64, 'base64');
      let upload = uploads.get(uploadId);
      if (index === 0) {
        if (upload || read.has(uploadId))
          throw new AppError('INVALID_ARGUMENT', 'この識別子は使用済みです。もう一度ファイルを選んでください。');
        upload = { nextIndex: 0, size: 0 };
        uploads.set(uploadId, upload);
        await fs.mkdir(incomingDir(ctx), { recursive: true });
      }
      if (!upload || upload.nextIndex !== index) {
        await discard(uploadId);
        throw new AppError(
          'INVALID_ARGUMENT',
          'ファイルの送信が途中で途切れました。もう一度ファイルを選んでください。',
        );
      }
      if (upload.size + bytes.byteLength > PACKAGE_MAX_BYTES) {
        await discard(uploadId);
        throw new AppError('INVALID_ARGUMENT', '読み込めるパッケージは 16GB までです。');
      }
      try {
        if (index === 0) await fs.writeFile(partOf(uploadId), bytes, { flag: 'wx' });
        else await fs.appendFile(partOf(uploadId), bytes);
        upload.nextIndex++;
        upload.size += bytes.byteLength;
        if (last) {
          uploads.delete(uploadId);
          await fs.rename(partOf(uploadId), fileOf(uploadId));
        }
      } catch (error) {
        await discard(uploadId);
        throw fileErrorToAppError(error, partOf(uploadId));
      }
      return { received: upload.size };
    },

    'package:read': async ({ uploadId, fileName }) => {
      try {
        await fs.access(fileOf(uploadId));
      } catch {
        throw new AppError('NOT_FOUND', 'パッケージの送信が終わっていません。もう一度ファイルを選んでください。');
      }
      await fs.rm(stagingOf(uploadId), { recursive: true, force: true });
      try {
        const pkg = await readPackage(fileOf(uploadId), stagingOf(uploadId), {
          label: fileName ? `「${fileName}」` : 'このファイル',
        });
        read.set(uploadId, pkg);
        return { manifest: pkg.manifest, tables: pkg.tables };
      } catch (error) {
        await discard(uploadId);
        throw error;
      }
    },

    'package:install:files': async ({ uploadId, councilIds }) => {
      const pkg = read.get(uploadId);
      if (!pkg) throw new AppError('NOT_FOUND', 'パッケージが見つかりません。もう一度ファイルを選んでください。');
      const chosen = councilIds ? new Set(councilIds) : null;
      const staged = Object.fromEntries(
        Object.entries(pkg.staged).filter(
          ([entry]) => !chosen || !entry.startsWith('councils/') || chosen.has(entry.split('/')[1]!),
        ),
      );
      return installStagedAttachments(staged, attachmentsDir(ctx), ctx.dataDir);
    },

    'package:discard': async ({ uploadId }) => {
      await discard(uploadId);
      return {};
    },
  };
}

/** A fresh id for tests and scripts (the renderer uses crypto.randomUUID()). */
export const newUploadId = () => {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
