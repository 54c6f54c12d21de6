/**
 * Which question an answer (回答) answers, as the live screen shows and changes it: the link
 * stored on the remark (Remark.replyToId) or, without one, the question recorded right before
 * it (shared/publication/answers.ts, the rule the minutes print by).
 */
import type { Remark } from '../../../../shared/domain';
import { answerLinks, questionsBefore } from '../../../../shared/publication/answers';
import type { PickOption } from './pickOption';

/** A short quote of a remark: 「河委員：推進体制のところで…」. */
export function quoteRemark(r: Remark, labelOf: (r: Remark) => string, length = 30): string {
  const text = r.text.replace(/\s+/g, ' ').trim();
  const who = labelOf(r) || '（発言者なし）';
  return `${who}：${text.length > length ? `${text.slice(0, length)}…` : text}`;
}

/** answer id → what the row says about its question (every 回答 has an entry). */
export function answerTargets(remarks: Remark[], labelOf: (r: Remark) => string): Map<string, string> {
  const out = new Map<string, string>();
  if (!remarks.some((r) => r.kind === '回答')) return out;
  const byId = new Map(remarks.map((r) => [r.id, r]));
  const links = answerLinks(remarks);
  for (const r of remarks) {
    if (r.kind !== '回答') continue;
    const q = byId.get(links.get(r.id) ?? '');
    const auto = r.replyToId === null;
    if (q) out.set(r.id, `${auto ? '回答先（自動）' : '回答先'}：${quoteRemark(q, labelOf, 20)}`);
    else if (!auto) out.set(r.id, '回答先：（見つからない記録）');
    else out.set(r.id, '回答先：なし（直前に質問がありません）');
  }
  return out;
}

/** The picker's choices for one answer: 0 = automatic, then the earlier questions of its item, nearest first. */
export function answerOptions(remarks: Remark[], answer: Remark, labelOf: (r: Remark) => string): PickOption[] {
  const candidates = questionsBefore(remarks, answer);
  const auto = candidates[0];
  return [
    {
      key: '',
      label: '自動（直前の質問）',
      hint: answer.replyToId === null ? '選択中' : auto ? quoteRemark(auto, labelOf, 12) : 'なし',
      number: 0,
    },
    ...candidates.map((q, i) => ({
      key: q.id,
      label: quoteRemark(q, labelOf, 40),
      hint: answer.replyToId === q.id ? '選択中' : undefined,
      number: i < 9 ? i + 1 : null, // a digit picks at once; later ones by ↑↓
    })),
  ];
}
