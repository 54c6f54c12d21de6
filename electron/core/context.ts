import path from 'node:path';
import type { SettingsStore } from '../services/settings';
import type { Platform } from './platform';

/**
 * The seam through which handlers open app windows. Electron's window module builds it
 * (`createWindowOpener` in electron/main/window.ts); browser mode has none (the page opens
 * a tab itself).
 */
export interface WindowOpener {
  openProjector(meetingId: string): void;
}

/**
 * Encryption at rest for a secret main keeps (the team password): Electron's `safeStorage`
 * (the OS keychain) in the app; absent in browser mode, where the server process keeps the
 * file readable only by the user.
 */
export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

/** What every handler may use: the platform seams, settings, and where data lives. */
export interface ServiceContext {
  platform: Platform;
  /** Opens app windows; null where the app cannot open any (browser mode). */
  windows: WindowOpener | null;
  settings: SettingsStore;
  dataDir: string;
  appVersion: string;
  /** Set in browser mode when exports go to a fixed folder (tests, --export-dir). */
  fixedExportDir: string | null;
  /** Files main saved in this run: the only ones the renderer may ask to open. */
  savedPaths: Set<string>;
  /** Encrypts secrets at rest (Electron's safeStorage); absent = kept as a user-only file. */
  secrets?: SecretBox | null;
}

export const backupsDir = (ctx: ServiceContext) => path.join(ctx.dataDir, 'backups');
export const attachmentsDir = (ctx: ServiceContext) => path.join(ctx.dataDir, 'attachments');
