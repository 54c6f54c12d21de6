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

export const appChannels = {
  'app:get:info': channel(z.object({}).strict(), AppInfo),
  'settings:get:all': channel(z.object({}).strict(), AppSettings),
  'settings:update': channel(AppSettings.partial().strict(), AppSettings),
  /** Opens a file main itself saved in this run (never an arbitrary path). */
  'file:open:saved': channel(z.object({ path: z.string().min(1).max(4096) }).strict(), z.object({})),
  'file:show:saved': channel(z.object({ path: z.string().min(1).max(4096) }).strict(), z.object({})),
  /** Writes a backup of the whole database (dexie-export-import JSON) and rotates old ones. */
  'backup:write': channel(
    z
      .object({
        json: z
          .string()
          .min(2)
          .max(512 * 1024 * 1024),
        reason: z.enum(['auto', 'manual', 'before-upgrade', 'before-import', 'before-restore']),
      })
      .strict(),
    BackupInfo,
  ),
  'backup:list': channel(z.object({}).strict(), z.array(BackupInfo)),
} as const;
