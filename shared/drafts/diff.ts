/**
 * Character-level text diff for Japanese (no spaces between words): Myers' O(ND)
 * algorithm over grapheme clusters, then a semantic cleanup (after diff-match-patch's
 * cleanupSemantic) that folds short equalities between edits into the edits, so the
 * result reads as whole changed phrases rather than scattered single characters.
 */
export type DiffOp = { op: 'equal' | 'insert' | 'delete'; text: string };

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('ja', { granularity: 'grapheme' }) : null;

/** Code points that can join a cluster: surrogates, combining marks (incl. か゚'s U+309A), ZWJ, variation selectors. */
const CLUSTERING =
  /[\uD800-\uDFFF\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u200D\u20D0-\u20FF\u3099\u309A\uFE00-\uFE0F\uFE20-\uFE2F]/;

/** Grapheme clusters (𠮷, か゚, emoji with modifiers stay whole). Plain text, by far the usual case, skips the (slow) segmenter. */
export function graphemes(text: string): string[] {
  if (!CLUSTERING.test(text)) return text.split('');
  if (!segmenter) return Array.from(text);
  const out: string[] = [];
  for (const s of segmenter.segment(text)) out.push(s.segment);
  return out;
}

/** Beyond this many edits two texts are simply different: the whole middle is replaced. */
const MAX_EDITS = 4000;

function replaceAll(
  lenA: number,
  lenB: number,
  start: number,
  endA: number,
  endB: number,
): { op: DiffOp['op']; a: number; b: number }[] {
  const out: { op: DiffOp['op']; a: number; b: number }[] = [];
  for (let i = 0; i < start; i++) out.push({ op: 'equal', a: i, b: i });
  for (let i = start; i < endA; i++) out.push({ op: 'delete', a: i, b: start });
  for (let j = start; j < endB; j++) out.push({ op: 'insert', a: endA, b: j });
  for (let i = 0; i < lenA - endA; i++) out.push({ op: 'equal', a: endA + i, b: endB + i });
  return out;
}

/** Myers diff of two sequences of comparable tokens; returns edits in order. */
export function myers<T>(
  a: readonly T[],
  b: readonly T[],
  eq: (x: T, y: T) => boolean = (x, y) => x === y,
): { op: DiffOp['op']; a: number; b: number }[] {
  // Common prefix and suffix first: most edits are small.
  let start = 0;
  while (start < a.length && start < b.length && eq(a[start]!, b[start]!)) start++;
  let endA = a.length,
    endB = b.length;
  while (endA > start && endB > start && eq(a[endA - 1]!, b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const n = endA - start,
    m = endB - start;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    if (d > MAX_EDITS) return replaceAll(a.length, b.length, start, endA, endB);
    // Only diagonals -d..d matter at step d: keep that slice (memory O(D²), not O(D·N)).
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && eq(a[start + x]!, b[start + y]!)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the trace.
  const middle: { op: DiffOp['op']; a: number; b: number }[] = [];
  let x = n,
    y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[d + k - 1]! < vd[d + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[d + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      middle.push({ op: 'equal', a: start + x, b: start + y });
    }
    if (x === prevX) {
      y--;
      middle.push({ op: 'insert', a: start + x, b: start + y });
    } else {
      x--;
      middle.push({ op: 'delete', a: start + x, b: start + y });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    middle.push({ op: 'equal', a: start + x, b: start + y });
  }
  middle.reverse();
  const out: { op: DiffOp['op']; a: number; b: number }[] = [];
  for (let i = 0; i < start; i++) out.push({ op: 'equal', a: i, b: i });
  out.push(...middle);
  for (let i = 0; i < a.length - endA; i++) out.push({ op: 'equal', a: endA + i, b: endB + i });
  return out;
}

const len = (t: string) => (CLUSTERING.test(t) ? graphemes(t).length : t.length);

/** Merges neighbours of one kind, puts deletions before insertions, and moves a common prefix/suffix of a replacement into the equalities. */
export function cleanupMerge(input: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  let del = '',
    ins = '';
  const flush = () => {
    if (!del && !ins) return;
    if (del && ins) {
      const dg = graphemes(del),
        ig = graphemes(ins);
      let p = 0;
      while (p < dg.length && p < ig.length && dg[p] === ig[p]) p++;
      let s = 0;
      while (s < dg.length - p && s < ig.length - p && dg[dg.length - 1 - s] === ig[ig.length - 1 - s]) s++;
      if (p) pushEq(dg.slice(0, p).join(''));
      const d = dg.slice(p, dg.length - s).join(''),
        i = ig.slice(p, ig.length - s).join('');
      if (d) out.push({ op: 'delete', text: d });
      if (i) out.push({ op: 'insert', text: i });
      if (s) pushEq(dg.slice(dg.length - s).join(''));
    } else if (del) out.push({ op: 'delete', text: del });
    else out.push({ op: 'insert', text: ins });
    del = '';
    ins = '';
  };
  const pushEq = (text: string) => {
    const last = out[out.length - 1];
    if (last?.op === 'equal') last.text += text;
    else out.push({ op: 'equal', text });
  };
  for (const d of input) {
    if (!d.text) continue;
    if (d.op === 'delete') del += d.text;
    else if (d.op === 'insert') ins += d.text;
    else {
      flush();
      pushEq(d.text);
    }
  }
  flush();
  return out;
}

/** diff-match-patch's semantic cleanup: an equality no longer than the edits on both sides becomes part of them. */
export function cleanupSemantic(input: DiffOp[]): DiffOp[] {
  const diffs = input.map((d) => ({ ...d }));
  let changes = false;
  const equalities: number[] = [];
  let lastEquality: string | null = null;
  let ins1 = 0,
    del1 = 0,
    ins2 = 0,
    del2 = 0;
  let pointer = 0;
  while (pointer < diffs.length) {
    const d = diffs[pointer]!;
    if (d.op === 'equal') {
      equalities.push(pointer);
      ins1 = ins2;
      del1 = del2;
      ins2 = 0;
      del2 = 0;
      lastEquality = d.text;
    } else {
      if (d.op === 'insert') ins2 += len(d.text);
      else del2 += len(d.text);
      if (
        lastEquality !== null &&
        len(lastEquality) <= Math.max(ins1, del1) &&
        len(lastEquality) <= Math.max(ins2, del2)
      ) {
        const at = equalities[equalities.length - 1]!;
        diffs.splice(at, 0, { op: 'delete', text: lastEquality });
        diffs[at + 1] = { op: 'insert', text: lastEquality };
        equalities.pop();
        equalities.pop();
        pointer = equalities.length ? equalities[equalities.length - 1]! : -1;
        ins1 = del1 = ins2 = del2 = 0;
        lastEquality = null;
        changes = true;
      }
    }
    pointer++;
  }
  return changes ? cleanupMerge(diffs) : diffs;
}

/** The character diff of two texts, cleaned up for reading. */
export function diffText(oldText: string, newText: string): DiffOp[] {
  if (oldText === newText) return oldText ? [{ op: 'equal', text: oldText }] : [];
  const a = graphemes(oldText),
    b = graphemes(newText);
  const raw: DiffOp[] = myers(a, b).map((e) => ({ op: e.op, text: e.op === 'insert' ? b[e.b]! : a[e.a]! }));
  return cleanupSemantic(cleanupMerge(raw));
}

/** How alike two texts are, 0..1 (shared characters over total). */
export function similarity(oldText: string, newText: string): number {
  if (!oldText && !newText) return 1;
  const a = graphemes(oldText),
    b = graphemes(newText);
  const same = myers(a, b).filter((e) => e.op === 'equal').length;
  return (2 * same) / (a.length + b.length);
}

/** The old side of a diff (equal + delete) and the new side (equal + insert), with the changed parts marked. */
export function sides(ops: readonly DiffOp[]): {
  old: { text: string; changed: boolean }[];
  new: { text: string; changed: boolean }[];
} {
  const o: { text: string; changed: boolean }[] = [],
    n: { text: string; changed: boolean }[] = [];
  for (const d of ops) {
    if (d.op !== 'insert') o.push({ text: d.text, changed: d.op === 'delete' });
    if (d.op !== 'delete') n.push({ text: d.text, changed: d.op === 'insert' });
  }
  return { old: o, new: n };
}
