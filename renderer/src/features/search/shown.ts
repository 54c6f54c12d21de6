/**
 * What the panel shows of a search answer: the worker sends only this across threads (issue 15:
 * copying whole docs — a remark's or a minutes paragraph's full text — and every field's match
 * ranges cost more than the search itself on large answers). A hit keeps its key, its snippet
 * with its highlight ranges (worked out in the worker), and the doc fields of its meta line and
 * of its landing (targetOf); `matches` is left empty.
 */
import type { SearchDoc, SearchHit, SearchResult } from '../../../../shared/search/types';

/** The doc's texts the panel reads (the meta line: who spoke, the opinion's source). */
const SHOWN_TEXTS = ['speaker', 'source'] as const;

function shownDoc(doc: SearchDoc): SearchDoc {
  const texts: Record<string, string> = {};
  for (const f of SHOWN_TEXTS) if (doc.texts[f]) texts[f] = doc.texts[f];
  return {
    key: doc.key,
    kind: doc.kind,
    councilId: doc.councilId,
    meetingId: doc.meetingId ?? null,
    date: doc.date ?? null,
    status: doc.status ?? null,
    isPublic: doc.isPublic,
    texts,
  };
}

export function shownHit(hit: SearchHit): SearchHit {
  return { key: hit.key, kind: hit.kind, doc: shownDoc(hit.doc), score: hit.score, snippet: hit.snippet, matches: [] };
}

export function shownResult(result: SearchResult): SearchResult {
  return {
    terms: result.terms,
    total: result.total,
    groups: result.groups.map((g) => ({ ...g, hits: g.hits.map(shownHit) })),
  };
}

/** Same row on screen: same doc, same meta line, same snippet and highlights (the row is kept). */
export function sameRow(a: SearchHit, b: SearchHit): boolean {
  if (a === b) return true;
  if (a.key !== b.key || a.doc.isPublic !== b.doc.isPublic) return false;
  if ((a.doc.date ?? null) !== (b.doc.date ?? null) || (a.doc.status ?? null) !== (b.doc.status ?? null)) return false;
  for (const f of SHOWN_TEXTS) if ((a.doc.texts[f] ?? '') !== (b.doc.texts[f] ?? '')) return false;
  const x = a.snippet;
  const y = b.snippet;
  if (!x || !y) return x === y;
  if (x.text !== y.text || x.cutStart !== y.cutStart || x.cutEnd !== y.cutEnd) return false;
  if (x.highlights.length !== y.highlights.length) return false;
  return x.highlights.every(([s, e], i) => s === y.highlights[i]![0] && e === y.highlights[i]![1]);
}
