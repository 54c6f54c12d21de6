/**
 * A council package imported into this PC (settings → 審議会パッケージの取り込み) is written by
 * `installPackageRecords` through the data layer's write path, so its records reach the change
 * log and the search index follows them like any other write: after the import the imported
 * remarks, members and draft sections are found, without a rebuild, and after a restart too.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { db } from '../../renderer/src/data/db';
import { ShingikaiDB } from '../../renderer/src/data/database';
import { loadSampleCouncil } from '../../renderer/src/data/sample';
import { installPackageRecords, readTrackedTables } from '../../renderer/src/data/restore';
import { searchSource } from '../../renderer/src/features/search/data';
import { IndexKeeper, type KeeperStatus } from '../../renderer/src/features/search/keeper';
import { classifyImport } from '../../shared/package';
import type { Draft, Member } from '../../shared/domain';

/** The records of a package written on another PC (its own database). */
async function packageOfSample() {
  const other = new ShingikaiDB(`other-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const { councilId } = await loadSampleCouncil(other);
  const tables = await readTrackedTables(other);
  other.close();
  return { councilId, tables };
}

const texts = async (keeper: IndexKeeper, query: string, kind: 'remark' | 'member' | 'draft') =>
  (await keeper.search(query, { kinds: [kind] }, {})).groups.flatMap((g) => g.hits.map((h) => h.doc.key));

describe('search index after a council package import', () => {
  it('finds the imported records once the change log is applied, and after a restart', async () => {
    const statuses: KeeperStatus[] = [];
    const keeper = new IndexKeeper(searchSource, (s) => statuses.push(s), 0);
    await keeper.start(); // an empty profile
    expect(keeper.size).toBe(0);
    expect(await texts(keeper, '減免', 'remark')).toEqual([]);
    statuses.length = 0;

    const { councilId, tables } = await packageOfSample();
    const written = await installPackageRecords(db, tables, [{ councilId, overwriteConflicts: false }], classifyImport);
    expect(written).toBeGreaterThan(50);
    // the shell notifies the worker when the change log grows; the worker applies it
    await keeper.sync();
    expect(statuses.filter((s) => s.state === 'building')).toEqual([]); // followed, not rebuilt

    const remark = (await db.remarks.toArray()).find((r) => r.text.includes('減免措置'))!;
    expect(await texts(keeper, '減免', 'remark')).toEqual([`remarks:${remark.id}`]);
    const member = (tables.members as Member[])[0]!;
    expect(await texts(keeper, member.name, 'member')).toContain(`members:${member.id}`);
    const draft = (tables.drafts as Draft[])[0]!;
    const section = draft.sections.find((s) => s.heading.trim().length >= 2)!;
    expect(await texts(keeper, section.heading, 'draft')).toContain(`drafts:${draft.id}/${section.id}`);

    // a restart uses the stored index, which has the imported records
    await keeper.flush();
    const again: KeeperStatus[] = [];
    const restarted = new IndexKeeper(searchSource, (s) => again.push(s), 0);
    await restarted.start();
    expect(again.at(-1)).toMatchObject({ state: 'ready', rebuilt: false });
    expect(await texts(restarted, '減免', 'remark')).toEqual([`remarks:${remark.id}`]);
  });
});
