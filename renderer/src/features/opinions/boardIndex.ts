/**
 * What keeps a board of thousands of opinions cheap to filter and to edit:
 * - `useStableOpinions`: each reading of the council's opinions comes back as new objects;
 *   an opinion that did not change keeps its previous object, so after an edit only the
 *   changed card re-renders (the cards are memoised on the opinion) and only its search text
 *   is computed again.
 * - `useSearchIndex`: the normalised search text of each opinion (意見, 市の考え方, 出典,
 *   委員), computed once per opinion and kept; filled while the page is idle after the board
 *   opens, so the first key in the search box does not pay for it.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Opinion } from '../../../../shared/domain';
import { memberName, normalizeForSearch, type OpinionLookup } from '../../../../shared/opinions';
import { stabilise } from './stableOpinions';

export function useStableOpinions(list: Opinion[] | undefined): Opinion[] | undefined {
  const prev = useRef<Opinion[] | undefined>(undefined);
  return useMemo(() => {
    if (!list) return list;
    prev.current = stabilise(prev.current, list);
    return prev.current;
  }, [list]);
}

export interface SearchIndex {
  /** Whether the opinion's text holds every (normalised) word. */
  matches(o: Opinion, words: readonly string[]): boolean;
}

export function useSearchIndex(opinions: readonly Opinion[], lookup: OpinionLookup): SearchIndex {
  // One cache per lookup (a member's name is part of the text), keyed by the opinion object.
  const index = useMemo(() => {
    const cache = new WeakMap<Opinion, string>();
    const textOf = (o: Opinion) => {
      let t = cache.get(o);
      if (t === undefined) {
        t = normalizeForSearch([o.summary, o.response, o.sourceLabel, memberName(o.memberId, lookup)].join('\n'));
        cache.set(o, t);
      }
      return t;
    };
    return { textOf, matches: (o: Opinion, words: readonly string[]) => words.every((w) => textOf(o).includes(w)) };
  }, [lookup]);
  useEffect(() => {
    let i = 0;
    let handle = 0;
    const fill = (deadline: IdleDeadline) => {
      while (i < opinions.length && deadline.timeRemaining() > 1) index.textOf(opinions[i++]!);
      if (i < opinions.length) handle = requestIdleCallback(fill);
    };
    handle = requestIdleCallback(fill);
    return () => cancelIdleCallback(handle);
  }, [opinions, index]);
  return index;
}
