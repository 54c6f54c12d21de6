/**
 * The page's side of the search worker: one worker per window, started on first use (the
 * shell starts it shortly after launch so the index is ready before the first Ctrl+K).
 */
import type { SearchFilters, SearchOptions, SearchResult } from '../../../../shared/search/types';
import type { KeeperStatus } from './keeper';
import type { FromWorker, ToWorker } from './protocol';
import { workerName } from '../../data/dbName';

type Pending = { query: string; resolve: (r: SearchResult) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
let status: KeeperStatus = { state: 'building', size: 0, rebuilt: false };
const listeners = new Set<(s: KeeperStatus) => void>();

function ensure(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: workerName('search') });
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const m = event.data;
    if (m.type === 'status') {
      // marks for a profile and the bench: the start's steps (restore or build), each write of the index
      if (m.steps) performance.mark('search:ready', { detail: { rebuilt: m.rebuilt, steps: m.steps } });
      if (m.storedMs !== undefined) performance.mark('search:stored', { detail: { ms: m.storedMs } });
      if (m.storedMs !== undefined && status.state === 'ready') return;
      status = { state: m.state, size: m.size, rebuilt: m.rebuilt, seq: m.seq };
      for (const l of listeners) l(status);
      return;
    }
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.type === 'result') {
      mark('search:received', { id: m.id, query: p.query, ...m.timing });
      p.resolve(m.result);
    } else if (m.type === 'skipped') p.reject(new Error('新しい検索語で検索し直しました'));
    else p.reject(new Error(`検索に失敗しました: ${m.message}`));
  };
  return worker;
}

const send = (m: ToWorker) => ensure().postMessage(m);

/**
 * Performance marks of a search's way (a profile shows them; the keystroke bench reads them to
 * split a keystroke's latency): 'search:sent' when the query is posted, 'search:received' when
 * its answer arrives, with the worker's own wait and run times. Only the latest of each is kept.
 */
function mark(name: 'search:sent' | 'search:received', detail: Record<string, unknown>): void {
  performance.clearMarks(name);
  performance.mark(name, { detail });
}

export function startSearchWorker(): void {
  ensure();
}

/**
 * Stops the worker: a full restore is about to replace the database, and the worker's reads and
 * CPU there (building the index of years of records) are wasted and slow the restore. Searches
 * waiting are refused; the next use starts a new worker (its stored index is saved crash-safe).
 */
export function stopSearchWorker(): void {
  if (!worker) return;
  worker.terminate();
  worker = null;
  for (const p of pending.values()) p.reject(new Error('復元のため検索を中断しました'));
  pending.clear();
  status = { state: 'building', size: 0, rebuilt: false };
  for (const l of listeners) l(status);
}

export function searchIndex(query: string, filters: SearchFilters, options: SearchOptions): Promise<SearchResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { query, resolve, reject });
    mark('search:sent', { id, query });
    send({ type: 'search', id, query, filters, options });
  });
}

/** The change log grew. */
export function notifySearchChanged(): void {
  if (worker) send({ type: 'sync' });
}

/** After a restore or an import that replaced the records: build the index again. */
export function rebuildSearchIndex(): void {
  send({ type: 'rebuild' });
}

export function searchStatus(): KeeperStatus {
  return status;
}

export function onSearchStatus(listener: (s: KeeperStatus) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
