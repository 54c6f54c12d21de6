/**
 * A whole-database restore on a PC that syncs with the team (data/sync/restore.ts): PC A takes
 * a backup; afterwards A and B edit, add and delete (A's last edit still offline, not sent);
 * A restores the backup the way the app does (into a new database, the mirror settled first,
 * the restored sync bookkeeping dropped) and reconnects. Nothing is lost silently: every
 * acknowledged write is the current record or a version of a listed conflict on both PCs,
 * and every restored record that differs from the server is listed too.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { importBundle } from '../../renderer/src/data/bundle';
import { newRestoredDbName, ShingikaiDB } from '../../renderer/src/data/database';
import { exportDatabaseJson, restoreIntoNewDatabase } from '../../renderer/src/data/restore';
import { forgetRestoredSyncState, settleMirrorForRestore } from '../../renderer/src/data/sync/restore';
import type { SyncConflict } from '../../renderer/src/data/sync';
import { addMember } from '../../renderer/src/features/councils/data';
import { deleteRemark, updateRemark } from '../../renderer/src/features/live/data';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { memberInput } from './db-helpers';
import { asBackup } from './restore-helpers';
import { testCouchServer, SyncClient, until } from './sync-server';

const server = testCouchServer('sync-restore-');

const member = { ...memberInput, name: '復元後一郎', reading: 'ふくげんごいちろう', category: '公募市民' };

const texts = (c: SyncConflict | undefined) =>
  (c?.versions ?? []).map((v) => (v.record ? String((v.record as { text?: string }).text) : '（削除）')).sort();

describe('a whole restore on a syncing PC', () => {
  it('after an older backup is restored, every later write and every restored difference is a listed conflict, nothing is overwritten silently', async () => {
    const bundle = buildSampleCouncil();
    const a = new SyncClient('山田', server);
    const b = new SyncClient('鈴木', server);
    await a.db.meta.put({ key: 'operatorName', value: '山田' });
    const councilId = await importBundle(a.db, bundle);
    await a.open([councilId]);
    await b.open([councilId]);
    const total = await a.db.remarks.count();
    await until(async () => (await b.db.remarks.count()) === total, 60_000, 'first sync');

    // The backup (as the automatic backup writes it).
    await a.mirror!.flush();
    const backup = asBackup(await exportDatabaseJson(a.db)).tables;
    const [r1, r2, r3, r4] = bundle.remarks.slice(0, 4);
    const old = (r: { id: string }) => bundle.remarks.find((x) => x.id === r.id)!.text;

    // After it: A edits r1, deletes r2 and adds a member; B edits r3 and it reaches A.
    await updateRemark(a.db, r1!.id, { text: 'A：バックアップの後の訂正。' }, '編集');
    await deleteRemark(a.db, r2!.id);
    const added = await addMember(a.db, councilId, member as never);
    await updateRemark(b.db, r3!.id, { text: 'B：バックアップの後の補足。' }, '編集');
    await until(
      async () =>
        (await a.db.remarks.get(r3!.id))?.text === 'B：バックアップの後の補足。' &&
        (await b.db.remarks.get(r1!.id))?.text === 'A：バックアップの後の訂正。' &&
        (await b.db.members.get(added.id)) !== undefined &&
        (await b.db.remarks.get(r2!.id)) === undefined,
      60_000,
      'edits after the backup on both PCs',
    );
    a.mirror!.disconnect(); // A is offline from here

    // The restore, as the app does it: a new database, the mirror settled, the bookkeeping dropped, the switch.
    const restored = new ShingikaiDB(newRestoredDbName(), { indexedDB: new IDBFactory(), IDBKeyRange });
    await restored.open();
    await restoreIntoNewDatabase(restored, backup);
    expect(await restored.syncRecords.count()).toBeGreaterThan(0); // the backup brought the old bookkeeping …
    // A's last edit, while the restore wrote: still in the change log (not even in the local PouchDB) at the switch.
    await updateRemark(a.db, r4!.id, { text: 'A：復元の直前の変更（未送信）。' }, '編集');
    await settleMirrorForRestore(a.mirror!);
    await forgetRestoredSyncState(restored);
    expect(await restored.syncRecords.count()).toBe(0); // … which the restored database forgets
    expect(await restored.syncState.count()).toBe(0);
    a.db.close();
    const a2 = a.onDatabase(restored);
    await a2.open([councilId]);

    // Four records differ between the restored state and the server: four conflicts on both PCs.
    await until(
      async () => (await a2.db.syncConflicts.count()) === 4 && (await b.db.syncConflicts.count()) === 4,
      90_000,
      'the restored differences listed as conflicts on both PCs',
    );
    for (const pc of [a2, b]) {
      const c = (id: string) => pc.db.syncConflicts.get(['remarks', id]);
      expect(texts(await c(r1!.id))).toEqual([old(r1!), 'A：バックアップの後の訂正。'].sort());
      expect(texts(await c(r2!.id))).toEqual([old(r2!), '（削除）'].sort());
      expect(texts(await c(r3!.id))).toEqual([old(r3!), 'B：バックアップの後の補足。'].sort());
      expect(texts(await c(r4!.id))).toEqual([old(r4!), 'A：復元の直前の変更（未送信）。'].sort());
    }
    // A shows what it restored; B keeps what it had; the server's newer member reached A.
    for (const r of [r1!, r2!, r3!, r4!]) expect((await a2.db.remarks.get(r.id))?.text).toBe(old(r));
    expect((await b.db.remarks.get(r1!.id))?.text).toBe('A：バックアップの後の訂正。');
    expect(await b.db.remarks.get(r2!.id)).toBeUndefined();
    expect((await b.db.remarks.get(r3!.id))?.text).toBe('B：バックアップの後の補足。');
    await until(
      async () => (await b.db.remarks.get(r4!.id))?.text === 'A：復元の直前の変更（未送信）。',
      60_000,
      'the unsent edit reaches B',
    );
    await until(async () => (await a2.db.members.get(added.id))?.name === '復元後一郎', 60_000, 'the new member on A');
    // Everything else is the same on both PCs (no silent difference left behind).
    const inConflict = new Set([r1!.id, r2!.id, r3!.id, r4!.id]);
    for (const t of ['councils', 'members', 'meetings', 'remarks', 'opinions', 'drafts'] as const) {
      const rows = async (pc: SyncClient) =>
        ((await pc.db.table(t).toArray()) as { id: string }[]).filter((r) => !inConflict.has(r.id));
      expect(await rows(a2), t).toEqual(await rows(b));
    }

    // The conflicts are ordinary ones: A keeps the restored r1; B gets it and the conflict closes.
    await a2.mirror!.resolve('remarks', r1!.id, (await a2.db.remarks.get(r1!.id))!);
    await until(
      async () => (await b.db.remarks.get(r1!.id))?.text === old(r1!) && (await b.db.syncConflicts.count()) === 3,
      60_000,
      'the resolution on B',
    );
    await a2.close();
    await b.close();
  }, 300_000);
});
