/**
 * What the search worker sends to the panel (issue 15): only the shown hits' keys, meta fields
 * and snippets with their highlights — not whole docs nor every field's match ranges — and the
 * panel keeps a row whose hit shows the same thing (sameRow).
 */
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../shared/search/index';
import { bundleDocs } from '../../shared/search/docs';
import { sameRow, shownResult } from '../../renderer/src/features/search/shown';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

const index = new SearchIndex();
index.addAll([...bundleDocs(buildSampleCouncil())]);
index.prepare();

describe('the answer the panel gets', () => {
  it('keeps every shown hit, its snippet, highlights, meta and landing, and copies far fewer bytes', () => {
    const full = index.search('委員', {}, { limit: 8, snippetLength: 90 });
    const shown = shownResult(full);
    expect(shown.total).toBe(full.total);
    expect(shown.groups.map((g) => [g.kind, g.count, g.hits.map((h) => h.key)])).toEqual(
      full.groups.map((g) => [g.kind, g.count, g.hits.map((h) => h.key)]),
    );
    const hits = full.groups.flatMap((g) => g.hits);
    const slim = shown.groups.flatMap((g) => g.hits);
    expect(hits.length).toBeGreaterThan(4);
    slim.forEach((h, i) => {
      const f = hits[i]!;
      expect(h.snippet).toEqual(f.snippet);
      expect(h.snippet?.highlights.length).toBeGreaterThan(0);
      // where Enter lands (highlight.ts targetOf reads these)
      expect([h.doc.key, h.doc.kind, h.doc.councilId, h.doc.meetingId]).toEqual([
        f.doc.key,
        f.doc.kind,
        f.doc.councilId,
        f.doc.meetingId ?? null,
      ]);
      expect([h.doc.date, h.doc.status, h.doc.isPublic, h.doc.texts.speaker]).toEqual([
        f.doc.date ?? null,
        f.doc.status ?? null,
        f.doc.isPublic,
        f.doc.texts.speaker,
      ]);
      expect(sameRow(h, f)).toBe(true);
    });
    const bytes = (x: unknown) => JSON.stringify(x).length;
    // no doc's whole text crosses, only its snippet (the sample's texts are short: on the bench's
    // long remarks the share saved is larger)
    for (const h of slim) expect(Object.keys(h.doc.texts).every((f) => f === 'speaker' || f === 'source')).toBe(true);
    expect(slim.every((h) => h.matches.length === 0)).toBe(true);
    expect(bytes(shown)).toBeLessThan(bytes(full) * 0.7);
  });

  it('tells a changed row from a kept one', () => {
    const [a] = shownResult(index.search('委員', {}, { limit: 8 })).groups[0]!.hits;
    expect(sameRow(a!, structuredClone(a!))).toBe(true);
    const moved = structuredClone(a!);
    moved.snippet!.highlights = moved.snippet!.highlights.map(([s, e]) => [s + 1, e + 1]);
    expect(sameRow(a!, moved)).toBe(false);
    const other = structuredClone(a!);
    other.snippet!.text += '。';
    expect(sameRow(a!, other)).toBe(false);
  });
});
