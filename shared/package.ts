/**
 * Council packages (.shingikai) and backups: what they hold, pure and shared by main,
 * the CLI and (later) the renderer's import preview.
 *
 * - A package is a zip: manifest.json (this schema), records.json ({ tables }), the
 *   attachments under attachments/<storedName>, per-council files (minutes style, Word
 *   templates) under councils/<councilId>/<name>. Every entry's sha256 and size is in
 *   the manifest; readers refuse a file whose bytes do not match.
 * - `classifyImport` says, per record and per council, what an import would do.
 */
import { z } from 'zod';
import type { ActionPlanBundle } from './actions/model';
import type { CouncilBundle } from './domain';

export const PACKAGE_FORMAT = 'shingikai-package';
/** The package format this app writes and the newest it reads. */
export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_EXTENSION = '.shingikai';

/** Tables that hold one council's records, and how each finds its council. */
export const COUNCIL_TABLE_LINKS = {
  councils: 'self',
  members: 'councilId',
  staff: 'councilId',
  meetings: 'councilId',
  opinions: 'councilId',
  drafts: 'councilId',
  matrixItems: 'councilId',
  planEntries: 'councilId',
  remarks: 'meetingId',
  minutes: 'meetingId',
  draftVersions: 'draftId',
  actionPlans: 'councilId',
  actions: 'planId',
  progress: 'actionId',
} as const;
export type CouncilTable = keyof typeof COUNCIL_TABLE_LINKS;
export const COUNCIL_TABLES = Object.keys(COUNCIL_TABLE_LINKS) as CouncilTable[];
/** The table each link of COUNCIL_TABLE_LINKS names: a remark reaches its council through its meeting. */
export const LINKED_TABLES = {
  meetingId: 'meetings',
  draftId: 'drafts',
  planId: 'actionPlans',
  actionId: 'actions',
} as const satisfies Record<string, CouncilTable>;

export type TableRecords = Record<string, Record<string, unknown>[]>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
export const PackageEntry = z.object({ size: z.number().int().min(0), sha256: sha256Hex });
export type PackageEntry = z.infer<typeof PackageEntry>;

/** Entry names inside a package: fixed names, attachments, per-council files. No folders above, no drives. */
export const PACKAGE_ENTRY_NAME =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name may not hold
  /^(records\.json|attachments\/[0-9a-f-]{36}(\.[a-z0-9]{1,10})?|councils\/[A-Za-z0-9_-]{1,64}\/[^/\\:*?"<>|\u0000-\u001f]{1,120})$/;

export const PackageManifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: z.string().max(50),
  createdAt: z.string().max(40),
  /** The renderer's database schema version the records were written by. */
  schemaVersion: z.number().int().min(1),
  councils: z.array(z.object({ id: z.string().max(64), name: z.string().max(200) })).max(1000),
  /** Records per table. */
  counts: z.record(z.string(), z.number().int().min(0)),
  /** Every other entry of the zip, with its size and checksum. */
  files: z.record(z.string().regex(PACKAGE_ENTRY_NAME), PackageEntry),
});
export type PackageManifest = z.infer<typeof PackageManifest>;

/** Says in Japanese why a manifest's version cannot be read, or null when it can. */
export function packageVersionProblem(formatVersion: number): string | null {
  if (formatVersion > PACKAGE_FORMAT_VERSION)
    return `このファイルは新しい版の審議会デスク（形式 ${formatVersion}）で作られたため読み込めません。審議会デスクを最新版に更新してから、もう一度お試しください。`;
  return null;
}

// ------------------------------------------------------------ tables ↔ councils

const idOf = (r: Record<string, unknown>) => (typeof r.id === 'string' ? r.id : '');

/** Which council each record belongs to (records of unknown councils are left out). */
export function recordsByCouncil(tables: TableRecords): Map<string, TableRecords> {
  const out = new Map<string, TableRecords>();
  const meetingCouncil = new Map<string, string>();
  const draftCouncil = new Map<string, string>();
  for (const c of tables.councils ?? []) out.set(idOf(c), Object.fromEntries(COUNCIL_TABLES.map((t) => [t, []])));
  for (const m of tables.meetings ?? []) meetingCouncil.set(idOf(m), String(m.councilId));
  for (const d of tables.drafts ?? []) draftCouncil.set(idOf(d), String(d.councilId));
  // An action plan belongs to a council; its actions by plan, their progress by action.
  const planCouncil = new Map<string, string>();
  const actionCouncil = new Map<string, string>();
  for (const p of tables.actionPlans ?? []) planCouncil.set(idOf(p), String(p.councilId));
  for (const a of tables.actions ?? []) {
    const councilId = planCouncil.get(String(a.planId));
    if (councilId) actionCouncil.set(idOf(a), councilId);
  }
  for (const table of COUNCIL_TABLES) {
    const link = COUNCIL_TABLE_LINKS[table];
    for (const r of tables[table] ?? []) {
      const councilId =
        link === 'self'
          ? idOf(r)
          : link === 'councilId'
            ? String(r.councilId)
            : link === 'meetingId'
              ? meetingCouncil.get(String(r.meetingId))
              : link === 'planId'
                ? planCouncil.get(String(r.planId))
                : link === 'actionId'
                  ? actionCouncil.get(String(r.actionId))
                  : draftCouncil.get(String(r.draftId));
      const bucket = councilId ? out.get(councilId) : undefined;
      bucket?.[table]!.push(r);
    }
  }
  return out;
}

export function countTables(tables: TableRecords): Record<string, number> {
  return Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length]));
}

/** Council bundles (the sample, the export code) as table records. */
export function bundlesToTables(bundles: CouncilBundle[]): TableRecords {
  const tables: TableRecords = Object.fromEntries(COUNCIL_TABLES.map((t) => [t, []]));
  for (const b of bundles) {
    tables.councils!.push(b.council);
    for (const t of COUNCIL_TABLES) {
      if (t === 'councils' || t === 'actionPlans' || t === 'actions' || t === 'progress') continue;
      tables[t]!.push(...(b[t] as Record<string, unknown>[]));
    }
    // Action plans travel as bundles (plan, its actions and their progress).
    for (const ap of (b as { actionPlans?: ActionPlanBundle[] }).actionPlans ?? []) {
      tables.actionPlans!.push(ap.plan);
      tables.actions!.push(...ap.actions);
      tables.progress!.push(...ap.progress);
    }
  }
  return tables;
}

/** Table records as one bundle per council (records are checked by the caller's schema). */
export function tablesToBundles(tables: TableRecords): unknown[] {
  const out: unknown[] = [];
  for (const [, recs] of recordsByCouncil(tables)) {
    const { councils, actionPlans = [], actions = [], progress = [], ...rest } = recs;
    const plans = actionPlans.map((plan) => {
      const own = actions.filter((a) => a.planId === plan.id);
      const ids = new Set(own.map(idOf));
      return { plan, actions: own, progress: progress.filter((p) => ids.has(String(p.actionId))) };
    });
    out.push({ ...rest, council: councils![0], ...(plans.length ? { actionPlans: plans } : {}) });
  }
  return out;
}

/** Every attachment a set of records refers to (any `storedName` string). */
export function referencedStoredNames(value: unknown, pattern: RegExp, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) referencedStoredNames(v, pattern, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'storedName' && typeof v === 'string' && pattern.test(v)) out.add(v);
      else if (typeof v === 'object') referencedStoredNames(v, pattern, out);
    }
  }
  return out;
}

// ------------------------------------------------------------ import preview

export type ImportAction = 'new' | 'update' | 'conflict' | 'unchanged' | 'older';

export interface RecordClass {
  table: string;
  id: string;
  action: ImportAction;
}

export interface CouncilImportPreview {
  councilId: string;
  name: string;
  /** new: not here yet; update: only newer records; conflict: both sides changed something; unchanged. */
  status: 'new' | 'update' | 'conflict' | 'unchanged';
  counts: Record<ImportAction, number>;
  /** Records here that the package does not have (an import never deletes them). */
  localOnly: number;
  records: RecordClass[];
}

/** Deep equality of JSON values, key order ignored. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameJson(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => sameJson(ao[k], bo[k]));
}

/** JSON with keys sorted at every level: equal records give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A short fingerprint of a record's content (FNV-1a, 2 × 32 bits, key order ignored). A PC
 * keeps the fingerprints of the records it last exported or imported per council: the
 * content both sides shared, so the next import can tell who changed what.
 */
export function recordFingerprint(record: unknown): string {
  const text = canonicalJson(record);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The key of a record in the shared fingerprints: `table/id`. */
export const sharedKey = (table: string, id: string) => `${table}/${id}`;

const revOf = (r: Record<string, unknown>) => (typeof r.rev === 'number' ? r.rev : null);
const timeOf = (r: Record<string, unknown>) => (typeof r.updatedAt === 'string' ? r.updatedAt : null);

/**
 * One record: `shared` is the fingerprint of the content both sides last shared (this PC
 * exported or imported the record before): each side changed when its content differs from
 * it; both → conflict. Else `base`, the rev both sides last shared, when known.
 * - with a base: each side changed when its rev is above it; both → conflict.
 * - without: a higher rev and a not-older updatedAt → update; the same rev with other
 *   content (two edits from one ancestor) or signals that disagree → conflict; lower → older.
 * - records from before revs (schema v1): updatedAt alone; no stamps and other content → conflict.
 */
export function classifyRecord(
  local: Record<string, unknown> | undefined,
  incoming: Record<string, unknown>,
  base: number | null = null,
  shared: string | null = null,
): ImportAction {
  if (!local) return 'new';
  if (sameJson(local, incoming)) return 'unchanged';
  if (shared !== null) {
    const localChanged = recordFingerprint(local) !== shared;
    const incomingChanged = recordFingerprint(incoming) !== shared;
    if (localChanged && incomingChanged) return 'conflict';
    return incomingChanged ? 'update' : 'older';
  }
  const lr = revOf(local);
  const ir = revOf(incoming);
  const lt = timeOf(local);
  const it = timeOf(incoming);
  if (lr !== null && ir !== null) {
    if (base !== null) {
      const localChanged = lr > base;
      const incomingChanged = ir > base;
      if (localChanged && incomingChanged) return 'conflict';
      if (incomingChanged) return 'update';
      if (localChanged) return 'older';
      return 'conflict'; // same rev, other content: edited without a rev (should not happen)
    }
    if (ir === lr) return 'conflict';
    if (ir > lr) return lt && it && it < lt ? 'conflict' : 'update';
    return lt && it && it > lt ? 'conflict' : 'older';
  }
  if (lt && it) {
    if (it > lt) return 'update';
    if (it < lt) return 'older';
  }
  return 'conflict';
}

/**
 * What importing `incoming` into `local` would do, per council and per record. Nothing is
 * written: the renderer shows this, the user chooses per council, then it writes.
 */
export function classifyImport(
  local: TableRecords,
  incoming: TableRecords,
  bases: Record<string, number> = {},
  shared: Record<string, string> = {},
): CouncilImportPreview[] {
  const localIndex = new Map<string, Record<string, unknown>>();
  for (const [table, rows] of Object.entries(local))
    for (const r of rows) localIndex.set(`${table}\u0000${idOf(r)}`, r);
  const localByCouncil = recordsByCouncil(local);
  const previews: CouncilImportPreview[] = [];
  for (const [councilId, recs] of recordsByCouncil(incoming)) {
    const counts: Record<ImportAction, number> = { new: 0, update: 0, conflict: 0, unchanged: 0, older: 0 };
    const records: RecordClass[] = [];
    const incomingKeys = new Set<string>();
    for (const table of COUNCIL_TABLES) {
      for (const r of recs[table] ?? []) {
        const key = `${table}\u0000${idOf(r)}`;
        incomingKeys.add(key);
        const k = sharedKey(table, idOf(r));
        const action = classifyRecord(localIndex.get(key), r, bases[k] ?? null, shared[k] ?? null);
        counts[action]++;
        records.push({ table, id: idOf(r), action });
      }
    }
    let localOnly = 0;
    const mine = localByCouncil.get(councilId);
    if (mine)
      for (const table of COUNCIL_TABLES)
        for (const r of mine[table] ?? []) if (!incomingKeys.has(`${table}\u0000${idOf(r)}`)) localOnly++;
    const status = !mine
      ? 'new'
      : counts.conflict > 0
        ? 'conflict'
        : counts.new + counts.update > 0
          ? 'update'
          : 'unchanged';
    const council = recs.councils![0]!;
    previews.push({ councilId, name: String(council.name ?? ''), status, counts, localOnly, records });
  }
  return previews;
}
