/**
 * The inbox's own change-log lines are not outbox work: after a first sync the outbox cursor
 * is past every line the received records wrote (they are not read again, one batch at a
 * time), while the log still names them (search, backups and undo read it), and an edit made
 * on the receiving PC afterwards still travels back.
 */
import { expect, it, vi } from 'vitest';
import { importBundle } from '../../renderer/src/data/bundle';
import { updateRemark } from '../../renderer/src/features/live/data';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { testCouchServer, SyncClient, until } from './sync-server';

const server = testCouchServer('sync-inbox-log-');

it('a first sync moves the outbox past the lines its own writes logged, and later edits still go out', async () => {
  const bundle = buildSampleCouncil();
  const a = new SyncClient('山田', server);
  const b = new SyncClient('鈴木', server);
  try {
    const councilId = await importBundle(a.db, bundle);
    await a.open([councilId]);
    // The work of B's mirror: how many records it looks up in its sync bookkeeping.
    let lookedUp = 0;
    const bulkGet = b.db.syncRecords.bulkGet.bind(b.db.syncRecords);
    vi.spyOn(b.db.syncRecords, 'bulkGet').mockImplementation((keys) => {
      lookedUp += keys.length;
      return bulkGet(keys);
    });
    await b.open([councilId]);
    const total = await a.db.remarks.count();
    await until(async () => (await b.db.remarks.count()) === total, 60_000, 'first sync');
    await b.mirror!.flush();
    const lines = await b.db.changes.toArray();
    // Every received record was logged (created on B through the write path)…
    expect(lines.filter((l) => l.table === 'remarks' && l.op === 'create')).toHaveLength(total);
    // …and the outbox has nothing of them left to read.
    const last = lines[lines.length - 1]!.seq!;
    expect(Number((await b.db.syncState.get('outbox'))?.value)).toBe(last);
    // Each received record was looked up once (by the inbox), not a second time by the outbox
    // (a few more for the parents the outbox routes its own records by).
    expect(lookedUp).toBeGreaterThanOrEqual(lines.length);
    expect(lookedUp).toBeLessThan(lines.length * 1.2);

    const remark = bundle.remarks[0]!;
    await updateRemark(b.db, remark.id, { text: '鈴木が直した発言' }, '発言の修正');
    await until(async () => (await a.db.remarks.get(remark.id))?.text === '鈴木が直した発言', 30_000, 'edit on A');
  } finally {
    await a.close();
    await b.close();
  }
}, 120_000);
