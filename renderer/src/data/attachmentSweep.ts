/**
 * The start-up sweep of orphan attachments (electron/services/councils/attachment-sweep.ts):
 * main removes files of the attachments folder that no record names, so the renderer — which
 * holds the records — sends every stored name its records name. data/backup.ts calls it once,
 * after the start-up backup; main refuses without a recent backup and keeps anything a backup
 * does not hold.
 */
import { STORED_NAME } from '../../../shared/stored-name';
import { referencedStoredNames } from '../../../shared/package';
import type { ShingikaiDB } from './database';
import { TRACKED_TABLES } from './write';

/** Remarks name no files (and are the bulk of the records): not read. */
const SKIPPED = new Set<string>(['remarks']);

/** Every attachment stored name the records name (materials, council templates …). */
export async function referencedAttachments(db: ShingikaiDB): Promise<string[]> {
  const names = new Set<string>();
  for (const table of TRACKED_TABLES) {
    if (SKIPPED.has(table)) continue;
    await db.table(table).each((record: unknown) => referencedStoredNames(record, STORED_NAME, names));
  }
  return [...names].sort();
}
