/**
 * A full restore writes a NEW database (raw IndexedDB puts, no write path per record) that the
 * app switches to only when complete: the new database holds exactly what an in-place restore
 * gives; the pointer decides which database the app (and its workers) open; a profile from
 * before restores wrote a pointer opens the default database; a pointer to a database that is
 * gone is noticed.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  currentDbName,
  DB_POINTER_KEY,
  DEFAULT_DB_NAME,
  guardPointedDatabase,
  newRestoredDbName,
  ShingikaiDB,
  changesSince,
  revisionOf,
  workerName,
} from '../../renderer/src/data/database';
import { loadSampleCouncil } from '../../renderer/src/data/sample';
import { exportDatabaseJson, restoreIntoNewDatabase, restoreRecords } from '../../renderer/src/data/restore';
import { asBackup, everything } from './restore-helpers';

const factory = new IDBFactory();
const open = (name: string) => new ShingikaiDB(name, { indexedDB: factory, IDBKeyRange });

/** A database holding the sample council, a sync cursor and edits after it (log lines still to send). */
async function source() {
  const db = open(`src-${Math.random()}`);
  await db.meta.put({ key: 'operatorName', value: '山田' });
  await loadSampleCouncil(db);
  const cursor = Number(await db.changes.orderBy('seq').lastKey());
  await db.syncState.put({ key: 'outbox', value: cursor });
  const member = (await db.members.toArray())[0]!;
  await db.members.update(member.id, { name: '未送信の変更' });
  return db;
}

describe('full restore into a new database', () => {
  it('gives exactly what the in-place restore gives: records, revisions, the compacted log, the kept last-backup note', async () => {
    const src = await source();
    const backup = asBackup(await exportDatabaseJson(src, 7));
    const lastBackup = { key: 'lastBackup', value: { name: 'backup-x.json', createdAt: '2026-02-01T00:00:00.000Z' } };
    // In place (the way a one-council-less restore wrote before), over a database with a last-backup note.
    const inPlace = open(`in-${Math.random()}`);
    await inPlace.meta.put(lastBackup);
    await restoreRecords(inPlace, backup.tables);
    // Into a new database, small transactions on purpose (records split across commits).
    const fresh = open(newRestoredDbName());
    await fresh.open();
    const { written } = await restoreIntoNewDatabase(fresh, backup.tables, lastBackup, 50);
    const a = await everything(inPlace);
    const b = await everything(fresh);
    expect(b).toEqual(a);
    expect(b.remarks!.length).toBeGreaterThan(10);
    expect(written.remarks).toBe(b.remarks!.length);
    expect((await fresh.meta.get('lastBackup'))?.value).toEqual(lastBackup.value);
    expect((await fresh.meta.get('operatorName'))?.value).toBe('山田');
    // The log line not sent yet is there, and the next edit continues the log after it.
    const last = (b.changes!.at(-1) as { seq: number; table: string }).seq;
    expect(b.changes!.some((l) => (l as { table: string }).table === 'members')).toBe(true);
    const council = (b.councils![0] as { id: string }).id;
    await fresh.councils.update(council, { name: '復元後の名前' });
    expect((await changesSince(fresh, last)).map((c) => [c.table, c.op])).toEqual([['councils', 'update']]);
    expect((await revisionOf(fresh, 'councils', council))?.rev).toBe(
      ((b.revisions as { table: string; id: string; rev: number }[]).find(
        (r) => r.table === 'councils' && r.id === council,
      )?.rev ?? 0) + 1,
    );
    for (const db of [src, inPlace, fresh]) db.close();
  });

  it('a backup written before the change log: revision 1 and a create line per record, as in place', async () => {
    const src = await source();
    const { revisions: _r, changes: _c, ...older } = asBackup(await exportDatabaseJson(src)).tables;
    const fresh = open(newRestoredDbName());
    await fresh.open();
    await restoreIntoNewDatabase(fresh, older);
    const remarks = await fresh.remarks.toArray();
    expect(remarks.length).toBeGreaterThan(10);
    expect((await revisionOf(fresh, 'remarks', remarks[0]!.id))?.rev).toBe(1);
    const log = await changesSince(fresh);
    expect(log.filter((l) => l.table === 'remarks')).toHaveLength(remarks.length);
    expect(log.every((l) => l.op === 'create')).toBe(true);
    src.close();
    fresh.close();
  });
});

describe('the database pointer', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const storage = (value: string | null) => ({ getItem: (k: string) => (k === DB_POINTER_KEY ? value : null) });

  it('no pointer (every profile before restores switched databases) is the default database', () => {
    vi.stubGlobal('localStorage', storage(null));
    expect(currentDbName()).toBe(DEFAULT_DB_NAME);
    expect(DEFAULT_DB_NAME).toBe('shingikai-desk');
  });

  it('a pointer to a restored database is followed, by the page and by the workers it starts', () => {
    const name = newRestoredDbName(new Date('2026-03-01T10:00:00.000Z'));
    expect(name).toBe('shingikai-desk-20260301100000000');
    vi.stubGlobal('localStorage', storage(name));
    expect(currentDbName()).toBe(name);
    const worker = workerName('search');
    expect(worker).toBe(`search@${name}`);
    // In the worker: no localStorage, its own name.
    vi.stubGlobal('localStorage', undefined);
    vi.stubGlobal('name', worker);
    expect(currentDbName()).toBe(name);
    vi.stubGlobal('name', 'search');
    expect(currentDbName()).toBe(DEFAULT_DB_NAME);
  });

  it('a pointer that names no database of the app is ignored', () => {
    vi.stubGlobal('localStorage', storage('another-app'));
    expect(currentDbName()).toBe(DEFAULT_DB_NAME);
  });

  it('a pointer to a database that is gone is noticed when it would be created empty; an existing one is not', async () => {
    const name = newRestoredDbName();
    const existing = open(name);
    await existing.open();
    await existing.meta.put({ key: 'x', value: 1 });
    existing.close();
    const seen: string[] = [];
    const again = open(name);
    guardPointedDatabase(again, () => seen.push(name));
    expect(await again.meta.count()).toBe(1);
    const gone = open(newRestoredDbName(new Date('2020-01-01T00:00:00.000Z')));
    guardPointedDatabase(gone, () => seen.push(gone.name));
    await gone.open();
    expect(seen).toEqual([gone.name]);
    again.close();
    gone.close();
  });
});
