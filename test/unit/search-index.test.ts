import { describe, expect, it } from 'vitest';
import { SearchIndex, intersectSorted } from '../../shared/search/index';
import { normalize } from '../../shared/search/normalize';
import { parseQuery } from '../../shared/search/query';
import { seededRandom } from '../../shared/search/random';
import { SEARCH_KINDS, type SearchDoc, type SearchFilters } from '../../shared/search/types';

// ---------------------------------------------------------------- brute force reference

const NORMALISED = new WeakMap<SearchDoc, string[]>();

function bruteForce(docs: Iterable<SearchDoc>, query: string, f: SearchFilters): string[] {
  const terms = parseQuery(query).map((t) => t.norm);
  const inList = (list: string[] | undefined, v: string | null | undefined) =>
    !list || list.length === 0 || list.includes(v ?? '');
  const out: string[] = [];
  for (const d of docs) {
    if (!inList(f.councilIds, d.councilId) || !inList(f.meetingIds, d.meetingId)) continue;
    if (!inList(f.speakerIds, d.speakerId) || !inList(f.fieldIds, d.fieldId)) continue;
    if (!inList(f.statuses, d.status) || (f.kinds?.length && !f.kinds.includes(d.kind))) continue;
    if (f.isPublic != null && d.isPublic !== f.isPublic) continue;
    if (f.dateFrom || f.dateTo) {
      if (!d.date || (f.dateFrom && d.date < f.dateFrom) || (f.dateTo && d.date > f.dateTo)) continue;
    }
    let fields = NORMALISED.get(d);
    if (!fields) NORMALISED.set(d, (fields = Object.values(d.texts).map(normalize)));
    if (terms.every((t) => fields.some((x) => x.includes(t)))) out.push(d.key);
  }
  return out.sort();
}

// ---------------------------------------------------------------- random corpus

const ALPHABET = Array.from(
  'あいうかがきこさしすたちてとなにのはばぱまみやゆよらりるれろわをんアイウカガキコサシスタチテトナニノハパマミャュョラリルレロワン' +
    'ｱｲｳｶｷｺｻｼｽﾀﾁﾃﾄﾅﾆﾉﾊﾏﾐﾗﾘﾙﾚﾛﾜﾝﾞﾟｧｨｭｮｯｰ' +
    '地域福祉計画市民参加高髙橋崎﨑辺邊邉斎齋齊藤國国学學会議審委員子育支援防災' +
    'abcDXＤＸｄｘ0123４５' +
    '、。・「」（） 　ー!?',
);

function randomText(rand: () => number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
  return s;
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

function randomDoc(rand: () => number, i: number): SearchDoc {
  const fields: Record<string, string> = { text: randomText(rand, Math.floor(rand() * 40)) };
  if (rand() < 0.5) fields.extra = randomText(rand, Math.floor(rand() * 10));
  return {
    key: `t:${i}`,
    kind: pick(rand, SEARCH_KINDS),
    councilId: pick(rand, ['c1', 'c2', 'c3']),
    meetingId: pick(rand, ['m1', 'm2', 'm3', null]),
    date: rand() < 0.1 ? null : `2024-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 10)}`,
    speakerId: pick(rand, ['s1', 's2', null]),
    fieldId: pick(rand, ['f1', 'f2', null]),
    status: pick(rand, ['反映する', '一部反映', '', null]),
    isPublic: rand() < 0.7,
    texts: fields,
  };
}

function randomQuery(rand: () => number, docs: SearchDoc[]): string {
  const part = () => {
    const d = pick(rand, docs);
    const t = d.texts.text ?? '';
    const len = 1 + Math.floor(rand() * 6);
    const start = Math.floor(rand() * Math.max(1, t.length - len));
    return rand() < 0.8 ? t.slice(start, start + len) : randomText(rand, len);
  };
  const n = rand() < 0.7 ? 1 : rand() < 0.8 ? 2 : 3;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(rand() < 0.2 ? `"${part()}"` : part().replace(/["“”＂]/g, ''));
  return parts.join(' ');
}

function randomFilters(rand: () => number): SearchFilters {
  const f: SearchFilters = {};
  if (rand() < 0.3) f.councilIds = [pick(rand, ['c1', 'c2', 'c3', 'nope'])];
  if (rand() < 0.2) f.meetingIds = ['m1', 'm2'];
  if (rand() < 0.2) f.kinds = [pick(rand, SEARCH_KINDS), pick(rand, SEARCH_KINDS)];
  if (rand() < 0.2) f.speakerIds = ['s1'];
  if (rand() < 0.2) f.fieldIds = ['f2'];
  if (rand() < 0.2) f.statuses = ['反映する', '一部反映'];
  if (rand() < 0.2) f.isPublic = rand() < 0.5;
  if (rand() < 0.2) f.dateFrom = '2024-03-01';
  if (rand() < 0.2) f.dateTo = '2024-06-30';
  return f;
}

describe('search index equals a brute-force normalised substring scan (seeded property test)', () => {
  it('on a random corpus, with random queries and filters, before and after edits and a round trip', () => {
    const rand = seededRandom(20240501);
    const live = new Map<string, SearchDoc>();
    const index = new SearchIndex();
    const initial = Array.from({ length: 1500 }, (_, i) => randomDoc(rand, i));
    index.addAll(initial);
    for (const d of initial) live.set(d.key, d);

    let checked = 0;
    let nonEmpty = 0;
    const check = (idx: SearchIndex, rounds: number) => {
      const docs = [...live.values()];
      for (let q = 0; q < rounds; q++) {
        const query = randomQuery(rand, docs);
        const filters = rand() < 0.5 ? {} : randomFilters(rand);
        const expected = bruteForce(docs, query, filters);
        expect([...idx.matchKeys(query, filters)].sort(), `${query} ${JSON.stringify(filters)}`).toEqual(expected);
        const result = idx.search(query, filters, { limit: 5 });
        expect(result.total).toBe(expected.length);
        // each kind: its full count, and its 5 newest (date, then reading order; ties either way)
        for (const kind of SEARCH_KINDS) {
          const ofKind = expected.filter((k) => live.get(k)!.kind === kind);
          const group = result.groups.find((g) => g.kind === kind);
          expect(group?.count ?? 0).toBe(ofKind.length);
          if (!group) continue;
          const rank = (k: string) => [live.get(k)!.date ?? '', -(live.get(k)!.order ?? 0)] as const;
          const newer = (a: string, b: string) => {
            const [da, oa] = rank(a);
            const [db, ob] = rank(b);
            return da !== db ? da > db : oa > ob;
          };
          const hits = group.hits.map((h) => h.key);
          expect(hits).toHaveLength(Math.min(5, ofKind.length));
          for (let i = 1; i < hits.length; i++) expect(newer(hits[i]!, hits[i - 1]!)).toBe(false);
          const last = hits[hits.length - 1]!;
          for (const k of ofKind) if (!hits.includes(k)) expect(newer(k, last), `${k} newer than ${last}`).toBe(false);
        }
        const byRelevance = idx.search(query, filters, { limit: 5, sort: 'relevance' });
        expect(byRelevance.total).toBe(expected.length);
        for (const g of byRelevance.groups)
          for (let i = 1; i < g.hits.length; i++) expect(g.hits[i]!.score).toBeLessThanOrEqual(g.hits[i - 1]!.score);
        checked++;
        if (expected.length) nonEmpty++;
      }
    };
    check(index, 400);

    // edits go through add/update/remove (the delta and the dead), several compactions on the way
    let next = initial.length;
    let keys = [...live.keys()];
    for (let step = 0; step < 6000; step++) {
      const r = rand();
      if (step % 100 === 0) keys = [...live.keys()];
      if (r < 0.4) {
        const d = randomDoc(rand, next++);
        index.add(d);
        live.set(d.key, d);
      } else if (r < 0.7 && keys.length) {
        const key = pick(rand, keys);
        const d = { ...randomDoc(rand, 0), key };
        index.update(d);
        live.set(key, d);
      } else if (keys.length) {
        const key = pick(rand, keys);
        expect(index.remove(key)).toBe(live.has(key));
        live.delete(key);
      }
      if (step % 1000 === 999) check(index, 40);
    }
    expect(index.size).toBe(live.size);
    check(index, 200);

    // persisted and restored (structured clone, as IndexedDB or postMessage would)
    const restored = SearchIndex.deserialize(structuredClone(index.serialize()))!;
    expect(restored.size).toBe(live.size);
    check(restored, 200);
    // the restored index (docs parsed when first needed) takes edits, compacts, and is stored again
    keys = [...live.keys()];
    for (let step = 0; step < 3000; step++) {
      const r = rand();
      if (r < 0.3) {
        const d = randomDoc(rand, next++);
        restored.add(d);
        live.set(d.key, d);
      } else if (r < 0.6 && keys.length) {
        const key = pick(rand, keys);
        const d = { ...randomDoc(rand, 0), key };
        restored.update(d);
        live.set(key, d);
      } else if (keys.length) {
        const key = pick(rand, keys);
        expect(restored.remove(key)).toBe(live.has(key));
        live.delete(key);
      }
    }
    expect([...restored.keys()].sort()).toEqual([...live.keys()].sort());
    check(restored, 100);
    const again = SearchIndex.deserialize(structuredClone(restored.serialize()))!;
    expect(again.size).toBe(live.size);
    check(again, 100);
    expect(again.get(keys[0]!) ?? null).toEqual(live.get(keys[0]!) ?? null);
    expect(checked).toBeGreaterThan(1000);
    expect(nonEmpty).toBeGreaterThan(checked / 3);
  }, 120_000);

  it('intersects sorted lists, also when one is much longer', () => {
    const a = Uint32Array.from([3, 9, 500, 999]);
    const b = Uint32Array.from(Array.from({ length: 1000 }, (_, i) => i));
    expect([...intersectSorted(a, b)]).toEqual([3, 9, 500, 999]);
    expect([...intersectSorted(Uint32Array.from([1, 2, 4]), Uint32Array.from([2, 3, 4]))]).toEqual([2, 4]);
  });
});

// ---------------------------------------------------------------- behaviour a user sees

const doc = (over: Partial<SearchDoc> & Pick<SearchDoc, 'key' | 'texts'>): SearchDoc => ({
  kind: 'remark',
  councilId: 'c1',
  isPublic: true,
  date: '2024-05-01',
  ...over,
});

function sampleIndex() {
  const index = new SearchIndex();
  index.addAll([
    doc({
      key: 'remarks:1',
      date: '2023-07-07',
      order: 1,
      texts: { text: '地域コミュニティの活性化について伺います。' },
    }),
    doc({ key: 'remarks:2', date: '2024-02-01', order: 1, texts: { text: 'ＤＸ推進の体制を教えてください。' } }),
    doc({
      key: 'remarks:3',
      date: '2024-02-01',
      order: 2,
      isPublic: false,
      speakerId: 'm1',
      texts: { text: '髙橋委員の地域福祉の意見に賛成です。', speaker: '山﨑委員' },
    }),
    doc({
      key: 'opinions:1',
      kind: 'opinion',
      councilId: 'c2',
      status: '反映する',
      fieldId: 'f1',
      texts: { summary: '子育て支援の窓口を一本化すべき。', response: '地域の声を反映します。' },
    }),
    doc({ key: 'members:1', kind: 'member', date: null, texts: { name: '高橋会長', reading: 'たかはし' } }),
  ]);
  return index;
}

describe('search results', () => {
  it('finds a remark by a 2-character word and by a half-width katakana query', () => {
    const index = sampleIndex();
    expect(index.matchKeys('地域').sort()).toEqual(['opinions:1', 'remarks:1', 'remarks:3']);
    const r = index.search('ｺﾐｭﾆﾃｨ');
    expect(r.total).toBe(1);
    expect(r.groups[0]!.hits[0]!.key).toBe('remarks:1');
  });

  it('highlights the match in the ORIGINAL text of the snippet', () => {
    const index = sampleIndex();
    const hit = index.search('ｺﾐｭﾆﾃｨ').groups[0]!.hits[0]!;
    const s = hit.snippet!;
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['コミュニティ']);
    const hit2 = index.search('高橋 dx').groups;
    expect(hit2).toEqual([]); // AND: no doc has both
    const hit3 = index.search('高橋').groups.find((g) => g.kind === 'remark')!.hits[0]!;
    expect(hit3.snippet!.highlights.map(([a, b]) => hit3.snippet!.text.slice(a, b))).toEqual(['髙橋']);
    const speaker = index.search('山崎').groups[0]!.hits[0]!;
    expect(speaker.snippet!.field).toBe('speaker');
    expect(speaker.snippet!.text.slice(...speaker.snippet!.highlights[0]!)).toBe('山﨑');
  });

  it('cuts a long text around the first match', () => {
    const index = new SearchIndex();
    const long = 'あ'.repeat(300) + '防災計画' + 'い'.repeat(300);
    index.addAll([doc({ key: 'remarks:x', texts: { text: long } })]);
    const s = index.search('防災', {}, { snippetLength: 40 }).groups[0]!.hits[0]!.snippet!;
    expect(s.text.length).toBe(40);
    expect(s.cutStart && s.cutEnd).toBe(true);
    expect(s.text.slice(...s.highlights[0]!)).toBe('防災');
  });

  it('puts the first match on the first line of the snippet, also near the end of a long text', () => {
    const index = new SearchIndex();
    const nearEnd = 'あ'.repeat(500) + '使用料の減免を見直す' + 'い'.repeat(8);
    const afterBreaks = 'う'.repeat(300) + '\n一、\n二、\n三、減免の見直し。';
    const short = '一\n二\n三\n四\n減免について';
    index.addAll([
      doc({ key: 'remarks:end', order: 1, texts: { text: nearEnd } }),
      doc({ key: 'remarks:breaks', order: 2, texts: { text: afterBreaks } }),
      doc({ key: 'remarks:short', order: 3, texts: { text: short } }),
    ]);
    const hits = index.search('減免', {}, { snippetLength: 90 }).groups[0]!.hits;
    expect(hits).toHaveLength(3);
    for (const hit of hits) {
      const s = hit.snippet!;
      const [from, to] = s.highlights[0]!;
      expect(s.text.slice(from, to)).toBe('減免');
      // what comes before the match fits on the first of the two lines shown: no line break,
      // at most a third of the window
      expect(s.text.slice(0, from)).not.toMatch(/[\r\n]/);
      expect(from).toBeLessThanOrEqual(30);
    }
    const end = hits.find((h) => h.key === 'remarks:end')!.snippet!;
    expect(end.cutStart).toBe(true);
    expect(end.text.endsWith('い'.repeat(8))).toBe(true);
    expect(hits.find((h) => h.key === 'remarks:breaks')!.snippet!.text).toBe('三、減免の見直し。');
    expect(hits.find((h) => h.key === 'remarks:short')!.snippet!.text).toBe('減免について');
  });

  it('groups by kind in a fixed order, with full counts and limited hits', () => {
    const index = sampleIndex();
    const r = index.search('地域', {}, { limit: 1 });
    expect(r.groups.map((g) => [g.kind, g.count, g.hits.length])).toEqual([
      ['remark', 2, 1],
      ['opinion', 1, 1],
    ]);
  });

  it('sorts newest first, reading order within a day', () => {
    const index = sampleIndex();
    index.add(doc({ key: 'remarks:4', date: '2024-02-01', order: 0, texts: { text: '地域の課題' } }));
    const keys = index.search('地域').groups[0]!.hits.map((h) => h.key);
    expect(keys).toEqual(['remarks:4', 'remarks:3', 'remarks:1']);
  });

  it('sorts by relevance: more occurrences in a shorter text first', () => {
    const index = sampleIndex();
    index.add(doc({ key: 'remarks:5', date: '2020-01-01', texts: { text: '地域、地域、地域。' } }));
    const keys = index.search('地域', {}, { sort: 'relevance' }).groups[0]!.hits.map((h) => h.key);
    expect(keys[0]).toBe('remarks:5');
  });

  it('a phrase in quotes must occur as written; words need not be adjacent', () => {
    const index = sampleIndex();
    expect(index.matchKeys('地域 賛成')).toEqual(['remarks:3']);
    expect(index.matchKeys('"地域 賛成"')).toEqual([]);
    expect(index.matchKeys('"地域 福祉"')).toEqual(['remarks:3']);
  });

  it('applies each filter', () => {
    const index = sampleIndex();
    expect(index.matchKeys('地域', { councilIds: ['c2'] })).toEqual(['opinions:1']);
    expect(index.matchKeys('地域', { kinds: ['remark'] }).sort()).toEqual(['remarks:1', 'remarks:3']);
    expect(index.matchKeys('地域', { isPublic: false })).toEqual(['remarks:3']);
    expect(index.matchKeys('地域', { isPublic: true }).sort()).toEqual(['opinions:1', 'remarks:1']);
    expect(index.matchKeys('地域', { speakerIds: ['m1'] })).toEqual(['remarks:3']);
    expect(index.matchKeys('地域', { statuses: ['反映する'] })).toEqual(['opinions:1']);
    expect(index.matchKeys('地域', { fieldIds: ['f1'] })).toEqual(['opinions:1']);
    expect(index.matchKeys('地域', { dateFrom: '2024-01-01', dateTo: '2024-03-31' })).toEqual(['remarks:3']);
    expect(index.matchKeys('高橋', { dateFrom: '2000-01-01' })).toEqual(['remarks:3']); // undated member left out
    expect(index.matchKeys('', { kinds: ['member'] })).toEqual(['members:1']); // filters alone
  });

  it('follows updates and removals', () => {
    const index = sampleIndex();
    index.update(doc({ key: 'remarks:1', texts: { text: '防災訓練について' } }));
    expect(index.matchKeys('地域').sort()).toEqual(['opinions:1', 'remarks:3']);
    expect(index.matchKeys('防災')).toEqual(['remarks:1']);
    index.remove('remarks:1');
    expect(index.matchKeys('防災')).toEqual([]);
    expect(index.get('remarks:1')).toBeUndefined();
  });

  it('does not match across two fields of a record', () => {
    const index = new SearchIndex();
    index.addAll([doc({ key: 'opinions:9', kind: 'opinion', texts: { summary: '地域', response: '福祉' } })]);
    expect(index.matchKeys('地域福祉')).toEqual([]);
    expect(index.matchKeys('域福')).toEqual([]);
    expect(index.matchKeys('地域 福祉')).toEqual(['opinions:9']);
  });

  it('refuses a serialized index of another version (the caller rebuilds)', () => {
    const data = sampleIndex().serialize();
    expect(SearchIndex.deserialize({ ...data, version: 999 })).toBeNull();
  });
});
