/**
 * The search index: an inverted index of character bigrams and unigrams over normalised text,
 * with posting lists as typed arrays, and verification of longer terms on the normalised text.
 *
 * - 1-character term: the unigram posting list is the answer.
 * - 2-character term: the bigram posting list is the answer (most Japanese words).
 * - 3+ characters: intersection of the term's bigram lists, then `includes` on the doc's
 *   normalised text (exact: a doc matches iff its normalised text contains the term).
 * Fields of a doc are joined with a separator that normalisation never produces, so no term
 * matches across two fields.
 *
 * Storage: a compact base (CSR arrays: bigrams in an open-addressing hash table of keys
 * `(c1 << 16 | c2)`, unigrams indexed directly by UTF-16 unit) for docs 0..baseCount-1, plus a
 * small delta (Maps of arrays) for docs added since. Removing a doc marks it dead; `compact()`
 * (run automatically when the delta or the dead grow) renumbers and rebuilds the base. Docs get
 * increasing numbers, so every posting list stays sorted.
 *
 * API for the data layer: `add/update/remove/has`, `addAll` for a bulk load, `search`,
 * `serialize()`/`SearchIndex.deserialize()` (a structured-clone-friendly object of typed arrays
 * and strings, for IndexedDB or postMessage).
 *
 * The serialized form is a few large values, not one object per doc: the docs as one JSON text
 * with offsets, the base docs' normalised text as one UTF-16 array, their metadata as typed
 * arrays. Restoring it copies those and builds the key map; a doc is parsed when it is first
 * shown (a hit) and a normalised string made when it is first needed (issue 15: restoring
 * 130,000 stored doc objects took longer than building the index again).
 */
import { normalize, normalizeWithMap } from './normalize';
import { parseQuery, type QueryTerm } from './query';
import {
  SEARCH_KINDS,
  SEARCH_KIND_LABELS,
  type FieldMatch,
  type Range,
  type SearchDoc,
  type SearchFilters,
  type SearchGroup,
  type SearchHit,
  type SearchKind,
  type SearchOptions,
  type SearchResult,
  type Snippet,
} from './types';

const SEP = '\u0001'; // normalisation drops control characters, so it never occurs in a term
const SEP_CODE = 1;
const KIND_INDEX = new Map<SearchKind, number>(SEARCH_KINDS.map((k, i) => [k, i]));

export const SERIALIZED_VERSION = 2;

export interface SerializedSearchIndex {
  version: number;
  /** Number of docs (all live, ordinals 0..count-1). */
  count: number;
  /** Doc keys joined by KEY_SEP. */
  keys: string;
  /** Every doc's JSON, one after the other: doc `ord` is docs.slice(docStart[ord], docStart[ord + 1]). */
  docs: string;
  docStart: Uint32Array;
  /** The normalised texts (fields joined by SEP), doc `ord` at text[textStart[ord]..textStart[ord + 1]). */
  text: Uint16Array;
  textStart: Uint32Array;
  /** Metadata by ordinal; ids are numbers into `interned` (0 = none). */
  kind: Uint8Array;
  pub: Uint8Array;
  council: Uint32Array;
  meeting: Uint32Array;
  speaker: Uint32Array;
  field: Uint32Array;
  status: Uint32Array;
  date: Uint32Array;
  order: Float64Array;
  interned: string[];
  bigramKeys: Uint32Array;
  bigramOffsets: Uint32Array;
  bigramData: Uint32Array;
  unigramOffsets: Uint32Array;
  unigramData: Uint32Array;
}

const EMPTY: Uint32Array = new Uint32Array(0);
/** Between the keys of the serialized form (never in a key: keys are table:id[/part]). */
const KEY_SEP = '\u0000';
const utf16 = new TextDecoder('utf-16le');

/** A copy of the first `n` items of a typed array, detached from the index's growing array. */
function head<T extends Uint8Array | Uint32Array | Float64Array>(arr: T, n: number): T {
  return arr.slice(0, n) as T;
}

function grow<T extends Uint8Array | Uint32Array | Float64Array>(arr: T, need: number): T {
  if (need <= arr.length) return arr;
  let size = Math.max(16, arr.length);
  while (size < need) size *= 2;
  const next = new (arr.constructor as new (n: number) => T)(size);
  next.set(arr);
  return next;
}

function hashSlot(key: number, mask: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
}

/** 'YYYY-MM-DD' → YYYYMMDD; 0 for none. */
function dateNumber(date: string | null | undefined): number {
  if (!date) return 0;
  const n = Number(date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10));
  return Number.isFinite(n) ? n : 0;
}

/** Intersection of two sorted lists (galloping through the longer one when lengths differ a lot). */
export function intersectSorted(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (a.length > b.length) [a, b] = [b, a];
  const out = new Uint32Array(a.length);
  let n = 0;
  if (a.length * 16 < b.length) {
    let lo = 0;
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      let hi = b.length;
      let step = 1;
      let probe = lo;
      while (probe < hi && b[probe]! < v) {
        lo = probe + 1;
        probe = lo + step;
        step *= 2;
      }
      if (probe < hi) hi = probe + 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      if (lo < b.length && b[lo] === v) out[n++] = v;
    }
  } else {
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const x = a[i]!;
      const y = b[j]!;
      if (x === y) {
        out[n++] = x;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
  }
  return out.subarray(0, n);
}

interface Candidates {
  list: Uint32Array | null; // null = every doc
  verify: QueryTerm[]; // terms still to check on the text
  sizes: number[]; // each term's candidate count (its document frequency, or an upper bound)
}

export class SearchIndex {
  /** By ordinal; undefined = a restored doc not parsed yet (in `packed`), null = removed. */
  private docs: (SearchDoc | null | undefined)[] = [];
  /** By ordinal; undefined = a restored doc's normalised text not made yet (in `text`). */
  private norms: (string | undefined)[] = [];
  private keyList: (string | null)[] = [];
  /** The serialized docs of a restored index, parsed one by one when needed. */
  private packed: { json: string; start: Uint32Array } | null = null;
  private keyToOrd = new Map<string, number>();
  private interned = new Map<string, number>([['', 0]]);
  private count = 0; // ordinals used
  private dead = 0;
  private totalLength = 0;

  private alive: Uint8Array = new Uint8Array(0);
  private kind: Uint8Array = new Uint8Array(0);
  private pub: Uint8Array = new Uint8Array(0);
  private council: Uint32Array = new Uint32Array(0);
  private meeting: Uint32Array = new Uint32Array(0);
  private speaker: Uint32Array = new Uint32Array(0);
  private field: Uint32Array = new Uint32Array(0);
  private status: Uint32Array = new Uint32Array(0);
  private date: Uint32Array = new Uint32Array(0);
  private order: Float64Array = new Float64Array(0);

  // base (CSR) for ordinals < baseCount
  private baseCount = 0;
  private bigramKeys: Uint32Array = new Uint32Array(16); // 0 = empty slot
  private bigramOffsets: Uint32Array = new Uint32Array(17);
  private bigramData: Uint32Array = EMPTY;
  private unigramOffsets: Uint32Array = new Uint32Array(0x10001);
  private unigramData: Uint32Array = EMPTY;
  // delta for ordinals ≥ baseCount
  private deltaBigrams = new Map<number, number[]>();
  private deltaUnigrams = new Map<number, number[]>();
  // the base docs' normalised texts as one array of UTF-16 units (doc `ord` at
  // textStart[ord]..textStart[ord + 1]), built on first need: verifying a longer term and
  // counting it for relevance scan this array instead of calling string methods per doc
  private text: Uint16Array | null = null;
  private textStart: Uint32Array | null = null;

  /** Number of live docs. */
  get size(): number {
    return this.count - this.dead;
  }

  has(key: string): boolean {
    return this.keyToOrd.has(key);
  }

  get(key: string): SearchDoc | undefined {
    const ord = this.keyToOrd.get(key);
    return ord === undefined ? undefined : (this.docAt(ord) ?? undefined);
  }

  /** The keys of the live docs. */
  *keys(): IterableIterator<string> {
    for (const key of this.keyList) if (key !== null) yield key;
  }

  private docAt(ord: number): SearchDoc | null {
    let doc = this.docs[ord];
    if (doc === undefined) {
      const p = this.packed;
      doc =
        p && ord < p.start.length - 1 ? (JSON.parse(p.json.slice(p.start[ord], p.start[ord + 1])) as SearchDoc) : null;
      this.docs[ord] = doc;
    }
    return doc;
  }

  private normAt(ord: number): string {
    let norm = this.norms[ord];
    if (norm === undefined) {
      const text = this.text;
      const start = this.textStart;
      norm = text && start && ord < this.baseCount ? utf16.decode(text.subarray(start[ord]!, start[ord + 1]!)) : '';
      this.norms[ord] = norm;
    }
    return norm;
  }

  /** Adds or replaces a doc. */
  add(doc: SearchDoc): void {
    this.insert(doc, true);
    this.maybeCompact();
  }

  update(doc: SearchDoc): void {
    this.add(doc);
  }

  remove(key: string): boolean {
    const removed = this.drop(key);
    if (removed) this.maybeCompact();
    return removed;
  }

  /** Bulk load (the first build, an import or a restore): adds all, then builds the base once. */
  addAll(docs: Iterable<SearchDoc>): void {
    for (const doc of docs) this.insert(doc, false);
    this.compact();
  }

  private drop(key: string): boolean {
    const ord = this.keyToOrd.get(key);
    if (ord === undefined) return false;
    this.keyToOrd.delete(key);
    this.alive[ord] = 0;
    this.totalLength -= this.normAt(ord).length;
    this.docs[ord] = null;
    this.norms[ord] = '';
    this.keyList[ord] = null;
    this.dead++;
    return true;
  }

  private intern(value: string | null | undefined): number {
    if (!value) return 0;
    let n = this.interned.get(value);
    if (n === undefined) {
      n = this.interned.size;
      this.interned.set(value, n);
    }
    return n;
  }

  private setMeta(ord: number, doc: SearchDoc): void {
    const need = ord + 1;
    if (need > this.alive.length || need > this.order.length) {
      this.alive = grow(this.alive, need);
      this.kind = grow(this.kind, need);
      this.pub = grow(this.pub, need);
      this.council = grow(this.council, need);
      this.meeting = grow(this.meeting, need);
      this.speaker = grow(this.speaker, need);
      this.field = grow(this.field, need);
      this.status = grow(this.status, need);
      this.date = grow(this.date, need);
      this.order = grow(this.order, need);
    }
    this.alive[ord] = 1;
    this.kind[ord] = KIND_INDEX.get(doc.kind) ?? 0;
    this.pub[ord] = doc.isPublic ? 1 : 0;
    this.council[ord] = this.intern(doc.councilId);
    this.meeting[ord] = this.intern(doc.meetingId);
    this.speaker[ord] = this.intern(doc.speakerId);
    this.field[ord] = this.intern(doc.fieldId);
    this.status[ord] = this.intern(doc.status);
    this.date[ord] = dateNumber(doc.date);
    this.order[ord] = doc.order ?? 0;
  }

  private insert(doc: SearchDoc, toDelta: boolean, norm?: string): void {
    if (this.keyToOrd.has(doc.key)) this.drop(doc.key);
    const ord = this.count++;
    const text = norm ?? normaliseDoc(doc);
    this.docs[ord] = doc;
    this.norms[ord] = text;
    this.keyList[ord] = doc.key;
    this.keyToOrd.set(doc.key, ord);
    this.totalLength += text.length;
    this.setMeta(ord, doc);
    if (!toDelta) return;
    const seenB = new Set<number>();
    const seenU = new Set<number>();
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === SEP_CODE) continue;
      if (!seenU.has(c)) {
        seenU.add(c);
        pushTo(this.deltaUnigrams, c, ord);
      }
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : SEP_CODE;
      if (d === SEP_CODE) continue;
      const key = ((c << 16) | d) >>> 0;
      if (!seenB.has(key)) {
        seenB.add(key);
        pushTo(this.deltaBigrams, key, ord);
      }
    }
  }

  private maybeCompact(): void {
    const delta = this.count - this.baseCount;
    if ((delta > 2000 && delta > this.baseCount / 8) || (this.dead > 2000 && this.dead > this.count / 4))
      this.compact();
  }

  /** Renumbers the live docs and rebuilds the compact base; the delta becomes empty. */
  compact(): void {
    // renumber
    const docs: SearchDoc[] = [];
    const norms: string[] = [];
    for (let i = 0; i < this.count; i++)
      if (this.alive[i]) {
        docs.push(this.docAt(i)!);
        norms.push(this.normAt(i));
      }
    this.docs = [];
    this.norms = [];
    this.keyList = [];
    this.packed = null;
    this.keyToOrd.clear();
    this.count = 0;
    this.dead = 0;
    this.totalLength = 0;
    this.alive.fill(0);
    for (let i = 0; i < docs.length; i++) this.insert(docs[i]!, false, norms[i]);
    this.buildBase();
  }

  private buildBase(): void {
    const n = this.count;
    const norms = this.norms;
    // unigrams: direct table
    const uniCount = new Uint32Array(0x10001);
    const uniStamp = new Uint32Array(0x10000);
    // bigrams: open addressing
    let cap = 1 << 16;
    let keys = new Uint32Array(cap);
    let counts = new Uint32Array(cap);
    let stamps = new Uint32Array(cap);
    let used = 0;
    let mask = cap - 1;
    const findOrInsert = (key: number): number => {
      let s = hashSlot(key, mask);
      for (;;) {
        const k = keys[s]!;
        if (k === key) return s;
        if (k === 0) {
          keys[s] = key;
          used++;
          return s;
        }
        s = (s + 1) & mask;
      }
    };
    const rehash = () => {
      const oldKeys = keys;
      const oldCounts = counts;
      const oldStamps = stamps;
      cap *= 2;
      mask = cap - 1;
      keys = new Uint32Array(cap);
      counts = new Uint32Array(cap);
      stamps = new Uint32Array(cap);
      for (let i = 0; i < oldKeys.length; i++) {
        const k = oldKeys[i]!;
        if (k === 0) continue;
        let s = hashSlot(k, mask);
        while (keys[s] !== 0) s = (s + 1) & mask;
        keys[s] = k;
        counts[s] = oldCounts[i]!;
        stamps[s] = oldStamps[i]!;
      }
    };
    for (let ord = 0; ord < n; ord++) {
      const text = norms[ord] ?? this.normAt(ord);
      const stamp = ord + 1;
      let prev = SEP_CODE;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== SEP_CODE) {
          if (uniStamp[c] !== stamp) {
            uniStamp[c] = stamp;
            uniCount[c]!++;
          }
          if (prev !== SEP_CODE) {
            if (used * 2 > cap) rehash();
            const s = findOrInsert(((prev << 16) | c) >>> 0);
            if (stamps[s] !== stamp) {
              stamps[s] = stamp;
              counts[s]!++;
            }
          }
        }
        prev = c;
      }
    }
    // offsets
    const uniOffsets = new Uint32Array(0x10001);
    for (let c = 0, acc = 0; c <= 0x10000; c++) {
      uniOffsets[c] = acc;
      acc += uniCount[c] ?? 0;
    }
    const biOffsets = new Uint32Array(cap + 1);
    let total = 0;
    for (let s = 0; s < cap; s++) {
      biOffsets[s] = total;
      total += counts[s]!;
    }
    biOffsets[cap] = total;
    const uniData = new Uint32Array(uniOffsets[0x10000]!);
    const biData = new Uint32Array(total);
    const uniFill = uniOffsets.slice(0, 0x10000);
    const biFill = biOffsets.slice(0, cap);
    uniStamp.fill(0);
    stamps.fill(0);
    for (let ord = 0; ord < n; ord++) {
      const text = norms[ord] ?? this.normAt(ord);
      const stamp = ord + 1;
      let prev = SEP_CODE;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== SEP_CODE) {
          if (uniStamp[c] !== stamp) {
            uniStamp[c] = stamp;
            uniData[uniFill[c]!++] = ord;
          }
          if (prev !== SEP_CODE) {
            const key = ((prev << 16) | c) >>> 0;
            let s = hashSlot(key, mask);
            while (keys[s] !== key) s = (s + 1) & mask;
            if (stamps[s] !== stamp) {
              stamps[s] = stamp;
              biData[biFill[s]!++] = ord;
            }
          }
        }
        prev = c;
      }
    }
    this.bigramKeys = keys;
    this.bigramOffsets = biOffsets;
    this.bigramData = biData;
    this.unigramOffsets = uniOffsets;
    this.unigramData = uniData;
    this.baseCount = n;
    this.deltaBigrams.clear();
    this.deltaUnigrams.clear();
    this.text = null;
    this.textStart = null;
  }

  /**
   * Builds what the first query would otherwise build (the text array of the base docs), so a
   * keeper can do it once after loading, off the user's first keystroke.
   */
  prepare(): void {
    this.baseText();
  }

  private baseText(): { text: Uint16Array; start: Uint32Array } {
    if (this.text && this.textStart) return { text: this.text, start: this.textStart };
    const n = this.baseCount;
    const norms = this.norms;
    const start = new Uint32Array(n + 1);
    let total = 0;
    for (let ord = 0; ord < n; ord++) {
      start[ord] = total;
      total += norms[ord]!.length; // every base doc's string exists here (the text array is made from them)
    }
    start[n] = total;
    const text = new Uint16Array(total);
    for (let ord = 0; ord < n; ord++) {
      const s = norms[ord]!;
      const at = start[ord]!;
      for (let i = 0; i < s.length; i++) text[at + i] = s.charCodeAt(i);
    }
    this.text = text;
    this.textStart = start;
    return { text, start };
  }

  private bigramList(key: number): Uint32Array {
    const keys = this.bigramKeys;
    const mask = keys.length - 1;
    let s = hashSlot(key, mask);
    let base = EMPTY;
    for (;;) {
      const k = keys[s]!;
      if (k === key) {
        base = this.bigramData.subarray(this.bigramOffsets[s]!, this.bigramOffsets[s + 1]!);
        break;
      }
      if (k === 0) break;
      s = (s + 1) & mask;
    }
    return withDelta(base, this.deltaBigrams.get(key));
  }

  private unigramList(c: number): Uint32Array {
    const base = this.unigramData.subarray(this.unigramOffsets[c]!, this.unigramOffsets[c + 1]!);
    return withDelta(base, this.deltaUnigrams.get(c));
  }

  /** Docs that may contain `norm` (exact for 1–2 characters). */
  private termList(norm: string): Uint32Array {
    if (norm.length === 1) return this.unigramList(norm.charCodeAt(0));
    const lists: Uint32Array[] = [];
    const seen = new Set<number>();
    for (let i = 0; i + 1 < norm.length; i++) {
      const key = ((norm.charCodeAt(i) << 16) | norm.charCodeAt(i + 1)) >>> 0;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = this.bigramList(key);
      if (list.length === 0) return EMPTY;
      lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    let acc = lists[0]!;
    for (let i = 1; i < lists.length && acc.length > 0; i++) {
      // once the candidates are few, checking the text is cheaper than more intersections
      if (acc.length * 8 < lists[i]!.length && acc.length < 64) break;
      acc = intersectSorted(acc, lists[i]!);
    }
    return acc;
  }

  private candidates(terms: QueryTerm[]): Candidates {
    if (terms.length === 0) return { list: null, verify: [], sizes: [] };
    const lists = terms.map((t) => this.termList(t.norm));
    const order = lists.map((l, i) => [l.length, i] as const).sort((a, b) => a[0] - b[0]);
    let acc = lists[order[0]![1]]!;
    for (let i = 1; i < order.length && acc.length > 0; i++) acc = intersectSorted(acc, lists[order[i]![1]]!);
    return { list: acc, verify: terms.filter((t) => t.norm.length > 2), sizes: lists.map((l) => l.length) };
  }

  /** The filters as flat checks on the metadata arrays; null when nothing is filtered. */
  private compileFilters(filters: SearchFilters): ((ord: number) => boolean) | null {
    const ids = (values: string[] | undefined): Set<number> | null =>
      values && values.length ? new Set(values.map((v) => this.interned.get(v) ?? -1)) : null;
    const checks: ((ord: number) => boolean)[] = [];
    const inSet = (set: Set<number> | null, arr: Uint32Array | Uint8Array) => {
      if (set) checks.push((ord) => set.has(arr[ord]!));
    };
    if (filters.kinds && filters.kinds.length) {
      const mask = new Uint8Array(SEARCH_KINDS.length);
      for (const k of filters.kinds) {
        const i = KIND_INDEX.get(k);
        if (i !== undefined) mask[i] = 1;
      }
      const kind = this.kind;
      checks.push((ord) => mask[kind[ord]!] === 1);
    }
    inSet(ids(filters.councilIds), this.council);
    inSet(ids(filters.meetingIds), this.meeting);
    inSet(ids(filters.speakerIds), this.speaker);
    inSet(ids(filters.fieldIds), this.field);
    inSet(ids(filters.statuses), this.status);
    if (filters.isPublic === true || filters.isPublic === false) {
      const want = filters.isPublic ? 1 : 0;
      const pub = this.pub;
      checks.push((ord) => pub[ord] === want);
    }
    const from = filters.dateFrom ? dateNumber(filters.dateFrom) : 0;
    const to = filters.dateTo ? dateNumber(filters.dateTo) : 0;
    if (from || to) {
      const date = this.date;
      const hi = to || 0xffffffff;
      checks.push((ord) => {
        const d = date[ord]!;
        return d !== 0 && d >= from && d <= hi;
      });
    }
    if (checks.length === 0) return null;
    if (checks.length === 1) return checks[0]!;
    return (ord) => {
      for (let i = 0; i < checks.length; i++) if (!checks[i]!(ord)) return false;
      return true;
    };
  }

  /** Live docs that match every term and the filters, in ordinal order. */
  private matches(terms: QueryTerm[], filters: SearchFilters): { ords: Uint32Array; sizes: number[] } {
    const { list, verify, sizes } = this.candidates(terms);
    const test = this.compileFilters(filters);
    const alive = this.alive;
    const norms = this.norms;
    const n = list === null ? this.count : list.length;
    const out = new Uint32Array(n);
    const base = verify.length ? this.baseText() : null;
    const patterns = verify.map((t) => toUnits(t.norm));
    const baseCount = this.baseCount;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const ord = list === null ? i : list[i]!;
      if (alive[ord] !== 1) continue;
      if (test !== null && !test(ord)) continue;
      if (base !== null) {
        let ok = true;
        if (ord < baseCount) {
          const from = base.start[ord]!;
          const to = base.start[ord + 1]!;
          for (let k = 0; k < patterns.length; k++)
            if (indexIn(base.text, from, to, patterns[k]!) === -1) {
              ok = false;
              break;
            }
        } else {
          const text = norms[ord]!;
          for (let k = 0; k < verify.length; k++)
            if (!text.includes(verify[k]!.norm)) {
              ok = false;
              break;
            }
        }
        if (!ok) continue;
      }
      out[m++] = ord;
    }
    return { ords: out.subarray(0, m), sizes };
  }

  /** The keys of every live doc matching, in doc order (for tests and bulk tools). */
  matchKeys(query: string, filters: SearchFilters = {}): string[] {
    const { ords } = this.matches(parseQuery(query), filters);
    return Array.from(ords, (ord) => this.keyList[ord]!);
  }

  /** Searches: AND of the query's terms, the filters, results grouped by kind. */
  search(query: string, filters: SearchFilters = {}, options: SearchOptions = {}): SearchResult {
    const terms = parseQuery(query);
    const sort = options.sort ?? 'newest';
    const limit = options.limit ?? 20;
    const snippetLength = options.snippetLength ?? 80;
    const { ords, sizes } = this.matches(terms, filters);
    const total = ords.length;
    const kind = this.kind;

    const relevance = sort === 'relevance' && terms.length > 0;
    let scores: Float64Array | null = null; // by position in `ords`
    if (relevance) {
      // BM25 over normalised text: term frequency, inverse document frequency, length
      const n = Math.max(1, this.size);
      const avg = this.totalLength / n || 1;
      const weights = sizes.map((df) => Math.log(1 + (n - df + 0.5) / (Math.max(1, df) + 0.5)));
      scores = new Float64Array(total);
      const norms = this.norms;
      const base = this.baseText();
      const baseCount = this.baseCount;
      const patterns = terms.map((t) => toUnits(t.norm));
      for (let i = 0; i < total; i++) {
        const ord = ords[i]!;
        const inBase = ord < baseCount;
        const from = inBase ? base.start[ord]! : 0;
        const to = inBase ? base.start[ord + 1]! : 0;
        const text = inBase ? '' : norms[ord]!;
        const lengthNorm = 1.2 * (0.25 + (0.75 * (inBase ? to - from : text.length)) / avg);
        let s = 0;
        for (let k = 0; k < terms.length; k++) {
          const tf = inBase ? countIn(base.text, from, to, patterns[k]!) : countOccurrences(text, terms[k]!.norm);
          s += (weights[k]! * tf * 2.2) / (tf + lengthNorm);
        }
        scores[i] = s;
      }
    }
    const date = this.date;
    const order = this.order;
    // "a before b" on positions in `ords`: newest = later date, then reading order;
    // relevance = higher score, then newest
    const newer = (i: number, j: number) => {
      const a = ords[i]!;
      const b = ords[j]!;
      return date[a] !== date[b] ? date[a]! > date[b]! : order[a] !== order[b] ? order[a]! < order[b]! : a < b;
    };
    const before =
      scores !== null
        ? (i: number, j: number) => (scores[i] !== scores[j] ? scores[i]! > scores[j]! : newer(i, j))
        : newer;

    // one pass: the count of each kind and its first `limit` (a bounded heap per kind)
    const counts = new Uint32Array(SEARCH_KINDS.length);
    const heaps: number[][] = SEARCH_KINDS.map(() => []);
    if (limit > 0)
      for (let i = 0; i < total; i++) {
        const k = kind[ords[i]!]!;
        counts[k]!++;
        offer(heaps[k]!, i, limit, before);
      }
    else for (let i = 0; i < total; i++) counts[kind[ords[i]!]!]!++;

    const groups: SearchGroup[] = [];
    SEARCH_KINDS.forEach((kindName, k) => {
      if (counts[k] === 0) return;
      const heap = heaps[k]!;
      const top = heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
      groups.push({
        kind: kindName,
        label: SEARCH_KIND_LABELS[kindName],
        count: counts[k]!,
        hits: top.map((i) => this.hit(ords[i]!, terms, scores ? scores[i]! : 0, snippetLength)),
      });
    });
    return { terms, total, groups };
  }

  private hit(ord: number, terms: QueryTerm[], score: number, snippetLength: number): SearchHit {
    const doc = this.docAt(ord)!;
    const matches = matchRanges(doc, terms, this.normAt(ord));
    const first = matches[0];
    let snippet: Snippet | null = null;
    if (first) snippet = makeSnippet(first.field, doc.texts[first.field] ?? '', first.ranges, snippetLength);
    else {
      const field = Object.keys(doc.texts).find((f) => doc.texts[f]) ?? Object.keys(doc.texts)[0];
      if (field !== undefined) snippet = makeSnippet(field, doc.texts[field] ?? '', [], snippetLength);
    }
    return { key: doc.key, kind: doc.kind, doc, score, snippet, matches };
  }

  /** A compact, structured-clone-friendly copy (compacts first): a few large values (see the top). */
  serialize(): SerializedSearchIndex {
    const steps = packSnapshot(this.snapshot());
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  }

  /**
   * serialize() in two steps: this snapshot now (references and copies of the small arrays; later
   * edits do not change it), and the docs' JSON made from it by packSnapshot, in slices, so a
   * caller can let other work (searches) run between them.
   */
  snapshot(): IndexSnapshot {
    if (this.dead > 0 || this.baseCount !== this.count) this.compact();
    const n = this.count;
    const { text, start } = this.baseText();
    return {
      docs: this.docs.slice(0, n),
      packed: this.packed,
      data: {
        version: SERIALIZED_VERSION,
        count: n,
        keys: this.keyList.slice(0, n).join(KEY_SEP),
        text,
        textStart: start,
        kind: head(this.kind, n),
        pub: head(this.pub, n),
        council: head(this.council, n),
        meeting: head(this.meeting, n),
        speaker: head(this.speaker, n),
        field: head(this.field, n),
        status: head(this.status, n),
        date: head(this.date, n),
        order: head(this.order, n),
        interned: [...this.interned.keys()],
        bigramKeys: this.bigramKeys,
        bigramOffsets: this.bigramOffsets,
        bigramData: this.bigramData,
        unigramOffsets: this.unigramOffsets,
        unigramData: this.unigramData,
      },
    };
  }

  /**
   * Restores a serialized index; null when it is from another version (rebuild then). Takes the
   * arrays as they are (no copy): give it a copy (a read from IndexedDB, a structured clone).
   */
  static deserialize(data: SerializedSearchIndex): SearchIndex | null {
    if (!data || data.version !== SERIALIZED_VERSION) return null;
    const index = new SearchIndex();
    const n = data.count;
    const keys = n > 0 ? data.keys.split(KEY_SEP) : [];
    if (keys.length !== n || data.docStart.length !== n + 1 || data.textStart.length !== n + 1) return null;
    index.keyList = keys;
    for (let ord = 0; ord < n; ord++) index.keyToOrd.set(keys[ord]!, ord);
    index.docs = new Array<SearchDoc | undefined>(n);
    index.norms = new Array<string | undefined>(n);
    index.packed = { json: data.docs, start: data.docStart };
    index.text = data.text;
    index.textStart = data.textStart;
    index.count = n;
    index.totalLength = data.textStart[n]!;
    index.alive = new Uint8Array(n).fill(1);
    index.kind = data.kind;
    index.pub = data.pub;
    index.council = data.council;
    index.meeting = data.meeting;
    index.speaker = data.speaker;
    index.field = data.field;
    index.status = data.status;
    index.date = data.date;
    index.order = data.order;
    index.interned = new Map(data.interned.map((v, i) => [v, i]));
    index.bigramKeys = data.bigramKeys;
    index.bigramOffsets = data.bigramOffsets;
    index.bigramData = data.bigramData;
    index.unigramOffsets = data.unigramOffsets;
    index.unigramData = data.unigramData;
    index.baseCount = n;
    return index;
  }
}

export interface IndexSnapshot {
  data: Omit<SerializedSearchIndex, 'docs' | 'docStart'>;
  /** By ordinal: the doc, or undefined for one still in `packed` (a restored index). */
  docs: (SearchDoc | null | undefined)[];
  packed: { json: string; start: Uint32Array } | null;
}

/** Makes the serialized form of a snapshot: yields after every `slice` docs, returns the form. */
export function* packSnapshot(snap: IndexSnapshot, slice = 4000): Generator<void, SerializedSearchIndex> {
  const n = snap.data.count;
  const docStart = new Uint32Array(n + 1);
  const parts: string[] = [];
  let at = 0;
  const p = snap.packed;
  for (let ord = 0; ord < n; ord++) {
    if (ord > 0 && ord % slice === 0) yield;
    const doc = snap.docs[ord];
    const json = doc === undefined && p ? p.json.slice(p.start[ord], p.start[ord + 1]) : JSON.stringify(doc);
    docStart[ord] = at;
    at += json.length;
    parts.push(json);
  }
  docStart[n] = at;
  return { ...snap.data, docs: parts.join(''), docStart };
}

function pushTo(map: Map<number, number[]>, key: number, ord: number): void {
  const list = map.get(key);
  if (list) list.push(ord);
  else map.set(key, [ord]);
}

function withDelta(base: Uint32Array, delta: number[] | undefined): Uint32Array {
  if (!delta || delta.length === 0) return base;
  const out = new Uint32Array(base.length + delta.length);
  out.set(base);
  out.set(delta, base.length);
  return out;
}

function toUnits(s: string): Uint16Array {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Where `pattern` first occurs in text[from, to) (an absolute position), or -1. */
function indexIn(text: Uint16Array, from: number, to: number, pattern: Uint16Array): number {
  const m = pattern.length;
  const first = pattern[0]!;
  const last = to - m;
  for (let i = from; i <= last; i++) {
    if (text[i] !== first) continue;
    let k = 1;
    while (k < m && text[i + k] === pattern[k]) k++;
    if (k === m) return i;
  }
  return -1;
}

/** Non-overlapping occurrences of `pattern` in text[from, to) (as countOccurrences). */
function countIn(text: Uint16Array, from: number, to: number, pattern: Uint16Array): number {
  let n = 0;
  let i = indexIn(text, from, to, pattern);
  while (i !== -1) {
    n++;
    i = indexIn(text, i + pattern.length, to, pattern);
  }
  return n;
}

function countOccurrences(text: string, term: string): number {
  let n = 0;
  let i = text.indexOf(term);
  while (i !== -1) {
    n++;
    i = text.indexOf(term, i + term.length);
  }
  return n;
}

/** The normalised text of a doc: its fields' normalised texts joined by SEP. */
export function normaliseDoc(doc: SearchDoc): string {
  let out = '';
  let first = true;
  for (const field in doc.texts) {
    if (!first) out += SEP;
    out += normalize(doc.texts[field] ?? '');
    first = false;
  }
  return out;
}

/**
 * Offers position `i` to a bounded binary heap of the best `k` in the order `before`; heap[0]
 * is the one that comes last among them (so a newcomer is compared with it only).
 */
function offer(heap: number[], i: number, k: number, before: (a: number, b: number) => boolean): void {
  if (heap.length < k) {
    heap.push(i);
    let c = heap.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!before(heap[p]!, heap[c]!)) break; // parent must come after child
      const t = heap[c]!;
      heap[c] = heap[p]!;
      heap[p] = t;
      c = p;
    }
    return;
  }
  if (!before(i, heap[0]!)) return;
  heap[0] = i;
  let c = 0;
  for (;;) {
    const l = 2 * c + 1;
    const r = l + 1;
    let m = c;
    if (l < heap.length && before(heap[m]!, heap[l]!)) m = l;
    if (r < heap.length && before(heap[m]!, heap[r]!)) m = r;
    if (m === c) break;
    const t = heap[c]!;
    heap[c] = heap[m]!;
    heap[m] = t;
    c = m;
  }
}

/**
 * Where the terms occur in each field of `doc`, in original positions (fields without a match
 * are left out). `norm` (the doc's normalised text, as normaliseDoc gives it) spares mapping
 * the fields that have no term.
 */
export function matchRanges(doc: SearchDoc, terms: QueryTerm[], norm?: string): FieldMatch[] {
  const out: FieldMatch[] = [];
  if (terms.length === 0) return out;
  const fieldNorms = norm === undefined ? null : norm.split(SEP);
  let f = -1;
  for (const field in doc.texts) {
    f++;
    const original = doc.texts[field] ?? '';
    if (!original) continue;
    const fieldNorm = fieldNorms?.[f];
    if (fieldNorm !== undefined && !terms.some((t) => fieldNorm.includes(t.norm))) continue;
    const map = normalizeWithMap(original);
    const ranges: Range[] = [];
    for (const t of terms) {
      let i = map.text.indexOf(t.norm);
      while (i !== -1) {
        ranges.push([map.starts[i]!, map.ends[i + t.norm.length - 1]!]);
        i = map.text.indexOf(t.norm, i + 1);
      }
    }
    if (ranges.length) out.push({ field, ranges: mergeRanges(ranges) });
  }
  return out;
}

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** A window of about `length` characters of `text` around the first range, with the ranges inside it. */
/**
 * About `length` characters of `text` around its first match. The panel shows a snippet's first
 * two lines only (its text keeps the line breaks), so the first match always starts on the first
 * line: at most a third of the window before it, and no line break between the window's start and
 * the match (a match near the end of a long text gets a window shorter than `length`, not one
 * reaching back until the match would be on a hidden line).
 */
export function makeSnippet(field: string, text: string, ranges: Range[], length: number): Snippet {
  const first = ranges[0];
  let start = 0;
  if (first) {
    const lead = Math.max(0, Math.floor((length - (first[1] - first[0])) / 3));
    start = Math.max(0, first[0] - lead);
    for (let i = first[0] - 1; i >= start; i--) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
        start = i + 1;
        break;
      }
    }
  }
  let end = Math.min(text.length, Math.max(start + length, first ? first[1] : 0));
  // never cut a surrogate pair
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  const highlights: Range[] = [];
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    highlights.push([Math.max(s, start) - start, Math.min(e, end) - start]);
  }
  return { field, text: text.slice(start, end), highlights, cutStart: start > 0, cutEnd: end < text.length };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
