/**
 * Records stored in packs (shared/record-packs.ts) read as rows of their table. A full restore
 * writes a meeting's remarks and a council's opinions as packs of up to 100; this DBCore
 * middleware, installed in the ShingikaiDB constructor below Dexie's index and hook layers and
 * above its live-query observation, makes every read of `remarks` and `opinions` — get,
 * bulkGet, where(…) on any index, count, cursors (filter, each, anyOf) — answer as if each
 * packed record were a row, so no feature knows about packs. A write to a packed record first
 * unpacks its whole pack in the same transaction (the pack's records become rows, the pack is
 * deleted), so a record is always either a row or in a pack, never both, and later writes are
 * plain rows again.
 *
 * Every request to the tables below is made synchronously when the read starts: Dexie's live
 * query registers what a read looks at only while the read's own call is on the stack.
 * Transactions marked asStored (write.ts: a restore's writes, a backup's reads) see the
 * tables as stored.
 */
import {
  cmp,
  type DBCore,
  type DBCoreCursor,
  type DBCoreIndex,
  type DBCoreKeyRange,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import {
  isRecordPack,
  packBucket,
  PACK_KINDS,
  packKindOf,
  type PackDirectoryRow,
  type PackKind,
  type RecordPack,
} from '../../../shared/record-packs';
import { isAsStored } from './write';

// DBCoreRangeType (a const enum dexie's types declare, not a value).
const EQUAL = 1;
const RANGE = 2;
const ANY = 3;
const NEVER = 4;

interface Entry {
  key: unknown;
  primaryKey: unknown;
  value: Record<string, unknown>;
}

export function readRecordPacks(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'RecordPacks',
    // Below the virtual-index (1) and hooks (2) layers, above observation and cache (0).
    level: 0.5,
    create(down: DBCore): DBCore {
      const kinds = PACK_KINDS.filter((k) => down.schema.tables.some((t) => t.name === k.packs));
      if (!kinds.length) return down;
      return {
        ...down,
        // Every transaction over a packed table also opens its packs and their directory.
        transaction(stores, mode, options) {
          const extra = kinds
            .filter((k) => stores.includes(k.table))
            .flatMap((k) => [k.packs, k.directory])
            .filter((t) => !stores.includes(t));
          return down.transaction([...stores, ...extra], mode, options);
        },
        table(name: string): DBCoreTable {
          const table = down.table(name);
          const kind = packKindOf(name);
          return kind && kinds.includes(kind)
            ? packedTable(kind, table, down.table(kind.packs), down.table(kind.directory), [down.MIN_KEY, down.MAX_KEY])
            : table;
        },
      };
    },
  };
}

function packedTable(
  kind: PackKind,
  table: DBCoreTable,
  packs: DBCoreTable,
  directory: DBCoreTable,
  [minKey, maxKey]: [unknown, unknown],
): DBCoreTable {
  const primary = table.schema.primaryKey;
  const all: DBCoreKeyRange = { type: ANY, lower: undefined, upper: undefined };
  const equal = (key: unknown): DBCoreKeyRange => ({ type: EQUAL, lower: key, upper: key });

  /** The packs of `keys`, each once (a key may come many times; a pack unpacked since is gone). */
  const packsByKeys = (trans: DBCoreTransaction, keys: readonly [string, number, number][]): Promise<RecordPack[]> => {
    const unique = [...new Map(keys.map((k) => [k.join('\u0000'), k])).values()];
    if (!unique.length) return Promise.resolve([]);
    return packs.getMany({ trans, keys: unique }).then((list) => list.filter(isRecordPack));
  };

  /** The packs the directory names for `ids` (an entry may name a pack unpacked since: it is gone). */
  const located = (trans: DBCoreTransaction, ids: readonly unknown[]): Promise<RecordPack[]> => {
    const strings = [...new Set(ids.filter((k): k is string => typeof k === 'string'))];
    if (!strings.length) return Promise.resolve([]);
    const buckets = [...new Set(strings.map(packBucket))];
    return directory.getMany({ trans, keys: buckets }).then((rows) => {
      const byBucket = new Map(buckets.map((b, i) => [b, (rows[i] as PackDirectoryRow | undefined)?.packs]));
      const keys = strings.flatMap((id) => {
        const entries = byBucket.get(packBucket(id));
        return entries && Object.hasOwn(entries, id) ? [entries[id]!] : [];
      });
      return packsByKeys(trans, keys);
    });
  };

  /** The packs that may hold records in `range` of `index` (a superset; entries are filtered after). */
  const packsFor = (trans: DBCoreTransaction, index: DBCoreIndex, range: DBCoreKeyRange): Promise<RecordPack[]> => {
    if (range.type === NEVER) return Promise.resolve([]);
    const read = (i: DBCoreIndex, r: DBCoreKeyRange) =>
      packs.query({ trans, values: true, query: { index: i, range: r } }).then((res) => res.result as RecordPack[]);
    if (index.isPrimaryKey && range.type === EQUAL) return located(trans, [range.lower]);
    const list = typeof index.keyPath === 'string' ? kind.lists[index.keyPath] : undefined;
    if (list)
      // A multi-entry index answers a pack once per matching value: its keys first, then each pack once.
      return packs
        .query({ trans, values: false, query: { index: packs.schema.getIndexByKeyPath(list)!, range } })
        .then((res) => packsByKeys(trans, res.result as [string, number, number][]));
    if (Array.isArray(index.keyPath) && index.keyPath[0] === kind.group && range.type !== ANY) {
      // Packs are keyed [group, chunk, size]: read the packs of the owners the range spans.
      const from: unknown = range.lower;
      const to: unknown = range.type === EQUAL ? range.lower : range.upper;
      const lower = Array.isArray(from) ? [from[0]] : undefined;
      const upper = Array.isArray(to) ? [to[0], []] : undefined;
      return read(packs.schema.primaryKey, { type: RANGE, lower, upper });
    }
    return read(packs.schema.primaryKey, all);
  };

  /**
   * The range of pack keys when `range` of `index` takes every record of its owners — all of the
   * table, or the owner's whole span of the [group+…] index, as where(group).equals(…) and
   * ordered(…) read — else null.
   */
  const wholeGroups = (index: DBCoreIndex, range: DBCoreKeyRange): DBCoreKeyRange | null => {
    if (range.type === ANY && (index.isPrimaryKey || (Array.isArray(index.keyPath) && index.keyPath[0] === kind.group)))
      return all;
    if (!Array.isArray(index.keyPath) || index.keyPath[0] !== kind.group || range.type !== RANGE) return null;
    const { lower, upper } = range as { lower: unknown; upper: unknown };
    if (!Array.isArray(lower) || !Array.isArray(upper) || lower.length !== 2 || upper.length !== 2) return null;
    // Open or closed at the least and the greatest key alike (where(group).equals opens them).
    if (cmp(lower[0], upper[0]) !== 0) return null;
    if (cmp(lower[1], minKey) !== 0 || cmp(upper[1], maxKey) !== 0) return null;
    return { type: RANGE, lower: [lower[0]], upper: [lower[0], []] };
  };

  /** The records' entries in `range` of `index`, in the index's order (then the primary key's). */
  const recordEntries = (records: Iterable<Record<string, unknown>>, index: DBCoreIndex, range: DBCoreKeyRange) => {
    const out: Entry[] = [];
    for (const r of records) {
      const key: unknown = index.extractKey!(r);
      // A multi-entry index holds a record once per distinct value of its list.
      const keys = index.multiEntry ? (Array.isArray(key) ? [...new Set(key)] : []) : [key];
      for (const k of keys)
        if (isKey(k) && inRange(k, range)) out.push({ key: k, primaryKey: primary.extractKey!(r), value: r });
    }
    return out.sort((a, b) => cmp(a.key, b.key) || cmp(a.primaryKey, b.primaryKey));
  };

  /** The packed records in `range` of `index` (packsFor gives each pack once). */
  const entriesOf = (list: RecordPack[], index: DBCoreIndex, range: DBCoreKeyRange): Entry[] =>
    recordEntries(
      list.flatMap((p) => p.records),
      index,
      range,
    );

  /** Stored rows and packed entries as one ordered list (each list already in order). */
  const merged = (own: Entry[], packed: Entry[], reverse: boolean, unique: boolean, limit = Infinity): Entry[] => {
    const ownKeys = new Set(own.map((e) => String(e.primaryKey)));
    const list = [...own, ...packed.filter((e) => !ownKeys.has(String(e.primaryKey)))].sort(
      (a, b) => cmp(a.key, b.key) || cmp(a.primaryKey, b.primaryKey),
    );
    if (reverse) list.reverse();
    const distinct = unique ? list.filter((e, i) => i === 0 || cmp(e.key, list[i - 1]!.key) !== 0) : list;
    return distinct.length > limit ? distinct.slice(0, limit) : distinct;
  };

  /**
   * Unpacks the packs that hold any of `keys` (record ids) in `trans`: their records become rows,
   * but those of `dropped` (about to be deleted), which are simply gone with the pack.
   */
  const unpackFor = async (
    trans: DBCoreTransaction,
    keys: readonly unknown[] | 'all',
    dropped: ReadonlySet<string> = new Set(),
  ): Promise<void> => {
    if (!(await packs.count({ trans, query: { index: packs.schema.primaryKey, range: all } }))) return;
    const list = keys === 'all' ? await packsFor(trans, primary, all) : await located(trans, keys);
    if (!list.length) return;
    const kept = list.flatMap((p) => p.records).filter((r) => !dropped.has(r.id as string));
    if (kept.length) await table.mutate({ type: 'put', trans, values: kept });
    await packs.mutate({ type: 'delete', trans, keys: list.map((p) => [p.group, p.chunk, p.size]) });
  };

  return {
    ...table,
    get(req) {
      if (isAsStored(req.trans)) return table.get(req);
      // The directory only when there is no row (a pack changes only with a write of rows, which the row's read sees).
      return table
        .get(req)
        .then((row) =>
          row !== undefined
            ? row
            : packsFor(req.trans, primary, equal(req.key)).then(
                (list) => entriesOf(list, primary, equal(req.key))[0]?.value,
              ),
        );
    },
    getMany(req) {
      if (isAsStored(req.trans)) return table.getMany(req);
      const own = table.getMany(req);
      const packed = packs.count({ trans: req.trans, query: { index: packs.schema.primaryKey, range: all } });
      return Promise.all([own, packed]).then(([rows, n]) => {
        const missing = req.keys.filter((_, i) => rows[i] === undefined);
        if (!n || !missing.length) return rows;
        return located(req.trans, missing).then((list) => {
          const byId = new Map(entriesOf(list, primary, all).map((e) => [String(e.primaryKey), e.value]));
          return rows.map((row, i) => row ?? byId.get(String(req.keys[i])));
        });
      });
    },
    query(req) {
      if (isAsStored(req.trans)) return table.query(req);
      const { index, range } = req.query;
      const own = table.query(req);
      const packed = packsFor(req.trans, index, range);
      return Promise.all([own, packed]).then(async ([res, list]) => {
        if (!list.length) return res;
        // The index keys of the stored rows are needed to merge: a keys-only answer is read again with values.
        const rows = (req.values ? res : await table.query({ ...req, values: true })).result as Record<
          string,
          unknown
        >[];
        // A row comes once per entry of a multi-entry index: each is expanded to its entries in range.
        const ownEntries = recordEntries(
          new Map(rows.map((v) => [String(primary.extractKey!(v)), v])).values(),
          index,
          range,
        );
        const reverse = req.direction?.startsWith('prev') ?? false;
        const unique = req.direction?.endsWith('unique') ?? false;
        const list2 = merged(ownEntries, entriesOf(list, index, range), reverse, unique, req.limit);
        return { result: list2.map((e) => (req.values ? e.value : e.primaryKey)) };
      });
    },
    count(req) {
      if (isAsStored(req.trans)) return table.count(req);
      const own = table.count(req);
      const whole = wholeGroups(req.query.index, req.query.range);
      if (whole)
        // Every record of the owners (or of the table): the packs' sizes are in their keys.
        return Promise.all([
          own,
          packs.query({ trans: req.trans, values: false, query: { index: packs.schema.primaryKey, range: whole } }),
        ]).then(([n, res]) => n + (res.result as [string, number, number][]).reduce((sum, key) => sum + key[2], 0));
      const packed = packsFor(req.trans, req.query.index, req.query.range);
      return Promise.all([own, packed]).then(
        ([n, list]) => n + entriesOf(list, req.query.index, req.query.range).length,
      );
    },
    openCursor(req) {
      if (isAsStored(req.trans)) return table.openCursor(req);
      const { index, range } = req.query;
      const own = table.openCursor(req);
      const packed = packsFor(req.trans, index, range);
      return Promise.all([own, packed]).then(async ([cursor, list]) => {
        if (!list.length) return cursor;
        const ownEntries: Entry[] = [];
        if (cursor)
          await cursor.start(() => {
            ownEntries.push({ key: cursor.key, primaryKey: cursor.primaryKey, value: cursor.value });
            cursor.continue();
          });
        return arrayCursor(
          req.trans,
          merged(ownEntries, entriesOf(list, index, range), !!req.reverse, !!req.unique),
          !!req.reverse,
        );
      });
    },
    mutate(req) {
      if (isAsStored(req.trans)) return table.mutate(req);
      if (req.type === 'deleteRange') {
        if (req.range.type === ANY)
          return packs
            .mutate({ type: 'deleteRange', trans: req.trans, range: all })
            .then(() => directory.mutate({ type: 'deleteRange', trans: req.trans, range: all }))
            .then(() => table.mutate(req));
        return unpackFor(req.trans, 'all').then(() => table.mutate(req));
      }
      if (req.type === 'delete')
        return unpackFor(req.trans, req.keys, new Set(req.keys.map(String))).then(() => table.mutate(req));
      const keys = req.keys ?? req.values.map(primary.extractKey!);
      return unpackFor(req.trans, keys).then(() => table.mutate(req));
    },
  };
}

const isKey = (key: unknown): boolean =>
  key !== undefined && key !== null && (!Array.isArray(key) || key.every((k) => k !== undefined && k !== null));

function inRange(key: unknown, range: DBCoreKeyRange): boolean {
  if (range.type === ANY) return true;
  if (range.type === NEVER) return false;
  if (range.type === EQUAL) return cmp(key, range.lower) === 0;
  if (range.lower !== undefined) {
    const c = cmp(key, range.lower);
    if (c < 0 || (c === 0 && range.lowerOpen)) return false;
  }
  if (range.upper !== undefined) {
    const c = cmp(key, range.upper);
    if (c > 0 || (c === 0 && range.upperOpen)) return false;
  }
  return true;
}

/**
 * A cursor over a list already read (stored rows and packed records merged), with IndexedDB's
 * cursor's moves: continue (to a key), continuePrimaryKey, advance; Dexie's start/stop/next.
 */
function arrayCursor(trans: DBCoreTransaction, list: Entry[], reverse: boolean): DBCoreCursor | null {
  if (!list.length) return null;
  let at = 0;
  let onNext: (() => void) | null = null;
  let finish: (value?: unknown) => void = () => {};
  let failWith: (error: Error) => void = () => {};
  const ahead = (a: unknown, b: unknown) => (reverse ? cmp(b, a) : cmp(a, b));
  const step = () => {
    if (at >= list.length) {
      cursor.done = true;
      finish();
      return;
    }
    try {
      onNext?.();
    } catch (e) {
      failWith(e as Error);
    }
  };
  const move = (to: number) => {
    at = to;
    queueMicrotask(step);
  };
  const cursor = {
    trans,
    done: false,
    get key() {
      return list[at]?.key;
    },
    get primaryKey() {
      return list[at]?.primaryKey;
    },
    get value() {
      return list[at]?.value;
    },
    continue(key?: unknown) {
      let i = at + 1;
      if (key !== undefined) while (i < list.length && ahead(list[i]!.key, key) < 0) i++;
      move(i);
    },
    continuePrimaryKey(key: unknown, primaryKey: unknown) {
      let i = at + 1;
      while (i < list.length && (ahead(list[i]!.key, key) || ahead(list[i]!.primaryKey, primaryKey)) < 0) i++;
      move(i);
    },
    advance(count: number) {
      move(at + count);
    },
    start(callback: () => void) {
      onNext = callback;
      const done = new Promise((resolve, reject) => {
        finish = resolve;
        failWith = reject;
      });
      step();
      return done;
    },
    stop(value?: unknown) {
      onNext = null;
      finish(value);
    },
    next() {
      let once = 1;
      return this.start(() => (once-- ? this.continue() : this.stop())).then(() => this as DBCoreCursor);
    },
    fail(error: Error) {
      failWith(error);
    },
  };
  return cursor as DBCoreCursor;
}
