/**
 * How records map to CouchDB: one database per council, one document per record with the
 * id `table:id`, and which council a record belongs to (the same links as council packages,
 * shared/package.ts COUNCIL_TABLE_LINKS).
 */
import { COUNCIL_TABLE_LINKS, sameJson } from '../../../../shared/package';
import { TRACKED_TABLES, type TrackedTable } from '../write';
import type { MirrorDoc } from './model';

const tracked = new Set<string>(TRACKED_TABLES);

export const docId = (table: TrackedTable, id: string) => `${table}:${id}`;

/** `table:id` → its parts; null for design documents and anything else that is not a record. */
export function parseDocId(docId: string): { table: TrackedTable; id: string } | null {
  const colon = docId.indexOf(':');
  if (colon <= 0 || docId.startsWith('_')) return null;
  const table = docId.slice(0, colon);
  return tracked.has(table) ? { table: table as TrackedTable, id: docId.slice(colon + 1) } : null;
}

/** The CouchDB database of a council (the name the CLI creates it under). */
export { councilDbName } from '../../../../shared/contract/team';

/** The fields the mirror adds around a record; what the record is, for comparisons. */
export function sameContent(a: Pick<MirrorDoc, 'record' | 'deleted'>, b: Pick<MirrorDoc, 'record' | 'deleted'>) {
  if (!!a.deleted !== !!b.deleted) return false;
  return a.deleted ? true : sameJson(a.record, b.record);
}

/** The tables whose records name their council directly, and how the others reach it. */
export type CouncilLink = (typeof COUNCIL_TABLE_LINKS)[keyof typeof COUNCIL_TABLE_LINKS];
export const linkOf = (table: TrackedTable): CouncilLink => COUNCIL_TABLE_LINKS[table];

/** A fresh revision hash (32 hex digits, as CouchDB's). */
export function revHash(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The generation of a revision id (`3-ab…` → 3). */
export const revGeneration = (rev: string) => Number.parseInt(rev.slice(0, rev.indexOf('-')), 10);
export const revHashOf = (rev: string) => rev.slice(rev.indexOf('-') + 1);
