/**
 * Data you can get back: reading backups for a restore, and council packages
 * (.shingikai) to move, hand over or archive councils. Main reads and writes files;
 * the renderer owns the records, shows the preview (shared/package.ts classifyImport)
 * and writes the records in one transaction after the user confirms.
 *
 * Restore:  backup:list → backup:read:summary (per row) → backup:read:file (the restore worker
 *           parses it while the page writes a backup 'before-restore') → backup:restore:attachments
 *           → the worker's transaction. backup:read (parsed by main) serves pages without workers.
 * Package:  package:write.  Import: package:upload:chunk… → package:read → preview →
 *           package:install:files → renderer's transaction → package:discard.
 */
import { z } from 'zod';
import { channel } from './define';
import { SavedFile } from './app';
import { PackageManifest } from '../package';
import { STORED_NAME } from './councils';

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '識別子の形式が正しくありません');
const backupName = z.string().regex(/^backup-\d{8}-\d{6}-\d{3}-[a-z-]+\.json$/, 'バックアップの名前が正しくありません');
const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * Records per table name, each a plain object (as Dexie stores them). Checked in place, not
 * parsed into copies: a backup of years of records holds hundreds of thousands, and a
 * copying schema added seconds to every restore and package.
 */
export const TableRecordsSchema = z.record(
  z.string().max(64),
  z.custom<Record<string, unknown>[]>((rows) => Array.isArray(rows) && rows.every(isRecord), {
    message: '記録の形式が正しくありません',
  }),
);
const counts = z.record(z.string(), z.number().int());

export const PACKAGE_CHUNK_BYTES = 4 * 1024 * 1024;
export const PACKAGE_MAX_BYTES = 16 * 1024 * 1024 * 1024;

export const BackupSummary = z.object({
  name: z.string(),
  /** 1 = bare dexie export (older releases); 2 = with attachments. */
  formatVersion: z.number().int(),
  appVersion: z.string().nullable(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  counts,
  councils: z.array(z.object({ id: z.string(), name: z.string(), counts })),
  attachments: z.array(z.object({ storedName: z.string(), size: z.number().int() })),
  missingAttachments: z.array(z.string()),
});
export type BackupSummary = z.infer<typeof BackupSummary>;

const readArgs = z
  .object({
    name: backupName,
    /** The newest database version the renderer can open: newer backups are refused in Japanese. */
    schemaVersion: z.number().int().min(1).optional(),
  })
  .strict();

/**
 * Channels whose successful answer is sent raw in browser mode (the named field of the
 * result, as application/octet-stream); their errors stay JSON envelopes.
 */
export const RAW_RESULT_CHANNELS: Partial<Record<string, string>> = { 'backup:read:file': 'bytes' };

export const datasafeChannels = {
  /** Date, format, counts per table and per council, attachments — without the records. */
  'backup:read:summary': channel(readArgs, BackupSummary),
  /** The summary and every record, for the restore preview and the restore itself. */
  'backup:read': channel(readArgs, BackupSummary.extend({ tables: TableRecordsSchema })),
  /**
   * The backup file's bytes as they are, for the restore worker to check and parse once
   * (shared/backup-format.ts) where the records are written. In browser mode the answer is
   * the raw body (RAW_RESULT_CHANNELS), not a JSON envelope.
   */
  'backup:read:file': channel(
    readArgs,
    z.object({
      bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'バックアップを読み込めません' }),
    }),
  ),
  /** Copies back the attachments the backup kept that the data folder lacks (all, or the listed ones). */
  'backup:restore:attachments': channel(
    z
      .object({ name: backupName, storedNames: z.array(z.string().regex(STORED_NAME)).max(100_000).optional() })
      .strict(),
    z.object({ restored: z.number().int(), missing: z.array(z.string()) }),
  ),
  /** Writes a .shingikai package of the given records; main adds attachments and council files. */
  'package:write': channel(
    z
      .object({
        tables: TableRecordsSchema,
        schemaVersion: z.number().int().min(1),
        /** Without extension; default: the council name, or 審議会データ_<date> for several. */
        fileName: z.string().min(1).max(200).optional(),
      })
      .strict(),
    z.object({ file: SavedFile, manifest: PackageManifest, missingAttachments: z.array(z.string()) }),
  ),
  /** One piece of a package the user chose; the last piece completes the upload. */
  'package:upload:chunk': channel(
    z
      .object({
        uploadId: uuid,
        index: z.number().int().min(0),
        base64: z.string().max(Math.ceil(PACKAGE_CHUNK_BYTES / 3) * 4 + 4),
        last: z.boolean(),
      })
      .strict(),
    z.object({ received: z.number().int() }),
  ),
  /** Checks an uploaded package (sizes, checksums, counts, version) and returns it for the preview. */
  'package:read': channel(
    z.object({ uploadId: uuid, fileName: z.string().max(300).default('') }).strict(),
    z.object({ manifest: PackageManifest, tables: TableRecordsSchema }),
  ),
  /** After the user confirmed: moves the package's attachments and council files into the data folder. */
  'package:install:files': channel(
    z.object({ uploadId: uuid, councilIds: z.array(z.string().max(64)).max(1000).optional() }).strict(),
    z.object({ attachments: z.number().int(), councilFiles: z.number().int() }),
  ),
  /** Removes an upload and its unpacked files (after import or cancel). */
  'package:discard': channel(z.object({ uploadId: uuid }).strict(), z.object({})),
} as const;
