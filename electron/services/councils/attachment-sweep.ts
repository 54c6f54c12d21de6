/**
 * The start-up sweep of orphan attachments: files in <dataDir>/attachments that no record
 * names (a material removed, a file whose removal failed, an attachment replaced). Main does
 * not hold the records, so the renderer sends the stored names its records name
 * (`attachment:sweep:orphans`, called once after the start-up backup).
 *
 * A file is removed only when all of these hold, so a sweep can never lose a document:
 * - a backup was written within the last day (the sweep runs after the start-up backup);
 * - no record names it;
 * - it is older than a few minutes (an upload in flight, or a record not yet written, is kept);
 * - a kept backup holds its copy (<backups>/attachments/<name>, listed by a kept backup, same
 *   size): a removal the user regrets is undone by restoring that backup.
 * Anything else in the folder (unfinished uploads, names the app does not write) is left alone.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { STORED_NAME } from '../../../shared/stored-name';
import { backupAttachmentsDir, listBackups } from '../backups';

export const SWEEP_MIN_FILE_AGE_MS = 10 * 60_000;
export const SWEEP_MAX_BACKUP_AGE_MS = 24 * 60 * 60_000;

export interface SweepResult {
  /** Stored names removed from the attachments folder. */
  removed: string[];
  /** Orphans kept because no backup holds them, or they are too recent. */
  kept: string[];
  /** Why nothing was swept (no recent backup), or null when the sweep ran. */
  refused: string | null;
}

/** The stored names the kept backups list (backup-….attachments.json beside each backup). */
async function backedUpNames(backupsDir: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const b of await listBackups(backupsDir)) {
    const refs = path.join(backupsDir, b.name.replace(/\.json$/, '.attachments.json'));
    try {
      const list = JSON.parse(await fs.readFile(refs, 'utf8')) as unknown;
      if (Array.isArray(list)) for (const n of list) if (typeof n === 'string') names.add(n);
    } catch {
      /* a format 1 backup keeps no attachments */
    }
  }
  return names;
}

export async function sweepOrphanAttachments(
  attachmentsDir: string,
  backupsDir: string,
  referenced: Iterable<string>,
  { now = new Date(), minFileAgeMs = SWEEP_MIN_FILE_AGE_MS, maxBackupAgeMs = SWEEP_MAX_BACKUP_AGE_MS } = {},
): Promise<SweepResult> {
  const latest = (await listBackups(backupsDir))[0];
  if (!latest || now.getTime() - Date.parse(latest.createdAt) > maxBackupAgeMs) {
    return {
      removed: [],
      kept: [],
      refused: '最近のバックアップがないため、添付ファイルの整理は行いませんでした。',
    };
  }
  let names: string[];
  try {
    names = await fs.readdir(attachmentsDir);
  } catch {
    return { removed: [], kept: [], refused: null };
  }
  const wanted = new Set(referenced);
  const backedUp = await backedUpNames(backupsDir);
  const store = backupAttachmentsDir(backupsDir);
  const removed: string[] = [];
  const kept: string[] = [];
  for (const name of names.sort()) {
    if (!STORED_NAME.test(name) || wanted.has(name)) continue;
    const full = path.join(attachmentsDir, name);
    let st;
    try {
      st = await fs.stat(full);
    } catch {
      continue;
    }
    if (!st.isFile()) continue;
    // Not ctime: the backup's hard link to the file changes it (the start-up backup just ran).
    const young = now.getTime() - Math.max(st.mtimeMs, st.birthtimeMs || 0) < minFileAgeMs;
    let copied = false;
    if (backedUp.has(name)) {
      try {
        copied = (await fs.stat(path.join(store, name))).size === st.size;
      } catch {
        copied = false;
      }
    }
    if (young || !copied) {
      kept.push(name);
      continue;
    }
    try {
      await fs.rm(full);
      removed.push(name);
    } catch {
      kept.push(name); // in use (open in a viewer on Windows): the next start tries again
    }
  }
  return { removed, kept, refused: null };
}
