/**
 * Getting data back: a backup's records restored into the database (everything, or one
 * council), a council package's records installed after the user chose per council, and
 * the database exported table by table in small slices (so a backup never freezes the
 * screen). Main reads and writes the files (shared/contract/datasafe.ts); this module
 * owns the records and writes them in ONE Dexie transaction: all or nothing.
 */
import type { Table } from 'dexie';
import { recordsByCouncil, type TableRecords } from '../../../shared/package';
import type { ShingikaiDB } from './database';
import { TRACKED_TABLES } from './write';

/** Rows read per slice of a backup; between slices the event loop gets to run (typing stays live). */
export const EXPORT_SLICE_ROWS = 500;
const BOOKKEEPING = new Set(['revisions', 'changes']);
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * The whole database as dexie-export-import JSON (the format backups hold), read table by
 * table and slice by slice, yielding to the event loop between slices.
 */
export async function exportDatabaseJson(db: ShingikaiDB, sliceRows = EXPORT_SLICE_ROWS): Promise<string> {
  const tables: { name: string; schema: string; rowCount: number }[] = [];
  const parts: string[] = [];
  for (const table of db.tables) {
    const rows: string[] = [];
    for (let offset = 0; ; offset += sliceRows) {
      const slice = await table.toCollection().offset(offset).limit(sliceRows).toArray();
      for (const r of slice) rows.push(JSON.stringify(r));
      await yieldToUi();
      if (slice.length < sliceRows) break;
    }
    const schema = [table.schema.primKey, ...table.schema.indexes].map((i) => i.src).join(',');
    tables.push({ name: table.name, schema, rowCount: rows.length });
    parts.push(`{"tableName":${JSON.stringify(table.name)},"inbound":true,"rows":[${rows.join(',')}]}`);
  }
  const head = { databaseName: db.name, databaseVersion: db.verno, tables };
  return `{"formatName":"dexie","formatVersion":1,"data":{${JSON.stringify(head).slice(1, -1)},"data":[${parts.join(',')}]}}`;
}

const idOf = (r: Record<string, unknown>) => String(r.id ?? '');

/** One council's records in every table that holds them (with its action plans, actions and progress). */
export function councilRecords(tables: TableRecords, councilId: string): TableRecords {
  const out: TableRecords = { ...(recordsByCouncil(tables).get(councilId) ?? { councils: [] }) };
  const plans = (tables.actionPlans ?? []).filter((p) => p.councilId === councilId);
  const planIds = new Set(plans.map(idOf));
  const actions = (tables.actions ?? []).filter((a) => planIds.has(String(a.planId)));
  const actionIds = new Set(actions.map(idOf));
  out.actionPlans = plans;
  out.actions = actions;
  out.progress = (tables.progress ?? []).filter((p) => actionIds.has(String(p.actionId)));
  return out;
}

/** Every record of the tracked tables (the user's data), as table records. */
export async function readTrackedTables(db: ShingikaiDB): Promise<TableRecords> {
  const out: TableRecords = {};
  for (const name of TRACKED_TABLES) out[name] = (await db.table(name).toArray()) as Record<string, unknown>[];
  return out;
}

export interface RestoreResult {
  /** Records written per table. */
  written: Record<string, number>;
}

/**
 * Replaces the database's records with a backup's, in one transaction.
 * - everything: every table the backup holds (and this database knows) is emptied and
 *   refilled, the revisions and change log included; the last-backup note is kept.
 * - one council: only that council's records are removed and written back (the write
 *   path stamps them as changes of this PC).
 */
export async function restoreRecords(
  db: ShingikaiDB,
  backup: TableRecords,
  options: { councilId?: string } = {},
): Promise<RestoreResult> {
  const written: Record<string, number> = {};
  const known = new Set(db.tables.map((t) => t.name));
  if (options.councilId) {
    const councilId = options.councilId;
    const incoming = councilRecords(backup, councilId);
    if (!incoming.councils?.length) throw new Error('このバックアップにその審議会はありません。');
    const names = Object.keys(incoming).filter((n) => known.has(n));
    await db.transaction('rw', names, async () => {
      const local = councilRecords(await readTables(db, names), councilId);
      for (const name of names) {
        const table = db.table(name) as Table<Record<string, unknown>, string>;
        await table.bulkDelete((local[name] ?? []).map(idOf));
        await table.bulkPut(incoming[name] ?? []);
        written[name] = (incoming[name] ?? []).length;
      }
    });
    return { written };
  }
  const names = Object.keys(backup).filter((n) => known.has(n));
  // The user's tables first, the bookkeeping last: it replaces what the write path stamped meanwhile.
  names.sort((a, b) => Number(BOOKKEEPING.has(a)) - Number(BOOKKEEPING.has(b)));
  await db.transaction('rw', db.tables, async () => {
    const lastBackup = await db.meta.get('lastBackup');
    for (const name of names) {
      const table = db.table(name);
      await table.clear();
      await table.bulkAdd(backup[name] ?? []);
      written[name] = (backup[name] ?? []).length;
    }
    if (lastBackup) await db.meta.put(lastBackup);
  });
  return { written };
}

async function readTables(db: ShingikaiDB, names: string[]): Promise<TableRecords> {
  const out: TableRecords = {};
  for (const name of names) out[name] = (await db.table(name).toArray()) as Record<string, unknown>[];
  return out;
}

/**
 * Writes the chosen councils of a package in one transaction: per council, the records
 * that are new, newer, or (when `overwriteConflicts`) in conflict. Older records and
 * records only this PC has are left as they are.
 */
export async function installPackageRecords(
  db: ShingikaiDB,
  incoming: TableRecords,
  choices: { councilId: string; overwriteConflicts: boolean }[],
  classify: (
    local: TableRecords,
    incoming: TableRecords,
  ) => { councilId: string; records: { table: string; id: string; action: string }[] }[],
): Promise<number> {
  const known = new Set(db.tables.map((t) => t.name));
  let count = 0;
  await db.transaction('rw', db.tables, async () => {
    const local = await readTrackedTables(db);
    for (const choice of choices) {
      const theirs = councilRecords(incoming, choice.councilId);
      const mine = councilRecords(local, choice.councilId);
      const preview = classify(mine, theirs).find((p) => p.councilId === choice.councilId);
      const take = new Set(
        (preview?.records ?? [])
          .filter(
            (r) =>
              r.action === 'new' || r.action === 'update' || (choice.overwriteConflicts && r.action === 'conflict'),
          )
          .map((r) => `${r.table}/${r.id}`),
      );
      // Action tables are not in the shared preview: new or different records are taken.
      for (const name of ['actionPlans', 'actions', 'progress']) {
        const here = new Map((mine[name] ?? []).map((r) => [idOf(r), JSON.stringify(r)]));
        for (const r of theirs[name] ?? []) if (here.get(idOf(r)) !== JSON.stringify(r)) take.add(`${name}/${idOf(r)}`);
      }
      for (const [name, rows] of Object.entries(theirs)) {
        if (!known.has(name)) continue;
        const chosen = rows.filter((r) => take.has(`${name}/${idOf(r)}`));
        if (chosen.length) await db.table(name).bulkPut(chosen);
        count += chosen.length;
      }
    }
  });
  return count;
}
