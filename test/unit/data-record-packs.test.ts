/**
 * Record packs (shared/record-packs.ts, data/recordPacks.ts): a full restore stores remarks and
 * opinions as packs of up to 100 per row. Every way the app reads remarks answers as before the restore
 * (compared with the database that was backed up), a write to a packed remark unpacks its
 * pack and continues its revision, a live query sees the write, and a backup of the restored
 * database holds each remark once and restores to the same.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { liveOrderedList, newRestoredDbName, ordered, revisionOf, ShingikaiDB } from '../../renderer/src/data/database';
import { loadSampleCouncil } from '../../renderer/src/data/sample';
import { exportBundle } from '../../renderer/src/data/bundle';
import { exportDatabaseJson, restoreIntoNewDatabase, restoreRecords } from '../../renderer/src/data/restore';
import { exportDatabasePieces } from '../../renderer/src/data/backupExport';
import {
  PACK_CHARS,
  PACK_KINDS,
  PACK_RECORDS,
  packDirectory,
  packRecords,
  unpackRecords,
} from '../../shared/record-packs';
import type { Remark } from '../../shared/domain';
import { asBackup, everything } from './restore-helpers';

const REMARKS = PACK_KINDS[0]!;
const factory = new IDBFactory();
const open = (name: string) => new ShingikaiDB(name, { indexedDB: factory, IDBKeyRange });

/** Rows of a store as stored (no middleware). */
function storedCount(db: ShingikaiDB, store: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = db.backendDB().transaction(store, 'readonly').objectStore(store).count();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The sample council, plus a long meeting (several packs) with remarks without an agenda item and edits. */
async function source() {
  const db = open(`src-${Math.random()}`);
  await db.meta.put({ key: 'operatorName', value: '佐藤' });
  await loadSampleCouncil(db);
  const all = await db.remarks.toArray();
  const first = all[0]!;
  await db.remarks.bulkAdd(
    Array.from({ length: 2 * PACK_RECORDS + 37 }, (_, i) => ({
      ...first,
      id: `long-${String(i).padStart(4, '0')}`,
      order: 10_000 + i,
      text: `山田委員の発言${i}`,
      ...(i % 7 === 0 ? { agendaItemId: undefined } : {}),
    })),
  );
  await db.remarks.update(first.id, { text: '一度目の修正' });
  await db.remarks.delete(all[1]!.id);
  // Opinions of years: several packs of one council, some with actions, some without a meeting.
  const opinion = (await db.opinions.toArray())[0]!;
  await db.opinions.bulkAdd(
    Array.from({ length: 3 * PACK_RECORDS + 11 }, (_, i) => ({
      ...opinion,
      id: `op-${String(i).padStart(4, '0')}`,
      order: 50_000 + i,
      summary: `意見${i}`,
      meetingId: i % 5 === 0 ? null : opinion.meetingId,
      ...(i % 3 === 0 ? { actionIds: ['act-1', `act-${i % 4}`] } : {}),
    })),
  );
  return { db, first };
}

async function restoredCopy(src: ShingikaiDB) {
  const backup = asBackup(await exportDatabaseJson(src));
  const fresh = open(newRestoredDbName());
  await fresh.open();
  await restoreIntoNewDatabase(fresh, backup.tables);
  return fresh;
}

/** What the app's screens ask of the remarks, as one comparable answer. */
async function readings(db: ShingikaiDB) {
  const meetings = await db.meetings.toArray();
  const all = await db.remarks.toArray();
  const agendaItems = [...new Set(all.map((r) => r.agendaItemId).filter((a): a is string => !!a))];
  const some = all.filter((_, i) => i % 17 === 0).map((r) => r.id);
  return {
    all,
    count: await db.remarks.count(),
    perMeeting: await Promise.all(
      meetings.map(async (m) => ({
        list: await ordered(db.remarks, '[meetingId+order]', m.id).toArray(),
        count: await db.remarks.where('meetingId').equals(m.id).count(),
        keys: await db.remarks.where('meetingId').equals(m.id).primaryKeys(),
        last: await ordered(db.remarks, '[meetingId+order]', m.id).last(),
        firstThree: await ordered(db.remarks, '[meetingId+order]', m.id).limit(3).toArray(),
        lastThree: await ordered(db.remarks, '[meetingId+order]', m.id).reverse().limit(3).toArray(),
        // A filter reads through a cursor.
        filtered: await ordered(db.remarks, '[meetingId+order]', m.id)
          .filter((r) => r.text.includes('山田'))
          .toArray(),
      })),
    ),
    byAgendaItem: await Promise.all(agendaItems.map((a) => db.remarks.where('agendaItemId').equals(a).toArray())),
    // anyOf jumps the cursor from key to key (bundle export reads a council's remarks so).
    anyOf: await db.remarks
      .where('meetingId')
      .anyOf(meetings.map((m) => m.id))
      .sortBy('order'),
    get: await Promise.all(some.map((id) => db.remarks.get(id))),
    bulkGet: await db.remarks.bulkGet([...some, 'no-such-remark']),
    idsAnyOf: await db.remarks.where('id').anyOf(some).toArray(),
    opinions: {
      all: await db.opinions.toArray(),
      count: await db.opinions.count(),
      perCouncil: await Promise.all(
        (await db.councils.toArray()).map(async (c) => ({
          board: await liveOrderedList(db.opinions, '[councilId+order]', c.id),
          list: await ordered(db.opinions, '[councilId+order]', c.id).toArray(),
          count: await db.opinions.where('councilId').equals(c.id).count(),
        })),
      ),
      perMeeting: await Promise.all(meetings.map((m) => db.opinions.where('meetingId').equals(m.id).toArray())),
      byAction: await Promise.all(
        ['act-0', 'act-1', 'act-2', 'act-3'].map((a) => db.opinions.where('actionIds').equals(a).toArray()),
      ),
      actionCount: await db.opinions.where('actionIds').anyOf(['act-1', 'act-2']).count(),
    },
    eachCount: await (async () => {
      let n = 0;
      await db.remarks.each(() => void n++);
      return n;
    })(),
  };
}

describe('remark packs', () => {
  it('packs a meeting’s remarks in order, at most PACK_RECORDS per pack; unpacking gives them back', () => {
    const remarks = Array.from({ length: 250 }, (_, i) => ({
      id: `r${i}`,
      meetingId: i % 2 ? 'm1' : 'm2',
      order: 250 - i,
      agendaItemId: i % 3 ? 'a1' : undefined,
    }));
    const packs = packRecords(REMARKS, remarks);
    expect(packs.every((p) => p.records.length <= PACK_RECORDS)).toBe(true);
    expect(packs.map((p) => [p.group, p.chunk])).toEqual([
      ['m2', 0],
      ['m2', 1],
      ['m1', 0],
      ['m1', 1],
    ]);
    for (const p of packs) {
      const orders = p.records.map((r) => r.order as number);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
      expect(p.ids).toEqual(p.records.map((r) => r.id));
      expect(p.agendaItemIds).toEqual(['a1']);
    }
    // A pack stays under Chromium's 64 KB for a value kept inside the database: long remarks make smaller packs.
    const long = packRecords(
      REMARKS,
      remarks.map((r) => ({ ...r, text: '発'.repeat(3000) })),
    );
    expect(long.every((p) => JSON.stringify(p.records).length <= PACK_CHARS + 3100)).toBe(true);
    expect(Math.max(...long.map((p) => p.records.length))).toBe(9);
    // The directory names each remark's pack, "__proto__" too.
    const odd = packRecords(REMARKS, [...remarks, { id: '__proto__', meetingId: 'm3', order: 1 }]);
    const where = new Map(packDirectory(odd).flatMap((row) => Object.entries(row.packs)));
    expect(where.size).toBe(251);
    expect(where.get('__proto__')).toEqual(['m3', 0, 1]);
    for (const p of odd) for (const id of p.ids) expect(where.get(id)).toEqual([p.group, p.chunk, p.size]);
    const back = unpackRecords([], packs);
    expect(back.map((r) => r.id).sort()).toEqual(remarks.map((r) => r.id).sort());
    // A remark's own row wins over its entry in a pack.
    expect(unpackRecords([{ id: 'r0', text: 'own' }], packs).filter((r) => r.id === 'r0')).toEqual([
      { id: 'r0', text: 'own' },
    ]);
  });

  it('a full restore stores remarks packed; every way the app reads them answers as before', async () => {
    const { db: src } = await source();
    const fresh = await restoredCopy(src);
    const remarks = await src.remarks.count();
    expect(await storedCount(fresh, 'remarks')).toBe(0);
    expect(await storedCount(fresh, 'opinions')).toBe(0);
    expect(await storedCount(fresh, 'opinionPacks')).toBeGreaterThan(3);
    const packs = await storedCount(fresh, 'remarkPacks');
    expect(packs).toBeGreaterThan(2);
    expect(packs).toBeLessThan(remarks / 10);
    expect(await readings(fresh)).toEqual(await readings(src));
    // A council package built from the restored database is the same as before.
    const councilId = (await src.councils.toArray())[0]!.id;
    expect(await exportBundle(fresh, councilId)).toEqual(await exportBundle(src, councilId));
  });

  it('the in-place restore packs too, and answers the same', async () => {
    const { db: src } = await source();
    const backup = asBackup(await exportDatabaseJson(src));
    const want = await readings(src);
    await src.remarks.update((await src.remarks.toArray())[3]!.id, { text: '後の修正' });
    await restoreRecords(src, backup.tables);
    expect(await storedCount(src, 'remarks')).toBe(0);
    expect(await storedCount(src, 'remarkPacks')).toBeGreaterThan(2);
    expect(await readings(src)).toEqual(want);
    expect((await src.remarks.toArray()).some((r) => r.text === '後の修正')).toBe(false);
  });

  it('a write to a packed remark unpacks its pack, continues its revision, and is seen by a live query', async () => {
    const { db: src, first } = await source();
    const fresh = await restoredCopy(src);
    const packsBefore = await storedCount(fresh, 'remarkPacks');
    const rev = (await revisionOf(fresh, 'remarks', first.id))!.rev;
    const seen: Remark[][] = [];
    const sub = liveQuery(() => ordered(fresh.remarks, '[meetingId+order]', first.meetingId).toArray()).subscribe(
      (list) => void seen.push(list),
    );
    await waitFor(() => seen.length === 1);

    await fresh.remarks.update(first.id, { text: '復元後の修正' });
    expect((await fresh.remarks.get(first.id))?.text).toBe('復元後の修正');
    expect((await revisionOf(fresh, 'remarks', first.id))?.rev).toBe(rev + 1);
    // One pack became rows: the remark's own row and its pack-mates'.
    expect(await storedCount(fresh, 'remarkPacks')).toBe(packsBefore - 1);
    expect(await storedCount(fresh, 'remarks')).toBeGreaterThan(0);
    expect(await fresh.remarks.count()).toBe(await src.remarks.count());
    await waitFor(() => seen.at(-1)?.find((r) => r.id === first.id)?.text === '復元後の修正');
    expect(seen.at(-1)!.length).toBe(seen[0]!.length);
    sub.unsubscribe();

    // Delete a remark still packed (of the long meeting), add one after it, and re-add an existing id.
    await fresh.remarks.delete('long-0150');
    expect(await fresh.remarks.get('long-0150')).toBeUndefined();
    const long = await ordered(fresh.remarks, '[meetingId+order]', first.meetingId).toArray();
    expect(long.some((r) => r.id === 'long-0150')).toBe(false);
    await fresh.remarks.add({ ...first, id: 'new-1', order: 99_999, text: '新しい発言' });
    expect((await ordered(fresh.remarks, '[meetingId+order]', first.meetingId).last())?.id).toBe('new-1');
    await expect(fresh.remarks.add({ ...first, id: 'long-0200', text: '重複' })).rejects.toThrow();
    expect((await fresh.remarks.get('long-0200'))?.text).toBe('山田委員の発言200');
  });

  it('with some packs unpacked by writes (rows and packs mixed), every read answers as the database never restored', async () => {
    const { db: src, first } = await source();
    const fresh = await restoredCopy(src);
    // The same writes on both: an opinion with actions (a multi-entry index), a remark, a delete, an add.
    const edits = async (db: ShingikaiDB) => {
      await db.opinions.update('op-0003', { summary: '修正した意見', actionIds: ['act-1', 'act-3'] });
      await db.opinions.update('op-0250', { summary: '別の修正' });
      await db.remarks.update('long-0042', { text: '修正した発言' });
      await db.remarks.delete('long-0199');
      await db.remarks.add({ ...first, id: 'new-2', order: 10_100, text: '途中に加えた発言' });
    };
    await edits(src);
    await edits(fresh);
    expect(await storedCount(fresh, 'opinions')).toBeGreaterThan(0);
    expect(await storedCount(fresh, 'opinionPacks')).toBeGreaterThan(0);
    expect(await readings(fresh)).toEqual(await readings(src));
  });

  it('a backup taken while packs are being unpacked holds every record', async () => {
    const { db: src } = await source();
    const fresh = await restoredCopy(src);
    const remarkIds = (await fresh.remarks.toCollection().primaryKeys()).sort();
    const opinionIds = (await fresh.opinions.toCollection().primaryKeys()).sort();
    // A write before every slice: each unpacks another pack while the backup reads the tables.
    let step = 0;
    const json = (
      await exportDatabasePieces(fresh, {
        pace: async () => {
          step++;
          await fresh.remarks.update(remarkIds[(step * 37) % remarkIds.length]!, { text: `書きかけ${step}` });
          await fresh.opinions.update(opinionIds[(step * 53) % opinionIds.length]!, { summary: `書きかけ${step}` });
          return 40;
        },
      })
    ).join('');
    expect(step).toBeGreaterThan(10);
    const backup = asBackup(json);
    expect((backup.tables.remarks ?? []).map((r) => r.id as string).sort()).toEqual(remarkIds);
    expect((backup.tables.opinions ?? []).map((r) => r.id as string).sort()).toEqual(opinionIds);
  });

  it('a backup of a restored database holds each remark once, and restores to the same', async () => {
    const { db: src } = await source();
    const fresh = await restoredCopy(src);
    const json = await exportDatabaseJson(fresh);
    const tables = (JSON.parse(json) as { data: { data: { tableName: string; rows: unknown[] }[] } }).data.data;
    const rows = (name: string) => tables.find((t) => t.tableName === name)?.rows ?? [];
    expect(rows('remarks')).toEqual([]);
    expect(rows('remarkPacks').length).toBe(await storedCount(fresh, 'remarkPacks'));
    const backup = asBackup(json);
    expect(backup.tables.remarkPacks).toBeUndefined();
    expect(backup.counts.remarks).toBe(await src.remarks.count());
    const again = open(newRestoredDbName());
    await again.open();
    await restoreIntoNewDatabase(again, backup.tables);
    expect(await everything(again)).toEqual(await everything(fresh));
    // One council from that backup, into the database it came from.
    const councilId = (await src.councils.toArray())[0]!.id;
    await restoreRecords(src, backup.tables, { councilId });
    expect(await readings(src)).toEqual(await readings(fresh));
  });

  it('a backup whose packs are not packs is refused with a Japanese reason', () => {
    const text = JSON.stringify({
      formatName: 'dexie',
      formatVersion: 1,
      data: { databaseVersion: 7, data: [{ tableName: 'remarkPacks', rows: [{ meetingId: 'm' }] }] },
    });
    expect(() => asBackup(text)).toThrow(/記録のまとまりの形式が正しくありません/);
  });
});

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('waited too long');
    await new Promise((r) => setTimeout(r, 10));
  }
}
