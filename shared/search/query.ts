/**
 * Search query syntax: words separated by spaces (half- or full-width) must all match (AND);
 * text in quotes ("…", “…”, ＂…＂ or 「…」 is NOT a quote: brackets are ordinary text) is one
 * phrase. Each word or phrase is normalised; spaces and punctuation inside a phrase are ignored
 * like everywhere else, so "地域 福祉" finds 地域福祉 and 地域・福祉. Words that normalise to
 * nothing (only punctuation) are dropped.
 */
import { normalize } from './normalize';

export interface QueryTerm {
  /** What the user typed for this term. */
  raw: string;
  /** Its normalised form (never empty). */
  norm: string;
  phrase: boolean;
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '＂': '＂', '”': '”' };

export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const push = (raw: string, phrase: boolean) => {
    const norm = normalize(raw);
    if (norm && !terms.some((t) => t.norm === norm)) terms.push({ raw, norm, phrase });
  };
  let i = 0;
  const n = query.length;
  while (i < n) {
    const ch = query[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const close = QUOTES[ch];
    if (close) {
      const end = query.indexOf(close, i + 1);
      const stop = end === -1 ? n : end;
      push(query.slice(i + 1, stop), true);
      i = stop + 1;
      continue;
    }
    let j = i;
    while (j < n && !/\s/.test(query[j]!) && !QUOTES[query[j]!]) j++;
    push(query.slice(i, j), false);
    i = j;
  }
  return terms;
}
