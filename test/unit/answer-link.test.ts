import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { Remark } from '../../shared/domain';
import { answerLinks, questionsBefore } from '../../shared/publication/answers';
import { answerOptions, answerTargets } from '../../renderer/src/features/live/answerLink';
import { ShingikaiDB } from '../../renderer/src/data/database';
import { applyUndo, commitRemark, remarksOf, updateRemark } from '../../renderer/src/features/live/data';

const now = '2026-01-10T01:00:00.000Z';
const remark = (
  id: string,
  order: number,
  kind: Remark['kind'],
  text: string,
  extra: Partial<Remark> = {},
): Remark => ({
  id,
  meetingId: 'mt',
  agendaItemId: 'a2',
  order,
  kind,
  speaker: kind === '回答' ? { type: 'secretariat' } : { type: 'member', memberId: 'm1' },
  fieldId: null,
  text,
  offsetSec: null,
  nonPublic: false,
  needsCheck: false,
  replyToId: null,
  createdAt: now,
  updatedAt: now,
  ...extra,
});
const labelOf = (r: Remark) =>
  r.speaker.type === 'secretariat' ? '事務局' : r.speaker.type === 'member' ? '河委員' : '';

const remarks = [
  remark('q0', 1, '質問', '前の議題の質問。', { agendaItemId: 'a1' }),
  remark('q1', 2, '質問', '市民参画とは何を想定しているか。'),
  remark('d1', 3, '決定', '異議なし。'),
  remark('q2', 4, '質問', '周知はどの媒体で行うのか。'),
  remark('a1', 5, '回答', '素案の確定後を予定している。'),
  remark('q3', 6, '質問', '後から出た質問。'),
];

describe('which question an answer answers', () => {
  it('offers the earlier questions of the same agenda item, nearest first (not decisions, not other items, not later ones)', () => {
    expect(questionsBefore(remarks, remarks[4]!).map((r) => r.id)).toEqual(['q2', 'q1']);
  });

  it('the picker lists 0 自動 first, then the questions numbered nearest first, marking the current choice', () => {
    const auto = answerOptions(remarks, remarks[4]!, labelOf);
    expect(auto.map((o) => [o.number, o.key, o.label])).toEqual([
      [0, '', '自動（直前の質問）'],
      [1, 'q2', '河委員：周知はどの媒体で行うのか。'],
      [2, 'q1', '河委員：市民参画とは何を想定しているか。'],
    ]);
    expect(auto[0]!.hint).toBe('選択中');
    const linked = answerOptions(remarks, { ...remarks[4]!, replyToId: 'q1' }, labelOf);
    expect(linked.find((o) => o.hint === '選択中')?.key).toBe('q1');
  });

  it('the row says which question, and whether it was chosen or automatic', () => {
    expect(answerTargets(remarks, labelOf).get('a1')).toBe('回答先（自動）：河委員：周知はどの媒体で行うのか。');
    const linked = remarks.map((r) => (r.id === 'a1' ? { ...r, replyToId: 'q1' } : r));
    expect(answerTargets(linked, labelOf).get('a1')).toBe('回答先：河委員：市民参画とは何を想定しているか。');
    expect(answerLinks(linked).get('a1')).toBe('q1');
    const gone = remarks.map((r) => (r.id === 'a1' ? { ...r, replyToId: 'deleted' } : r));
    expect(answerTargets(gone, labelOf).get('a1')).toBe('回答先：（見つからない記録）');
  });

  it('the live screen stores the link on the remark, and undo restores automatic', async () => {
    const db = new ShingikaiDB('answer-link-test', { indexedDB: new IDBFactory() });
    await db.open();
    for (const r of remarks) await commitRemark(db, r, { meetingId: 'mt', text: '', updatedAt: now });
    const edit = await updateRemark(db, 'a1', { replyToId: 'q1' }, '回答先の変更');
    expect((await db.remarks.get('a1'))!.replyToId).toBe('q1');
    expect(answerLinks(await remarksOf(db, 'mt')).get('a1')).toBe('q1');
    await applyUndo(db, edit!.undo);
    expect((await db.remarks.get('a1'))!.replyToId).toBeNull();
    db.close();
  });
});
