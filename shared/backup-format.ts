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
  let tables: TableRecords = {};
  for (const t of data.data as { tableName?: unknown; rows?: unknown }[]) {
    if (typeof t?.tableName !== 'string' || !Array.isArray(t.rows))
      throw unreadable(name, '記録の形式が正しくありません');
    tables[t.tableName] = t.rows as Record<string, unknown>[];
  }
  if (!PACK_KINDS.every((k) => (tables[k.packs] ?? []).every(isRecordPack)))
    throw unreadable(name, '記録のまとまりの形式が正しくありません');
  // Records a restore stored packed are records like the others for every reader of a backup.
  tables = recordsWithPacks(tables);
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
