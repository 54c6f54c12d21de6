/** Council and meeting writes in the renderer's database: all or nothing, references kept whole. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ShingikaiDB } from '../../renderer/src/data/database';
import { importBundle } from '../../renderer/src/data/bundle';
import {
  addMember,
  applyRosterImport,
  deleteMember,
  mergeField,
  setMinutesDueDays,
  setOrder,
} from '../../renderer/src/features/councils/data';
import { createMeeting, deleteMeeting } from '../../renderer/src/features/meetings/data';
import { minutesOverdue } from '../../renderer/src/features/meetings/due';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

const open = () => new ShingikaiDB(`t-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

/** Records of a field (fields are not indexed: read in full, as a user's count would be). */
const inField = async (table: { toArray(): Promise<{ fieldId?: string | null }[]> }, fieldId: string) =>
  (await table.toArray()).filter((r) => r.fieldId === fieldId).length;

async function withSample() {
  const db = open();
  const bundle = buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' });
  await importBundle(db, bundle);
  const field = (name: string) => bundle.council.fields.find((f) => f.name === name)!.id;
  return { db, bundle, field, councilId: bundle.council.id };
}

describe('fields', () => {
  it('merging re-tags remarks, opinions and matrix items of the old field and removes it', async () => {
    const { db, field, councilId } = await withSample();
    const [dx, admin] = [field('DX推進'), field('行政施策')];
    const before = {
      remarks: await inField(db.remarks, dx),
      opinions: await inField(db.opinions, dx),
      items: await db.matrixItems.where('[councilId+fieldId]').equals([councilId, dx]).count(),
      adminOpinions: await inField(db.opinions, admin),
    };
    expect(before.remarks).toBeGreaterThan(0);
    expect(before.items).toBeGreaterThan(0);
    const r = await mergeField(db, councilId, dx, admin);
    expect(r).toEqual({ remarks: before.remarks, opinions: before.opinions, matrixItems: before.items });
    expect(await inField(db.remarks, dx)).toBe(0);
    expect(await inField(db.opinions, dx)).toBe(0);
    expect(await inField(db.opinions, admin)).toBe(before.adminOpinions + before.opinions);
    expect((await db.councils.get(councilId))!.fields.map((f) => f.name)).toEqual([
      '行政施策',
      '財務',
      '人材育成',
      '働き方改革',
      '経営',
    ]);
  });
  it('a merge into a field that does not exist changes nothing', async () => {
    const { db, field, councilId } = await withSample();
    await expect(mergeField(db, councilId, field('DX推進'), 'nope')).rejects.toThrow();
    expect(await inField(db.opinions, field('DX推進'))).toBeGreaterThan(0);
    expect((await db.councils.get(councilId))!.fields).toHaveLength(6);
  });
});

describe('members', () => {
  it('imports a confirmed roster: adds after the last member, updates matched members in place', async () => {
    const { db, bundle, councilId } = await withSample();
    const kawa = bundle.members.find((m) => m.name === '河')!;
    const r = await applyRosterImport(db, councilId, [
      {
        rowNumber: 2,
        action: 'update',
        memberId: kawa.id,
        member: {
          name: '河',
          reading: '',
          role: '委員',
          category: '学識経験者',
          affiliation: '九州大学',
          termStart: '2023-04-01',
          termEnd: '2025-03-31',
        },
      },
      {
        rowNumber: 3,
        action: 'add',
        memberId: null,
        member: {
          name: '新井',
          reading: 'あらい',
          role: '委員',
          category: '公募市民',
          affiliation: '',
          termStart: null,
          termEnd: null,
        },
      },
    ]);
    expect(r).toEqual({ added: 1, updated: 1 });
    const after = await db.members
      .where('[councilId+order]')
      .between([councilId, -Infinity], [councilId, Infinity])
      .toArray();
    expect(after.map((m) => m.name)).toEqual(['井澤', '大久保', '河', '河﨑', '菅原', '畠中', '新井']);
    expect(after[2]).toMatchObject({
      reading: 'かわ',
      affiliation: '九州大学',
      termEnd: '2025-03-31',
      order: kawa.order,
    });
  });
  it('an update changes only the columns the file has', async () => {
    const { db, bundle, councilId } = await withSample();
    const chair = bundle.members.find((m) => m.role === '会長')!;
    await applyRosterImport(
      db,
      councilId,
      [
        {
          rowNumber: 2,
          action: 'update',
          memberId: chair.id,
          member: {
            name: '井澤',
            reading: 'いざわ',
            role: '委員',
            category: '',
            affiliation: '九州工業大学',
            termStart: null,
            termEnd: null,
          },
        },
      ],
      ['氏名', 'よみがな', '所属'],
    );
    expect(await db.members.get(chair.id)).toMatchObject({ role: '会長', affiliation: '九州工業大学' });
  });
  it('reorders, and refuses to delete a member with attendance records', async () => {
    const { db, bundle, councilId } = await withSample();
    const ids = bundle.members.map((m) => m.id);
    await setOrder(db, 'members', [ids[1]!, ids[0]!, ...ids.slice(2)]);
    const first = await db.members
      .where('[councilId+order]')
      .between([councilId, -Infinity], [councilId, Infinity])
      .first();
    expect(first!.name).toBe('大久保');
    await expect(deleteMember(db, bundle.members[0]!)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const fresh = await addMember(db, councilId, {
      name: '新井',
      reading: 'あらい',
      role: '委員',
      category: '',
      affiliation: '',
      termStart: null,
      termEnd: null,
    });
    expect(fresh.order).toBe(7);
    await deleteMember(db, fresh);
    expect(await db.members.get(fresh.id)).toBeUndefined();
  });
});

describe('meetings', () => {
  it('get the next number and a minutes due date from the council setting', async () => {
    const { db, bundle } = await withSample();
    const m = await createMeeting(db, bundle.council, { date: '2023-10-02' });
    expect(m.number).toBe(4);
    expect(m.minutesDue).toBe('2023-11-01');
    await expect(createMeeting(db, bundle.council, { number: 2 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
  it('a meeting with remarks is kept; an empty one is deleted and its attachments are named for removal', async () => {
    const { db, bundle } = await withSample();
    const second = bundle.meetings.find((m) => m.number === 2)!;
    await expect(deleteMeeting(db, second.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.meetings.get(second.id)).toBeDefined();
    const m = await createMeeting(db, bundle.council, {
      materials: [
        {
          id: 'mat',
          label: '資料１',
          title: '素案',
          file: { storedName: '0b5e3c1e-8a5e-4f7a-9d41-3c0a6b2a9f10.pdf', originalName: '素案.pdf', size: 10 },
        },
      ],
    });
    expect(await deleteMeeting(db, m.id)).toEqual(['0b5e3c1e-8a5e-4f7a-9d41-3c0a6b2a9f10.pdf']);
    expect(await db.meetings.get(m.id)).toBeUndefined();
  });
  it('a new deadline rule moves the due dates that followed the old one, not those set by hand', async () => {
    const { db, bundle } = await withSample();
    const a = await createMeeting(db, bundle.council, { date: '2023-10-02' }); // due 11-01
    const b = await createMeeting(db, bundle.council, { date: '2023-12-01', minutesDue: '2023-12-15' }); // by hand
    expect(await setMinutesDueDays(db, bundle.council.id, 45)).toBe(1);
    expect((await db.meetings.get(a.id))!.minutesDue).toBe('2023-11-16');
    expect((await db.meetings.get(b.id))!.minutesDue).toBe('2023-12-15');
    expect((await db.councils.get(bundle.council.id))!.minutesDueDays).toBe(45);
  });
  it('minutes are overdue after the due date until 確定 or 公開済', () => {
    expect(minutesOverdue({ minutesDue: '2023-08-06', status: '作成中' }, '2023-08-07')).toBe(true);
    expect(minutesOverdue({ minutesDue: '2023-08-06', status: '作成中' }, '2023-08-06')).toBe(false);
    expect(minutesOverdue({ minutesDue: '2023-08-06', status: '確定' }, '2023-09-01')).toBe(false);
    expect(minutesOverdue({ minutesDue: '2023-08-06', status: '公開済' }, '2023-09-01')).toBe(false);
    expect(minutesOverdue({ minutesDue: null, status: '開催済' }, '2023-09-01')).toBe(false);
  });
});
