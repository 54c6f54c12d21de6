/**
 * Names in a public document: who is hidden under the council's rule and what each
 * becomes in running text, and the review every public export goes through — every
 * replacement listed (nothing silent), places where a label would not read right
 * (export stopped until the user edits them), unknown 「○○さん」 for a look.
 */
import type { Council, Member, SpeakerLabelRule, Staff } from '../domain';
import { AppError } from '../errors';
import { speakerLabel, type SpeakerContext } from '../speakers';
import { publicLetters } from './labels';
import type { NameMatcher, Person } from './names';

export const hidesNames = (rule: SpeakerLabelRule) => rule !== 'name';

/** Members and staff with the label each becomes in running text (A委員 / 委員 / 会長 / 事務局). */
export function publicPeople(opts: {
  council: Pick<Council, 'publication' | 'publicLabels'>;
  members: Member[];
  staff?: Pick<Staff, 'id' | 'name' | 'title' | 'department'>[];
  meetingId?: string | null;
  chairMemberId?: string | null;
  letters?: Map<string, string>;
}): Person[] {
  const rule = opts.council.publication.speakerLabel;
  // In running text a hidden member reads as 会長 / A委員 (never 【委員】 mid-sentence).
  const textRule = rule === 'bracket' ? 'role' : rule;
  const letters = opts.letters ?? publicLetters(opts.council, opts.members, opts.meetingId ?? null);
  const ctx: SpeakerContext = { members: opts.members, staff: opts.staff ?? [], chairMemberId: null };
  return [
    ...opts.members.map((m): Person => ({
      id: m.id,
      kind: 'member',
      name: m.name,
      reading: m.reading,
      label: speakerLabel({ type: 'member', memberId: m.id }, ctx, textRule, letters),
    })),
    ...(opts.staff ?? []).map((s): Person => ({ id: s.id, kind: 'staff', name: s.name, label: '事務局' })),
  ];
}

export interface TextUnit {
  /** Where it stands, as the user finds it: 「３ 議題１ … 第2段落」「意見 No.12（市の考え方）」. */
  place: string;
  text: string;
}

export interface Replacement {
  place: string;
  found: string;
  label: string;
  excerpt: string;
}

export interface PublicationReview {
  /** Every name that will be replaced, and by what. */
  replacements: Replacement[];
  /** Places the export stops at until edited. */
  blocked: (Replacement & { reason: string })[];
  /** 「○○さん」「○○氏」 of people the app does not know: for review, not stopped. */
  unknown: { place: string; found: string; excerpt: string }[];
}

function excerptOf(text: string, start: number, end: number): string {
  const a = Math.max(0, start - 10);
  const b = Math.min(text.length, end + 10);
  return (a > 0 ? '…' : '') + text.slice(a, b) + (b < text.length ? '…' : '');
}

export function reviewTexts(units: readonly TextUnit[], matcher: NameMatcher | null): PublicationReview {
  const review: PublicationReview = { replacements: [], blocked: [], unknown: [] };
  if (!matcher) return review;
  for (const u of units) {
    if (!u.text) continue;
    const { hits, unknown } = matcher.find(u.text);
    for (const h of hits) {
      const r = { place: u.place, found: h.found, label: h.label, excerpt: excerptOf(u.text, h.start, h.end) };
      if (h.safe) review.replacements.push(r);
      else review.blocked.push({ ...r, reason: h.reason! });
    }
    for (const x of unknown)
      review.unknown.push({ place: u.place, found: x.found, excerpt: excerptOf(u.text, x.start, x.end) });
  }
  return review;
}

export const BLOCKED_MESSAGE =
  '公開版で氏名を置き換えると文の意味が通らない箇所があるため、出力を止めました。次の箇所を編集してから、もう一度出力してください。';

/** Stops a public export while a name cannot be replaced (typed, in Japanese, with every place). */
export function assertPublishable(review: PublicationReview): void {
  if (!review.blocked.length) return;
  throw new AppError(
    'INVALID_ARGUMENT',
    BLOCKED_MESSAGE,
    review.blocked.map((b) => ({ path: b.place, message: `「${b.excerpt}」の「${b.found}」：${b.reason}` })),
  );
}
