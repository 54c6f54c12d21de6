/**
 * The write of a full restore, alone (issue 14, restore.full_ms): the records of the generated
 * installation (bench/fixture/generate.ts, with the write path's bookkeeping: a revision and a
 * log line per record) put into a NEW IndexedDB database in Chromium, the way
 * restoreIntoNewDatabase writes them (raw puts, one readwrite transaction per ≤ 50,000 records),
 * and alternated in the same page with other shapes of the same write, on the same records:
 *
 * - `current`: restoreIntoNewDatabase's shape (per table, transactions of 50,000 puts, default durability);
 * - `relaxed`: the same with `durability: 'relaxed'`;
 * - `small`: transactions of 5,000 puts (relaxed);
 * - `add`: add() instead of put() (relaxed);
 * - `parallel`: one chain of transactions per store, all stores at once (relaxed);
 * - `indexes-after`: the stores created without their secondary indexes, the rows put, then the
 *   indexes created in a version upgrade (Chromium builds them from the stored rows);
 * - `schema-v4`: `current`'s shape with the indexes of schema version 4 (before version 5 dropped the
 *   indexes no query used, or that a compound index covers);
 * - `no-indexes`: `current`'s shape with no secondary index at all (the floor: the rows alone).
 *
 * Besides wall time (meaningless on a loaded machine except as a ratio to `current` in the same
 * round), the CPU time of Chromium's browser process (where IndexedDB's backend runs) and of the
 * renderer is read from /proc around each strategy: µs of CPU per record, which the load moves far
 * less. The tables are written one call each (but `parallel`), so the browser's CPU per record is also read
 * per table: printed per strategy (mean over the rounds) for remarks, opinions and revisions.
 * The records go to the page first (not timed; the restore worker has them parsed already).
 * BACKUP_WRITE_SCALE (default 0.2: 20,000 remarks, 4,000 opinions), BACKUP_WRITE_ROUNDS (2),
 * BACKUP_WRITE_STRATEGIES (comma-separated, default all).
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { BenchModule, Figure } from './harness';
import { launchChromium, newBenchPage } from './browser';
import { generateInstallation } from './fixture/generate';
import { SCHEMA_VERSIONS } from '../renderer/src/data/database';
import { RESTORE_TX_RECORDS } from '../renderer/src/data/restore';

const SCALE = Number(process.env.BACKUP_WRITE_SCALE ?? '0.2');
const ROUNDS = Number(process.env.BACKUP_WRITE_ROUNDS ?? '2');
const ALL = ['current', 'relaxed', 'small', 'add', 'parallel', 'indexes-after', 'schema-v4', 'no-indexes'];
const STRATEGIES = (process.env.BACKUP_WRITE_STRATEGIES ?? ALL.join(',')).split(',');

interface StoreSpec {
  name: string;
  keyPath: string | string[];
  auto: boolean;
  indexes: { name: string; keyPath: string | string[]; multiEntry: boolean; unique: boolean }[];
}

/**
 * The schema as of version `upTo` (default: the latest; database.ts SCHEMA_VERSIONS, Dexie's notation) as raw
 * IndexedDB stores and indexes.
 */
function schema(upTo = Infinity): StoreSpec[] {
  const merged: Record<string, string> = {};
  for (const v of SCHEMA_VERSIONS)
    if (v.version <= upTo) for (const [k, s] of Object.entries(v.stores)) if (s != null) merged[k] = s;
  const keyPath = (s: string) => (s.startsWith('[') ? s.slice(1, -1).split('+') : s);
  return Object.entries(merged).map(([name, spec]) => {
    const [pk, ...indexes] = spec.split(',').map((s) => s.trim());
    return {
      name,
      keyPath: keyPath(pk!.replace(/^\+\+|^&/, '')),
      auto: pk!.startsWith('++'),
      indexes: indexes.map((i) => ({
        name: i.replace(/^[*&]/, ''),
        keyPath: keyPath(i.replace(/^[*&]/, '')),
        multiEntry: i.startsWith('*'),
        unique: i.startsWith('&'),
      })),
    };
  });
}

/** The installation's records per table, with a revision per record (the log is compacted away by a restore). */
function installationRows(): Record<string, unknown[]> {
  const { bundles } = generateInstallation({
    remarks: Math.round(100_000 * SCALE),
    opinions: Math.round(20_000 * SCALE),
  });
  const tables = [
    'councils',
    'members',
    'staff',
    'meetings',
    'remarks',
    'opinions',
    'drafts',
    'draftVersions',
    'minutes',
  ];
  const rows: Record<string, unknown[]> = Object.fromEntries(tables.map((t) => [t, []]));
  for (const b of bundles) {
    rows.councils!.push(b.council);
    for (const t of tables) if (t !== 'councils') rows[t]!.push(...(b[t as keyof typeof b] as unknown[]));
  }
  const at = new Date().toISOString();
  rows.revisions = tables.flatMap((table) =>
    (rows[table] as { id: string }[]).map((r) => ({ table, id: r.id, rev: 1, updatedBy: '', updatedAt: at })),
  );
  return rows;
}

/** CPU ms so far of this process's Chromium, by process type (browser, renderer, …). */
function chromiumCpu(): Record<string, number> {
  const ps = execSync('ps -eo pid=,ppid=,args=')
    .toString()
    .trim()
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)!)
    .map((m) => ({ pid: m[1]!, ppid: m[2]!, args: m[3]! }));
  const mine = new Set([String(process.pid)]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of ps)
      if (mine.has(p.ppid) && !mine.has(p.pid)) {
        mine.add(p.pid);
        grew = true;
      }
  }
  const out: Record<string, number> = {};
  for (const p of ps) {
    if (!mine.has(p.pid) || p.pid === String(process.pid) || !/chrom/i.test(p.args)) continue;
    const kind = /--type=(\w+)/.exec(p.args)?.[1] ?? 'browser';
    try {
      const f = readFileSync(`/proc/${p.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out[kind] = (out[kind] ?? 0) + (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      // the process ended
    }
  }
  return out;
}

interface Outcome {
  totalMs: number;
  indexMs: number;
  perTable: Record<string, number>;
  answered: number;
}

const bench: BenchModule = {
  title: '復元の書き込み（新しいデータベースへ、書き方の比較）',
  async run() {
    const server = http.createServer((_q, r) => r.end('<!doctype html><title>restore write</title>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await launchChromium();
    try {
      const { page } = await newBenchPage(browser);
      await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
      const rows = installationRows();
      const counts = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length]));
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      console.log(`records: ${total.toLocaleString()} (${JSON.stringify(counts)})`);
      const json = JSON.stringify(rows);
      await page.evaluate(() => ((window as unknown as { __parts: string[] }).__parts = []));
      for (let i = 0; i < json.length; i += 8_000_000)
        await page.evaluate(
          (s) => (window as unknown as { __parts: string[] }).__parts.push(s),
          json.slice(i, i + 8_000_000),
        );
      await page.evaluate(() => {
        const w = window as unknown as { __parts: string[]; __rows: unknown };
        w.__rows = JSON.parse(w.__parts.join(''));
        w.__parts = [];
      });
      const stores = schema();
      const schemaV4 = schema(4);
      const results: Record<
        string,
        { wall: number[]; browserUs: number[]; rendererUs: number[]; tableUs: Record<string, number>[] }
      > = {};
      let currentTables: Record<string, number> = {};
      for (let round = 0; round < ROUNDS; round++) {
        // Each round starts one strategy later: none always runs after the same one (a deleted database's
        // cleanup, the machine's load).
        const order = STRATEGIES.map((_, i) => STRATEGIES[(i + round) % STRATEGIES.length]!);
        for (const strategy of order) {
          const c0 = chromiumCpu();
          const specs =
            strategy === 'schema-v4'
              ? schemaV4
              : strategy === 'no-indexes'
                ? stores.map((s) => ({ ...s, indexes: [] }))
                : stores;
          await page.evaluate(
            async ({ strategy, stores, round, txRecords }) => {
              const rows = (window as unknown as { __rows: Record<string, unknown[]> }).__rows;
              const name = `restore-write-${strategy}-${round}`;
              const request = <T>(r: IDBRequest<T>) =>
                new Promise<T>((resolve, reject) => {
                  r.onsuccess = () => resolve(r.result);
                  r.onerror = () => reject(r.error);
                });
              const open = (version: number, upgrade: (tx: IDBTransaction, db: IDBDatabase) => void) =>
                new Promise<IDBDatabase>((resolve, reject) => {
                  const r = indexedDB.open(name, version);
                  r.onupgradeneeded = () => upgrade(r.transaction!, r.result);
                  r.onsuccess = () => resolve(r.result);
                  r.onerror = () => reject(r.error);
                });
              await request(indexedDB.deleteDatabase(name));
              const later = strategy === 'indexes-after';
              const t0 = performance.now();
              const db = await open(1, (_tx, d) => {
                for (const s of stores) {
                  const os = d.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.auto });
                  if (!later) for (const i of s.indexes) os.createIndex(i.name, i.keyPath, i);
                }
              });
              const durability: IDBTransactionDurability =
                strategy === 'current' || strategy === 'schema-v4' || strategy === 'no-indexes' ? 'default' : 'relaxed';
              const size = strategy === 'small' ? 5000 : txRecords;
              const write = (store: string, list: unknown[]) => {
                const tx = db.transaction(store, 'readwrite', { durability });
                const done = new Promise<void>((resolve, reject) => {
                  tx.oncomplete = () => resolve();
                  tx.onerror = () => reject(tx.error);
                  tx.onabort = () => reject(tx.error);
                });
                const os = tx.objectStore(store);
                for (const r of list)
                  if (strategy === 'add') os.add(r);
                  else os.put(r);
                return done;
              };
              const perTable: Record<string, number> = {};
              const table = async (store: string) => {
                const s0 = performance.now();
                const list = rows[store]!;
                for (let i = 0; i < list.length; i += size) await write(store, list.slice(i, i + size));
                perTable[store] = performance.now() - s0;
              };
              // One call per table (but `parallel`): the CPU of each table is read between the calls.
              (window as unknown as { __run: unknown }).__run = { name, db, open, request, table, perTable, t0, later };
              if (strategy === 'parallel') await Promise.all(Object.keys(rows).map(table));
            },
            { strategy, stores: specs, round, txRecords: RESTORE_TX_RECORDS },
          );
          const tableUs: Record<string, number> = {};
          if (strategy !== 'parallel')
            for (const store of Object.keys(rows)) {
              const t0 = chromiumCpu();
              await page.evaluate(
                (store) => (window as unknown as { __run: { table: (s: string) => Promise<void> } }).__run.table(store),
                store,
              );
              const t1 = chromiumCpu();
              tableUs[store] = ((t1.browser! - (t0.browser ?? 0)) * 1000) / Math.max(1, counts[store]!);
            }
          const out: Outcome = await page.evaluate(
            async ({ stores }) => {
              const run = (
                window as unknown as {
                  __run: {
                    name: string;
                    db: IDBDatabase;
                    open: (v: number, u: (tx: IDBTransaction, db: IDBDatabase) => void) => Promise<IDBDatabase>;
                    request: <T>(r: IDBRequest<T>) => Promise<T>;
                    perTable: Record<string, number>;
                    t0: number;
                    later: boolean;
                  };
                }
              ).__run;
              const rows = (window as unknown as { __rows: Record<string, unknown[]> }).__rows;
              let db = run.db;
              let indexMs = 0;
              if (run.later) {
                const i0 = performance.now();
                db.close();
                db = await run.open(2, (tx) => {
                  for (const s of stores)
                    for (const i of s.indexes) tx.objectStore(s.name).createIndex(i.name, i.keyPath, i);
                });
                indexMs = performance.now() - i0;
              }
              // The indexes answer (a board's query: a council's opinions, through [councilId+order]).
              const first = (rows.councils![0] as { id: string }).id;
              const os = db.transaction('opinions').objectStore('opinions');
              const answered = os.indexNames.contains('[councilId+order]')
                ? await run.request(
                    os.index('[councilId+order]').count(IDBKeyRange.bound([first, -Infinity], [first, Infinity])),
                  )
                : -1;
              const totalMs = performance.now() - run.t0;
              db.close();
              await run.request(indexedDB.deleteDatabase(run.name));
              return { totalMs, indexMs, perTable: run.perTable, answered };
            },
            { stores: specs },
          );
          const c1 = chromiumCpu();
          const us = (kind: string) => ((c1[kind]! - (c0[kind] ?? 0)) * 1000) / total;
          const r = (results[strategy] ??= { wall: [], browserUs: [], rendererUs: [], tableUs: [] });
          r.tableUs.push(tableUs);
          r.wall.push(out.totalMs);
          r.browserUs.push(us('browser'));
          r.rendererUs.push(us('renderer'));
          if (strategy === 'current') currentTables = out.perTable;
          const base = results.current?.wall.length === round + 1 ? results.current.wall[round] : undefined;
          console.log(
            `round ${round + 1} ${strategy.padEnd(13)} ${out.totalMs.toFixed(0).padStart(6)} ms` +
              `${out.indexMs ? ` (indexes after ${out.indexMs.toFixed(0)} ms)` : ''}, ${Math.round(total / (out.totalMs / 1000)).toLocaleString()} records/s` +
              `${base ? `, ×${(out.totalMs / base).toFixed(2)} of current` : ''}; CPU per record: browser ${us('browser').toFixed(0)} µs, renderer ${us('renderer').toFixed(0)} µs` +
              `; opinions of the first council by index: ${out.answered}`,
          );
        }
      }
      console.log(
        `per table (current, last round): ${Object.entries(currentTables)
          .map(([t, ms]) => `${t} ${Math.round(counts[t]! / (ms / 1000)).toLocaleString()}/s`)
          .join(', ')}`,
      );
      const mean = (l: number[]) => l.reduce((a, b) => a + b, 0) / l.length;
      console.log('browser CPU per record, by table (mean over the rounds):');
      for (const [strategy, r] of Object.entries(results)) {
        if (!r.tableUs[0] || !Object.keys(r.tableUs[0]).length) continue;
        const of = (t: string) => mean(r.tableUs.map((u) => u[t]!)).toFixed(0);
        console.log(
          `  ${strategy.padEnd(13)} remarks ${of('remarks')} µs, opinions ${of('opinions')} µs, revisions ${of('revisions')} µs` +
            ` (all ${mean(r.browserUs).toFixed(0)} µs)`,
        );
      }
      const ratio = (s: string) => (results[s] ? mean(results[s].wall) / mean(results.current!.wall) : NaN);
      console.log(
        `mean wall time ÷ current: ${STRATEGIES.filter((s) => s !== 'current')
          .map((s) => `${s} ×${ratio(s).toFixed(2)}`)
          .join(', ')}`,
      );
      const current = results.current;
      if (!current) return [];
      return [
        {
          key: 'restore.write_records_per_s',
          value: Math.round(total / (mean(current.wall) / 1000)),
          unit: 'records/s',
          compare: `新しいデータベースへの生の put（${total.toLocaleString()}件、規模 ${SCALE}）；参考、ブラウザープロセスの CPU ${mean(current.browserUs).toFixed(0)} µs/件`,
        },
        {
          key: 'restore.write_browser_cpu_us_per_record',
          value: Math.round(mean(current.browserUs)),
          unit: 'µs',
          compare: 'IndexedDB のバックエンド（ブラウザープロセス）の CPU 時間 ÷ 件数（負荷に左右されにくい）',
        },
      ] satisfies Figure[];
    } finally {
      await browser.close();
      server.close();
    }
  },
};
export default bench;
