/**
 * Stable public letters (A委員): assigned once per scope — the council term or each
 * meeting (Council.publicLabels.scope) — stored on the council, and used by every
 * document and the projector. Only members whose role is 委員 get a letter (会長 and
 * 副会長 are labelled by office, so they never use one up). Stored letters never move;
 * members without one get the next free letter in roster order, so even before the
 * renderer stores anything, re-exporting gives the same letters in every document.
 */
import { isPlainMember } from '../offices';
import type { Council, Member, PublicLabels } from '../domain';
import { letterFor } from '../numbering';

type Lettered = Pick<Member, 'id' | 'role' | 'order'>;

function stored(council: Pick<Council, 'publicLabels'>, meetingId: string | null): Record<string, string> {
  const labels = council.publicLabels;
  if (!labels) return {};
  if (labels.scope === 'meeting') return meetingId ? (labels.meetings[meetingId] ?? {}) : {};
  return labels.term;
}

function fill(fixed: Record<string, string>, members: readonly Lettered[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  const lettered = [...members].filter(isPlainMember).sort((a, b) => a.order - b.order);
  for (const m of lettered) {
    const l = fixed[m.id];
    if (l && !used.has(l)) {
      out.set(m.id, l);
      used.add(l);
    }
  }
  let next = 0;
  for (const m of lettered) {
    if (out.has(m.id)) continue;
    while (used.has(letterFor(next))) next++;
    const l = letterFor(next++);
    out.set(m.id, l);
    used.add(l);
  }
  return out;
}

/** memberId → letter for a document of this meeting (or of the whole term: meetingId null). */
export function publicLetters(
  council: Pick<Council, 'publicLabels'>,
  members: readonly Lettered[],
  meetingId: string | null = null,
): Map<string, string> {
  return fill(stored(council, meetingId), members);
}

/**
 * The record to store: the existing letters kept, every member (and each given meeting
 * under the meeting scope) completed. The renderer saves it on the council before export
 * (or on first use), after which letters never change.
 */
export function completePublicLabels(
  council: Pick<Council, 'publicLabels'>,
  members: readonly Lettered[],
  meetingIds: readonly string[] = [],
  scope: PublicLabels['scope'] = council.publicLabels?.scope ?? 'term',
): PublicLabels {
  const prev = council.publicLabels;
  const base = { publicLabels: prev ? { ...prev, scope } : { scope, term: {}, meetings: {} } };
  const term = Object.fromEntries(publicLetters({ publicLabels: { ...base.publicLabels, scope: 'term' } }, members));
  const meetings: Record<string, Record<string, string>> = { ...(prev?.meetings ?? {}) };
  if (scope === 'meeting')
    for (const id of meetingIds) meetings[id] = Object.fromEntries(publicLetters(base, members, id));
  return { scope, term, meetings };
}
