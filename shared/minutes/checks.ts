/**
 * 公用文チェック (docs/CONVENTIONS.md §3): one function per rule, run over the text a 公開版 would
 * print (hidden names not yet replaced, so they can be found). Every finding says where
 * it is (section, paragraph, remark ids, offset) and proposes a fix; nothing is applied
 * until the user accepts it, and fixes change the minutes text (edits), never the notes.
 */
import type { Member, Remark } from '../domain';
import { toFullWidthDigits, toHalfWidthAscii } from '../numbering';
import { memberTitle } from '../people';
import { speakerLabel, type SpeakerContext } from '../speakers';
import { publicLetters } from '../publication/labels';
import { nameMatcher, type NameMatcher } from '../publication/names';
import { hidesNames, publicPeople } from '../publication/redaction';
import { buildMinutesModel, escapeRegExp, type MinutesInput, type MinutesModel } from './model';

export const CHECK_RULES = {
  punctuation: '句読点',
  width: '英数字の全角・半角',
  bigNumber: '大きな数の書き方',
  kagetsu: 'か月・か所',
  approximate: '概数の書き方',
  conjunction: '接続詞の書き方',
  formalNoun: '形式名詞',
  brackets: '括弧（『』）',
  filler: '不要語（ケバ取り）',
  needsCheck: '要確認の記録',
  emptySection: '空の項目',
  hiddenName: '公開版で伏せる氏名',
} as const;
export type CheckRule = keyof typeof CHECK_RULES;

export type Fix =
  | { type: 'replace'; label: string; paragraphKey: string; offset: number; length: number; replacement: string }
  | { type: 'clear-needs-check'; label: string; remarkIds: string[] }
  | { type: 'add-text'; label: string; paragraphKey: string; text: string };

export interface Finding {
  id: string;
  rule: CheckRule;
  message: string;
  sectionKey: string | null;
  /** 「３ 議題１ …」 or the header label. */
  place: string;
  paragraphKey: string | null;
  remarkIds: string[];
  offset: number;
  length: number;
  /** The found text with a little context around it. */
  excerpt: string;
  /** null = a warning only (the meaning decides; not auto-fixed). */
  fix: Fix | null;
}

/** One editable text of the minutes and where it stands. */
export interface TextUnit {
  sectionKey: string | null;
  place: string;
  paragraphKey: string;
  remarkIds: string[];
  text: string;
  /** Spoken in answer to a question: はい／ええ stay. */
  isAnswer: boolean;
}

export interface CheckContext {
  punctuation: 'touten' | 'comma';
  digitWidth: 'half' | 'full-single';
  /** Member names to hide and the label each becomes (empty under the names rule). */
  hidden: { pattern: RegExp; label: string }[];
  /** Every written form of members' and staff names (shared/publication/names.ts); replaces `hidden` when set. */
  names?: NameMatcher | null;
}

type TextRule = (unit: TextUnit, ctx: CheckContext) => Finding[];

function excerpt(text: string, offset: number, length: number): string {
  const start = Math.max(0, offset - 8);
  const end = Math.min(text.length, offset + length + 8);
  return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
}

function found(
  unit: TextUnit,
  rule: CheckRule,
  m: { index: number; length: number },
  message: string,
  replacement: string | null,
  fixLabel?: string,
): Finding {
  return {
    id: `${rule}:${unit.paragraphKey}:${m.index}`,
    rule,
    message,
    sectionKey: unit.sectionKey,
    place: unit.place,
    paragraphKey: unit.paragraphKey,
    remarkIds: unit.remarkIds,
    offset: m.index,
    length: m.length,
    excerpt: excerpt(unit.text, m.index, m.length),
    fix:
      replacement === null
        ? null
        : {
            type: 'replace',
            label:
              fixLabel ??
              (replacement
                ? `「${unit.text.slice(m.index, m.index + m.length)}」→「${replacement}」`
                : `「${unit.text.slice(m.index, m.index + m.length)}」を削除`),
            paragraphKey: unit.paragraphKey,
            offset: m.index,
            length: m.length,
            replacement,
          },
  };
}

/** Runs a global regexp and maps each match (with capture groups) to a finding. */
function scan(unit: TextUnit, re: RegExp, map: (m: RegExpExecArray) => Finding | null): Finding[] {
  const out: Finding[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(unit.text); m; m = re.exec(unit.text)) {
    const f = map(m);
    if (f) out.push(f);
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return out;
}

const JA = '\\u3040-\\u30ff\\u3400-\\u9fff\\uff66-\\uff9f）」』';

// ---------------------------------------------------------------- the rules

/** One style of 、。 or ，。 per document; ．/. as a full stop becomes 。. */
export const checkPunctuation: TextRule = (unit, ctx) => {
  const wrongComma = ctx.punctuation === 'touten' ? '，' : '、';
  const rightComma = ctx.punctuation === 'touten' ? '、' : '，';
  const out = scan(unit, new RegExp(wrongComma, 'g'), (m) =>
    found(unit, 'punctuation', { index: m.index, length: 1 }, `読点は「${rightComma}」にそろえます。`, rightComma),
  );
  // ．or . after Japanese text (not between digits: 3.5 stays) is used as a full stop.
  out.push(
    ...scan(unit, new RegExp(`(?<=[${JA}])[．.](?![0-9０-９])`, 'g'), (m) =>
      found(unit, 'punctuation', { index: m.index, length: 1 }, '句点は「。」を使います。', '。'),
    ),
  );
  out.push(
    ...scan(unit, new RegExp(`(?<=[${JA}]),(?![0-9])`, 'g'), (m) =>
      found(unit, 'punctuation', { index: m.index, length: 1 }, `読点は「${rightComma}」にそろえます。`, rightComma),
    ),
  );
  return out;
};

/** Latin letters and digits in one width per document (ＤＸ / DX). */
export const checkWidth: TextRule = (unit, ctx) => {
  const out = scan(unit, /[Ａ-Ｚａ-ｚ]+/g, (m) =>
    found(unit, 'width', { index: m.index, length: m[0].length }, '英字は半角にそろえます。', toHalfWidthAscii(m[0])),
  );
  if (ctx.digitWidth === 'half') {
    out.push(
      ...scan(unit, /[０-９]+/g, (m) =>
        found(
          unit,
          'width',
          { index: m.index, length: m[0].length },
          '数字は半角にそろえます。',
          toHalfWidthAscii(m[0]),
        ),
      ),
    );
  } else {
    // Full-width for one-digit numbers, half-width from two digits.
    out.push(
      ...scan(unit, /[０-９]{2,}/g, (m) =>
        found(
          unit,
          'width',
          { index: m.index, length: m[0].length },
          '2桁以上の数字は半角にそろえます。',
          toHalfWidthAscii(m[0]),
        ),
      ),
    );
    out.push(
      ...scan(unit, /(?<![0-9０-９.,:：／/])[0-9](?![0-9０-９.,:：／/])/g, (m) =>
        found(unit, 'width', { index: m.index, length: 1 }, '1桁の数字は全角にそろえます。', toFullWidthDigits(m[0])),
      ),
    );
  }
  return out;
};

/** 5000 → 5,000 (years and numbers of things like 第1234号 stay); 3千万円 → 3,000万円 (千・百 not as units). */
export const checkBigNumber: TextRule = (unit) => [
  ...scan(unit, /(?<![0-9,.])[0-9]{4,}(?![0-9,.]|年|号|番)/g, (m) =>
    found(
      unit,
      'bigNumber',
      { index: m.index, length: m[0].length },
      '4桁以上の数は3桁ごとに「,」で区切ります。',
      Number(m[0]).toLocaleString('en-US'),
    ),
  ),
  ...scan(unit, /(?<![0-9,.])([0-9]{1,3})(千|百)(?=[万億兆円人件])/g, (m) =>
    found(
      unit,
      'bigNumber',
      { index: m.index, length: m[0].length },
      '千・百は単位に使わず数字で書きます（兆・億・万は漢字）。',
      (Number(m[1]) * (m[2] === '千' ? 1000 : 100)).toLocaleString('en-US'),
    ),
  ),
];

/** 3ヶ月 → 3か月, 10カ所 → 10か所. */
export const checkKagetsu: TextRule = (unit) =>
  scan(unit, /(?<=[0-9０-９一二三四五六七八九十百数何])(ヶ|ヵ|カ|ケ|箇|个)(月|所)/g, (m) =>
    found(unit, 'kagetsu', { index: m.index, length: m[0].length }, `「か${m[2]}」と書きます。`, `か${m[2]}`),
  );

const KANJI_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 2,3日 → 二、三日 (approximate numbers in kanji). */
export const checkApproximate: TextRule = (unit) =>
  scan(unit, /(?<![0-9０-９])([1-9１-９])[,，、・]([1-9１-９])(?=[日人回年件時週分か箇個名社度倍割])/g, (m) => {
    const a = Number(toHalfWidthAscii(m[1]!)),
      b = Number(toHalfWidthAscii(m[2]!));
    if (b !== a + 1) return null; // 2,3 is approximate; 2,5 is a list
    return found(
      unit,
      'approximate',
      { index: m.index, length: m[0].length },
      '概数は漢数字で書きます。',
      `${KANJI_DIGITS[a]}、${KANJI_DIGITS[b]}`,
    );
  });

const CONJ_TO_KANJI: [string, string][] = [
  ['および', '及び'],
  ['ならびに', '並びに'],
  ['または', '又は'],
  ['もしくは', '若しくは'],
];
const CONJ_TO_KANA: [string, string][] = [
  ['但し', 'ただし'],
  ['従って', 'したがって'],
  ['尚', 'なお'],
  ['又', 'また'],
  ['且つ', 'かつ'],
];
/** 及び・並びに・又は・若しくは in kanji; ただし・したがって・なお・また・かつ in kana. */
export const checkConjunction: TextRule = (unit) => {
  const out: Finding[] = [];
  for (const [kana, kanji] of CONJ_TO_KANJI) {
    out.push(
      ...scan(unit, new RegExp(kana, 'g'), (m) =>
        found(
          unit,
          'conjunction',
          { index: m.index, length: kana.length },
          `接続詞「${kanji}」は漢字で書きます。`,
          kanji,
        ),
      ),
    );
  }
  for (const [kanji, kana] of CONJ_TO_KANA) {
    // At the start of a sentence only (従って is also a verb: 指示に従って); 且つ anywhere.
    const re = kanji === '且つ' ? /且つ/g : new RegExp(`(?<=^|[。\\n])${kanji}(?=[、，])`, 'g');
    out.push(
      ...scan(unit, re, (m) =>
        found(
          unit,
          'conjunction',
          { index: m.index, length: kanji.length },
          `接続詞「${kana}」は仮名で書きます。`,
          kana,
        ),
      ),
    );
  }
  return out;
};

/** こと・とき・ところ・もの・ほか in kana where formal — a warning only (meaning-dependent). */
export const checkFormalNoun: TextRule = (unit) =>
  scan(unit, /(?<=(?:する|した|ある|いる|なる|ない|できる|の))(事|時|所|物|外)(?=[がをはにもで、。])/g, (m) => {
    const kana: Record<string, string> = { 事: 'こと', 時: 'とき', 所: 'ところ', 物: 'もの', 外: 'ほか' };
    return found(
      unit,
      'formalNoun',
      { index: m.index, length: 1 },
      `形式名詞なら「${kana[m[1]!]}」と仮名で書きます（意味を確認してください）。`,
      null,
    );
  });

/** 『』 is not used in principle: 『…』 → 「…」. */
export const checkBrackets: TextRule = (unit) =>
  scan(unit, /[『』]/g, (m) =>
    found(unit, 'brackets', { index: m.index, length: 1 }, '『』は使わず「」にします。', m[0] === '『' ? '「' : '」'),
  );

/** えー, えーと, あのー, そのー, うーん, まあ…; はい/ええ stay when they answer a question. */
export const checkFiller: TextRule = (unit) => {
  const out = scan(unit, /(えーっと|えーと|えっと|えー|あのー|そのー|うーん|まあ(?=[、，]))[、，\s　]?/g, (m) =>
    found(unit, 'filler', { index: m.index, length: m[0].length }, `不要語「${m[1]}」を削除します。`, ''),
  );
  // Lengthened vowels: それでー → それで.
  const inFiller = (i: number) => out.some((f) => i >= f.offset && i < f.offset + f.length);
  out.push(
    ...scan(unit, /(?<=[ぁ-ん])ー+(?=[、，。\s　]|$)/g, (m) =>
      inFiller(m.index)
        ? null
        : found(unit, 'filler', { index: m.index, length: m[0].length }, '語尾の伸ばし（ー）を削除します。', ''),
    ),
  );
  if (!unit.isAnswer) {
    out.push(
      ...scan(unit, /^(はい|ええ)[、，。\s　]/g, (m) =>
        found(
          unit,
          'filler',
          { index: m.index, length: m[0].length },
          `質問への答えではない「${m[1]}」を削除します。`,
          '',
        ),
      ),
    );
  }
  return out;
};

/** Names the council's label rule hides in the 公開版 (大久保副会長 → 副会長). */
export const checkHiddenNames: TextRule = (unit, ctx) => {
  if (ctx.names) {
    const { hits, unknown } = ctx.names.find(unit.text);
    return [
      ...hits.map((h) =>
        found(
          unit,
          'hiddenName',
          { index: h.start, length: h.end - h.start },
          h.safe
            ? `公開版では氏名を伏せます（「${h.found}」→「${h.label}」）。`
            : `公開版では氏名を伏せますが、${h.reason}。文を書き直してください（「${h.found}」）。`,
          h.safe ? h.label : null,
        ),
      ),
      ...unknown.map((u) =>
        found(
          unit,
          'hiddenName',
          { index: u.start, length: u.end - u.start },
          `委員・職員以外の人名かもしれません。公開してよいか確認してください（「${u.found}」）。`,
          null,
        ),
      ),
    ];
  }
  return ctx.hidden.flatMap(({ pattern, label }) =>
    scan(unit, new RegExp(pattern.source, 'g'), (m) =>
      found(
        unit,
        'hiddenName',
        { index: m.index, length: m[0].length },
        `公開版では氏名を伏せます（「${m[0]}」）。`,
        label,
      ),
    ),
  );
};

export const TEXT_RULES: TextRule[] = [
  checkPunctuation,
  checkWidth,
  checkBigNumber,
  checkKagetsu,
  checkApproximate,
  checkConjunction,
  checkFormalNoun,
  checkBrackets,
  checkFiller,
  checkHiddenNames,
];

// ---------------------------------------------------------------- running them

export function textUnits(model: MinutesModel, remarks: Pick<Remark, 'id' | 'kind' | 'replyToId'>[]): TextUnit[] {
  const byId = new Map(remarks.map((r) => [r.id, r]));
  const units: TextUnit[] = [];
  for (const s of model.sections) {
    for (const p of s.paragraphs) {
      if (!p.editable || !p.text) continue;
      const isAnswer = p.sourceIds.some((id) => {
        const r = byId.get(id);
        return !!r && (r.kind === '回答' || !!r.replyToId);
      });
      units.push({
        sectionKey: s.key,
        place: s.heading,
        paragraphKey: p.key,
        remarkIds: p.sourceIds,
        text: p.text,
        isAnswer,
      });
    }
  }
  const other = model.header.find((h) => h.key === 'other');
  if (other && other.lines.length)
    units.push({
      sectionKey: null,
      place: 'その他',
      paragraphKey: 'h:other',
      remarkIds: [],
      text: other.lines.join('\n'),
      isAnswer: false,
    });
  return units;
}

/** Patterns for the names a rule hides, and the label each becomes in running text. */
export function hiddenNamePatterns(input: Omit<MinutesInput, 'mode'>): CheckContext['hidden'] {
  const rule = input.council.publication.speakerLabel;
  if (rule === 'name') return [];
  const ctx: SpeakerContext = {
    members: input.members,
    staff: input.staff,
    chairMemberId: input.meeting.chairMemberId,
  };
  const letters = publicLetters(input.council, input.members, input.meeting.id);
  const textRule = rule === 'bracket' ? 'role' : rule;
  return [...input.members]
    .sort((a, b) => b.name.length - a.name.length)
    .map((m: Member) => {
      const label = speakerLabel({ type: 'member', memberId: m.id }, ctx, textRule, letters);
      const name = escapeRegExp(m.name);
      const titled = `${escapeRegExp(memberTitle(m))}|${name}(?:委員|会長|副会長|さん|氏|様|先生)`;
      return { pattern: new RegExp(m.name.length >= 2 ? `${titled}|${name}` : titled), label };
    });
}

/** The text the checks read (and fixes apply to): the 公開版 with names not yet replaced. */
export function checksModel(input: Omit<MinutesInput, 'mode'>): MinutesModel {
  // The text as written: what the style's punctuation rules change at export is listed apart
  // (minutesTextRuleChanges), so a fix's offsets point into the user's own text.
  return buildMinutesModel({ ...input, mode: 'public' }, { redactNames: false, textRules: false });
}

export function runChecks(input: Omit<MinutesInput, 'mode'>): Finding[] {
  const model = checksModel(input);
  const ctx: CheckContext = {
    punctuation: input.council.publication.punctuation,
    digitWidth: input.council.publication.digitWidth,
    hidden: hiddenNamePatterns(input),
    names: hidesNames(input.council.publication.speakerLabel)
      ? nameMatcher(
          publicPeople({
            council: input.council,
            members: input.members,
            staff: input.staff,
            letters: publicLetters(input.council, input.members, input.meeting.id),
          }),
        )
      : null,
  };
  const findings: Finding[] = [];
  for (const unit of textUnits(model, input.remarks)) for (const rule of TEXT_RULES) findings.push(...rule(unit, ctx));
  findings.push(...checkNeedsCheck(model, input.remarks), ...checkEmptySections(model, input.meeting.agenda));
  return dedupe(findings);
}

/** Remarks still flagged 要確認 (fix: mark them checked). */
export function checkNeedsCheck(
  model: MinutesModel,
  remarks: Pick<Remark, 'id' | 'needsCheck' | 'text' | 'meetingId'>[],
): Finding[] {
  const out: Finding[] = [];
  const byId = new Map<string, (typeof remarks)[number]>();
  for (const r of remarks) if (!byId.has(r.id)) byId.set(r.id, r); // the first, as find() would
  for (const s of model.sections) {
    for (const p of s.paragraphs) {
      for (const id of p.kind === 'group' || p.kind === 'field' ? [] : p.sourceIds) {
        const r = byId.get(id);
        if (!r?.needsCheck) continue;
        out.push({
          id: `needsCheck:${id}`,
          rule: 'needsCheck',
          message: '「要確認」の印が付いたままの記録です。内容を確かめてください。',
          sectionKey: s.key,
          place: s.heading,
          paragraphKey: p.key,
          remarkIds: [id],
          offset: 0,
          length: 0,
          excerpt: excerpt(r.text, 0, 20),
          fix: { type: 'clear-needs-check', label: '確認済みにする', remarkIds: [id] },
        });
      }
    }
  }
  return out;
}

/** Sections with nothing written (開会・閉会 may stay empty). */
export function checkEmptySections(model: MinutesModel, agenda: { id: string; kind: string }[]): Finding[] {
  return model.sections
    .filter(
      (s) =>
        s.paragraphs.length === 0 &&
        !['開会', '閉会'].includes(agenda.find((a) => a.id === s.agendaItemId)?.kind ?? ''),
    )
    .map((s) => ({
      id: `emptySection:${s.key}`,
      rule: 'emptySection' as const,
      message: 'この項目には記載がありません。',
      sectionKey: s.key,
      place: s.heading,
      paragraphKey: null,
      remarkIds: [],
      offset: 0,
      length: 0,
      excerpt: s.heading,
      fix: { type: 'add-text' as const, label: '「特になし」と記載する', paragraphKey: `x:${s.key}`, text: '特になし' },
    }));
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
}

/**
 * Applies accepted fixes to the minutes' edits. Replacements in one paragraph go from the
 * end backwards so earlier offsets stay right; overlapping ones are skipped (run the
 * checks again). Returns the new edits and the remarks to mark as checked.
 */
export function applyFixes(
  model: MinutesModel,
  edits: Record<string, string>,
  fixes: Fix[],
): { edits: Record<string, string>; clearNeedsCheck: string[]; applied: number } {
  const next = { ...edits };
  const clear: string[] = [];
  let applied = 0;
  const current = new Map<string, string>();
  for (const s of model.sections) for (const p of s.paragraphs) if (p.editable) current.set(p.key, p.text);
  const other = model.header.find((h) => h.key === 'other');
  current.set('h:other', other?.lines.join('\n') ?? '');

  const byParagraph = new Map<string, Extract<Fix, { type: 'replace' }>[]>();
  for (const f of fixes) {
    if (f.type === 'replace') byParagraph.set(f.paragraphKey, [...(byParagraph.get(f.paragraphKey) ?? []), f]);
    else if (f.type === 'clear-needs-check') {
      clear.push(...f.remarkIds);
      applied++;
    } else if (f.type === 'add-text') {
      next[f.paragraphKey] = f.text;
      applied++;
    }
  }
  for (const [key, list] of byParagraph) {
    let text = current.get(key);
    if (text === undefined) continue;
    let limit = Infinity;
    for (const f of [...list].sort((a, b) => b.offset - a.offset)) {
      if (f.offset + f.length > limit) continue;
      text = text.slice(0, f.offset) + f.replacement + text.slice(f.offset + f.length);
      limit = f.offset;
      applied++;
    }
    next[key] = text;
  }
  return { edits: next, clearNeedsCheck: [...new Set(clear)], applied };
}
