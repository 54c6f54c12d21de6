/**
 * Reading a backup file's text (any known format) into its records and summary. Pure: main
 * (electron/services/backups.ts, the CLI) and the renderer's restore worker use the same
 * checks, so a restore parses the file once, where the records are written.
 * Formats: see electron/services/backups.ts.
 */
import { AppError } from './errors';
import { countTables, recordsByCouncil, type TableRecords } from './package';
import { isRecordPack, PACK_KINDS, recordsWithPacks } from './record-packs';

export const BACKUP_FORMAT = 'shingikai-backup';
export const BACKUP_FORMAT_VERSION = 2;

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

/** What a backup says of itself before its records: checked before anything is written. */
export interface BackupHead {
  formatVersion: number;
  appVersion: string | null;
  createdAt: string;
  schemaVersion: number;
  attachments: BackupContents['attachments'];
  missingAttachments: string[];
  /** The dexie export's `data` (its `data` is the list of tables). */
  dexieData: { databaseVersion?: unknown; data?: unknown };
}

/**
 * Checks a backup's head (any known format). `knownSchemaVersion` is the newest database
 * version the caller can open: a backup from a newer app is refused. `partial`: `raw` is the
 * part of the file read so far (a streaming read, backup-stream.ts); a field not read yet gives
 * null (not known yet), a field read and wrong is refused at once.
 */
export function checkBackupHead(name: string, raw: unknown, knownSchemaVersion?: number): BackupHead;
export function checkBackupHead(
  name: string,
  raw: unknown,
  knownSchemaVersion: number | undefined,
  partial: true,
): BackupHead | null;
export function checkBackupHead(
  name: string,
  raw: unknown,
  knownSchemaVersion?: number,
  partial = false,
): BackupHead | null {
  if (!raw || typeof raw !== 'object') throw unreadable(name, 'ファイルが壊れています');
  const notYet = (value: unknown) => partial && value === undefined;
  const top = raw as Record<string, unknown>;
  let formatVersion = 1;
  let dexie = top;
  let attachments: BackupContents['attachments'] = [];
  let missingAttachments: string[] = [];
  let appVersion: string | null = null;
  let createdAt = '';
  if (notYet(top.format) && notYet(top.formatName)) return null;
  if (top.format === BACKUP_FORMAT) {
    if (notYet(top.formatVersion)) return null;
    formatVersion = typeof top.formatVersion === 'number' ? top.formatVersion : NaN;
    if (!(formatVersion >= 2)) throw unreadable(name, '形式の版がわかりません');
    if (formatVersion > BACKUP_FORMAT_VERSION)
      throw new AppError(
        'INVALID_FILE',
        `バックアップ「${name}」は新しい版の審議会デスク（形式 ${formatVersion}）で作られたため読み込めません。審議会デスクを最新版に更新してから復元してください。`,
      );
    if (notYet(top.db)) return null;
    dexie = top.db as Record<string, unknown>;
    attachments = Array.isArray(top.attachments) ? (top.attachments as BackupContents['attachments']) : [];
    missingAttachments = Array.isArray(top.missingAttachments) ? (top.missingAttachments as string[]) : [];
    appVersion = typeof top.appVersion === 'string' ? top.appVersion : null;
    createdAt = typeof top.createdAt === 'string' ? top.createdAt : '';
  }
  if (dexie && typeof dexie === 'object' && (notYet(dexie.formatName) || notYet(dexie.formatVersion))) return null;
  if (!dexie || dexie.formatName !== 'dexie') throw unreadable(name, '審議会デスクのバックアップではありません');
  if (dexie.formatVersion !== 1) throw unreadable(name, `対応していないデータ形式 ${String(dexie.formatVersion)} です`);
  const data = dexie.data as BackupHead['dexieData'] | undefined;
  if (notYet(data) || notYet(data?.databaseVersion)) return null;
  const schemaVersion = typeof data?.databaseVersion === 'number' ? data.databaseVersion : NaN;
  if (!Number.isFinite(schemaVersion) || !Array.isArray(data?.data)) throw unreadable(name, '記録が見つかりません');
  if (knownSchemaVersion !== undefined && schemaVersion > knownSchemaVersion)
    throw new AppError(
      'INVALID_FILE',
      `バックアップ「${name}」は新しい版の審議会デスク（データベース ${schemaVersion}）で作られたため読み込めません。審議会デスクを最新版に更新してから復元してください。`,
    );
  return { formatVersion, appVersion, createdAt, schemaVersion, attachments, missingAttachments, dexieData: data! };
}

/** A table of a backup's dexie export, checked: its name and rows. */
export function checkBackupTable(name: string, table: unknown): { tableName: string; rows: Record<string, unknown>[] } {
  const t = table as { tableName?: unknown; rows?: unknown } | null;
  if (typeof t?.tableName !== 'string' || !Array.isArray(t.rows))
    throw unreadable(name, '記録の形式が正しくありません');
  return { tableName: t.tableName, rows: t.rows as Record<string, unknown>[] };
}

/** A pack table's rows, checked (a malformed pack is refused, never half read). */
export function checkBackupPacks(name: string, tableName: string, rows: readonly unknown[]): void {
  if (PACK_KINDS.some((k) => k.packs === tableName) && !rows.every(isRecordPack))
    throw unreadable(name, '記録のまとまりの形式が正しくありません');
}

/**
 * Reads and checks a backup's contents (any known format). `knownSchemaVersion` is the
 * newest database version the caller can open: a backup from a newer app is refused.
 */
export function parseBackup(name: string, text: string, knownSchemaVersion?: number): BackupContents {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw unreadable(name, 'ファイルが壊れています');
  }
  const { dexieData, ...head } = checkBackupHead(name, raw, knownSchemaVersion);
  let tables: TableRecords = {};
  for (const t of dexieData.data as unknown[]) {
    const { tableName, rows } = checkBackupTable(name, t);
    checkBackupPacks(name, tableName, rows);
    tables[tableName] = rows;
  }
  // Records a restore stored packed are records like the others for every reader of a backup.
  tables = recordsWithPacks(tables);
  const councils = [...recordsByCouncil(tables)].map(([id, recs]) => ({
    id,
    name: String(recs.councils?.[0]?.name ?? ''),
    counts: countTables(recs),
  }));
  return {
    name,
    ...head,
    counts: countTables(tables),
    councils,
    tables,
  };
}
