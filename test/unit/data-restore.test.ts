/**
 * Restore: a backup written the way the app writes it (sliced export, format 2 envelope,
 * read back by main's parser) brings back every record after the database is wiped; a
 * one-council restore touches only that council's records.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ShingikaiDB, changesSince, revisionOf } from '../../renderer/src/data/database';
import { loadSampleCouncil } from '../../renderer/src/data/sample';
import { importBundle } from '../../renderer/src/data/bundle';
import {
  councilRecords,
  exportDatabaseJson,
  installPackageRecords,
  readSharedFingerprints,
  readTrackedTables,
  rememberShared,
  restoreRecords,
} from '../../renderer/src/data/restore';
import { classifyImport, type TableRecords } from '../../shared/package';
import { asBackup, everything } from './restore-helpers';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

const factory = new IDBFactory();
const open = (name: string) => new ShingikaiDB(name, { indexedDB: factory, IDBKeyRange });

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
    const after = await everything(db);
    // Every record and revision is back; of the change log, only its newest line (no sync
    // cursor: every earlier line was history nobody reads again), so new lines continue after it.
    const { changes: logBefore, ...rest } = before;
    const { changes: logAfter, ...restAfter } = after;
    expect(restAfter).toEqual(rest);
    expect(logAfter).toEqual([logBefore!.at(-1)]);
    await db.councils.update(String((before.councils![0] as { id: string }).id), { name: '改称後' });
    const next = (await changesSince(db, (logBefore!.at(-1) as { seq: number }).seq)).map((c) => [c.table, c.op]);
    expect(next).toEqual([['councils', 'update']]);
    db.close();
  });

  it('rolls back edits, deletions and additions made after the backup, over the same database', async () => {
    const db = open(`r-${Math.random()}`);
    await loadSampleCouncil(db);
    const before = await everything(db);
    const backup = asBackup(await exportDatabaseJson(db));
    const [first, second] = await db.remarks.toArray();
    await db.remarks.update(first!.id, { text: '後から書き換えた発言' });
    await db.remarks.delete(second!.id);
    await db.members.add({ ...(await db.members.toArray())[0]!, id: 'added-after-backup', name: '後から追加' });
    await restoreRecords(db, backup.tables);
    const after = await everything(db);
    for (const table of Object.keys(before).filter((t) => t !== 'changes' && t !== 'meta'))
      expect([table, after[table]]).toEqual([table, before[table]]);
    expect((await db.remarks.get(first!.id))?.text).toBe(first!.text);
    expect(await db.members.get('added-after-backup')).toBeUndefined();
    db.close();
  });

  it('keeps the change log lines team sync has not sent yet (after the outbox cursor)', async () => {
    const name = `r-${Math.random()}`;
    let db = open(name);
    await loadSampleCouncil(db);
    const cursor = Number(await db.changes.orderBy('seq').lastKey());
    await db.syncState.put({ key: 'outbox', value: cursor });
    const member = (await db.members.toArray())[0]!;
    await db.members.update(member.id, { name: '未送信の変更' });
    await db.members.update(member.id, { name: '未送信の変更２' });
    const backup = asBackup(await exportDatabaseJson(db));
    await db.delete();
    db = open(name);
    await restoreRecords(db, backup.tables);
    const log = await db.changes.toArray();
    expect(log.map((l) => [l.seq, l.table, l.id, l.op])).toEqual([
      [cursor + 1, 'members', member.id, 'update'],
      [cursor + 2, 'members', member.id, 'update'],
    ]);
    expect((await db.syncState.get('outbox'))?.value).toBe(cursor);
    expect((await db.members.get(member.id))?.name).toBe('未送信の変更２');
    db.close();
  });

  it('restores a backup written before the change log: every record gets revision 1 and a create line', async () => {
    const db = open(`r-${Math.random()}`);
    const { councilId } = await loadSampleCouncil(db);
    const full = asBackup(await exportDatabaseJson(db));
    // What an older release wrote: no revisions, no change log, no action tables.
    const { revisions: _r, changes: _c, actionPlans: _p, actions: _a, progress: _g, ...older } = full.tables;
    await db.councils.update(councilId, { name: '復元前の名前' });
    expect(await db.actionPlans.count()).toBeGreaterThan(0);

    await restoreRecords(db, older);
    expect((await db.councils.get(councilId))!.name).toBe('飯塚市行政経営戦略推進審議会');
    expect(await db.actionPlans.count()).toBe(0);
    const remarks = await db.remarks.toArray();
    expect(remarks.length).toBeGreaterThan(10);
    for (const r of remarks.slice(0, 5)) expect((await revisionOf(db, 'remarks', r.id))?.rev).toBe(1);
    const log = await changesSince(db);
    expect(log.filter((c) => c.table === 'remarks')).toHaveLength(remarks.length);
    expect(log.every((c) => c.op === 'create' && c.rev === 1)).toBe(true);

    // The restore's own transaction was written as is; the next edit is stamped again.
    await db.councils.update(councilId, { name: '復元後の名前' });
    expect((await revisionOf(db, 'councils', councilId))?.rev).toBe(2);
    expect((await changesSince(db)).at(-1)).toMatchObject({ table: 'councils', id: councilId, op: 'update', rev: 2 });
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

  it('two PCs exchange a council: an edit on both sides is a conflict the user settles; one side only is not', async () => {
    const a = open(`pc-a-${Math.random()}`);
    const b = open(`pc-b-${Math.random()}`);
    const { councilId } = await loadSampleCouncil(a);
    const exportFrom = async (db: ShingikaiDB) => {
      const tables = councilRecords(await readTrackedTables(db), councilId);
      await rememberShared(db, councilId, tables);
      return tables;
    };
    const preview = async (db: ShingikaiDB, tables: TableRecords) =>
      classifyImport(await readTrackedTables(db), tables, {}, await readSharedFingerprints(db, [councilId]))[0]!;
    const install = (db: ShingikaiDB, tables: TableRecords, overwriteConflicts: boolean) =>
      installPackageRecords(db, tables, [{ councilId, overwriteConflicts }], classifyImport);

    const first = await exportFrom(a);
    expect((await preview(b, first)).status).toBe('new');
    await install(b, first, false);
    const [m1, m2] = await b.members.where('councilId').equals(councilId).sortBy('id');
    // B edits m1; A edits m1 differently and m2; A sends the council again.
    await b.members.update(m1!.id, { name: 'B側で直した' });
    await a.members.update(m1!.id, { name: 'A側で直した' });
    await a.members.update(m2!.id, { affiliation: 'A側で直した所属' });
    const second = await exportFrom(a);
    const p = await preview(b, second);
    expect(p.status).toBe('conflict');
    expect(p.records).toContainEqual({ table: 'members', id: m1!.id, action: 'conflict' });
    expect(p.records).toContainEqual({ table: 'members', id: m2!.id, action: 'update' });
    // Keep this PC's on conflicts: m1 stays B's, m2 takes A's change.
    await install(b, second, false);
    expect((await b.members.get(m1!.id))!.name).toBe('B側で直した');
    expect((await b.members.get(m2!.id))!.affiliation).toBe('A側で直した所属');
    // The same package again: B's m1 is now only a change on B's side, not a conflict.
    const again = await preview(b, second);
    expect(again.records).toContainEqual({ table: 'members', id: m1!.id, action: 'older' });
    expect(again.counts.conflict).toBe(0);
    // Taking theirs instead (on a fresh conflict) writes A's.
    await a.members.update(m1!.id, { name: 'A側で再度直した' });
    await b.members.update(m1!.id, { name: 'B側で再度直した' });
    await install(b, await exportFrom(a), true);
    expect((await b.members.get(m1!.id))!.name).toBe('A側で再度直した');
    a.close();
    b.close();
  });
});
