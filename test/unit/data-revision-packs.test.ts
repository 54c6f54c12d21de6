/**
 * Revision packs (data/write.ts): a full restore writes every record's revision packed, a few
 * hundred rows instead of one per record. What the app reads is unchanged: each record's
 * revision is the backup's; the next write continues it (a delete and a re-create too); a
 * record's own row wins over its pack; undo and a second backup and restore see the same.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { newRestoredDbName, revisionOf, revisionsOf, ShingikaiDB } from '../../renderer/src/data/database';
import { loadSampleCouncil } from '../../renderer/src/data/sample';
import { exportDatabaseJson, restoreIntoNewDatabase, restoreRecords } from '../../renderer/src/data/restore';
import {
  isRevisionPack,
  packRevisions,
  readRevisions,
  REVISION_PACK_BUCKETS,
  REVISION_PACK_PREFIX,
  revisionPackKey,
  revisionsInRow,
  unpackRevisions,
  type RevisionRecord,
  type RevisionRow,
} from '../../renderer/src/data/write';
import { UndoHistory } from '../../renderer/src/data/undo';
import { exportDatabasePieces } from '../../renderer/src/data/backupExport';
import { asBackup, everything } from './restore-helpers';

const factory = new IDBFactory();
const open = (name: string) => new ShingikaiDB(name, { indexedDB: factory, IDBKeyRange });

/** The sample council with some history: edits (rev 2, 3), a deleted remark (a tombstone). */
async function source() {
  const db = open(`src-${Math.random()}`);
  await db.meta.put({ key: 'operatorName', value: '佐藤' });
  await loadSampleCouncil(db);
  const [first, second, third] = await db.remarks.toArray();
  // Years of remarks: far more records than buckets.
  await db.remarks.bulkAdd(
    Array.from({ length: 3000 }, (_, i) => ({ ...first!, id: `remark-${i}`, order: 10_000 + i, text: `発言${i}` })),
  );
  await db.remarks.update(first!.id, { text: '一度目の修正' });
  await db.remarks.update(first!.id, { text: '二度目の修正' });
  await db.remarks.delete(second!.id);
  return { db, first: first!, second: second!, third: third! };
}

async function restoredCopy(src: ShingikaiDB) {
  const backup = asBackup(await exportDatabaseJson(src));
  const fresh = open(newRestoredDbName());
  await fresh.open();
  await restoreIntoNewDatabase(fresh, backup.tables);
  return { fresh, backup };
}

describe('revision packs', () => {
  it('a full restore writes the revisions packed; each record reads the revision it had', async () => {
    const { db: src, first, second } = await source();
    const { fresh, backup } = await restoredCopy(src);
    const rows = await fresh.revisions.toArray();
    const perRecord = (backup.tables.revisions ?? []).length;
    expect(perRecord).toBeGreaterThan(3000);
    expect(rows.every(isRevisionPack)).toBe(true);
    // 3,000+ remarks' revisions in at most one row per bucket.
    expect(rows.filter((r) => r.table === 'remarks').length).toBeLessThanOrEqual(REVISION_PACK_BUCKETS);
    expect(rows.length).toBeLessThan(perRecord / 5);
    // What the app reads: the same revision for every record, the tombstone of the deleted one too.
    const want = (await everything(src)).revisions as RevisionRecord[];
    const got = await revisionsOf(
      fresh,
      want.map((r) => [r.table, r.id]),
    );
    expect(got).toEqual(want);
    expect((await revisionOf(fresh, 'remarks', first.id))?.rev).toBe(3);
    expect(await revisionOf(fresh, 'remarks', second.id)).toMatchObject({ rev: 2, deleted: true });
    src.close();
    fresh.close();
  });

  it('the write path continues a packed revision: update, delete, re-create; new records start at 1', async () => {
    const { db: src, first, second, third } = await source();
    const { fresh } = await restoredCopy(src);
    await fresh.remarks.update(first.id, { text: '復元後の修正' });
    expect(await revisionOf(fresh, 'remarks', first.id)).toMatchObject({ rev: 4 });
    // The record's own row now exists beside its pack entry, and wins.
    expect(await fresh.revisions.get(['remarks', first.id])).toMatchObject({ rev: 4 });
    await fresh.remarks.put({ ...second, text: '削除の後に戻した発言' });
    expect(await revisionOf(fresh, 'remarks', second.id)).toMatchObject({ rev: 3 });
    expect(await fresh.changes.orderBy('seq').last()).toMatchObject({ id: second.id, op: 'create', rev: 3 });
    await fresh.remarks.delete(third.id);
    expect(await revisionOf(fresh, 'remarks', third.id)).toMatchObject({ rev: 2, deleted: true });
    await fresh.remarks.add({ ...third, id: 'brand-new-remark' });
    expect((await revisionOf(fresh, 'remarks', 'brand-new-remark'))?.rev).toBe(1);
    src.close();
    fresh.close();
  });

  it('undo after a restore compares the packed revision (a later change elsewhere blocks it)', async () => {
    const { db: src, first, third } = await source();
    const { fresh } = await restoredCopy(src);
    const history = new UndoHistory(fresh);
    const edit = (id: string, text: string) =>
      history.run('live', '発言を修正しました', [{ table: 'remarks', id }], () => fresh.remarks.update(id, { text }));
    await edit(first.id, '取り消す修正');
    await history.undo('live');
    expect((await fresh.remarks.get(first.id))?.text).toBe('二度目の修正');
    await edit(third.id, '取り消したい修正');
    await fresh.remarks.update(third.id, { text: '別の画面での修正' });
    await expect(history.undo('live')).rejects.toThrow(/元に戻せません/);
    expect((await fresh.remarks.get(third.id))?.text).toBe('別の画面での修正');
    src.close();
    fresh.close();
  });

  it('a backup of a restored database (packs as stored) restores to the same revisions, in place too', async () => {
    const { db: src } = await source();
    const { fresh } = await restoredCopy(src);
    await fresh.members.update((await fresh.members.toArray())[0]!.id, { name: '復元後の委員名' });
    const again = asBackup(await exportDatabaseJson(fresh));
    expect((again.tables.revisions as unknown as RevisionRow[]).some(isRevisionPack)).toBe(true);
    const third = open(newRestoredDbName());
    await third.open();
    await restoreIntoNewDatabase(third, again.tables);
    // (The change log is compacted by every full restore: data-restore.test.ts.)
    const { changes: _f, ...want } = await everything(fresh);
    for (const db of [third, open(`in-${Math.random()}`)]) {
      if (db !== third) await restoreRecords(db, again.tables);
      const { changes: _c, ...got } = await everything(db);
      expect(got).toEqual(want);
      db.close();
    }
    src.close();
    fresh.close();
  });

  it("a record's own row wins over its pack entry; packs merge; ids are spread over the buckets", async () => {
    const rev = (id: string, n: number, table = 'remarks'): RevisionRecord =>
      ({ table, id, rev: n, updatedBy: '', updatedAt: `2026-01-0${n}T00:00:00.000Z` }) as RevisionRecord;
    const packs = packRevisions([rev('a', 1), rev('b', 2), rev('c', 1, 'members')]);
    const rows: RevisionRow[] = [...packs, rev('a', 5)];
    expect(unpackRevisions(rows).find((r) => r.id === 'a')?.rev).toBe(5);
    // Packing packs again with newer own rows keeps the newer.
    expect(unpackRevisions(packRevisions(rows)).find((r) => r.id === 'a')?.rev).toBe(5);
    const stored = new Map(rows.map((r) => [`${r.table}/${r.id}`, r]));
    const got = await readRevisions(
      async (keys) => keys.map(([t, id]) => stored.get(`${t}/${id}`)),
      [
        ['remarks', 'a'],
        ['remarks', 'b'],
        ['members', 'c'],
        ['members', 'a'],
        ['remarks', '__proto__'],
      ],
    );
    expect(got.map((r) => r?.rev)).toEqual([5, 2, 1, undefined, undefined]);
    const buckets = new Set(Array.from({ length: 5000 }, () => revisionPackKey('remarks', crypto.randomUUID())[1]));
    expect(buckets.size).toBe(REVISION_PACK_BUCKETS);
  });

  it('a backup read while the user types weighs packs by what they hold: no slice reads hundreds of packs at once', async () => {
    const { db: src } = await source();
    const { fresh } = await restoredCopy(src);
    const pace = 250; // the rows a step reads while keys are pressed (TypingPacer)
    const pieces = await exportDatabasePieces(fresh, { pace: async () => pace });
    const start = pieces.findIndex((p) => p.includes('"tableName":"revisions"'));
    const end = pieces.indexOf(']}', start);
    const slices = pieces.slice(start + 1, end).map((p) => JSON.parse(`[${p.replace(/^,/, '')}]`) as RevisionRow[]);
    const weights = slices.map((rows) => rows.reduce((n, r) => n + revisionsInRow(r), 0));
    expect(slices.flat().length).toBe(await fresh.revisions.count());
    // A slice is one row, or holds about a step's worth of revisions.
    for (const [i, rows] of slices.entries()) if (rows.length > 1) expect(weights[i]).toBeLessThanOrEqual(2 * pace);
    // The whole backup is still every revision.
    expect(unpackRevisions(slices.flat())).toEqual(unpackRevisions(await fresh.revisions.toArray()));
    src.close();
    fresh.close();
  });

  it('a record whose id is "__proto__" keeps its revision through a packed restore', async () => {
    const db = open(`proto-${Math.random()}`);
    await db.councils.add({ id: '__proto__', name: '名前に注意' } as never);
    await db.councils.update('__proto__', { name: '二度目' });
    await db.councils.update('__proto__', { name: '三度目' });
    const { fresh } = await restoredCopy(db);
    expect((await revisionOf(fresh, 'councils', '__proto__'))?.rev).toBe(3);
    await fresh.councils.update('__proto__', { name: '復元後' });
    expect(await fresh.changes.orderBy('seq').last()).toMatchObject({ id: '__proto__', op: 'update', rev: 4 });
    db.close();
    fresh.close();
  });

  it('an own row whose id an older release let begin like a pack is still an own row', async () => {
    const own: RevisionRecord = {
      table: 'councils',
      id: `${REVISION_PACK_PREFIX}7`,
      rev: 2,
      updatedBy: '',
      updatedAt: '',
    };
    expect(isRevisionPack(own)).toBe(false);
    expect(unpackRevisions([own])).toEqual([own]);
    expect(unpackRevisions(packRevisions([own]))).toEqual([own]);
  });

  it('the write path refuses a record id that would read as a pack', async () => {
    const db = open(`refuse-${Math.random()}`);
    await expect(db.councils.add({ id: `${REVISION_PACK_PREFIX}1`, name: '不正なID' } as never)).rejects.toThrow(
      /記録のIDが不正です/,
    );
    expect(await db.councils.count()).toBe(0);
    db.close();
  });
});
