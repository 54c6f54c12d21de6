/**
 * A whole-database restore on a PC that syncs with the team (docs/TEAM.md §6). The backup holds
 * the mirror's bookkeeping as it was when the backup was written: which CouchDB revision each
 * record was synced from (`syncRecords`), the cursors (`syncState`) and the conflicts. Kept
 * after a restore, it would tell the mirror that the restored (older) records are the server's
 * revisions of that day, so the server's newer versions would replace them silently, and a
 * record with an edit then pending would be sent over what came later. So:
 *
 * - **before the switch** the running mirror sends this PC's last changes into its local
 *   PouchDB (which a restore does not touch: from there they still reach the server) and
 *   stops, so nothing acknowledged on this PC exists only in the database being replaced;
 * - **the restored database forgets the bookkeeping**: its next start is a first sync against
 *   the server. A restored record with the same content as the server's is in sync; one the
 *   server lacks is sent; one whose content differs is sent as its own branch, which CouchDB
 *   keeps beside the server's version: an ordinary conflict in the 「競合」 list (this PC shows
 *   the restored version, the others the server's), resolved by a person. Records the server
 *   has and the backup lacks arrive. Neither side's version is ever dropped without a choice.
 */
import type { ShingikaiDB } from '../database';
import type { Mirror } from './mirror';

/** The mirror's bookkeeping in the app's database (none of it is the user's data). */
export const SYNC_BOOKKEEPING = ['syncRecords', 'syncState', 'syncConflicts'] as const;

/** Sends what this PC wrote into the local PouchDB (kept through the restore), then stops the mirror. */
export async function settleMirrorForRestore(mirror: Mirror): Promise<void> {
  try {
    await mirror.flush();
  } finally {
    await mirror.stop();
  }
}

/**
 * A restored database starts team sync afresh: the bookkeeping the backup brought is dropped
 * (one transaction), so the next start compares every shared record with the server.
 */
export async function forgetRestoredSyncState(db: ShingikaiDB): Promise<void> {
  await db.transaction('rw', [...SYNC_BOOKKEEPING], async () => {
    for (const name of SYNC_BOOKKEEPING) await db.table(name).clear();
  });
}
