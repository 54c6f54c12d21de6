/**
 * Schema upgrades, one case per version: a database written by version n−1 with real
 * records in every table is reopened at version n, and every record reads back as it was
 * written (plus what the upgrade must add).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, revisionOf, ShingikaiDB } from '../../renderer/src/data/database';
import { exportBundle, importBundle } from '../../renderer/src/data/bundle';
import { fieldUsage, memberReferences } from '../../renderer/src/features/councils/data';
import { TRACKED_TABLES } from '../../renderer/src/data/write';
import { PACK_TABLES } from '../../shared/record-packs';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { buildSampleActionPlan } from '../../resources/sample/actions';

/** The tables of version 1 (all tracked since version 2); the action-plan tables came in version 3. */
const NEW_IN_V3 = ['actionPlans', 'actions', 'progress'];
const V1_TRACKED = TRACKED_TABLES.filter((t) => !NEW_IN_V3.includes(t));
const ALL_V1_TABLES = [...V1_TRACKED, 'entryDrafts', 'meta'] as const;

/** Every row of the tables, with its primary key: what an upgrade must keep exactly. */
async function dumpTables(db: ShingikaiDB, tables: readonly string[]) {
  const out: Record<string, { key: unknown; value: unknown }[]> = {};
  for (const name of tables) {
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
    const before = await dumpTables(v1, ALL_V1_TABLES);
    expect(v1.verno).toBe(1);
    v1.close();
    // Real records in every table, so the comparison below covers each of them.
    for (const name of ALL_V1_TABLES) expect(before[name]!.length, name).toBeGreaterThan(0);

    const v2 = new ShingikaiDB('migrate', { ...factory, upTo: 2 });
    await v2.open();
    expect(v2.verno).toBe(2);
    const after = await dumpTables(v2, ALL_V1_TABLES);
    for (const name of ALL_V1_TABLES) expect(after[name], name).toEqual(before[name]);
    for (const table of V1_TRACKED) {
      for (const { key } of after[table]!) {
        const rev = await revisionOf(v2, table, key as string);
        expect(rev?.rev, `${table} ${String(key)}`).toBe(1);
      }
    }
    expect(await v2.changes.count()).toBe(0); // the upgrade itself is not a user's change
    v2.close();
  });

  it('version 3 (action plans): every v2 record of every table survives; plans, actions and progress are stored and indexed', async () => {
    const factory = { indexedDB: new IDBFactory(), IDBKeyRange };
    const v2 = new ShingikaiDB('migrate3', { ...factory, upTo: 2 });
    const bundle = buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' });
    await importBundle(v2, bundle); // at version 2 the bundle has no plans: the tables do not exist yet
    await v2.planEntries.put({
      id: 'plan-1',
      councilId: bundle.council.id,
      fiscalYear: 2023,
      month: 7,
      meetingNumber: 1,
      themes: ['計画の骨子'],
      order: 1,
    });
    await v2.entryDrafts.put({
      meetingId: bundle.meetings[0]!.id,
      text: '打ちかけの発言',
      updatedAt: '2023-07-07T01:00:00.000Z',
    });
    await v2.meta.put({ key: 'operatorName', value: '山田' });
    const tables = [...ALL_V1_TABLES, 'revisions', 'changes'];
    const dumpAll = (db: ShingikaiDB) => dumpTables(db, tables);
    const before = await dumpAll(v2);
    v2.close();
    for (const name of tables) expect(before[name]!.length, name).toBeGreaterThan(0);
    expect(before.revisions!.some((r) => (r.value as { table: string }).table === 'opinions')).toBe(true);

    const v3 = new ShingikaiDB('migrate3', { ...factory, upTo: 3 });
    await v3.open();
    expect(v3.verno).toBe(3);
    const after = await dumpAll(v3);
    for (const name of tables) expect(after[name], name).toEqual(before[name]);

    // The new tables work through the write path, and their indexes answer.
    const sample = buildSampleActionPlan(bundle, { now: '2025-05-30T00:00:00.000Z' });
    const linked = sample.opinions.find((o) => o.actionIds?.length)!;
    await v3.transaction('rw', [v3.actionPlans, v3.actions, v3.progress, v3.opinions], async () => {
      await v3.actionPlans.add(sample.plan);
      await v3.actions.bulkAdd(sample.actions);
      await v3.progress.bulkAdd(sample.progress);
      await v3.opinions.put(linked);
    });
    const first = sample.actions[0]!;
    expect(await v3.actionPlans.where('draftId').equals(bundle.drafts[0]!.id).toArray()).toEqual([sample.plan]);
    expect(await v3.actions.where('sectionIds').equals(first.sectionIds[0]!).toArray()).toEqual([first]);
    expect((await v3.actions.where('department').equals('人事課').sortBy('order')).map((a) => a.what)).toEqual([
      '勤務場所以外でリモートワークできる環境の整備',
      '・メンター制度の導入\n・新人職員と所属の異なる先輩職員の面談',
    ]);
    expect(await v3.progress.where('[actionId+fiscalYear]').equals([first.id, 2024]).toArray()).toEqual([
      sample.progress[0],
    ]);
    expect(await v3.opinions.where('actionIds').equals(linked.actionIds![0]!).toArray()).toEqual([linked]);
    expect((await revisionOf(v3, 'actions', first.id))?.rev).toBe(1);
    expect((await revisionOf(v3, 'opinions', linked.id))?.rev).toBe(2);
    const log = await v3.changes.toArray();
    expect(log.filter((c) => c.table === 'progress' && c.op === 'create')).toHaveLength(sample.progress.length);
    v3.close();
  });

  it('version 4 (team sync bookkeeping): every v3 record of every table survives; the sync tables start empty and work', async () => {
    const factory = { indexedDB: new IDBFactory(), IDBKeyRange };
    const v3 = new ShingikaiDB('migrate4', { ...factory, upTo: 3 });
    const bundle = buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' });
    const sample = buildSampleActionPlan(bundle, { now: '2025-05-30T00:00:00.000Z' });
    await v3.meta.put({ key: 'operatorName', value: '山田' });
    await importBundle(v3, {
      ...bundle,
      actionPlans: [{ plan: sample.plan, actions: sample.actions, progress: sample.progress }],
    });
    await v3.planEntries.put({
      id: 'plan-1',
      councilId: bundle.council.id,
      fiscalYear: 2023,
      month: 7,
      meetingNumber: 1,
      themes: ['計画の骨子'],
      order: 1,
    });
    await v3.entryDrafts.put({
      meetingId: bundle.meetings[0]!.id,
      text: '打ちかけの発言',
      updatedAt: '2023-07-07T01:00:00.000Z',
    });
    const tables = [...TRACKED_TABLES, 'entryDrafts', 'meta', 'revisions', 'changes'];
    const dumpAll = (db: ShingikaiDB) => dumpTables(db, tables);
    const before = await dumpAll(v3);
    v3.close();
    for (const name of tables) expect(before[name]!.length, name).toBeGreaterThan(0);

    const v4 = new ShingikaiDB('migrate4', { ...factory, upTo: 4 });
    await v4.open();
    expect(v4.verno).toBe(4);
    expect(await dumpAll(v4)).toEqual(before);
    for (const t of ['syncRecords', 'syncConflicts', 'syncState'] as const)
      expect(await v4.table(t).count(), t).toBe(0);

    // The sync tables are not the user's data: writing them logs nothing; their indexes answer.
    const logged = await v4.changes.count();
    const remark = bundle.remarks[0]!;
    await v4.syncRecords.put({
      table: 'remarks',
      id: remark.id,
      councilId: bundle.council.id,
      pouchRev: '1-a',
      localRev: 1,
    });
    await v4.syncConflicts.put({
      table: 'remarks',
      id: remark.id,
      councilId: bundle.council.id,
      winner: '2-b',
      local: '2-c',
      versions: [],
      detectedAt: '2025-05-30T00:00:00.000Z',
    });
    await v4.syncState.put({ key: 'outbox', value: logged });
    expect(await v4.changes.count()).toBe(logged);
    expect(await v4.syncRecords.where('councilId').equals(bundle.council.id).count()).toBe(1);
    expect(await v4.syncConflicts.where('councilId').equals(bundle.council.id).count()).toBe(1);
    // … while records still go through the write path.
    await v4.remarks.update(remark.id, { text: '版4での編集' });
    expect((await revisionOf(v4, 'remarks', remark.id))?.rev).toBe(2);
    expect(await v4.changes.count()).toBe(logged + 1);
    v4.close();
  });

  // Version 5 dropped indexes (remarks by meeting and opinions by council now read through their
  // compound index; fields and members are not indexed). From every earlier version: the records
  // survive, the indexes are gone, and the queries that used them answer what the records say.
  for (const from of [1, 2, 3, 4]) {
    it(`version 5 (fewer indexes) from version ${from}: every record survives and the queries still answer`, async () => {
      const factory = { indexedDB: new IDBFactory(), IDBKeyRange };
      const old = new ShingikaiDB(`migrate5-${from}`, { ...factory, upTo: from });
      const bundle = buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' });
      const councilId = bundle.council.id;
      // Three opinions said by one member (the sample's opinions name none).
      const member = bundle.members[0]!;
      for (const o of bundle.opinions.slice(0, 3)) o.memberId = member.id;
      if (from >= 3) {
        const sample = buildSampleActionPlan(bundle, { now: '2025-05-30T00:00:00.000Z' });
        await importBundle(old, {
          ...bundle,
          actionPlans: [{ plan: sample.plan, actions: sample.actions, progress: sample.progress }],
        });
      } else await importBundle(old, bundle);
      const tables = [...(from >= 3 ? TRACKED_TABLES : V1_TRACKED), ...(from >= 2 ? ['revisions', 'changes'] : [])];
      const dumpAll = (db: ShingikaiDB) => dumpTables(db, tables);
      const before = await dumpAll(old);
      old.close();
      const indexed = ['remarks', 'opinions', ...(from >= 2 ? ['revisions', 'changes'] : [])];
      for (const name of indexed) expect(before[name]!.length, name).toBeGreaterThan(0);

      const v5 = new ShingikaiDB(`migrate5-${from}`, { ...factory, upTo: 5 });
      await v5.open();
      expect(v5.verno).toBe(5);
      expect(await dumpAll(v5)).toEqual(before);
      // The dropped indexes are gone from the stored database.
      const indexes = (store: string) => [...v5.backendDB().transaction(store).objectStore(store).indexNames].sort();
      expect(indexes('remarks')).toEqual(['[meetingId+order]', 'agendaItemId']);
      expect(indexes('opinions')).toEqual(['[councilId+order]', 'actionIds', 'meetingId']);
      expect(indexes('revisions')).toEqual([]);
      expect(indexes('changes')).toEqual([]);

      // Remarks by meeting and opinions by council, through the compound indexes.
      for (const meeting of bundle.meetings) {
        const ids = bundle.remarks.filter((r) => r.meetingId === meeting.id).map((r) => r.id);
        expect((await v5.remarks.where('meetingId').equals(meeting.id).primaryKeys()).sort()).toEqual(ids.sort());
        expect(await v5.remarks.where('meetingId').equals(meeting.id).count()).toBe(ids.length);
        expect(await v5.opinions.where('meetingId').equals(meeting.id).count()).toBe(
          bundle.opinions.filter((o) => o.meetingId === meeting.id).length,
        );
      }
      expect((await v5.opinions.where('councilId').equals(councilId).primaryKeys()).sort()).toEqual(
        bundle.opinions.map((o) => o.id).sort(),
      );
      // The whole council reads back (bundle export: remarks by meeting, anyOf).
      expect((await exportBundle(v5, councilId)).remarks.map((r) => r.id).sort()).toEqual(
        bundle.remarks.map((r) => r.id).sort(),
      );
      // A field's use and a member's references, read without their indexes.
      const field = bundle.council.fields.find((f) => bundle.opinions.some((o) => o.fieldId === f.id))!;
      const used =
        bundle.remarks.filter((r) => r.fieldId === field.id).length +
        bundle.opinions.filter((o) => o.fieldId === field.id).length +
        bundle.matrixItems.filter((i) => i.fieldId === field.id).length;
      expect(await fieldUsage(v5, councilId, field.id)).toBe(used);
      expect(await memberReferences(v5, member)).toContain('意見 3件');
      // Writes still go through the write path: a revision per record, a line in the log.
      const remark = bundle.remarks[0]!;
      const logged = await v5.changes.count();
      await v5.remarks.update(remark.id, { text: '版5での編集' });
      expect((await revisionOf(v5, 'remarks', remark.id))?.rev).toBe(2);
      expect(await v5.changes.count()).toBe(logged + 1);
      expect((await v5.changes.orderBy('seq').last())?.id).toBe(remark.id);
      v5.close();
    });
  }

  /**
   * The sample council written by version `from` (a remark edited once where the write path
   * exists), its rows as that version stored them, and a way to open it at a later version.
   */
  async function writtenBy(from: number, name: string) {
    const factory = { indexedDB: new IDBFactory(), IDBKeyRange };
    const old = new ShingikaiDB(name, { ...factory, upTo: from });
    const bundle = buildSampleCouncil({ now: '2024-04-01T00:00:00.000Z' });
    await importBundle(old, bundle);
    const remark = bundle.remarks[0]!;
    if (from >= 2) await old.remarks.update(remark.id, { text: `版${from}での編集` });
    const tables = [...V1_TRACKED, 'entryDrafts', 'meta', ...(from >= 2 ? ['revisions', 'changes'] : [])];
    const before = await dumpTables(old, tables);
    old.close();
    return { bundle, remark, tables, before, reopen: (upTo: number) => new ShingikaiDB(name, { ...factory, upTo }) };
  }

  // Version 6 lets the revisions table hold packs (a full restore writes them). From every
  // earlier version: every row stays as it was, every record's revision reads as before, and
  // the next write continues each record's count.
  for (const from of [1, 2, 3, 4, 5]) {
    it(`version 6 (revision packs) from version ${from}: every row survives; revisions read and continue`, async () => {
      const { bundle, remark, tables, before, reopen } = await writtenBy(from, `migrate6-${from}`);
      const v6 = reopen(6);
      await v6.open();
      expect(v6.verno).toBe(6);
      expect(await dumpTables(v6, tables)).toEqual(before);
      const expected = from >= 2 ? 2 : 1; // version 2's upgrade gives existing records revision 1
      expect((await revisionOf(v6, 'remarks', remark.id))?.rev).toBe(expected);
      expect((await revisionOf(v6, 'councils', bundle.council.id))?.rev).toBe(1);
      await v6.remarks.update(remark.id, { text: '版6での編集' });
      expect((await revisionOf(v6, 'remarks', remark.id))?.rev).toBe(expected + 1);
      v6.close();
    });
  }

  // Version 7 adds the record packs' tables (a full restore writes them). From every earlier
  // version: every row stays as it was, the remarks read as before through every index the
  // screens use, the new table is empty, and the next write continues the remark's revision.
  for (const from of [1, 2, 3, 4, 5, 6]) {
    it(`version 7 (record packs) from version ${from}: every row survives; remarks read and write as before`, async () => {
      const { bundle, remark, tables, before, reopen } = await writtenBy(from, `migrate7-${from}`);
      const v7 = reopen(7);
      await v7.open();
      expect(v7.verno).toBe(7);
      expect(await dumpTables(v7, tables)).toEqual(before);
      for (const t of PACK_TABLES) expect(await v7.table(t).count()).toBe(0);
      for (const meeting of bundle.meetings) {
        const ids = bundle.remarks.filter((r) => r.meetingId === meeting.id).map((r) => r.id);
        expect((await v7.remarks.where('meetingId').equals(meeting.id).primaryKeys()).sort()).toEqual(ids.sort());
      }
      const expected = from >= 2 ? 2 : 1;
      expect((await revisionOf(v7, 'remarks', remark.id))?.rev).toBe(expected);
      await v7.remarks.update(remark.id, { text: '版7での編集' });
      expect((await revisionOf(v7, 'remarks', remark.id))?.rev).toBe(expected + 1);
      expect((await v7.remarks.get(remark.id))?.text).toBe('版7での編集');
      v7.close();
    });
  }

  it('the latest version opens an empty database', async () => {
    const db = new ShingikaiDB('empty', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(await db.changes.count()).toBe(0);
    db.close();
  });
});
