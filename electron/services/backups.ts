/**
 * Rotating backups of the renderer's database. The renderer exports IndexedDB
 * (dexie-export-import JSON) and main keeps the newest N files in <data>/backups.
 *
 * Formats (`formatVersion`):
 *   1  the bare dexie-export-import JSON (releases before 2). Still read.
 *   2  { format: 'shingikai-backup', formatVersion: 2, appVersion, createdAt, attachments, db }
 *      where db is the dexie export. The attachments the records name are kept in
 *      <data>/backups/attachments/<storedName> (stored files never change, so one copy
 *      serves every backup) and listed in backup-….attachments.json next to the backup;
 *      rotation removes copies no kept backup names. A restore puts them back.
 *   A newer format than this app knows is refused with a message saying so.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { STORED_NAME } from '../../shared/contract/councils';
import { countTables, recordsByCouncil, referencedStoredNames, type TableRecords } from '../../shared/package';
import { syncDirectory, writeFileAtomic } from './files';

export const BACKUP_FORMAT = 'shingikai-backup';
export const BACKUP_FORMAT_VERSION = 2;

export interface BackupInfo {
  name: string;
  bytes: number;
  createdAt: string;
}
const PATTERN = /^backup-(\d{8}-\d{6}-\d{3})-([a-z-]+)\.json$/;

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}-${p(d.getUTCMilliseconds(), 3)}`;
}

export async function listBackups(dir: string): Promise<BackupInfo[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names
    .filter((n) => PATTERN.test(n))
    .sort()
    .reverse()) {
    const st = await fs.stat(path.join(dir, name));
    out.push({ name, bytes: st.size, createdAt: st.mtime.toISOString() });
  }
  return out;
}

const refsName = (backupName: string) => backupName.replace(/\.json$/, '.attachments.json');
export const backupAttachmentsDir = (dir: string) => path.join(dir, 'attachments');

export interface BackupOptions {
  /** Where the app keeps attachments; without it, attachments are not kept (format 1 behaviour). */
  attachmentsDir?: string;
  appVersion?: string;
}

export async function writeBackup(
  dir: string,
  json: string,
  reason: string,
  keep: number,
  now = new Date(),
  opts: BackupOptions = {},
): Promise<BackupInfo> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new AppError('INVALID_ARGUMENT', 'バックアップの内容が正しい形式ではないため、保存しませんでした。');
  }
  await fs.mkdir(dir, { recursive: true });
  const name = `backup-${stamp(now)}-${reason}.json`;
  const target = path.join(dir, name);
  const names = [...referencedStoredNames(parsed, STORED_NAME)].sort();
  const kept: { storedName: string; size: number }[] = [];
  const missing: string[] = [];
  if (opts.attachmentsDir) {
    const store = backupAttachmentsDir(dir);
    await fs.mkdir(store, { recursive: true });
    for (const storedName of names) {
      const copy = path.join(store, storedName);
      try {
        kept.push({ storedName, size: (await fs.stat(copy)).size });
        continue;
      } catch {
        /* not kept yet */
      }
      const source = path.join(opts.attachmentsDir, storedName);
      try {
        // A hard link costs no space on the same drive; otherwise a copy.
        await fs.link(source, copy).catch(() => fs.copyFile(source, copy));
        kept.push({ storedName, size: (await fs.stat(copy)).size });
      } catch {
        missing.push(storedName);
      }
    }
    await syncDirectory(store);
  }
  const head = JSON.stringify({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: opts.appVersion ?? null,
    createdAt: now.toISOString(),
    reason,
    attachments: kept,
    missingAttachments: missing,
  });
  const body = `${head.slice(0, -1)},"db":${json}}`;
  await writeFileAtomic(path.join(dir, refsName(name)), JSON.stringify(kept.map((k) => k.storedName)));
  await writeFileAtomic(target, body);
  const all = await listBackups(dir);
  for (const old of all.slice(keep)) {
    await fs.rm(path.join(dir, old.name), { force: true });
    await fs.rm(path.join(dir, refsName(old.name)), { force: true });
  }
  await pruneBackupAttachments(dir);
  return { name, bytes: Buffer.byteLength(body), createdAt: now.toISOString() };
}

/** Removes kept attachment copies that no remaining backup names. */
export async function pruneBackupAttachments(dir: string): Promise<string[]> {
  const wanted = new Set<string>();
  for (const b of await listBackups(dir)) {
    try {
      for (const n of JSON.parse(await fs.readFile(path.join(dir, refsName(b.name)), 'utf8')) as string[])
        wanted.add(n);
    } catch {
      /* a format 1 backup names none */
    }
  }
  const store = backupAttachmentsDir(dir);
  let names: string[];
  try {
    names = await fs.readdir(store);
  } catch {
    return [];
  }
  const removed = names.filter((n) => STORED_NAME.test(n) && !wanted.has(n));
  for (const n of removed) await fs.rm(path.join(store, n), { force: true });
  return removed;
}

export interface BackupContents {
  name: string;
  formatVersion: number;
  appVersion: string | null;
  createdAt: string;
  /** The renderer database's schema version the records were written by. */
  schemaVersion: number;
  counts: Record<string, number>;
  councils: { id: string; name: string; counts: Record<string, number> }[];
  attachments: { storedName: string; size: number }[];
  missingAttachments: string[];
  /** Records per table (dexie-export-import rows). */
  tables: TableRecords;
}

const unreadable = (name: string, why: string) =>
  new AppError('INVALID_FILE', `バックアップ「${name}」を読み込めません（${why}）。`);

/**
 * Reads and checks a backup's contents (any known format). `knownSchemaVersion` is the
 * newest database version the caller can open: a backup from a newer app is refused.
 */
export function parseBackup(name: string, text: string, knownSchemaVersion?: number): BackupContents {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw unreadable(name, 'ファイルが壊れています');
  }
  if (!raw || typeof raw !== 'object') throw unreadable(name, 'ファイルが壊れています');
  let formatVersion = 1;
  let dexie = raw;
  let attachments: BackupContents['attachments'] = [];
  let missingAttachments: string[] = [];
  let appVersion: string | null = null;
  let createdAt = '';
  if (raw.format === BACKUP_FORMAT) {
    formatVersion = typeof raw.formatVersion === 'number' ? raw.formatVersion : NaN;
    if (!(formatVersion >= 2)) throw unreadable(name, '形式の版がわかりません');
    if (formatVersion > BACKUP_FORMAT_VERSION)
      throw new AppError(
        'INVALID_FILE',
        `バックアップ「${name}」は新しい版の審議会デスク（形式 ${formatVersion}）で作られたため読み込めません。審議会デスクを最新版に更新してから復元してください。`,
      );
    dexie = raw.db as Record<string, unknown>;
    attachments = Array.isArray(raw.attachments) ? (raw.attachments as BackupContents['attachments']) : [];
    missingAttachments = Array.isArray(raw.missingAttachments) ? (raw.missingAttachments as string[]) : [];
    appVersion = typeof raw.appVersion === 'string' ? raw.appVersion : null;
    createdAt = typeof raw.createdAt === 'string' ? raw.createdAt : '';
  }
  if (!dexie || dexie.formatName !== 'dexie') throw unreadable(name, '審議会デスクのバックアップではありません');
  if (dexie.formatVersion !== 1) throw unreadable(name, `対応していないデータ形式 ${String(dexie.formatVersion)} です`);
  const data = dexie.data as { databaseVersion?: unknown; data?: unknown } | undefined;
  const schemaVersion = typeof data?.databaseVersion === 'number' ? data.databaseVersion : NaN;
  if (!Number.isFinite(schemaVersion) || !Array.isArray(data?.data)) throw unreadable(name, '記録が見つかりません');
  if (knownSchemaVersion !== undefined && schemaVersion > knownSchemaVersion)
    throw new AppError(
      'INVALID_FILE',
      `バックアップ「${name}」は新しい版の審議会デスク（データベース ${schemaVersion}）で作られたため読み込めません。審議会デスクを最新版に更新してから復元してください。`,
    );
  const tables: TableRecords = {};
  for (const t of data.data as { tableName?: unknown; rows?: unknown }[]) {
    if (typeof t?.tableName !== 'string' || !Array.isArray(t.rows))
      throw unreadable(name, '記録の形式が正しくありません');
    tables[t.tableName] = t.rows as Record<string, unknown>[];
  }
  const councils = [...recordsByCouncil(tables)].map(([id, recs]) => ({
    id,
    name: String(recs.councils?.[0]?.name ?? ''),
    counts: countTables(recs),
  }));
  return {
    name,
    formatVersion,
    appVersion,
    createdAt,
    schemaVersion,
    counts: countTables(tables),
    councils,
    attachments,
    missingAttachments,
    tables,
  };
}

export async function readBackup(dir: string, name: string, knownSchemaVersion?: number): Promise<BackupContents> {
  if (!PATTERN.test(name)) throw new AppError('INVALID_ARGUMENT', 'バックアップの名前が正しくありません。');
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, name), 'utf8');
  } catch {
    throw new AppError('NOT_FOUND', `バックアップ「${name}」が見つかりません。`);
  }
  const contents = parseBackup(name, text, knownSchemaVersion);
  if (!contents.createdAt) contents.createdAt = (await fs.stat(path.join(dir, name))).mtime.toISOString();
  return contents;
}

/**
 * Puts back the attachments a backup names that the data folder lacks. Called by the
 * renderer's restore before it writes the records.
 */
export async function restoreBackupAttachments(
  dir: string,
  name: string,
  attachmentsDir: string,
  only?: string[],
): Promise<{ restored: number; missing: string[] }> {
  const contents = await readBackup(dir, name);
  const wanted = only ? new Set(only) : null;
  await fs.mkdir(attachmentsDir, { recursive: true });
  let restored = 0;
  const missing = [...contents.missingAttachments];
  for (const { storedName } of contents.attachments) {
    if (!STORED_NAME.test(storedName) || (wanted && !wanted.has(storedName))) continue;
    const target = path.join(attachmentsDir, storedName);
    try {
      await fs.access(target);
      continue;
    } catch {
      /* to restore */
    }
    try {
      await fs.copyFile(path.join(backupAttachmentsDir(dir), storedName), target, fs.constants.COPYFILE_EXCL);
      restored++;
    } catch {
      missing.push(storedName);
    }
  }
  await syncDirectory(attachmentsDir);
  return { restored, missing };
}
