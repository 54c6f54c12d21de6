import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { ShingikaiDB } from '../../renderer/src/data/database';
import {
  formatOffset,
  knownBaseMs,
  offsetBaseMs,
  offsetSecAt,
  scheduledStartMs,
} from '../../renderer/src/features/live/time';
import { matchSpeakers, normalizeQuery, speakerChoices } from '../../renderer/src/features/live/speakerPick';
import {
  applyChange,
  applyUndo,
  commitRemark,
  deleteRemark,
  DraftSaver,
  mergeWithNext,
  moveRemark,
  remarksOf,
  splitRemark,
  storageErrorMessage,
  toggleFlag,
  updateRemark,
  type LiveDraft,
} from '../../renderer/src/features/live/data';
import type { Member, Remark, Staff } from '../../shared/domain';

describe('offsets from the meeting start (Asia/Tokyo)', () => {
  const meeting = { date: '2023-07-07', startTime: '13:30' };
  const start = Date.parse('2023-07-07T13:30:00+09:00');
  it('the scheduled start is read in Japan time', () => {
    expect(scheduledStartMs(meeting)).toBe(start);
    expect(scheduledStartMs({ date: null, startTime: '13:30' })).toBeNull();
  });
  it('on the day, offsets count from the scheduled start; before it they are 0', () => {
    expect(offsetSecAt(offsetBaseMs(meeting, [], start + 754_000), start + 754_000)).toBe(754);
    expect(offsetSecAt(offsetBaseMs(meeting, [], start - 600_000), start - 600_000)).toBe(0);
  });
  it('on another day, offsets continue from the earlier live remarks, else start now', () => {
    const now = Date.parse('2026-01-10T10:00:00+09:00');
    const earlier = { offsetSec: 60, createdAt: new Date(now - 300_000).toISOString() };
    expect(offsetSecAt(offsetBaseMs(meeting, [{ offsetSec: null, createdAt: 'x' }, earlier], now), now)).toBe(360);
    expect(offsetBaseMs(meeting, [], now)).toBe(now);
    expect(knownBaseMs(meeting, [], now)).toBeNull(); // the clock shows — until the first live remark
  });
  it('formats as h:mm:ss', () => {
    expect(formatOffset(0)).toBe('0:00:00');
    expect(formatOffset(3725)).toBe('1:02:05');
    expect(formatOffset(null)).toBe('—');
  });
});

describe('picking the speaker by keys', () => {
  const m = (id: string, name: string, reading: string, role: Member['role'], order: number): Member => ({
    id,
    councilId: 'c',
    name,
    reading,
    role,
    category: '',
    affiliation: '',
    termStart: null,
    termEnd: null,
    order,
  });
  const members = [
    m('m1', '井澤', 'いざわ', '会長', 1),
    m('m2', '大久保', 'おおくぼ', '副会長', 2),
    m('m3', '河', 'かわ', '委員', 3),
    m('m4', '河﨑', 'かわさき', '委員', 4),
  ];
  const staff: Staff[] = [{ id: 's1', councilId: 'c', department: '行政経営部', title: '部長', name: '東', order: 1 }];
  const choices = speakerChoices(members, staff, 'm2');

  it('part of the reading: おお → 大久保副会長, katakana and full-width too', () => {
    expect(matchSpeakers(choices, 'おお')[0]!.label).toBe('大久保副会長');
    expect(matchSpeakers(choices, 'オオ')[0]!.label).toBe('大久保副会長');
    expect(matchSpeakers(choices, 'かわ').map((c) => c.label)).toEqual(['河委員', '河﨑委員']);
    expect(normalizeQuery('ＡＢ ｃ')).toBe('abc');
  });
  it('the roster number, and 事務局 / 会長 by word', () => {
    expect(matchSpeakers(choices, '3').map((c) => c.label)).toEqual(['河委員']);
    expect(matchSpeakers(choices, '２')[0]!.label).toBe('大久保副会長');
    expect(matchSpeakers(choices, 'じむ')[0]!.speaker).toEqual({ type: 'secretariat' });
    expect(matchSpeakers(choices, '会長')[0]!.speaker).toEqual({ type: 'chair' });
    expect(matchSpeakers(choices, '会長')[0]!.label).toBe('大久保副会長（議事進行）');
    expect(matchSpeakers(choices, 'ひがし')).toEqual([]);
    expect(matchSpeakers(choices, '東')[0]!.label).toBe('東部長');
  });
});

describe('live note records', () => {
  let db: ShingikaiDB;
  const now = '2026-01-10T01:00:00.000Z';
  const remark = (id: string, order: number, text: string, extra: Partial<Remark> = {}): Remark => ({
    id,
    meetingId: 'mt',
    agendaItemId: 'a1',
    order,
    kind: '発言',
    speaker: { type: 'unknown' },
    fieldId: null,
    text,
    offsetSec: order,
    nonPublic: false,
    needsCheck: false,
    replyToId: null,
    createdAt: now,
    updatedAt: now,
    ...extra,
  });
  const draft = (text: string): LiveDraft => ({ meetingId: 'mt', text, updatedAt: now });
  const texts = async () => (await remarksOf(db, 'mt')).map((r) => r.text);

  beforeEach(async () => {
    db = new ShingikaiDB('live-test', { indexedDB: new IDBFactory() });
    await db.open();
    for (const [i, t] of ['一', '二', '三'].entries())
      await commitRemark(db, remark(`r${i + 1}`, i + 1, `${t}つ目。`), draft(''));
  });
  afterEach(() => db.close());

  it('a commit stores the remark and empties the stored entry line together', async () => {
    await db.entryDrafts.put(draft('打ちかけ'));
    await commitRemark(db, remark('r4', 4, '四つ目。'), draft(''));
    expect(await texts()).toEqual(['一つ目。', '二つ目。', '三つ目。', '四つ目。']);
    expect((await db.entryDrafts.get('mt'))!.text).toBe('');
  });

  it('split, merge, move, delete and edit are each undone exactly', async () => {
    const original = await remarksOf(db, 'mt');
    const split = (await splitRemark(db, 'r2', 'r3', 2, '二つ目。続き', 'new'))!;
    expect(await texts()).toEqual(['一つ目。', '二つ', '目。続き', '三つ目。']);
    const merged = (await mergeWithNext(db, 'r1', 'r2'))!;
    expect(await texts()).toEqual(['一つ目。二つ', '目。続き', '三つ目。']);
    const moved = (await moveRemark(db, 'r1', 'new'))!;
    expect(await texts()).toEqual(['目。続き', '一つ目。二つ', '三つ目。']);
    const deleted = (await deleteRemark(db, 'r3'))!;
    const edited = (await updateRemark(db, 'r1', { text: '直した。' }, '編集'))!;
    expect(await texts()).toEqual(['目。続き', '直した。']);
    for (const e of [edited, deleted, moved, merged, split]) await applyUndo(db, e.undo);
    expect(await remarksOf(db, 'mt')).toEqual(original);
  });

  it('the list on screen follows each change without re-reading the table', async () => {
    let list = await remarksOf(db, 'mt');
    const follow = async <T extends { put: Remark[]; remove: string[] } | null>(p: Promise<T>) => {
      const c = await p;
      if (c) list = applyChange(list, c);
      return c;
    };
    await follow(splitRemark(db, 'r1', 'r2', 1, '一つ目。', 'n1'));
    await follow(moveRemark(db, 'r3', 'r2'));
    const merged = await follow(mergeWithNext(db, 'n1', 'r3'));
    await follow(deleteRemark(db, 'r1'));
    expect(list).toEqual(await remarksOf(db, 'mt'));
    list = applyChange(list, await applyUndo(db, merged!.undo));
    expect(list).toEqual(await remarksOf(db, 'mt'));
    const added = remark('r9', 99, '最後。');
    expect(applyChange(list, { put: [added], remove: [] }).at(-1)).toBe(added);
  });

  it('quick successive edits of one remark build on each other', async () => {
    await Promise.all([
      toggleFlag(db, 'r1', 'nonPublic', 'x'),
      updateRemark(db, 'r1', { speaker: { type: 'secretariat' } }, 'y'),
    ]);
    const r1 = (await db.remarks.get('r1'))!;
    expect(r1.nonPublic).toBe(true);
    expect(r1.speaker).toEqual({ type: 'secretariat' });
  });
});

describe('the entry line saver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const d = (text: string): LiveDraft => ({ meetingId: 'mt', text, updatedAt: '' });

  it('writes the last text 150 ms after the last keystroke, once', async () => {
    const written: string[] = [];
    const saver = new DraftSaver(
      async (x) => {
        written.push(x.text);
      },
      () => {},
      150,
    );
    saver.schedule(d('か'));
    await vi.advanceTimersByTimeAsync(100);
    saver.schedule(d('かい'));
    await vi.advanceTimersByTimeAsync(100);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(60);
    expect(written).toEqual(['かい']);
  });

  it('flush writes at once; a failure is reported and a later success clears it', async () => {
    const results: (unknown | null)[] = [];
    let fail = true;
    const saver = new DraftSaver(
      async () => {
        if (fail) throw Object.assign(new Error('x'), { name: 'QuotaExceededError' });
      },
      (e) => results.push(e),
      150,
    );
    saver.schedule(d('a'));
    await saver.flush();
    expect(results).toHaveLength(1);
    expect(storageErrorMessage(results[0])).toMatch(/ディスクの空き容量が不足/);
    fail = false;
    saver.schedule(d('ab'));
    await saver.flush();
    expect(results[1]).toBeNull();
  });

  it('a commit queued after a draft write runs after it (the emptied line wins)', async () => {
    const order: string[] = [];
    const saver = new DraftSaver(
      async (x) => {
        await new Promise((r) => setTimeout(r, 50));
        order.push(`draft:${x.text}`);
      },
      () => {},
      150,
    );
    saver.schedule(d('打ちかけ'));
    const flushed = saver.flush();
    const committed = saver.enqueue(async () => {
      order.push('commit');
    });
    await vi.advanceTimersByTimeAsync(60);
    await Promise.all([flushed, committed]);
    expect(order).toEqual(['draft:打ちかけ', 'commit']);
  });

  it('errors from Dexie wrapping a quota error are recognised', () => {
    expect(storageErrorMessage({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toMatch(/空き容量/);
    expect(storageErrorMessage({ name: 'DatabaseClosedError' })).toMatch(/データベースが使用できない/);
    expect(storageErrorMessage(new Error('?'))).toMatch(/記録を保存できませんでした/);
  });
});
