/**
 * Team sync through the loopback CouchDB-compatible server: two PCs (each its own Dexie and
 * local PouchDB) share a council; records, edits and deletions travel both ways, and a
 * concurrent edit becomes a conflict on both PCs — never an overwrite — until resolved.
 */
import { describe, expect, it } from 'vitest';
import { importBundle } from '../../renderer/src/data/bundle';
import { revisionOf } from '../../renderer/src/data/database';
import { councilDbName } from '../../renderer/src/data/sync';
import { addMember, deleteMember } from '../../renderer/src/features/councils/data';
import { deleteRemark, updateRemark } from '../../renderer/src/features/live/data';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { testCouchServer, SyncClient, until } from './sync-server';

const server = testCouchServer('sync-basic-');

const member = {
  name: '高橋一郎',
  reading: 'たかはしいちろう',
  role: '委員',
  category: '公募市民',
  affiliation: '',
  termStart: null,
  termEnd: null,
} as const;

async function pair() {
  const bundle = buildSampleCouncil();
  const a = new SyncClient('山田', server);
  const b = new SyncClient('鈴木', server);
  await a.db.meta.put({ key: 'operatorName', value: '山田' });
  const councilId = await importBundle(a.db, bundle);
  await a.open([councilId]);
  await b.open([councilId]);
  const total = await a.db.remarks.count();
  await until(async () => (await b.db.remarks.count()) === total, 30_000, 'first sync');
  return { a, b, councilId, bundle };
}

describe('team sync through CouchDB replication', () => {
  it('a council, its edits and its deletions travel both ways, with who wrote them', async () => {
    const { a, b, councilId, bundle } = await pair();
    // B got the whole council: every table, record for record.
    for (const t of ['councils', 'members', 'meetings', 'remarks', 'opinions', 'drafts', 'draftVersions'] as const)
      expect(await b.db.table(t).toArray(), t).toEqual(await a.db.table(t).toArray());
    const remark = bundle.remarks[0]!;
    expect((await revisionOf(b.db, 'remarks', remark.id))?.updatedBy).toBe('山田');

    // A edits a remark → B sees it, written by 山田.
    await updateRemark(a.db, remark.id, { text: '予算の説明を訂正しました。' }, '編集');
    await until(async () => (await b.db.remarks.get(remark.id))?.text === '予算の説明を訂正しました。', 20_000, 'edit');
    expect((await revisionOf(b.db, 'remarks', remark.id))?.updatedBy).toBe('山田');

    // B adds a member → A sees it; B deletes it again → gone on A.
    const m = await addMember(b.db, councilId, member as never);
    await until(async () => (await a.db.members.get(m.id))?.name === '高橋一郎', 20_000, 'new member');
    await deleteMember(b.db, m);
    await until(async () => (await a.db.members.get(m.id)) === undefined, 20_000, 'deleted member');

    // A deletes a remark → gone on B; the server holds its tombstone, not the remark.
    const gone = bundle.remarks[1]!;
    await deleteRemark(a.db, gone.id);
    await until(async () => (await b.db.remarks.get(gone.id)) === undefined, 20_000, 'deleted remark');
    const remote = server.remote(councilDbName(councilId));
    const doc = (await remote.get(`remarks:${gone.id}`)) as { deleted?: boolean; record?: unknown };
    expect(doc.deleted).toBe(true);
    expect(doc.record).toBeUndefined();
    await remote.close();

    // Nothing was echoed back as a change of its own, and nothing is in conflict.
    expect(await a.db.syncConflicts.count()).toBe(0);
    expect(await b.db.syncConflicts.count()).toBe(0);
    expect(a.errors.filter((e) => !(e as { status?: number })?.status)).toEqual([]);
    await a.close();
    await b.close();
  }, 90_000);

  it('the same remark edited on two offline PCs is a conflict on both, keeps each version, and the resolution replicates', async () => {
    const { a, b, bundle } = await pair();
    const r1 = bundle.remarks[2]!;
    const r2 = bundle.remarks[3]!;
    a.mirror!.disconnect();
    b.mirror!.disconnect();
    await updateRemark(a.db, r1.id, { text: 'A版：会長が議事を進行した。' }, '編集');
    await updateRemark(b.db, r1.id, { text: 'B版：副会長が議事を進行した。' }, '編集');
    // Edit against deletion: B deletes the remark A edits.
    await updateRemark(a.db, r2.id, { text: 'A版：補足しました。' }, '編集');
    await deleteRemark(b.db, r2.id);
    await a.mirror!.flush();
    await b.mirror!.flush();
    a.mirror!.connect();
    b.mirror!.connect();
    await until(
      async () => (await a.db.syncConflicts.count()) === 2 && (await b.db.syncConflicts.count()) === 2,
      30_000,
      'conflicts on both',
    );

    // Nobody's edit was overwritten: each PC still shows its own version …
    expect((await a.db.remarks.get(r1.id))?.text).toBe('A版：会長が議事を進行した。');
    expect((await b.db.remarks.get(r1.id))?.text).toBe('B版：副会長が議事を進行した。');
    expect((await a.db.remarks.get(r2.id))?.text).toBe('A版：補足しました。');
    expect(await b.db.remarks.get(r2.id)).toBeUndefined();
    // … and both PCs list both versions, with who wrote them.
    for (const c of [a, b]) {
      const conflict = await c.db.syncConflicts.get(['remarks', r1.id]);
      expect(conflict!.versions.map((v) => [v.by, (v.record as { text: string }).text]).sort()).toEqual([
        ['山田', 'A版：会長が議事を進行した。'],
        ['鈴木', 'B版：副会長が議事を進行した。'],
      ]);
      const del = await c.db.syncConflicts.get(['remarks', r2.id]);
      expect(del!.versions.map((v) => (v.record ? 'edit' : 'deleted')).sort()).toEqual(['deleted', 'edit']);
      expect(c.mirror!.getStatus().conflicts).toBe(2);
    }

    // A resolves: a merge for r1, keeps the deletion of r2. Both PCs end with the resolution.
    const merged = { ...(await a.db.remarks.get(r1.id))!, text: '会長が議事を進行し、副会長が補佐した。' };
    await a.mirror!.resolve('remarks', r1.id, merged);
    await a.mirror!.resolve('remarks', r2.id, null);
    await until(
      async () =>
        (await b.db.remarks.get(r1.id))?.text === merged.text &&
        (await b.db.remarks.get(r2.id)) === undefined &&
        (await b.db.syncConflicts.count()) === 0,
      30_000,
      'resolution on B',
    );
    expect((await a.db.remarks.get(r1.id))?.text).toBe(merged.text);
    expect(await a.db.remarks.get(r2.id)).toBeUndefined();
    expect(await a.db.syncConflicts.count()).toBe(0);
    expect(b.mirror!.getStatus().conflicts).toBe(0);
    await a.close();
    await b.close();
  }, 90_000);
});
