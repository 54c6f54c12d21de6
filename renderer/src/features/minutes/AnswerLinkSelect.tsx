/**
 * 「どの質問への回答か」 on an answer paragraph of the minutes editor: the questions asked
 * earlier in the same agenda item, or 自動 (the question recorded right before the answer).
 * The choice is the remark's link (Remark.replyToId), so every document prints the answer
 * under that question. The screen provides what it needs through AnswerLinkProvider, so the
 * paragraph list only places the control.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { Field, Select } from '@fluentui/react-components';
import type { Remark } from '../../../../shared/domain';
import type { MinutesParagraph } from '../../../../shared/minutes/model';
import { questionsBefore } from '../../../../shared/publication/answers';

interface AnswerLinkContextValue {
  remarks: Remark[];
  /** The speaker's name as the editor shows it (内部版). */
  speakerOf: (r: Remark) => string;
  locked: boolean;
  onLink: (answer: Remark, question: Remark | null) => Promise<void>;
}

const AnswerLinkContext = createContext<AnswerLinkContextValue | null>(null);

export function AnswerLinkProvider({ value, children }: { value: AnswerLinkContextValue; children: ReactNode }) {
  return <AnswerLinkContext.Provider value={value}>{children}</AnswerLinkContext.Provider>;
}

const quote = (r: Remark, speakerOf: (r: Remark) => string, length = 30) => {
  const text = r.text.replace(/\s+/g, ' ').trim();
  return `${speakerOf(r) || '（発言者なし）'}：${text.length > length ? `${text.slice(0, length)}…` : text}`;
};

/** The select for one paragraph; nothing for paragraphs that are not a recorded 回答. */
export function AnswerLinkSelect({ paragraph }: { paragraph: MinutesParagraph }) {
  const ctx = useContext(AnswerLinkContext);
  if (!ctx || paragraph.kind !== 'answer' || paragraph.sourceIds.length !== 1) return null;
  const answer = ctx.remarks.find((r) => r.id === paragraph.sourceIds[0]);
  if (!answer || answer.kind !== '回答') return null;
  const candidates = questionsBefore(ctx.remarks, answer);
  const auto = candidates[0];
  const linked = answer.replyToId;
  const missing = linked !== null && !candidates.some((q) => q.id === linked);
  return (
    <Field label="どの質問への回答か" size="small" style={{ width: '100%', minWidth: 0 }}>
      <Select
        size="small"
        root={{ style: { width: '100%', minWidth: 0 } }}
        style={{ width: '100%', minWidth: 0, textOverflow: 'ellipsis' }}
        aria-label={`どの質問への回答か：${answer.text.slice(0, 20)}`}
        value={linked ?? ''}
        disabled={ctx.locked}
        onChange={(_, d) => {
          if (d.value === (linked ?? '')) return;
          void ctx.onLink(answer, candidates.find((q) => q.id === d.value) ?? null);
        }}
      >
        <option value="">
          {auto ? `自動（直前の質問：${quote(auto, ctx.speakerOf, 12)}）` : '自動（直前の質問）'}
        </option>
        {candidates.map((q) => (
          <option key={q.id} value={q.id}>
            {quote(q, ctx.speakerOf)}
          </option>
        ))}
        {missing ? <option value={linked}>（見つからない記録）</option> : null}
      </Select>
    </Field>
  );
}
