/**
 * The local database: every record of the sample survives a round trip, a bad bundle
 * writes nothing, and — the pattern every schema version must follow — a database
 * written by the previous version opens and upgrades with every record intact.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS, ShingikaiDB } from '../../renderer/src/data/database';
import { exportBundle, importBundle } from '../../renderer/src/data/bundle';
import { loadSampleCouncil } from '../../renderer/src/data/sample';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import type { CouncilBundle } from '../../shared/domain';

const fresh = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

/** Sorts every array of a bundle by id, so two bundles compare regardless of read order. */
function normalise(b: CouncilBundle) {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
  return {
    ...b,
    members: byId(b.members),
    staff: byId(b.staff),
    meetings: byId(b.meetings),
    remarks: byId(b.remarks),
    opinions: byId(b.opinions),
    drafts: byId(b.drafts),
    draftVersions: byId(b.draftVersions),
    matrixItems: byId(b.matrixItems),
    planEntries: byId(b.planEntries),
    minutes: byId(b.minutes),
  };
}

/**
 * Per schema version, records as that version wrote them. A new version n+1 adds its
 * entry here (data shaped as version n stored it) and what the upgrade must produce.
 */
const WRITTEN_BY: Record<number, () => CouncilBundle> = {
  1: () => buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' }),
  2: () => buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' }), // v2 added bookkeeping tables only
  3: () => buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' }), // v4 added sync bookkeeping tables only
  4: () => buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' }), // v5 dropped indexes only
  5: () => buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' }), // v6 lets revisions be packed only
  6: () => buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' }), // v7 adds the remark packs' table only
};
const EXPECTED_AFTER_UPGRADE = (written: CouncilBundle): CouncilBundle => written; // v1: nothing to transform

describe('local database', () => {
  it('declares versions in order, each with its stores', () => {
    SCHEMA_VERSIONS.forEach((v, i) => expect(v.version).toBe(i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(SCHEMA_VERSIONS.length);
  });

  it('keeps every record of the sample council through import and export', async () => {
    const db = new ShingikaiDB('rt', fresh());
    const bundle = buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' });
    const id = await importBundle(db, bundle);
    expect(normalise(await exportBundle(db, id))).toEqual(normalise(bundle));
    db.close();
  });

  it('writes nothing when any record of a bundle is invalid', async () => {
    const db = new ShingikaiDB('bad', fresh());
    const bundle = buildSampleCouncil();
    bundle.remarks[5] = { ...bundle.remarks[5]!, kind: '雑談' as never };
    await expect(importBundle(db, bundle)).rejects.toThrow();
    const dup = buildSampleCouncil();
    dup.members.push({ ...dup.members[0]! }); // duplicate key fails inside the transaction
    await expect(importBundle(db, dup)).rejects.toThrow();
    expect(await db.councils.count()).toBe(0);
    expect(await db.members.count()).toBe(0);
    expect(await db.remarks.count()).toBe(0);
    db.close();
  });

  it('loads the sample once', async () => {
    const db = new ShingikaiDB('sample', fresh());
    const first = await loadSampleCouncil(db);
    const second = await loadSampleCouncil(db);
    expect(first.created).toBe(true);
    expect(second).toEqual({ councilId: first.councilId, created: false });
    expect(await db.councils.count()).toBe(1);
    db.close();
  });

  // The upgrade pattern: open at version n−1, write, close, reopen at the latest, check every record.
  for (const target of SCHEMA_VERSIONS.map((v) => v.version)) {
    const previous = Math.max(1, target - 1);
    it(`upgrades a database written by version ${previous} to version ${target} with every record intact`, async () => {
      const factory = fresh();
      const old = new ShingikaiDB('upgrade', { ...factory, upTo: previous });
      const written = WRITTEN_BY[previous]!();
      const councilId = await importBundle(old, written);
      old.close();
      const current = new ShingikaiDB('upgrade', { ...factory, upTo: target });
      await current.open();
      expect(current.verno).toBe(target);
      expect(normalise(await exportBundle(current, councilId))).toEqual(normalise(EXPECTED_AFTER_UPGRADE(written)));
      current.close();
    });
  }
});
