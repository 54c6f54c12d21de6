/**
 * Choosing who speaks, from the keyboard: part of a name or its reading (おお → 大久保副会長),
 * the roster number (2 → the second member), or 事務局 / 会長 by word.
 */
import type { Member, Speaker, Staff } from '../../../../shared/domain';
import { memberTitle, staffTitle } from '../../../../shared/people';
import { chairMember, type SpeakerContext } from '../../../../shared/speakers';

export interface SpeakerChoice {
  key: string;
  speaker: Speaker;
  label: string;
  /** Roster number of a member (1-based), shown and typed as a shortcut. */
  number: number | null;
  hint: string;
  /** Normalised words matched against what is typed. */
  words: string[];
}

/** Katakana → hiragana, full-width ASCII → half-width, lower case: how both sides are compared. */
export function normalizeQuery(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/\s+/g, '');
}

export function speakerKey(s: Speaker): string {
  switch (s.type) {
    case 'member':
      return `member:${s.memberId}`;
    case 'staff':
      return `staff:${s.staffId}`;
    default:
      return s.type;
  }
}

export function speakerChoices(members: Member[], staff: Staff[], chairMemberId: string | null): SpeakerChoice[] {
  const ctx: SpeakerContext = { members, staff, chairMemberId };
  const chair = chairMember(ctx);
  const chairName = chair ? memberTitle(chair) : '';
  const list: SpeakerChoice[] = [
    {
      key: 'chair',
      speaker: { type: 'chair' },
      label: chair ? `${chairName}（議事進行）` : '会長（議事進行）',
      number: null,
      hint: '議事進行',
      words: ['かいちょう', 'ぎちょう', '会長', '議長', 'ぎじしんこう', '議事進行'],
    },
    {
      key: 'secretariat',
      speaker: { type: 'secretariat' },
      label: '事務局',
      number: null,
      hint: '事務局として',
      words: ['じむきょく', '事務局'],
    },
  ];
  members.forEach((m, i) =>
    list.push({
      key: `member:${m.id}`,
      speaker: { type: 'member', memberId: m.id },
      label: memberTitle(m),
      number: i + 1,
      hint: m.reading,
      words: [m.reading, m.name, memberTitle(m), m.role],
    }),
  );
  for (const s of staff) {
    list.push({
      key: `staff:${s.id}`,
      speaker: { type: 'staff', staffId: s.id },
      label: staffTitle(s),
      number: null,
      hint: s.department,
      words: [s.name, staffTitle(s), s.department, 'じむきょく', '事務局'],
    });
  }
  list.push({
    key: 'unknown',
    speaker: { type: 'unknown' },
    label: '発言者なし',
    number: null,
    hint: '不明・記録のみ',
    words: ['ふめい', '不明', 'なし'],
  });
  for (const c of list) c.words = c.words.filter(Boolean).map(normalizeQuery);
  return list;
}

/** Choices matching what was typed, best first: roster number, then prefix matches, then the rest. */
export function matchSpeakers(choices: SpeakerChoice[], query: string): SpeakerChoice[] {
  const q = normalizeQuery(query);
  if (!q) return choices;
  if (/^\d+$/.test(q)) return choices.filter((c) => c.number === Number(q));
  const scored: [SpeakerChoice, number][] = [];
  for (const c of choices) {
    if (c.words.some((w) => w.startsWith(q))) scored.push([c, 0]);
    else if (c.words.some((w) => w.includes(q))) scored.push([c, 1]);
  }
  return scored.sort((a, b) => a[1] - b[1]).map(([c]) => c);
}
