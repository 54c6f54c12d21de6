/**
 * The backup worker's paced read: the JSON it makes is the same backup as the sliced export
 * (every record back after a wipe), whatever the slice size the pacing picks; while keys are
 * pressed it rests before each step and reads smaller slices, and goes back to large slices
 * without resting once typing stops.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, ShingikaiDB } from '../../renderer/src/data/database';
import { loadSampleCouncil } from '../../renderer/src/data/sample';
import { exportDatabaseJson, restoreRecords } from '../../renderer/src/data/restore';
import { exportDatabasePieces, TypingPacer } from '../../renderer/src/data/backupExport';
import { parseBackup } from '../../electron/services/backups';

const factory = new IDBFactory();
const open = (name: string) => new ShingikaiDB(name, { indexedDB: factory, IDBKeyRange });
const asBackup = (json: string) =>
  parseBackup(
    'backup-20260101-000000-000-manual.json',
    `{"format":"shingikai-backup","formatVersion":2,"appVersion":"test","createdAt":"2026-01-01T00:00:00.000Z","attachments":[],"missingAttachments":[],"db":${json}}`,
    LATEST_SCHEMA_VERSION,
  );

describe('the backup worker paced read', () => {
  it('makes the same backup as the sliced export, and every record comes back from it', async () => {
    const name = `p-${Math.random()}`;
    let db = open(name);
    await loadSampleCouncil(db);
    const remarks = await db.remarks.toArray();
    expect(remarks.length).toBeGreaterThan(10);
    // Slices of 3, 7 and 50 rows in turn: no row lost or repeated at slice borders.
    const sizes = [3, 7, 50];
    let step = 0;
    const json = (await exportDatabasePieces(db, { pace: async () => sizes[step++ % 3]! })).join('');
    expect(json).toBe(await exportDatabaseJson(db, 4));
    const backup = asBackup(json);
    expect(backup.counts.remarks).toBe(remarks.length);
    await db.delete();
    db = open(name);
    await restoreRecords(db, backup.tables);
    expect(await db.remarks.toArray()).toEqual(remarks);
  });

  it('rests and reads small slices while keys are pressed, in proportion to the step before, not otherwise', async () => {
    let now = 0;
    const slept: number[] = [];
    const pacer = new TypingPacer(
      { quietMs: 500, restMs: 40, maxRestMs: 1000, restRatio: 1.5, busyRows: 1000, idleRows: 5000 },
      () => now,
      async (ms) => {
        slept.push(ms);
        now += ms;
      },
    );
    expect(await pacer.pace()).toBe(5000);
    now += 300; // a large slice read while nobody typed
    pacer.input();
    expect(await pacer.pace()).toBe(1000); // rests 1.5 × 300 ms
    now += 10; // a quick small slice
    pacer.input();
    expect(await pacer.pace()).toBe(1000); // at least restMs
    now += 600;
    expect(await pacer.pace()).toBe(5000);
    now += 60_000; // idle a minute (a caller with nothing to do), then a key
    pacer.input();
    expect(await pacer.pace()).toBe(1000); // rests at most maxRestMs
    expect(slept).toEqual([0, 450, 40, 0, 1000]);
    expect(pacer.rests).toBe(3);
  });
});
