/** The search state of the panel: query, filters, sort → results from the worker (stale answers dropped). */
import { useEffect, useRef, useState } from 'react';
import type { SearchFilters, SearchResult, SearchSort } from '../../../../shared/search/types';
import { onSearchStatus, searchIndex, searchStatus } from './client';
import type { KeeperStatus } from './keeper';

export interface SearchState {
  result: SearchResult | null;
  /** The query the shown result answers. */
  answered: string | null;
  error: string | null;
  status: KeeperStatus;
}

/**
 * Hits shown per kind: a short list of each kind while all kinds are shown (the counts tell
 * how many more; choosing the kind shows more of it). Every row drawn is work on each keystroke.
 */
export const PER_KIND_LIMIT = 8;
export const ONE_KIND_LIMIT = 30;

const hasFilter = (f: SearchFilters) =>
  Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== ''));

export function useSearch(query: string, filters: SearchFilters, sort: SearchSort): SearchState {
  const [state, setState] = useState<Omit<SearchState, 'status'>>({ result: null, answered: null, error: null });
  const [status, setStatus] = useState(searchStatus);
  const latest = useRef(0);
  useEffect(() => onSearchStatus(setStatus), []);
  useEffect(() => {
    const ticket = ++latest.current;
    if (!query.trim() && !hasFilter(filters)) {
      setState({ result: null, answered: query, error: null });
      return;
    }
    const limit = filters.kinds?.length === 1 ? ONE_KIND_LIMIT : PER_KIND_LIMIT;
    searchIndex(query, filters, { sort, limit, snippetLength: 90 }).then(
      (result) => {
        if (ticket === latest.current) setState({ result, answered: query, error: null });
      },
      (error: Error) => {
        if (ticket === latest.current) setState({ result: null, answered: query, error: error.message });
      },
    );
    // asked again when the index is rebuilt or follows a write (status.seq)
  }, [query, filters, sort, status.state, status.seq]);
  return { ...state, status };
}
