/** Test helpers for restores: a database's whole content, and a backup file as main reads it. */
import { LATEST_SCHEMA_VERSION, type ShingikaiDB } from '../../renderer/src/data/database';
import { parseBackup } from '../../electron/services/backups';
import { unpackRevisions } from '../../renderer/src/data/write';
import { PACK_TABLES } from '../../shared/record-packs';

/**
 * Every table's records, by table name; the revisions as the app reads them (one per record,
 * in key order), whether stored one row per record or packed (data/write.ts); the remarks as
 * the app reads them, whether rows or packed (data/recordPacks.ts); so too the opinions.
 */
export async function everything(db: ShingikaiDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) if (!PACK_TABLES.includes(t.name)) out[t.name] = await t.toArray();
  out.revisions = unpackRevisions(await db.revisions.toArray()).sort((a, b) =>
    a.table === b.table ? (a.id < b.id ? -1 : 1) : a.table < b.table ? -1 : 1,
  );
  return out;
}

/** The app's database export inside a format-2 backup envelope, read back by main's parser. */
export function asBackup(json: string) {
  const text = `{"format":"shingikai-backup","formatVersion":2,"appVersion":"test","createdAt":"2026-01-01T00:00:00.000Z","attachments":[],"missingAttachments":[],"db":${json}}`;
  return parseBackup('backup-20260101-000000-000-manual.json', text, LATEST_SCHEMA_VERSION);
}
