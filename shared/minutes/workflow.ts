/**
 * The minutes' way from notes to publication, on Meeting.status:
 * 作成中 → 確認中 (a 確認用 copy marked 案 goes to the members) → 確定 (locked) → 公開済.
 * Reopening a locked minutes asks for a reason; every step is kept in Minutes.history.
 */
import type { Council, Meeting, Minutes } from '../domain';
import { addDays, formatWareki, todayInTokyo } from '../wareki';

export const MINUTES_ACTIONS = ['start', 'request-review', 'back-to-draft', 'approve', 'publish', 'reopen'] as const;
export type MinutesAction = (typeof MINUTES_ACTIONS)[number];

export const ACTION_LABELS: Record<MinutesAction, string> = {
  start: '会議録の作成を始める',
  'request-review': '確認依頼へ進める',
  'back-to-draft': '作成中に戻す',
  approve: '確定する',
  publish: '公開済みにする',
  reopen: '確定を解除する',
};

const TRANSITIONS: Record<MinutesAction, { from: Meeting['status'][]; to: Meeting['status'] }> = {
  start: { from: ['予定', '開催済'], to: '作成中' },
  'request-review': { from: ['作成中'], to: '確認中' },
  'back-to-draft': { from: ['確認中'], to: '作成中' },
  approve: { from: ['確認中'], to: '確定' },
  publish: { from: ['確定'], to: '公開済' },
  reopen: { from: ['確定', '公開済'], to: '作成中' },
};

export function availableActions(status: Meeting['status']): MinutesAction[] {
  return MINUTES_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

/** Approved (確定) and published minutes are not edited until reopened. */
export function isLocked(status: Meeting['status']): boolean {
  return status === '確定' || status === '公開済';
}

export function emptyMinutes(meetingId: string, now: string): Minutes {
  return { id: meetingId, meetingId, style: 'summary', edits: {}, history: [], publishedAt: null, updatedAt: now };
}

/** The due date: as set on the meeting, or the meeting date plus the council's days. */
export function minutesDueDate(
  meeting: Pick<Meeting, 'minutesDue' | 'date'>,
  council: Pick<Council, 'minutesDueDays'>,
): string | null {
  if (meeting.minutesDue) return meeting.minutesDue;
  return meeting.date ? addDays(meeting.date, council.minutesDueDays) : null;
}

export function isOverdue(
  meeting: Pick<Meeting, 'minutesDue' | 'date' | 'status'>,
  council: Pick<Council, 'minutesDueDays'>,
  today = todayInTokyo(),
): boolean {
  const due = minutesDueDate(meeting, council);
  return !!due && due < today && !['予定', '確定', '公開済'].includes(meeting.status);
}

export class WorkflowError extends Error {}

/** The meeting and minutes after an action, with the step in the history. */
export function applyAction(
  meeting: Meeting,
  minutes: Minutes,
  council: Pick<Council, 'minutesDueDays'>,
  action: MinutesAction,
  opts: { who: string; now: string; reason?: string; date?: string },
): { meeting: Meeting; minutes: Minutes } {
  const t = TRANSITIONS[action];
  if (!t.from.includes(meeting.status))
    throw new WorkflowError(`「${meeting.status}」の会議録は「${ACTION_LABELS[action]}」ことができません。`);
  const reason = (opts.reason ?? '').trim();
  if (action === 'reopen' && !reason) throw new WorkflowError('確定を解除する理由を入力してください。');
  if (action === 'publish' && !opts.date) throw new WorkflowError('公開日を入力してください。');
  const nextMeeting: Meeting = { ...meeting, status: t.to, updatedAt: opts.now };
  if (action === 'start' && !meeting.minutesDue) nextMeeting.minutesDue = minutesDueDate(meeting, council);
  const entry = {
    at: opts.now,
    who: opts.who.trim() || '事務局',
    action: `${ACTION_LABELS[action]}（${meeting.status}→${t.to}）`,
    reason: action === 'publish' ? `公開日 ${formatWareki(opts.date!)}` : reason,
  };
  const nextMinutes: Minutes = {
    ...minutes,
    publishedAt: action === 'publish' ? opts.date! : action === 'reopen' ? null : minutes.publishedAt,
    history: [...minutes.history, entry],
    updatedAt: opts.now,
  };
  return { meeting: nextMeeting, minutes: nextMinutes };
}

/** A history line for an edit of the text (who changed what, when). */
export function editEntry(who: string, now: string, what: string, detail = ''): Minutes['history'][number] {
  return { at: now, who: who.trim() || '事務局', action: what, reason: detail.slice(0, 1000) };
}
