/**
 * Undo of the forms (data/undo.ts): the records written back are exactly those from before —
 * a deleted staff member with their presence marks, a new member gone again — through the
 * write path (the change log has the undo); an undo that would overwrite a later change is
 * refused. And the names the start-up sweep is told the records use.
 */
import { describe, expect, it } from 'vitest';
import { openTestDb } from './db-helpers';
import { changesSince } from '../../renderer/src/data/database';
import { importBundle } from '../../renderer/src/data/bundle';
import { UndoHistory } from '../../renderer/src/data/undo';
import { referencedAttachments } from '../../renderer/src/data/attachmentSweep';
import { addMember, deleteStaff, updateCouncil } from '../../renderer/src/features/councils/data';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

const open = () => openTestDb('u');

describe('undo of the forms', () => {
  it('puts a deleted staff member back with the same id and their presence marks', async () => {
    const db = open();
    const councilId = await importBundle(db, buildSampleCouncil());
    const meeting = (await db.meetings.where('councilId').equals(councilId).toArray()).find(
      (m) => m.staffPresent.length,
    )!;
    const staff = (await db.staff.get(meeting.staffPresent[0]!))!;
    const history = new UndoHistory(db);
    const scope = `members:${councilId}`;
    const present = (await db.meetings.toArray()).filter((m) => m.staffPresent.includes(staff.id));
    const speaks = await db.remarks.filter((r) => r.speaker.type === 'staff' && r.speaker.staffId === staff.id).count();
    if (speaks) await db.remarks.filter((r) => r.speaker.type === 'staff' && r.speaker.staffId === staff.id).delete();

    await history.run(
      scope,
      '事務局職員を削除しました',
      [{ table: 'staff', id: staff.id }, ...present.map((m) => ({ table: 'meetings' as const, id: m.id }))],
      () => deleteStaff(db, staff),
    );
    expect(await db.staff.get(staff.id)).toBeUndefined();
    expect((await db.meetings.get(meeting.id))!.staffPresent).not.toContain(staff.id);
    const seq = (await changesSince(db)).at(-1)!.seq!;

    expect((await history.undo(scope))?.label).toBe('事務局職員を削除しました');
    expect(await db.staff.get(staff.id)).toEqual(staff);
    expect(await db.meetings.get(meeting.id)).toEqual(meeting);
    expect((await changesSince(db, seq)).map((c) => [c.table, c.id, c.op])).toContainEqual([
      'staff',
      staff.id,
      'create',
    ]);
    expect(history.latest(scope)).toBeNull();
    db.close();
  });

  it('deletes an added record again, and refuses to undo over a later change', async () => {
    const db = open();
    const councilId = await importBundle(db, buildSampleCouncil());
    const history = new UndoHistory(db);
    const m = await history.run(
      'members',
      '委員を追加しました',
      [],
      () =>
        addMember(db, councilId, {
          name: '佐藤花子',
          reading: '',
          role: '委員',
          category: '',
          affiliation: '',
          termStart: null,
          termEnd: null,
        }),
      (x) => [{ table: 'members', id: x.id }],
    );
    await history.undo('members');
    expect(await db.members.get(m.id)).toBeUndefined();

    const before = (await db.councils.get(councilId))!;
    await history.run('settings', '名称', [{ table: 'councils', id: councilId }], () =>
      updateCouncil(db, councilId, { name: '誤った名称' }),
    );
    await db.councils.update(councilId, { department: '別の画面での変更' });
    await expect(history.undo('settings')).rejects.toThrow('元に戻せません');
    expect((await db.councils.get(councilId))!.department).toBe('別の画面での変更');
    expect(before.name).not.toBe('誤った名称');
    db.close();
  });
});

describe('start-up sweep', () => {
  it('sends the stored names of materials and council templates', async () => {
    const db = open();
    const councilId = await importBundle(db, buildSampleCouncil());
    const a = '0a0a0a0a-0000-4000-8000-000000000001.pdf';
    const t = '0a0a0a0a-0000-4000-8000-000000000002.docx';
    const meeting = (await db.meetings.where('councilId').equals(councilId).first())!;
    await db.meetings.update(meeting.id, {
      materials: [
        { id: 'x', label: '資料1', title: '素案', file: { storedName: a, originalName: '素案.pdf', size: 1 } },
      ],
    });
    await db.councils.update(councilId, {
      templates: [{ kind: 'agenda', storedName: t, originalName: 'ひな形.docx' } as never],
    });
    expect(await referencedAttachments(db)).toEqual([a, t].sort());
    db.close();
  });
});
