/**
 * The minutes screen's commands: edit and revert a paragraph, regenerate from the records,
 * change the style, apply check fixes, move the status. Each writes through data.ts and
 * reports to the user; it is a plain function of the screen's current records.
 */
import type { Meeting, Minutes, Remark } from '../../../../shared/domain';
import type { MinutesInput } from '../../../../shared/minutes/model';
import { applyFixes, checksModel, type Fix } from '../../../../shared/minutes/checks';
import { applyAction, editEntry, WorkflowError, type MinutesAction } from '../../../../shared/minutes/workflow';
import type { useNotify } from '../../app/notify';
import { linkAnswer as writeAnswerLink, writeMinutes } from './data';

interface Context {
  meeting: Meeting;
  council: MinutesInput['council'];
  minutes: Minutes;
  input: Omit<MinutesInput, 'mode'>;
  who: string;
  notify: ReturnType<typeof useNotify>;
}

export function minutesCommands({ meeting, council, minutes, input, who, notify }: Context) {
  /** Writes the minutes (and, with a status change, the meeting) in one transaction. */
  const write = (change: (m: Minutes) => Minutes, extra?: { meeting?: Meeting; clearNeedsCheck?: string[] }) =>
    writeMinutes(meeting.id, change, extra);

  const saveEdit = async (key: string, text: string, place: string) => {
    try {
      const now = new Date().toISOString();
      await write((m) => ({
        ...m,
        edits: { ...m.edits, [key]: text },
        history: [...m.history, editEntry(who, now, `文章を編集：${place}`, text.slice(0, 200))],
      }));
    } catch (e) {
      notify.error(e, '会議録を保存できませんでした');
      throw e;
    }
  };
  const revert = async (key: string, place: string) => {
    try {
      const now = new Date().toISOString();
      await write((m) => {
        const edits = { ...m.edits };
        delete edits[key];
        return { ...m, edits, history: [...m.history, editEntry(who, now, `記録の文に戻す：${place}`)] };
      });
    } catch (e) {
      notify.error(e, '会議録を保存できませんでした');
    }
  };
  const regenerate = async () => {
    try {
      const now = new Date().toISOString();
      await write((m) => ({
        ...m,
        edits: {},
        history: [
          ...m.history,
          editEntry(who, now, '記録から作り直す', `手直し ${Object.keys(m.edits).length}段落を破棄`),
        ],
      }));
      notify.success('記録から作り直しました');
    } catch (e) {
      notify.error(e, '作り直せませんでした');
    }
  };
  const setStyle = async (style: Minutes['style']) => {
    try {
      const now = new Date().toISOString();
      await write((m) => ({
        ...m,
        style,
        history: [
          ...m.history,
          editEntry(who, now, `筆記の形式を変更：${style === 'summary' ? '要点筆記' : '発言者別'}`),
        ],
      }));
    } catch (e) {
      notify.error(e, '形式を変更できませんでした');
    }
  };
  const applyChecks = async (fixes: Fix[], what: string) => {
    try {
      const model = checksModel(input);
      const result = applyFixes(model, minutes.edits, fixes);
      const now = new Date().toISOString();
      await write((m) => ({ ...m, edits: result.edits, history: [...m.history, editEntry(who, now, what)] }), {
        clearNeedsCheck: result.clearNeedsCheck,
      });
      notify.success('修正を適用しました', `${result.applied}件`);
    } catch (e) {
      notify.error(e, '修正を適用できませんでした');
    }
  };
  /** Moves the status; `done` runs once it moved (the caller closes its dialog). */
  const runAction = async (action: MinutesAction, input: { reason: string; date: string }, done: () => void) => {
    try {
      const now = new Date().toISOString();
      const next = applyAction(meeting, minutes, council, action, { who, now, reason: input.reason, date: input.date });
      await write(() => next.minutes, { meeting: next.meeting });
      done();
      notify.success(`会議録を「${next.meeting.status}」にしました`);
    } catch (e) {
      if (e instanceof WorkflowError) notify.info(e.message);
      else notify.error(e, '状態を変更できませんでした');
    }
  };
  /** 「どの質問への回答か」: the answer's question, or back to automatic (null). */
  const linkAnswer = async (answer: Remark, question: Remark | null) => {
    try {
      const now = new Date().toISOString();
      const what = question ? `回答先を変更：${question.text.slice(0, 40)}` : '回答先を自動（直前の質問）に戻す';
      await writeAnswerLink(
        meeting.id,
        answer.id,
        question?.id ?? null,
        editEntry(who, now, what, answer.text.slice(0, 200)),
      );
    } catch (e) {
      notify.error(e, '回答先を変更できませんでした');
    }
  };
  return { saveEdit, revert, regenerate, setStyle, applyChecks, runAction, linkAnswer };
}
