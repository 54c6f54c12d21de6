/**
 * The stored search index in chunks (issue 15): Chromium's IndexedDB refuses one value over
 * 133,169,152 bytes, and the large installation's index is about 142 MB as one value, so it was
 * never stored and every start built it again. Here the store refuses values over a small limit
 * the same way (a test-only limit, the index of the sample council is larger), and the index is
 * written as a header and chunks under it: a restart uses it. A save that fails between chunks
 * leaves the index written before (the transaction is undone), and a header whose chunk is gone
 * makes the next start build again, not fail or answer from a broken index.
 */
import 'fake-indexeddb/auto';
import { IDBObjectStore as FakeObjectStore, indexedDB as fakeIndexedDB } from 'fake-indexeddb';
import { serialize } from 'node:v8';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../renderer/src/data/db';
import { importBundle } from '../../renderer/src/data/bundle';
import {
  clearStoredIndex,
  loadStoredIndex,
  saveStoredIndex,
  searchSourceWith,
} from '../../renderer/src/features/search/data';
import { CHUNK_PREFIX, chunkKeys, joinStored, splitStored } from '../../renderer/src/features/search/chunks';
import {
  INDEX_VERSION,
  IndexKeeper,
  type KeeperStatus,
  type StoredState,
} from '../../renderer/src/features/search/keeper';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import type { SerializedSearchIndex } from '../../shared/search/index';

/** The largest value the store takes here (Chromium: 133,169,152 bytes). */
const PUT_LIMIT = 512 * 1024;
const CHUNK_BYTES = 128 * 1024;

/** The object store and request as used here (the node typecheck has no DOM types). */
interface Req<T> {
  result: T;
  error: unknown;
}
interface Store {
  name: string;
  put(value: unknown, key?: unknown): Req<unknown>;
  delete(key: string): Req<unknown>;
  getAllKeys(): Req<unknown[]>;
}

// a store that refuses a large value as Chromium's does (a DataError thrown by put); the globals
// of fake-indexeddb/auto are these classes
const storeProto = (FakeObjectStore as unknown as { prototype: Store }).prototype;
const realPut = storeProto.put;
let failPutAfter = Infinity;
let puts = 0;
storeProto.put = function (this: Store, value: unknown, key?: unknown) {
  if (this.name === 'state') {
    if (serialize(value).length > PUT_LIMIT)
      throw new DOMException('The serialized keys and/or value are too large', 'DataError');
    if (++puts > failPutAfter) throw new DOMException('書き込みが中断されました（テスト）', 'UnknownError');
  }
  return realPut.call(this, value, key);
};

/** The search store's records, read and changed behind the keeper (a damaged store). */
function raw<T>(run: (store: Store) => Req<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = (fakeIndexedDB as unknown as { open(name: string): Req<unknown> & Record<string, unknown> }).open(
      'shingikai-search',
    );
    open.onerror = () => reject(open.error as Error);
    open.onsuccess = () => {
      const conn = open.result as {
        transaction(
          store: string,
          mode: string,
        ): Record<string, unknown> & { objectStore(n: string): Store; abort(): void; error: unknown };
        close(): void;
      };
      const tx = conn.transaction('state', 'readwrite');
      let req: Req<T>;
      try {
        req = run(tx.objectStore('state'));
      } catch (error) {
        tx.abort();
        conn.close();
        return reject(error as Error);
      }
      tx.oncomplete = () => {
        conn.close();
        resolve(req.result);
      };
      tx.onerror = () => reject((tx.error ?? req.error) as Error);
    };
  });
}
const storedKeys = () => raw((s) => s.getAllKeys()) as Promise<string[]>;

/** No half of a surrogate pair alone. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

const remarkTexts = async (keeper: IndexKeeper, query: string) =>
  (await keeper.search(query, { kinds: ['remark'] }, {})).groups.flatMap((g) => g.hits.map((h) => h.doc.texts.text));

async function start(): Promise<{ keeper: IndexKeeper; last: KeeperStatus }> {
  const statuses: KeeperStatus[] = [];
  // written only when flushed (a keeper of an earlier step saving meanwhile would add its chunks)
  const keeper = new IndexKeeper(searchSourceWith({ chunkBytes: CHUNK_BYTES }), (s) => statuses.push(s), 3_600_000);
  await keeper.start();
  return { keeper, last: statuses.at(-1)! };
}

beforeAll(async () => {
  await importBundle(db, buildSampleCouncil());
});

afterEach(async () => {
  failPutAfter = Infinity;
  await clearStoredIndex();
});

describe('the stored search index', () => {
  it('is larger than the store takes as one value, is stored in chunks, and a restart uses it', async () => {
    const first = await start();
    expect(first.last).toMatchObject({ state: 'ready', rebuilt: true });
    await first.keeper.flush();

    const stored = (await loadStoredIndex())!;
    // the earlier save (the whole index as one record) is refused by this store
    expect(serialize(stored).length).toBeGreaterThan(PUT_LIMIT);
    await expect(raw((s) => s.put(stored))).rejects.toThrow(/too large/);

    const keys = await storedKeys();
    expect(keys).toContain('index');
    expect(keys.filter((k) => k.startsWith(CHUNK_PREFIX)).length).toBeGreaterThan(3);

    const again = await start();
    expect(again.last).toMatchObject({ state: 'ready', rebuilt: false, size: first.keeper.size });
    expect(await remarkTexts(again.keeper, '減免')).toEqual(['施設の使用に関し、減免措置を見直してはどうか。']);
    expect(await remarkTexts(again.keeper, 'ｲﾝｾﾝﾃｨﾌﾞ')).toHaveLength(1);

    // the next save replaces the chunks (the old ones are deleted with it)
    const before = keys.filter((k) => k.startsWith(CHUNK_PREFIX));
    await again.keeper.flush();
    const after = (await storedKeys()).filter((k) => k.startsWith(CHUNK_PREFIX));
    expect(after).toHaveLength(before.length);
    expect(after.filter((k) => before.includes(k))).toEqual([]);
  });

  it('a save that fails between chunks leaves the index written before, and the restart catches up', async () => {
    const first = await start();
    await first.keeper.flush();
    const remark = (await db.remarks.toArray()).find((r) => r.text.includes('減免措置'))!;
    await db.remarks.update(remark.id, { text: '防災倉庫の点検について伺いたい。' });
    await first.keeper.sync();
    expect(await remarkTexts(first.keeper, '防災倉庫')).toEqual(['防災倉庫の点検について伺いたい。']);

    puts = 0;
    failPutAfter = 3; // the fourth chunk fails: the transaction (deletes, chunks so far) is undone
    await expect(first.keeper.flush()).rejects.toThrow();
    failPutAfter = Infinity;

    const again = await start();
    expect(again.last).toMatchObject({ state: 'ready', rebuilt: false });
    expect(await remarkTexts(again.keeper, '防災倉庫')).toEqual(['防災倉庫の点検について伺いたい。']);
    expect(await remarkTexts(again.keeper, '減免措置')).toEqual([]);
    await db.remarks.update(remark.id, { text: remark.text });
  });

  it('a header whose chunk is missing or cut short is no index: the next start builds it again', async () => {
    const first = await start();
    await first.keeper.flush();
    const chunks = (await storedKeys()).filter((k) => k.startsWith(CHUNK_PREFIX));

    await raw((s) => s.delete(chunks[1]!));
    const missing = await start();
    expect(missing.last).toMatchObject({ state: 'ready', rebuilt: true, size: first.keeper.size });
    expect(await remarkTexts(missing.keeper, '減免')).toEqual(['施設の使用に関し、減免措置を見直してはどうか。']);

    await missing.keeper.flush();
    const docsChunk = (await storedKeys()).find((k) => k.includes(':docs:'))!;
    await raw((s) => s.put({ key: docsChunk, value: 'cut short' }));
    const short = await start();
    expect(short.last).toMatchObject({ state: 'ready', rebuilt: true });
    expect(await remarkTexts(short.keeper, '減免')).toEqual(['施設の使用に関し、減免措置を見直してはどうか。']);
  });

  it('an index stored as one record (before chunks) is still used', async () => {
    const first = await start();
    await first.keeper.flush();
    const whole = (await loadStoredIndex())!;
    await clearStoredIndex();
    await raw((s) => realPut.call(s, whole));
    expect(await storedKeys()).toEqual(['index']);

    const again = await start();
    expect(again.last).toMatchObject({ state: 'ready', rebuilt: false });
    expect(await remarkTexts(again.keeper, '減免')).toEqual(['施設の使用に関し、減免措置を見直してはどうか。']);
    await again.keeper.flush();
    expect((await storedKeys()).filter((k) => k.startsWith(CHUNK_PREFIX)).length).toBeGreaterThan(3);
  });

  it('writes each chunk in its own step and swaps the header last: a save cut off keeps the index before, a newer save wins', async () => {
    const first = await start();
    await first.keeper.flush();
    const stored = (await loadStoredIndex())!;
    const header = async () =>
      (await raw((s) => (s as unknown as { get(k: string): Req<unknown> }).get('index'))) as Parameters<
        typeof chunkKeys
      >[0];
    const chunkKeysStored = async () => (await storedKeys()).filter((k) => k.startsWith(CHUNK_PREFIX)).sort();

    // a pace before every chunk and before the swap (the keeper rests and waits for a backup there)
    let paces = 0;
    await saveStoredIndex({ ...stored, seq: stored.seq + 1 }, CHUNK_BYTES, async () => void paces++);
    const { chunks } = splitStored(stored, CHUNK_BYTES);
    expect(paces).toBe(chunks.length + 1);
    expect((await loadStoredIndex())!.seq).toBe(stored.seq + 1);
    expect(await chunkKeysStored()).toEqual(chunkKeys(await header()).sort());

    // cut off after three chunks (the window closed): the index written before is still read whole
    let n = 0;
    const cut = saveStoredIndex({ ...stored, seq: stored.seq + 2 }, CHUNK_BYTES, async () => {
      if (++n > 3) throw new Error('閉じられました');
    });
    await expect(cut).rejects.toThrow('閉じられました');
    expect((await storedKeys()).length).toBeGreaterThan(chunkKeys(await header()).length + 1);
    expect(await loadStoredIndex()).toEqual({ ...stored, seq: stored.seq + 1 });

    // a save begun earlier, still writing when a newer one (another window) is stored: the newer stays
    let inner: Promise<void> | null = null;
    const older = saveStoredIndex({ ...stored, seq: stored.seq + 3 }, CHUNK_BYTES, async () => {
      inner ??= saveStoredIndex({ ...stored, seq: stored.seq + 4 }, CHUNK_BYTES);
      await inner;
    });
    await older;
    expect(await loadStoredIndex()).toEqual({ ...stored, seq: stored.seq + 4 });
    // nothing left over: only the stored index's chunks (the cut-off save's went with the swap)
    expect(await chunkKeysStored()).toEqual(chunkKeys(await header()).sort());
  });

  it('cuts strings and typed arrays within the chunk size and puts them together as they were', () => {
    const text = '地域𠮷野家ｺﾐｭﾆﾃｨ'.repeat(500); // surrogate pairs at every cut position
    const order = Float64Array.from({ length: 3001 }, (_, i) => i * 1.5);
    const big = new Uint32Array(10_000).map((_, i) => i * 7);
    const view = big.subarray(100, 200); // a view: stored as its own items only
    const data = { version: 2, count: 3, keys: 'a\0b\0c', docs: text, order, bigramData: big, date: view };
    const state: StoredState = {
      key: 'index',
      version: INDEX_VERSION,
      seq: 4,
      mark: 'm',
      data: data as unknown as SerializedSearchIndex,
    };
    for (const chunkBytes of [1024, 4096, 1 << 20]) {
      const { header, chunks } = splitStored(state, chunkBytes, 'x');
      for (const c of chunks) {
        expect(serialize(c.value).length).toBeLessThanOrEqual(chunkBytes + 64);
        if (typeof c.value === 'string') expect(wellFormed(c.value)).toBe(true); // no half of a pair
      }
      const byKey = new Map(chunks.map((c) => [c.key, c]));
      const back = joinStored(structuredClone(header), (k) => structuredClone(byKey.get(k)));
      expect(back).toEqual({ ...state, data: { ...data, date: Uint32Array.from(view) } });
    }
  });
});
