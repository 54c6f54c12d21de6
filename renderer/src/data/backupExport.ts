/**
 * The read of the whole database as dexie-export-import JSON pieces (the format backups hold),
 * with a `pace` hook awaited before every slice: the backup worker rests while the user types
 * (backup.worker.ts) and the slice size follows it; exportDatabaseParts (restore.ts) yields.
 */
import Dexie, { type IndexableType } from 'dexie';
import type { ShingikaiDB } from './database';
import {
  asStored,
  REVISION_PACK_BUCKETS,
  REVISION_PACK_PREFIX,
  revisionsInRow,
  TRACKED_TABLES,
  type RevisionRow,
} from './write';
import { PACK_RECORDS, PACK_TABLES } from '../../../shared/record-packs';

export interface ExportPacing {
  /** Awaited before each slice; answers how many rows the slice may read. */
  pace(): Promise<number>;
}

/**
 * The pieces whose concatenation is the backup JSON (one JSON.stringify per slice), in order.
 * With `emit`, each piece is handed over as soon as it is made and none is kept (the answer is
 * then []): the backup worker encodes it at once, so its string dies young. The tables' row
 * counts come after their rows (known only then; a reader takes the keys in any order).
 */
export async function exportDatabasePieces(
  db: ShingikaiDB,
  pacing: ExportPacing,
  emit?: (piece: string) => void,
): Promise<string[]> {
  const kept: string[] = [];
  const out = emit ?? ((piece: string) => void kept.push(piece));
  const tables: { name: string; schema: string; rowCount: number }[] = [];
  const head = { databaseName: db.name, databaseVersion: db.verno };
  out(`{"formatName":"dexie","formatVersion":1,"data":{${JSON.stringify(head).slice(1, -1)},"data":[`);
  // A kind's packs before its records: a write meanwhile moves records from a pack to rows, never
  // back, so a record is read at least once (a parse lets its row win), never missed.
  const ordered = [...db.tables].sort(
    (a, b) => Number(!PACK_TABLES.includes(a.name)) - Number(!PACK_TABLES.includes(b.name)),
  );
  for (const table of ordered) {
    out(`${tables.length ? ',' : ''}{"tableName":${JSON.stringify(table.name)},"inbound":true,"rows":[`);
    let rowCount = 0;
    // Each slice starts after the last key read (an offset would walk every earlier row again).
    const keyPath = table.schema.primKey.keyPath!;
    let after: IndexableType | undefined;
    const packs = table.name === 'revisions' ? new PackWeights(await recordsPerTable(db)) : null;
    for (;;) {
      const paced = await pacing.pace();
      const from = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
      const rows = packs
        ? packs.rowsFor(paced, (await from.clone().limit(paced).primaryKeys()) as RevisionKey[])
        : PACK_TABLES.includes(table.name)
          ? Math.max(1, Math.floor(paced / PACK_RECORDS))
          : paced;
      // As stored: a packed table's rows, and its packs and directory as rows of their own (recordPacks.ts).
      const slice = await db.transaction('r', table, (tx) => {
        asStored(tx);
        return from.limit(rows).toArray();
      });
      packs?.saw(slice as RevisionRow[]);
      if (slice.length) out((rowCount ? ',' : '') + JSON.stringify(slice).slice(1, -1));
      rowCount += slice.length;
      if (slice.length < rows) break;
      after = Dexie.getByKeyPath(slice[slice.length - 1], keyPath) as IndexableType;
    }
    out(']}');
    const schema = [table.schema.primKey, ...table.schema.indexes].map((i) => i.src).join(',');
    tables.push({ name: table.name, schema, rowCount });
  }
  out(`],"tables":${JSON.stringify(tables)}}}`);
  return kept;
}

type RevisionKey = [table: string, id: string];

async function recordsPerTable(db: ShingikaiDB): Promise<Record<string, number>> {
  const counts = await Promise.all(TRACKED_TABLES.map((t) => db.table(t).count()));
  return Object.fromEntries(TRACKED_TABLES.map((t, i) => [t, counts[i]!]));
}

/**
 * How many rows of `revisions` make a slice of the pace's size: a pack (written by a full
 * restore) holds hundreds of records' revisions, so rows are weighed by what they hold — a
 * pack of a table by the larger of the largest one of that table read so far and 1.5 times
 * the table's records spread over the buckets (packs of one table differ: ids hash unevenly),
 * a record's own row as 1. The keys tell packs from own rows without reading the values.
 */
class PackWeights {
  private readonly perPack = new Map<string, number>();

  /** `records`: the records per table now (the packs hold about as many revisions). */
  constructor(records: Record<string, number>) {
    for (const [table, n] of Object.entries(records))
      this.perPack.set(table, Math.ceil((1.5 * n) / REVISION_PACK_BUCKETS));
  }

  rowsFor(paced: number, keys: RevisionKey[]): number {
    let weight = 0;
    for (let i = 0; i < keys.length; i++) {
      const [table, id] = keys[i]!;
      weight += id.startsWith(REVISION_PACK_PREFIX) ? Math.max(1, this.perPack.get(table) ?? 1) : 1;
      if (weight > paced) return Math.max(1, i);
    }
    return paced;
  }

  saw(rows: RevisionRow[]): void {
    for (const row of rows)
      if (row.id.startsWith(REVISION_PACK_PREFIX))
        this.perPack.set(row.table, Math.max(this.perPack.get(row.table) ?? 0, revisionsInRow(row)));
  }
}

/**
 * Rests while the user types: after an input within `quietMs`, each step first waits and then
 * reads `busyRows`; otherwise it reads `idleRows` at once. The wait is `restRatio` times as long
 * as the step before it took, between `restMs` and `maxRestMs` (the time since the last pace()
 * counts as the step's: a caller idle in between rests no longer than that): on a PC of two
 * cores the backup's work (the worker, and IndexedDB's backend in the browser) and the page's
 * keys share the CPU, and a step that took long leaves the page that much time alone.
 * `now` and `sleep` are injectable.
 */
const TYPING_PACE = { quietMs: 500, restMs: 40, maxRestMs: 1000, restRatio: 1.5, busyRows: 250, idleRows: 5000 };

export class TypingPacer implements ExportPacing {
  private lastInput = -Infinity;
  /** When the step now running began (after its pace()), or null before the first. */
  private stepStart: number | null = null;
  /** Steps that rested (printed by the bench through the worker's answer). */
  rests = 0;

  constructor(
    options: Partial<typeof TYPING_PACE> = {},
    private readonly now = () => performance.now(),
    private readonly sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  ) {
    this.opts = { ...TYPING_PACE, ...options };
  }

  private readonly opts: typeof TYPING_PACE;

  /** The page saw a key or a click. */
  input(): void {
    this.lastInput = this.now();
  }

  get typing(): boolean {
    return this.now() - this.lastInput < this.opts.quietMs;
  }

  async pace(): Promise<number> {
    const worked = this.stepStart === null ? 0 : this.now() - this.stepStart;
    if (!this.typing) {
      // Still a turn of the event loop, so the page's messages (inputs) are seen.
      await this.sleep(0);
      this.stepStart = this.now();
      return this.opts.idleRows;
    }
    this.rests++;
    const { restMs, maxRestMs, restRatio } = this.opts;
    await this.sleep(Math.min(maxRestMs, Math.max(restMs, Math.round(worked * restRatio))));
    this.stepStart = this.now();
    return this.opts.busyRows;
  }
}
