/** The 予定 → 開催済 rule applied where it happens: the meeting list loading, a remark committed. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ShingikaiDB } from '../../renderer/src/data/database';
import { importBundle } from '../../renderer/src/data/bundle';
import { createMeeting, settleHeldMeetings } from '../../renderer/src/features/meetings/data';
import { commitRemark } from '../../renderer/src/features/live/data';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

const open = () => new ShingikaiDB(`t-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

async function withSample() {
  const db = open();
  const bundle = buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' });
  await importBundle(db, bundle);
  return { db, council: bundle.council };
}

describe('meeting status moves to 開催済 by itself', () => {
  it('when the list loads: a past date moves, a future one and a hand-set one stay', async () => {
    const { db, council } = await withSample();
    const past = await createMeeting(db, council, { number: 10, date: '2024-05-01' });
    const future = await createMeeting(db, council, { number: 11, date: '2024-07-01' });
    const byHand = await createMeeting(db, council, { number: 12, date: '2024-05-01' });
    await db.meetings.update(byHand.id, { statusSetByUser: true });
    await settleHeldMeetings(db, council.id, '2024-06-10');
    expect((await db.meetings.get(past.id))!.status).toBe('開催済');
    expect((await db.meetings.get(future.id))!.status).toBe('予定');
    expect((await db.meetings.get(byHand.id))!.status).toBe('予定');
  });

  it('when a remark is recorded', async () => {
    const { db, council } = await withSample();
    const m = await createMeeting(db, council, { number: 10, date: '2999-01-01' });
    expect(m.status).toBe('予定');
    await commitRemark(
      db,
      {
        id: 'r-new',
        meetingId: m.id,
        agendaItemId: null,
        order: 1,
        kind: '説明',
        speaker: { type: 'secretariat' },
        fieldId: null,
        text: '開会します。',
        offsetSec: 0,
        nonPublic: false,
        needsCheck: false,
        replyToId: null,
        createdAt: '2024-06-10T00:00:00.000Z',
        updatedAt: '2024-06-10T00:00:00.000Z',
      },
      { meetingId: m.id, text: '', updatedAt: '2024-06-10T00:00:00.000Z' },
    );
    expect((await db.meetings.get(m.id))!.status).toBe('開催済');
  });
});
