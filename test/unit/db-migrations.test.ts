/**
 * Schema upgrades, one case per version: a database written by version n−1 with real
 * records in every table is reopened at version n, and every record reads back as it was
 * written (plus what the upgrade must add).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, revisionOf, ShingikaiDB } from '../../renderer/src/data/database';
import { importBundle } from '../../renderer/src/data/bundle';
import { TRACKED_TABLES } from '../../renderer/src/data/write';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

const ALL_V1_TABLES = [...TRACKED_TABLES, 'entryDrafts', 'meta'] as const;

async function dump(db: ShingikaiDB) {
  const out: Record<string, { key: unknown; value: unknown }[]> = {};
  for (const name of ALL_V1_TABLES) {
    const t = db.table(name);
    const keys = await t.toCollection().primaryKeys();
    const values = await t.toArray();
    out[name] = keys.map((key, i) => ({ key, value: values[i] }));
  }
  return out;
}

describe('schema migrations', () => {
  it('version 2 (revisions and change log): every v1 record of every table survives, each at rev 1', async () => {
    const factory = { indexedDB: new IDBFactory(), IDBKeyRange };
    const v1 = new ShingikaiDB('migrate', { ...factory, upTo: 1 });
    const bundle = buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' });
    await importBundle(v1, bundle);
    const meetingId = bundle.meetings[0]!.id;
    await v1.planEntries.put({
      id: 'plan-1',
      councilId: bundle.council.id,
      fiscalYear: 2023,
      month: 7,
      meetingNumber: 1,
      themes: ['計画の骨子'],
      order: 1,
    });
    await v1.entryDrafts.put({ meetingId, text: '打ちかけの発言', updatedAt: '2023-07-07T01:00:00.000Z' });
    await v1.meta.put({ key: 'operatorName', value: '山田' });
    await v1.meta.put({ key: 'lastBackup', value: { path: 'C:/backup/1.json', at: '2023-07-07T02:00:00.000Z' } });
    const before = await dump(v1);
    expect(v1.verno).toBe(1);
    v1.close();
    // Real records in every table, so the comparison below covers each of them.
    for (const name of ALL_V1_TABLES) expect(before[name]!.length, name).toBeGreaterThan(0);

    const v2 = new ShingikaiDB('migrate', { ...factory, upTo: 2 });
    await v2.open();
    expect(v2.verno).toBe(2);
    const after = await dump(v2);
    for (const name of ALL_V1_TABLES) expect(after[name], name).toEqual(before[name]);
    for (const table of TRACKED_TABLES) {
      for (const { key } of after[table]!) {
        const rev = await revisionOf(v2, table, key as string);
        expect(rev?.rev, `${table} ${String(key)}`).toBe(1);
      }
    }
    expect(await v2.changes.count()).toBe(0); // the upgrade itself is not a user's change
    v2.close();
  });

  it('the latest version opens an empty database', async () => {
    const db = new ShingikaiDB('empty', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(await db.changes.count()).toBe(0);
    db.close();
  });
});
