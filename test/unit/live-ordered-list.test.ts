/**
 * The opinions board's live list (data/database.ts liveOrderedList): the council's opinions in
 * order, as `ordered(...)` reads them, and read again when an opinion is edited, added or
 * deleted — although the records are read past Dexie's per-record live-query bookkeeping.
 */
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { liveOrderedList, ordered } from '../../renderer/src/data/database';
import { importBundle } from '../../renderer/src/data/bundle';
import type { Opinion } from '../../shared/domain';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { openTestDb } from './db-helpers';

describe('liveOrderedList', () => {
  it('answers the owner’s records in order, and again after an edit, an addition and a deletion', async () => {
    const db = openTestDb('live-list');
    const bundle = buildSampleCouncil();
    const councilId = await importBundle(db, bundle);
    // Another council's opinion (the list is one council's).
    await db.opinions.add({ ...bundle.opinions[0]!, id: 'another-councils', councilId: 'another-council' });
    const answers: Opinion[][] = [];
    const waiters: (() => void)[] = [];
    const sub = liveQuery(() => liveOrderedList(db.opinions, '[councilId+order]', councilId)).subscribe({
      next: (list) => {
        answers.push(list);
        waiters.splice(0).forEach((w) => w());
      },
      error: (e) => {
        throw e;
      },
    });
    const nextAnswer = (n: number) =>
      new Promise<Opinion[]>((resolve, reject) => {
        const check = () => (answers.length >= n ? resolve(answers[n - 1]!) : waiters.push(check));
        setTimeout(() => reject(new Error(`no answer ${n}`)), 5000);
        check();
      });
    try {
      const first = await nextAnswer(1);
      expect(first).toEqual(await ordered(db.opinions, '[councilId+order]', councilId).toArray());
      expect(first.length).toBeGreaterThan(10);
      expect(first.every((o) => o.councilId === councilId)).toBe(true);

      await db.opinions.update(first[3]!.id, { summary: '後から直した意見' });
      expect((await nextAnswer(2)).find((o) => o.id === first[3]!.id)?.summary).toBe('後から直した意見');

      await db.opinions.add({ ...first[0]!, id: 'added-opinion', order: 1_000_000, summary: '追加した意見' });
      expect((await nextAnswer(3)).at(-1)?.id).toBe('added-opinion');

      await db.opinions.delete(first[1]!.id);
      const last = await nextAnswer(4);
      expect(last.some((o) => o.id === first[1]!.id)).toBe(false);
      expect(last).toEqual(await ordered(db.opinions, '[councilId+order]', councilId).toArray());
    } finally {
      sub.unsubscribe();
      db.close();
    }
  });
});
