/**
 * Restore: a backup written the way the app writes it (sliced export, format 2 envelope,
 * read back by main's parser) brings back every record after the database is wiped; a
 * one-council restore touches only that council's records.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, ShingikaiDB } from '../../renderer/src/data/database';
import { loadSampleCouncil } from '../../renderer/src/data/sample';
import { importBundle } from '../../renderer/src/data/bundle';
import { exportDatabaseJson, readTrackedTables, restoreRecords } from '../../renderer/src/data/restore';
import { parseBackup } from '../../electron/services/backups';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

const factory = new IDBFactory();
const open = (name: string) => new ShingikaiDB(name, { indexedDB: factory, IDBKeyRange });

async function everything(db: ShingikaiDB) {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

function asBackup(json: string) {
  const text = `{"format":"shingikai-backup","formatVersion":2,"appVersion":"test","createdAt":"2026-01-01T00:00:00.000Z","attachments":[],"missingAttachments":[],"db":${json}}`;
  return parseBackup('backup-20260101-000000-000-manual.json', text, LATEST_SCHEMA_VERSION);
}

describe('restore from a backup', () => {
  it('brings back every record, revision and log line after the database is wiped', async () => {
    const name = `r-${Math.random()}`;
    let db = open(name);
    await db.meta.put({ key: 'operatorName', value: '山田' });
    await loadSampleCouncil(db);
    const before = await everything(db);
    expect(before.councils).toHaveLength(1);
    expect(before.remarks!.length).toBeGreaterThan(10);
    expect(before.actions!.length).toBeGreaterThan(0);
    // Small slices on purpose: the sliced reader must not lose or repeat rows at slice borders.
    const backup = asBackup(await exportDatabaseJson(db, 7));
    expect(backup.counts.remarks).toBe(before.remarks!.length);
    await db.delete();
    db = open(name);
    expect(await db.councils.count()).toBe(0);
    await restoreRecords(db, backup.tables);
    expect(await everything(db)).toEqual(before);
    db.close();
  });

  it('restores one council only, leaving the other councils as they are', async () => {
    const db = open(`r-${Math.random()}`);
    const { councilId } = await loadSampleCouncil(db);
    const backup = asBackup(await exportDatabaseJson(db));
    const sampleBefore = await readTrackedTables(db);
    // After the backup: the sample is edited, a member removed, and another council added.
    await db.councils.update(councilId, { name: '書き換えた名前' });
    const someMember = (await db.members.where('councilId').equals(councilId).first())!;
    await db.members.delete(someMember.id);
    const other = buildSampleCouncil();
    const otherId = await importBundle(db, { ...other, council: { ...other.council, name: '別の審議会' } });
    const otherBefore = await db.members.where('councilId').equals(otherId).toArray();

    await restoreRecords(db, backup.tables, { councilId });
    expect((await db.councils.get(councilId))!.name).toBe('飯塚市行政経営戦略推進審議会');
    expect(await db.members.get(someMember.id)).toEqual(someMember);
    expect(await db.members.where('councilId').equals(councilId).toArray()).toEqual(
      sampleBefore.members!.filter((m) => m.councilId === councilId),
    );
    expect((await db.councils.get(otherId))!.name).toBe('別の審議会');
    expect(await db.members.where('councilId').equals(otherId).toArray()).toEqual(otherBefore);
    db.close();
  });
});
