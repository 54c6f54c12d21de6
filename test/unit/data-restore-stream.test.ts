/**
 * A full restore of a backup file as it arrives (restore.ts restoreFileIntoNewDatabase: each
 * table written as soon as it is read): the new database holds exactly what an in-place restore
 * of the parsed file gives, whatever the chunks; so too for a backup of a restored database
 * (packs, with rows winning over packs, whichever comes first in the file) and one from before
 * the change log; a broken or newer file leaves no database behind.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  LATEST_SCHEMA_VERSION,
  newRestoredDbName,
  PACKS_SCHEMA_VERSION,
  revisionOf,
  ShingikaiDB,
} from '../../renderer/src/data/database';
import { loadSampleCouncil } from '../../renderer/src/data/sample';
import {
  exportDatabaseJson,
  NewDatabaseRestore,
  restoreFileIntoNewDatabase,
  restoreRecords,
} from '../../renderer/src/data/restore';
import { PACK_RECORDS, PACK_TABLES } from '../../shared/record-packs';
import { asBackup, everything } from './restore-helpers';

const factory = new IDBFactory();
const open = (name: string) => new ShingikaiDB(name, { indexedDB: factory, IDBKeyRange });
const NAME = 'backup-20260101-000000-000-manual.json';

const envelope = (dexie: string) =>
  `{"format":"shingikai-backup","formatVersion":2,"appVersion":"test","createdAt":"2026-01-01T00:00:00.000Z","attachments":[],"missingAttachments":[],"db":${dexie}}`;

/** The file's bytes in chunks of `size` (cut anywhere, inside characters too). */
async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function streamed(text: string, size: number, options: Parameters<typeof restoreFileIntoNewDatabase>[4] = {}) {
  const target = open(newRestoredDbName());
  const result = await restoreFileIntoNewDatabase(target, NAME, LATEST_SCHEMA_VERSION, chunks(text, size), options);
  await target.open(); // closed by the restore (the app switches to it by reloading)
  return { target, result };
}

/** The sample council, a long meeting (several packs) and an opinion of several packs' worth. */
async function source() {
  const db = open(`src-${Math.random()}`);
  await db.meta.put({ key: 'operatorName', value: '佐藤' });
  await loadSampleCouncil(db);
  const first = (await db.remarks.toArray())[0]!;
  await db.remarks.bulkAdd(
    Array.from({ length: 2 * PACK_RECORDS + 13 }, (_, i) => ({
      ...first,
      id: `long-${String(i).padStart(4, '0')}`,
      order: 10_000 + i,
      text: `山田委員の発言「${i}」\\`,
    })),
  );
  const opinion = (await db.opinions.toArray())[0]!;
  await db.opinions.bulkAdd(
    Array.from({ length: PACK_RECORDS + 7 }, (_, i) => ({ ...opinion, id: `op-${i}`, order: 50_000 + i })),
  );
  return db;
}

const exists = async (name: string) => (await factory.databases()).some((d: { name?: string }) => d.name === name);

describe('a full restore as the file arrives', () => {
  it('gives what the in-place restore of the parsed file gives, in chunks of any size', async () => {
    const src = await source();
    const text = envelope(await exportDatabaseJson(src));
    const lastBackup = { key: 'lastBackup', value: { name: 'backup-y.json', createdAt: '2026-02-01T00:00:00.000Z' } };
    const inPlace = open(`in-${Math.random()}`);
    await inPlace.meta.put(lastBackup);
    await restoreRecords(inPlace, asBackup(await exportDatabaseJson(src)).tables);
    const expected = await everything(inPlace);
    expect(expected.remarks!.length).toBeGreaterThan(2 * PACK_RECORDS);
    for (const size of [1 << 20, 4099, 333]) {
      const { target, result } = await streamed(text, size, { lastBackup, txRecords: 50 });
      expect(await everything(target)).toEqual(expected);
      expect(result.written.remarks).toBe(expected.remarks!.length);
      expect(result.bytes).toBe(new TextEncoder().encode(text).length);
      // Stored packed, as a restore stores them.
      expect(await target.table('remarkPacks').count()).toBeGreaterThan(2);
      target.close();
    }
    src.close();
    inPlace.close();
  });

  it('a backup of a restored database (packs, some unpacked by edits): the same records, whichever comes first in the file', async () => {
    const src = await source();
    const { target: restored } = await streamed(envelope(await exportDatabaseJson(src)), 8192);
    const before = JSON.parse(await exportDatabaseJson(restored)) as { data: { data: { tableName: string }[] } };
    // Edits unpack packs: the next backup holds rows and packs of the same kind.
    await restored.remarks.update('long-0005', { text: '復元後の修正' });
    await restored.opinions.delete('op-3');
    await src.remarks.update('long-0005', { text: '復元後の修正' });
    await src.opinions.delete('op-3');
    const json = await exportDatabaseJson(restored);
    const expected = await everything(restored);
    expect(expected.remarks!.find((r) => (r as { id: string }).id === 'long-0005')).toMatchObject({
      text: '復元後の修正',
    });
    // As backups are written (packs first), and with the packs last (the order of an earlier version).
    const parsed = JSON.parse(json) as { data: { data: { tableName: string }[] } };
    const packsLast = structuredClone(parsed);
    const isPack = (t: { tableName: string }) => PACK_TABLES.includes(t.tableName);
    packsLast.data.data = [...parsed.data.data.filter((t) => !isPack(t)), ...parsed.data.data.filter(isPack)];
    // A backup taken while an edit unpacked a pack reads the pack before the records: a record in
    // both (the old text in the pack, the edited one as a row). The row wins.
    const racing = structuredClone(parsed);
    racing.data.data = racing.data.data.map((t) =>
      t.tableName === 'remarkPacks' ? before.data.data.find((b) => b.tableName === 'remarkPacks')! : t,
    );
    expect(JSON.stringify(racing)).toContain('"id":"long-0005"');
    const racingLast = structuredClone(racing);
    racingLast.data.data = [...racing.data.data.filter((t) => !isPack(t)), ...racing.data.data.filter(isPack)];
    for (const dexie of [json, JSON.stringify(packsLast), JSON.stringify(racing), JSON.stringify(racingLast)]) {
      const { target } = await streamed(envelope(dexie), 5000);
      const got = await everything(target);
      expect(got.remarks).toEqual(expected.remarks);
      expect(got.opinions).toEqual(expected.opinions);
      expect(got.opinions!.some((o) => (o as { id: string }).id === 'op-3')).toBe(false);
      expect(await revisionOf(target, 'remarks', 'long-0005')).toEqual(
        await revisionOf(restored, 'remarks', 'long-0005'),
      );
      target.close();
    }
    src.close();
    restored.close();
  });

  it('a backup from before the change log: revision 1 and a create line per record', async () => {
    const src = await source();
    const parsed = JSON.parse(await exportDatabaseJson(src)) as { data: { data: { tableName: string }[] } };
    parsed.data.data = parsed.data.data.filter((t) => t.tableName !== 'revisions' && t.tableName !== 'changes');
    const { target } = await streamed(envelope(JSON.stringify(parsed)), 1000);
    const remarks = await target.remarks.toArray();
    expect(remarks.length).toBeGreaterThan(2 * PACK_RECORDS);
    expect((await revisionOf(target, 'remarks', 'long-0001'))?.rev).toBe(1);
    expect(await target.changes.count()).toBe((await everything(src)).revisions!.length);
    src.close();
    target.close();
  });

  it('a backup with revisions but no change log: revision 1 for every record, as in place', async () => {
    const src = await source();
    await src.remarks.update('long-0001', { text: '二度目の版' });
    expect((await revisionOf(src, 'remarks', 'long-0001'))?.rev).toBe(2);
    const parsed = JSON.parse(await exportDatabaseJson(src)) as { data: { data: { tableName: string }[] } };
    parsed.data.data = parsed.data.data.filter((t) => t.tableName !== 'changes');
    const { target } = await streamed(envelope(JSON.stringify(parsed)), 700);
    expect((await revisionOf(target, 'remarks', 'long-0001'))?.rev).toBe(1);
    const revisions = (await everything(target)).revisions as { rev: number }[];
    expect(revisions.length).toBe((await everything(src)).revisions!.length);
    expect(revisions.every((r) => r.rev === 1)).toBe(true);
    expect(await target.changes.count()).toBe(revisions.length);
    src.close();
    target.close();
  });

  it('a backup of a database version before packs, in transactions of a few rows (the read waits for the writes)', async () => {
    const src = await source();
    const parsed = JSON.parse(await exportDatabaseJson(src)) as {
      data: { databaseVersion: number; data: { tableName: string }[] };
    };
    parsed.data.databaseVersion = PACKS_SCHEMA_VERSION - 1;
    parsed.data.data = parsed.data.data.filter((t) => !PACK_TABLES.includes(t.tableName));
    const { target } = await streamed(envelope(JSON.stringify(parsed)), 1500, { txRecords: 7 });
    const [got, want] = [await everything(target), await everything(src)];
    expect(got.remarks).toEqual(want.remarks);
    expect(got.opinions).toEqual(want.opinions);
    expect(got.councils).toEqual(want.councils);
    expect(await target.table('remarkPacks').count()).toBeGreaterThan(2);
    src.close();
    target.close();
  });

  it('the read waits while more than a few transactions are not committed', async () => {
    const target = open(newRestoredDbName());
    await target.open();
    const restore = new NewDatabaseRestore(target, { txRecords: 1 });
    restore.table(
      'councils',
      Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, name: `審議会${i}` })),
    );
    expect(restore.uncommitted).toBe(20);
    await restore.drain(2);
    expect(restore.uncommitted).toBeLessThanOrEqual(2);
    await restore.finish();
    expect(restore.uncommitted).toBe(0);
    expect(await target.councils.count()).toBe(20);
    target.close();
  });

  it('a file broken halfway, or of a newer app, leaves no database behind', async () => {
    const src = await source();
    const text = envelope(await exportDatabaseJson(src));
    const names = [newRestoredDbName(), `${newRestoredDbName()}-2`];
    const cut = text.slice(0, Math.floor(text.length * 0.8));
    await expect(
      restoreFileIntoNewDatabase(open(names[0]!), NAME, LATEST_SCHEMA_VERSION, chunks(cut, 2048)),
    ).rejects.toThrow(/ファイルが壊れています/);
    expect(await exists(names[0]!)).toBe(false);
    const newer = text.replace(
      `"databaseVersion":${LATEST_SCHEMA_VERSION}`,
      `"databaseVersion":${LATEST_SCHEMA_VERSION + 1}`,
    );
    await expect(
      restoreFileIntoNewDatabase(open(names[1]!), NAME, LATEST_SCHEMA_VERSION, chunks(newer, 2048)),
    ).rejects.toThrow(/新しい版の審議会デスク/);
    expect(await exists(names[1]!)).toBe(false);
    src.close();
  });
});
