/**
 * Which question an answer answers: the one it is linked to (Remark.replyToId, set in the
 * live screen or the minutes editor), or else the question recorded right before it in
 * the same agenda item (a run of answers after one question all answer it).
 */
import type { Remark, Speaker } from '../domain';

const isSecretariat = (s: Speaker) => s.type === 'secretariat' || s.type === 'staff';
const asks = (r: Pick<Remark, 'kind' | 'speaker'>) =>
  r.kind === '質問' || r.kind === '意見' || (r.kind === '発言' && !isSecretariat(r.speaker));

/** answer id → question id, for remarks of one meeting (any order in, spoken order used). */
export function answerLinks(
  remarks: readonly Pick<Remark, 'id' | 'kind' | 'speaker' | 'replyToId' | 'agendaItemId' | 'order'>[],
): Map<string, string> {
  const links = new Map<string, string>();
  const sorted = [...remarks].sort((a, b) => a.order - b.order);
  let last: { id: string; item: string | null } | null = null;
  for (const r of sorted) {
    if (r.kind === '回答') {
      const target = r.replyToId ?? (last && last.item === r.agendaItemId ? last.id : null);
      if (target) links.set(r.id, target);
      continue;
    }
    last = asks(r) ? { id: r.id, item: r.agendaItemId } : null;
  }
  return links;
}

/** Whether a remark asks something an answer can answer (a question, an opinion, a member's 発言). */
export const isQuestionLike = asks;

/**
 * The questions an answer may be linked to: those asked before it in the same agenda item,
 * nearest first (the minutes print an answer under its question within one item).
 */
export function questionsBefore<R extends Pick<Remark, 'id' | 'kind' | 'speaker' | 'agendaItemId' | 'order'>>(
  remarks: readonly R[],
  answer: Pick<Remark, 'id' | 'agendaItemId' | 'order'>,
): R[] {
  return remarks
    .filter((r) => r.id !== answer.id && r.agendaItemId === answer.agendaItemId && r.order < answer.order && asks(r))
    .sort((a, b) => b.order - a.order);
}
