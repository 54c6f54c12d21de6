/** Channels of the application itself: info, settings, opening what main wrote, backups. */
import { z } from 'zod';
import { channel } from './define';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  exportDir: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const AppSettings = z.object({
  /** The folder the last export was saved to (the save dialog starts there). */
  lastExportDir: z.string().max(4096).nullable(),
  /** How many automatic backups to keep. */
  backupKeep: z.number().int().min(1).max(100),
});
export type AppSettings = z.infer<typeof AppSettings>;
export const DEFAULT_SETTINGS: AppSettings = { lastExportDir: null, backupKeep: 20 };

/** A file main wrote, as the renderer may refer to it afterwards. */
export const SavedFile = z.object({
  path: z.string(),
  name: z.string(),
  bytes: z.number().int(),
  /** Something the user should know about the save (e.g. the name was shortened). */
  notice: z.string().optional(),
});
export type SavedFile = z.infer<typeof SavedFile>;

export const BackupInfo = z.object({ name: z.string(), bytes: z.number().int(), createdAt: z.string() });

/** The largest backup main accepts. */
export const BACKUP_MAX_BYTES = 512 * 1024 * 1024;

/**
 * Channels whose payload is the raw request body in browser mode (the named field, as
 * bytes); their other arguments come from the URL's query (strings). A backup's parts are
 * sent as they were serialized, not as JSON strings inside another JSON.
 */
export const RAW_BODY_CHANNELS: Partial<Record<string, string>> = {
  'backup:write:part': 'bytes',
};

/** The largest part of a backup sent in parts (backup:write:part). */
export const BACKUP_PART_MAX_BYTES = 8 * 1024 * 1024;

const BackupReason = z.enum(['auto', 'manual', 'before-upgrade', 'before-import', 'before-restore']);
const backupUploadId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: '識別子が正しくありません' });

export const appChannels = {
  'app:get:info': channel(z.object({}).strict(), AppInfo),
  'settings:get:all': channel(z.object({}).strict(), AppSettings),
  'settings:update': channel(AppSettings.partial().strict(), AppSettings),
  /** Opens a file main itself saved in this run (never an arbitrary path). */
  'file:open:saved': channel(z.object({ path: z.string().min(1).max(4096) }).strict(), z.object({})),
  'file:show:saved': channel(z.object({ path: z.string().min(1).max(4096) }).strict(), z.object({})),
  'backup:list': channel(z.object({}).strict(), z.array(BackupInfo)),
  /**
   * A backup sent in parts (no single huge body or message): begin → part 0, 1, … in order
   * (each at most BACKUP_PART_MAX_BYTES; in browser mode the raw request body, the rest in the
   * query) → end, which checks the whole, writes it atomically and rotates. abort drops it.
   */
  'backup:write:begin': channel(z.object({ reason: BackupReason }).strict(), z.object({ id: backupUploadId })),
  'backup:write:part': channel(
    z
      .object({
        id: backupUploadId,
        index: z.coerce.number().int().min(0).max(100_000),
        bytes: z.custom<Uint8Array>(
          (v) => v instanceof Uint8Array && v.byteLength >= 1 && v.byteLength <= BACKUP_PART_MAX_BYTES,
          { message: 'バックアップの一部が正しくありません（8MB まで）' },
        ),
      })
      .strict(),
    z.object({ received: z.number().int() }),
  ),
  'backup:write:end': channel(z.object({ id: backupUploadId }).strict(), BackupInfo),
  'backup:write:abort': channel(z.object({ id: backupUploadId }).strict(), z.object({})),
} as const;
