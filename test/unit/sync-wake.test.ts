/**
 * The mirror's wake-ups without a poll: a remark recorded on one PC reaches the other because
 * the outbox wakes on the change log and the inbox on the local PouchDB's feed, each once per
 * change (the signals a run caused itself — the outbox's own document, the inbox's own log
 * lines — wake nothing). A first sync stamps each received record with its writer and
 * remembers the revision it wrote.
 */
import { expect, it } from 'vitest';
import { importBundle } from '../../renderer/src/data/bundle';
import { revisionOf } from '../../renderer/src/data/database';
import type { SyncHop } from '../../renderer/src/data/sync';
import { commitRemark, updateRemark } from '../../renderer/src/features/live/data';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { testCouchServer, SyncClient, until } from './sync-server';

const server = testCouchServer('sync-wake-');

it('with no poll, a remark and its edit travel both ways, each PC running its pump once per change', async () => {
  const bundle = buildSampleCouncil();
  const a = new SyncClient('山田', server);
  const b = new SyncClient('鈴木', server);
  const runs = { a: 0, b: 0 };
  const counter = (pc: 'a' | 'b') => (hop: SyncHop) => {
    if (hop === 'run') runs[pc]++;
  };
  try {
    const councilId = await importBundle(a.db, bundle);
    await a.open([councilId], { pollMs: 0, trace: counter('a') });
    await b.open([councilId], { pollMs: 0, trace: counter('b') });
    const total = await a.db.remarks.count();
    await until(async () => (await b.db.remarks.count()) === total, 60_000, 'first sync');
    await b.mirror!.flush();

    // The first sync: each record is B's at the revision it wrote (nothing left for B's outbox to send).
    const remark = bundle.remarks[0]!;
    for (const r of bundle.remarks.slice(0, 20)) {
      const rev = await revisionOf(b.db, 'remarks', r.id);
      expect(rev?.rev).toBe(1);
      expect((await b.db.syncRecords.get(['remarks', r.id]))?.localRev).toBe(1);
    }

    await a.mirror!.flush();
    await new Promise((r) => setTimeout(r, 500));
    runs.a = runs.b = 0;
    const at = new Date().toISOString();
    const added = {
      ...remark,
      id: crypto.randomUUID(),
      order: 900_000,
      text: '山田が記録した発言',
      createdAt: at,
      updatedAt: at,
    };
    await commitRemark(a.db, added, { meetingId: added.meetingId, text: '', updatedAt: at });
    await until(async () => (await b.db.remarks.get(added.id))?.text === '山田が記録した発言', 20_000, 'remark on B');
    expect((await revisionOf(b.db, 'remarks', added.id))?.updatedBy).toBe('山田');
    await new Promise((r) => setTimeout(r, 1000)); // any further run would have started by now
    expect(runs).toEqual({ a: 1, b: 1 });

    await updateRemark(b.db, added.id, { text: '鈴木が直した発言' }, '発言の修正');
    await until(async () => (await a.db.remarks.get(added.id))?.text === '鈴木が直した発言', 20_000, 'edit on A');
    expect((await revisionOf(a.db, 'remarks', added.id))?.updatedBy).toBe('鈴木');
  } finally {
    await a.close();
    await b.close();
  }
}, 180_000);
