import path from 'node:path';
import type { SettingsStore } from '../services/settings';
import type { Platform } from './platform';

/** What every handler may use: the platform seam, settings, and where data lives. */
export interface ServiceContext {
  platform: Platform;
  settings: SettingsStore;
  dataDir: string;
  appVersion: string;
  /** Set in browser mode when exports go to a fixed folder (tests, --export-dir). */
  fixedExportDir: string | null;
  /** Files main saved in this run: the only ones the renderer may ask to open. */
  savedPaths: Set<string>;
}

export const backupsDir = (ctx: ServiceContext) => path.join(ctx.dataDir, 'backups');
export const attachmentsDir = (ctx: ServiceContext) => path.join(ctx.dataDir, 'attachments');
