/**
 * Names inside running text, for a public edition: finds every member's and staff
 * member's name in any written form — full name, surname, given name, kana reading
 * (hiragana, katakana, half-width katakana), full- or half-width, with or without spaces,
 * with or without an honorific (さん, 委員, 会長, 先生, 氏, 様, 君 …) — and says what each
 * becomes. A hit is `safe` when the person's public label reads correctly in its place;
 * appointments and elections (「会長に山田委員」「佐藤委員が選出」) and same-name pairs with
 * different labels are not, and the export must stop for the user to edit. Other
 * 「○○さん」「○○氏」 the app cannot know are returned for review. Pure; nothing is applied
 * until a caller applies it.
 */

export interface Person {
  id: string;
  kind: 'member' | 'staff';
  /** As entered: 田中 太郎 / 田中太郎 / 河 (a space separates surname and given name). */
  name: string;
  /** よみがな, optionally with a space: たなか たろう. */
  reading?: string;
  /** What the name becomes in a public text: A委員 / 委員 / 会長 / 事務局. */
  label: string;
}

export interface NameHit {
  personId: string;
  /** Offsets in the original text (end exclusive), honorific included. */
  start: number;
  end: number;
  found: string;
  label: string;
  safe: boolean;
  /** Why it cannot be replaced as is (Japanese, for the user). */
  reason?: string;
}

export interface UnknownName {
  start: number;
  end: number;
  found: string;
}

export interface NameMatcher {
  find(text: string): { hits: NameHit[]; unknown: UnknownName[] };
  /** Every hit replaced by its label (safe or not: nothing hidden ever leaks). */
  redact(text: string): string;
  people: readonly Person[];
}

const HONORIFICS = [
  '副委員長',
  '委員長',
  '副会長',
  '会長',
  '副議長',
  '議長',
  '委員',
  '課長補佐',
  '課長',
  '部長',
  '次長',
  '係長',
  '室長',
  '局長',
  '所長',
  '主幹',
  '主査',
  '主任',
  '参事',
  '先生',
  '教授',
  '議員',
  'さん',
  'さま',
  '様',
  '氏',
  '君',
  'くん',
  'ちゃん',
  '殿',
];
const UNKNOWN_HONORIFICS = ['さん', 'さま', '様', '氏', '君', 'くん', 'ちゃん', '先生'];
/** Words before さん／様 that are not names. */
const NOT_NAMES =
  /^(皆|みな|お客|客|お子|子|奥|嫁|婿|親御|家族|職員|業者|市民|区民|住民|事務局|担当|皆々|各位)$|(皆|みな)$/;

const SPACES = /[\s\u3000]/;

/** NFKC, half-width kana with their voicing marks, spaces dropped; map[i] = original index of normalized char i. */
export function normalizeWithMap(text: string): { norm: string; start: number[]; end: number[] } {
  let norm = '';
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    // Fast path: characters NFKC leaves as they are (ideographs, kana, visible ASCII).
    if (
      (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0x3041 && cp <= 0x3096) ||
      (cp >= 0x30a1 && cp <= 0x30fa) ||
      (cp >= 0x21 && cp <= 0x7e)
    ) {
      norm += text[i];
      start.push(i);
      end.push(i + 1);
      i += 1;
      continue;
    }
    let len = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + len);
    if (SPACES.test(ch)) {
      i += len;
      continue;
    }
    let chunk = ch;
    // ｶﾞ → ガ: a half-width kana and its voicing mark are one character.
    const next = text.charCodeAt(i + len);
    if (cp >= 0xff66 && cp <= 0xff9d && (next === 0xff9e || next === 0xff9f)) {
      chunk = text.slice(i, i + len + 1);
      len += 1;
    }
    const n = chunk.normalize('NFKC');
    for (const c of n) {
      norm += c;
      for (let k = 0; k < c.length; k++) {
        start.push(i);
        end.push(i + len);
      }
    }
    i += len;
  }
  return { norm, start, end };
}

// Per UTF-16 unit: 1 = normalizeWithMap keeps it as it is, 2 = it does something else
// (NFKC changes it, a space, half-width kana, a surrogate), 0 = not yet known.
const KEPT = new Uint8Array(0x10000);

function kept(c: number): boolean {
  let k = KEPT[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k =
      (c >= 0xd800 && c <= 0xdfff) || (c >= 0xff66 && c <= 0xff9f) || SPACES.test(ch) || ch.normalize('NFKC') !== ch
        ? 2
        : 1;
    KEPT[c] = k;
  }
  return k === 1;
}

/**
 * The text normalizeWithMap gives, without its offset maps: the characters it keeps are
 * copied a run at a time, the others normalized as it does (one by one). Most of a long
 * text is kept characters, and the maps are wanted only where a name is found.
 */
export function normalizedText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (kept(text.charCodeAt(i))) continue;
    // The next run of characters it changes, normalized by normalizeWithMap itself.
    let j = i + 1;
    while (j < text.length && !kept(text.charCodeAt(j))) j++;
    // A voicing mark after a half-width kana belongs with it: both go in the run.
    out += text.slice(from, i) + normalizeWithMap(text.slice(i, j)).norm;
    from = j;
    i = j - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** ひらがな → カタカナ (one for one, so offsets stay). */
export function foldKana(s: string): string {
  // A loop over char codes (a replace with a callback per kana was a hot spot on long minutes).
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x3041 && c <= 0x3096) || c === 0x309d || c === 0x309e) {
      if (i > from) out += s.slice(from, i);
      out += String.fromCharCode(c + 0x60);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

export const normalizeName = (s: string) => foldKana(normalizeWithMap(s).norm);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for folded (katakana) text that matches it unfolded: each katakana that has a
 * hiragana also as that hiragana (カワ → [カか][ワわ]), so a text need not be folded whole.
 */
function unfoldedPattern(folded: string): string {
  let out = '';
  for (const ch of folded) {
    const c = ch.charCodeAt(0);
    if ((c >= 0x30a1 && c <= 0x30f6) || c === 0x30fd || c === 0x30fe) out += `[${ch}${String.fromCharCode(c - 0x60)}]`;
    else out += escape(ch);
  }
  return out;
}

interface Variant {
  text: string; // normalized
  people: Person[];
  /** Only with an honorific after it (one-character names, short readings, given names). */
  needsHonorific: boolean;
}

function variantsOf(p: Person): { text: string; bare: boolean }[] {
  const out: { text: string; bare: boolean }[] = [];
  const add = (raw: string, minBare: number) => {
    const t = normalizeName(raw);
    if (t) out.push({ text: t, bare: t.length >= minBare });
  };
  const parts = p.name
    .trim()
    .split(/[\s\u3000]+/)
    .filter(Boolean);
  add(p.name, 2);
  if (parts.length >= 2) {
    add(parts[0]!, 2); // surname
    add(parts.slice(1).join(''), 2); // given name
  }
  if (p.reading) {
    const rp = p.reading
      .trim()
      .split(/[\s\u3000]+/)
      .filter(Boolean);
    add(p.reading, 3);
    if (rp.length >= 2) {
      add(rp[0]!, 3);
      add(rp.slice(1).join(''), 3);
    }
  }
  return out;
}

// Contexts where a label does not read right: the name is the one appointed or elected.
const OFFICE = '(?:副?会長|副?委員長|副?議長|部会長|職務代理者?|会長代理|代表|幹事)';
const BEFORE_UNSAFE = new RegExp(foldKana(`${OFFICE}(?:に|には|は|として|の|、|：|:)$`));
const AFTER_UNSAFE = new RegExp(
  foldKana(
    '^(?:、|が|を|は|の)?(?:それぞれ)?(?:選出|選任|互選|指名|推薦|就任|委嘱|任命|再任|留任|承認)|^(?:に|が)(?:決定|決ま|選ば)|^(?:が|を)?(?:会長|副会長|委員長|議長)(?:に|と)',
  ),
);

/**
 * One matcher over every written form of every name (a single pattern, longest form first).
 * `remember`: each text's finds are kept for the matcher's life, so one export that reads the
 * same texts twice (the 公開版 review, then the replacing) looks through each text once.
 */
export function nameMatcher(people: readonly Person[], opts: { remember?: boolean } = {}): NameMatcher {
  const byText = new Map<string, Variant>();
  for (const p of people)
    for (const v of variantsOf(p)) {
      const cur = byText.get(v.text);
      if (cur) {
        if (!cur.people.includes(p)) cur.people.push(p);
        cur.needsHonorific = cur.needsHonorific && !v.bare;
      } else byText.set(v.text, { text: v.text, people: [p], needsHonorific: !v.bare });
    }
  const variants = [...byText.values()].sort((a, b) => b.text.length - a.text.length);
  const hon = HONORIFICS.map(foldKana).sort((a, b) => b.length - a.length);
  // Run on the normalized text as it is (hiragana not folded); what it finds is folded after.
  const re = variants.length
    ? new RegExp(
        `(${variants.map((v) => unfoldedPattern(v.text)).join('|')})(${hon.map(unfoldedPattern).join('|')})?`,
        'g',
      )
    : null;
  const unknownRe = new RegExp(
    `([\\u4e00-\\u9fff\\u3005\\u30a1-\\u30fa\\u30fc]{1,6})(${UNKNOWN_HONORIFICS.map(escape).join('|')})`,
    'g',
  );

  const found = opts.remember ? new Map<string, { hits: NameHit[]; unknown: UnknownName[] }>() : null;

  function find(text: string) {
    const known = found?.get(text);
    if (known) return known;
    const result = look(text);
    found?.set(text, result);
    return result;
  }

  function look(text: string) {
    // The offsets back into the text are worked out only for a text where something is found.
    const norm = normalizedText(text);
    let maps: { start: number[]; end: number[] } | null = null;
    const mapped = () => (maps ??= normalizeWithMap(text));
    const hits: NameHit[] = [];
    const covered: [number, number][] = [];
    if (re) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(norm))) {
        const v = byText.get(foldKana(m[1]!))!;
        if (v.needsHonorific && !m[2]) {
          re.lastIndex = m.index + 1;
          continue;
        }
        const s = m.index;
        const e = s + m[0].length;
        const { start, end } = mapped();
        const labels = [...new Set(v.people.map((p) => p.label))];
        let reason: string | undefined;
        if (labels.length > 1) reason = '同じ呼び方の人が複数いるため、誰のことか決められません';
        else if (
          BEFORE_UNSAFE.test(foldKana(norm.slice(Math.max(0, s - 8), s))) ||
          AFTER_UNSAFE.test(foldKana(norm.slice(e, e + 12)))
        )
          reason = '選任・選出など、その人を名指しする文のため、置き換えると意味が通りません';
        hits.push({
          personId: v.people[0]!.id,
          start: start[s]!,
          end: end[e - 1]!,
          found: text.slice(start[s]!, end[e - 1]!),
          label: labels.length > 1 ? '委員' : labels[0]!,
          safe: !reason,
          ...(reason ? { reason } : {}),
        });
        covered.push([s, e]);
      }
    }
    const unknown: UnknownName[] = [];
    unknownRe.lastIndex = 0;
    let u: RegExpExecArray | null;
    while ((u = unknownRe.exec(norm))) {
      const s = u.index;
      const e = s + u[0].length;
      if (covered.some(([a, b]) => s < b && e > a)) continue;
      if (NOT_NAMES.test(u[1]!)) continue;
      const { start, end } = mapped();
      unknown.push({ start: start[s]!, end: end[e - 1]!, found: text.slice(start[s]!, end[e - 1]!) });
    }
    return { hits, unknown };
  }

  function redact(text: string): string {
    if (!re) return text;
    const { hits } = find(text);
    if (!hits.length) return text;
    let out = '';
    let at = 0;
    for (const h of hits) {
      out += text.slice(at, h.start) + h.label;
      at = h.end;
    }
    return out + text.slice(at);
  }

  return { find, redact, people };
}
