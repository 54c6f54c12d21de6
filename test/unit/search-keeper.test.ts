/**
 * The search index of the page (renderer/src/features/search): built from the records, kept
 * in step with every write through the change log (including the docs that depend on a
 * changed record), persisted so a restart does not rebuild, and rebuilt when the database's
 * history is not the one it was built from (a restore).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '../../renderer/src/data/db';
import { importBundle } from '../../renderer/src/data/bundle';
import { searchSource } from '../../renderer/src/features/search/data';
import { IndexKeeper, type KeeperStatus } from '../../renderer/src/features/search/keeper';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

const remarkTexts = async (keeper: IndexKeeper, query: string) =>
  (await keeper.search(query, { kinds: ['remark'] }, {})).groups.flatMap((g) => g.hits.map((h) => h.doc.texts.text));

describe('search index keeper', () => {
  it('follows writes, persists, and rebuilds after a restore', async () => {
    const councilId = await importBundle(db, buildSampleCouncil());
    const statuses: KeeperStatus[] = [];
    const keeper = new IndexKeeper(searchSource, (s) => statuses.push(s), 0);
    await keeper.start();
    expect(statuses.at(-1)).toMatchObject({ state: 'ready', rebuilt: true });
    expect(await remarkTexts(keeper, '減免')).toEqual(['施設の使用に関し、減免措置を見直してはどうか。']);
    expect(await remarkTexts(keeper, 'ｲﾝｾﾝﾃｨﾌﾞ')).toHaveLength(1);

    // an edit: the old words leave, the new ones arrive
    const remark = (await db.remarks.toArray()).find((r) => r.text.includes('減免'))!;
    await db.remarks.update(remark.id, { text: '施設の使用料の見直しを求める。' });
    const asked = statuses.length;
    await keeper.sync();
    // the status names the change the index now reflects: an open search asks again
    expect(statuses.slice(asked)).toEqual([
      expect.objectContaining({ state: 'ready', seq: (await db.changes.orderBy('seq').last())!.seq }),
    ]);
    await keeper.sync(); // nothing new: no status, no search asked again
    expect(statuses).toHaveLength(asked + 1);
    expect(await remarkTexts(keeper, '減免')).toEqual([]);
    expect(await remarkTexts(keeper, '使用料 見直し')).toEqual(['施設の使用料の見直しを求める。']);

    // a remark by a member, then the member renamed: the remark is found under the new name
    const member = (await db.members.where('councilId').equals(councilId).first())!;
    await db.remarks.update(remark.id, { speaker: { type: 'member', memberId: member.id } });
    await db.members.update(member.id, { name: '髙橋一郎' });
    await keeper.sync();
    const byName = await keeper.search('高橋一郎', { kinds: ['remark'] }, {});
    expect(byName.groups[0]?.hits.map((h) => h.doc.texts.text)).toEqual(['施設の使用料の見直しを求める。']);

    // a meeting made 非公開: its remarks are 非公開 hits now
    const meeting = (await db.meetings.get(remark.meetingId))!;
    await db.meetings.update(meeting.id, { disclosure: '非公開' });
    await keeper.sync();
    expect((await keeper.search('使用料', { isPublic: false, kinds: ['remark'] }, {})).total).toBe(1);

    // a delete
    await db.remarks.delete(remark.id);
    await keeper.sync();
    expect(await remarkTexts(keeper, '使用料')).toEqual([]);

    // a restart: the stored index is used (no rebuild) and is up to date
    await keeper.flush();
    const again: KeeperStatus[] = [];
    const restarted = new IndexKeeper(searchSource, (s) => again.push(s), 0);
    await restarted.start();
    expect(again.at(-1)).toMatchObject({ state: 'ready', rebuilt: false });
    expect(await remarkTexts(restarted, 'ｲﾝｾﾝﾃｨﾌﾞ')).toHaveLength(1);
    expect(await remarkTexts(restarted, '使用料')).toEqual([]);

    // a restore: another history (the log replaced) → the stored index is not trusted
    await db.transaction('rw', db.changes, db.remarks, async () => {
      await db.changes.clear();
      await db.remarks.add({ ...remark, id: 'restored-1', text: '復元された発言：防災倉庫の点検' });
    });
    const third: KeeperStatus[] = [];
    const afterRestore = new IndexKeeper(searchSource, (s) => third.push(s), 0);
    await afterRestore.start();
    expect(third.at(-1)).toMatchObject({ state: 'ready', rebuilt: true });
    expect(await remarkTexts(afterRestore, '防災倉庫')).toEqual(['復元された発言：防災倉庫の点検']);
  });
});
