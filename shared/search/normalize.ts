/**
 * Japanese-aware normalisation for search: what the index stores and what a query is
 * compared with. Pure TypeScript (runs in the renderer, a Web Worker and Node).
 *
 * Per character, in this order:
 *  1. NFKC (width folding: ｺﾐｭﾆﾃｨ → コミュニティ, ＤＸ → DX, ① → 1, ㈱ → (株)); a base character
 *     and the combining marks after it (ｶﾞ, か + U+3099, e + U+0301) are normalised together.
 *  2. case folding (DX → dx).
 *  3. katakana → hiragana (コミュニティ → こみゅにてぃ; ヴ → ゔ; ヷ–ヺ stay).
 *  4. 旧字体・異体字 → 新字体 from the table in resources/search/kyujitai.json (髙 → 高, 﨑 → 崎).
 *  5. spaces, punctuation, control and format characters are dropped (「」、。・ and ' ' vanish;
 *     the long vowel mark ー and symbols such as ○ ※ stay).
 *
 * `normalize` gives only the text (indexing); `normalizeWithMap` also says, for each UTF-16
 * unit of the result, which range of the ORIGINAL text produced it, so a match found in
 * normalised text can be highlighted in what the user wrote.
 */
import kyujitai from '../../resources/search/kyujitai.json';

const OLD_TO_NEW = new Map<number, string>();
for (const line of (kyujitai as { pairs: string[] }).pairs)
  for (const pair of line.split(' ')) {
    const [oldChar, newChar] = Array.from(pair);
    if (oldChar && newChar) OLD_TO_NEW.set(oldChar.codePointAt(0)!, newChar);
  }

/** The table as pairs [旧, 新] (for tests and documentation). */
export function kyujitaiPairs(): [string, string][] {
  return [...OLD_TO_NEW].map(([cp, n]) => [String.fromCodePoint(cp), n]);
}

const DROP = /^[\p{P}\p{Z}\p{Cc}\p{Cf}\s]$/u;

/** Folds one already NFKC-normalised, lower-cased code point (steps 3–5). '' = dropped. */
function foldCodePoint(cp: number): string {
  if (cp >= 0x30a1 && cp <= 0x30f6) return String.fromCharCode(cp - 0x60); // katakana → hiragana
  if (cp === 0x30fd || cp === 0x30fe) return String.fromCharCode(cp - 0x60); // ヽヾ → ゝゞ
  const mapped = OLD_TO_NEW.get(cp);
  if (mapped !== undefined) return mapped;
  const ch = String.fromCodePoint(cp);
  return DROP.test(ch) ? '' : ch;
}

const UNIT_CACHE = new Map<string, string>();

/** Normalises one unit (a base character with its combining marks, or a surrogate pair). */
function normalizeUnit(unit: string): string {
  let out = UNIT_CACHE.get(unit);
  if (out === undefined) {
    out = normalizeUnitUncached(unit);
    if (UNIT_CACHE.size < 10000) UNIT_CACHE.set(unit, out);
  }
  return out;
}

function normalizeUnitUncached(unit: string): string {
  const nfkc = unit.normalize('NFKC').toLowerCase();
  let out = '';
  for (const ch of nfkc) out += foldCodePoint(ch.codePointAt(0)!);
  return out;
}

// BMP cache: for a code unit alone, its result. -1 = not yet known, -2 = dropped,
// -3 = several units (in MULTI), otherwise the single resulting code unit.
const CACHE = new Int32Array(0x10000).fill(-1);
const MULTI = new Map<number, string>();

function cachedBmp(c: number): number {
  let r = CACHE[c]!;
  if (r !== -1) return r;
  const out = normalizeUnit(String.fromCharCode(c));
  if (out.length === 0) r = -2;
  else if (out.length === 1) r = out.charCodeAt(0);
  else {
    r = -3;
    MULTI.set(c, out);
  }
  CACHE[c] = r;
  return r;
}

/** Marks that NFKC composes with the character before them. */
function isCombining(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) || c === 0x3099 || c === 0x309a || c === 0xff9e || c === 0xff9f // ﾞ ﾟ
  );
}

/** The normalised form of `text` (see the module comment). */
export function normalize(text: string): string {
  const len = text.length;
  let out = '';
  let run = 0; // start of the current run of characters that stay as they are
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    const next = i + 1 < len ? text.charCodeAt(i + 1) : 0;
    if ((c < 0xd800 || c > 0xdbff) && !isCombining(next)) {
      let r = CACHE[c]!;
      if (r === -1) r = cachedBmp(c);
      if (r !== c) {
        if (run < i) out += text.slice(run, i);
        if (r >= 0) out += String.fromCharCode(r);
        else if (r === -3) out += MULTI.get(c)!;
        run = i + 1;
      }
      i++;
      continue;
    }
    let end = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < len ? 2 : 1);
    while (end < len && isCombining(text.charCodeAt(end))) end++;
    if (run < i) out += text.slice(run, i);
    out += normalizeUnit(text.slice(i, end));
    i = end;
    run = end;
  }
  return run === 0 ? text : run < len ? out + text.slice(run) : out;
}

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 unit of `text`: where its source starts in the original. */
  starts: Uint32Array;
  /** For each UTF-16 unit of `text`: where its source ends (exclusive) in the original. */
  ends: Uint32Array;
}

/** The normalised form with its position map back to the original. */
export function normalizeWithMap(original: string): NormalizedText {
  const len = original.length;
  let cap = len + 16;
  let starts = new Uint32Array(cap);
  let ends = new Uint32Array(cap);
  let text = '';
  let n = 0;
  let run = 0; // start of the current run of characters that stay as they are
  const put = (piece: string, s: number, e: number) => {
    const need = n + piece.length + (len - e); // room for this piece and one unit per character left
    if (need > cap) {
      cap = need * 2;
      const ns = new Uint32Array(cap);
      ns.set(starts);
      starts = ns;
      const ne = new Uint32Array(cap);
      ne.set(ends);
      ends = ne;
    }
    for (let k = 0; k < piece.length; k++) {
      starts[n] = s;
      ends[n++] = e;
    }
  };
  let i = 0;
  while (i < len) {
    const c = original.charCodeAt(i);
    const next = i + 1 < len ? original.charCodeAt(i + 1) : 0;
    if ((c < 0xd800 || c > 0xdbff) && !isCombining(next)) {
      let r = CACHE[c]!;
      if (r === -1) r = cachedBmp(c);
      if (r === c) {
        starts[n] = i;
        ends[n++] = i + 1;
      } else {
        if (run < i) text += original.slice(run, i);
        run = i + 1;
        if (r >= 0) {
          text += String.fromCharCode(r);
          put(' ', i, i + 1);
        } else if (r === -3) {
          const m = MULTI.get(c)!;
          text += m;
          put(m, i, i + 1);
        }
      }
      i++;
      continue;
    }
    let end = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < len ? 2 : 1);
    while (end < len && isCombining(original.charCodeAt(end))) end++;
    if (run < i) text += original.slice(run, i);
    const m = normalizeUnit(original.slice(i, end));
    text += m;
    put(m, i, end);
    i = end;
    run = end;
  }
  if (run < len) text += original.slice(run);
  return { text, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** The original range [start, end) that produced normalised units [from, to). */
export function originalRange(map: NormalizedText, from: number, to: number): [number, number] {
  return [map.starts[from]!, map.ends[to - 1]!];
}
