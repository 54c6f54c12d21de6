/** Messages between the page and the search worker. */
import type { SearchFilters, SearchOptions, SearchResult } from '../../../../shared/search/types';
import type { KeeperStatus } from './keeper';

export type ToWorker =
  | { type: 'search'; id: number; query: string; filters: SearchFilters; options: SearchOptions }
  /** The change log grew: apply it. */
  | { type: 'sync' }
  /** The records were replaced wholesale (a restore, an import): build again. */
  | { type: 'rebuild' };

export type FromWorker =
  | ({ type: 'status' } & KeeperStatus)
  /** `timing`: how long the search waited in the worker (behind updates, other searches) and ran, in ms. */
  | { type: 'result'; id: number; result: SearchResult; timing: WorkerTiming }
  | { type: 'error'; id: number; message: string }
  /** A newer search came before this one was answered: it is not worked out. */
  | { type: 'skipped'; id: number };

export interface WorkerTiming {
  wait: number;
  run: number;
}
