/**
 * Japanese item numbering (docs/CONVENTIONS.md §3.13, §3.14): 第1 → 1 → (1) → ア → (ア) →
 * a → (a) for documents, and Ⅰ．→ １．→ （１）→ ① for vision outlines (reference 004).
 */
const FULL_DIGITS = '０１２３４５６７８９';
const ROMAN = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ', 'Ⅺ', 'Ⅻ'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿';
const IROHA_KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';

/** 12 → １２ */
export function toFullWidthDigits(n: number | string): string {
  return String(n).replace(/[0-9]/g, (d) => FULL_DIGITS[Number(d)]!);
}

/** ＤＸ１２ → DX12: full-width ASCII (letters, digits, symbols) to half-width. */
export function toHalfWidthAscii(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** DX12 → ＤＸ１２ */
export function toFullWidthAscii(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

export function roman(n: number): string {
  return ROMAN[n - 1] ?? String(n);
}
export function circled(n: number): string {
  return [...CIRCLED][n - 1] ?? `(${n})`;
}
export function kana(n: number): string {
  return [...IROHA_KANA][n - 1] ?? String(n);
}
export function latin(n: number): string {
  return LATIN[n - 1] ?? String(n);
}

export type NumberingStyle = 'roman' | 'dai';

/**
 * The label of item n (1-based) at a level (0-based) of an outline.
 * roman: Ⅰ． / １． / （１） / ① / ア / (ア)   — reference 004's vision outline
 * dai:   第1 / 1 / (1) / ア / (ア) / a / (a)  — the usual order of public documents
 */
export function outlineLabel(style: NumberingStyle, level: number, n: number): string {
  if (style === 'roman') {
    switch (level) {
      case 0:
        return `${roman(n)}．`;
      case 1:
        return `${toFullWidthDigits(n)}．`;
      case 2:
        return `（${toFullWidthDigits(n)}）`;
      case 3:
        return circled(n);
      case 4:
        return kana(n);
      default:
        return `（${kana(n)}）`;
    }
  }
  switch (level) {
    case 0:
      return `第${n}`;
    case 1:
      return String(n);
    case 2:
      return `(${n})`;
    case 3:
      return kana(n);
    case 4:
      return `(${kana(n)})`;
    case 5:
      return latin(n);
    default:
      return `(${latin(n)})`;
  }
}

/**
 * Section numbers of minutes and agendas: １ 開会 / ２ 資料の説明 (reference 004 uses
 * full-width digits). `digitWidth` 'half' gives 1, 2 …
 */
export function itemNumber(n: number, digitWidth: 'half' | 'full-single' | 'full' = 'full'): string {
  if (digitWidth === 'half') return String(n);
  if (digitWidth === 'full-single') return n < 10 ? toFullWidthDigits(n) : String(n);
  return toFullWidthDigits(n);
}

/** 第２回 / 第2回 by the council's digit width. */
export function meetingOrdinal(n: number, digitWidth: 'half' | 'full-single' = 'full-single'): string {
  return `第${digitWidth === 'half' ? String(n) : itemNumber(n, 'full-single')}回`;
}

/** 資料１ */
export function materialLabel(n: number): string {
  return `資料${toFullWidthDigits(n)}`;
}

/** A委員, B委員 … Z委員, AA委員 … for letter anonymisation. */
export function letterFor(index: number): string {
  let n = index,
    s = '';
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}
