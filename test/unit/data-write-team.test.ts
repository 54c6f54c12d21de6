/**
 * Team use and the write path: a record of a council shared with the team is stamped with the
 * CouchDB user beside the 作業者名 (`山田（yamada）`, as the minutes history names them); a
 * record of a council that is not shared, and every record in solo use, keeps the 作業者名.
 */
import { describe, expect, it } from 'vitest';
import { memberInput, openTestDb } from './db-helpers';
import { revisionOf } from '../../renderer/src/data/database';
import { importBundle } from '../../renderer/src/data/bundle';
import { teamName } from '../../renderer/src/data/write';
import { addMember, updateCouncil } from '../../renderer/src/features/councils/data';
import { updateRemark } from '../../renderer/src/features/live/data';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

const open = () => openTestDb('wt');
const member = memberInput;

describe('write path in team use', () => {
  it('stamps a shared council’s records with the CouchDB user, through parents too, and deletions', async () => {
    const db = open();
    await db.meta.put({ key: 'operatorName', value: '山田' });
    const bundle = buildSampleCouncil();
    const councilId = await importBundle(db, bundle);
    db.teamUser = { user: 'yamada', councils: [councilId] };

    await updateCouncil(db, councilId, { name: '共有する審議会' });
    const m = await addMember(db, councilId, member as never);
    const remark = bundle.remarks[0]!;
    await updateRemark(db, remark.id, { text: '共有した会議の発言' }, '発言の修正');
    const other = bundle.remarks[1]!;
    await db.remarks.delete(other.id);

    expect((await revisionOf(db, 'councils', councilId))?.updatedBy).toBe('山田（yamada）');
    expect((await revisionOf(db, 'members', m.id))?.updatedBy).toBe('山田（yamada）');
    // A remark finds its council through its meeting.
    expect(await revisionOf(db, 'remarks', remark.id)).toMatchObject({ updatedBy: '山田（yamada）', rev: 2 });
    expect(await revisionOf(db, 'remarks', other.id)).toMatchObject({ updatedBy: '山田（yamada）', deleted: true });
    expect((await db.remarks.get(remark.id))?.text).toBe('共有した会議の発言');
    db.close();
  });

  it('keeps the 作業者名 for a council that is not shared, and in solo use', async () => {
    const db = open();
    await db.meta.put({ key: 'operatorName', value: '山田' });
    const bundle = buildSampleCouncil();
    const councilId = await importBundle(db, bundle);
    db.teamUser = { user: 'yamada', councils: ['another-council'] };
    const m = await addMember(db, councilId, member as never);
    await updateRemark(db, bundle.remarks[0]!.id, { text: '共有していない会議の発言' }, '発言の修正');
    expect((await revisionOf(db, 'members', m.id))?.updatedBy).toBe('山田');
    expect((await revisionOf(db, 'remarks', bundle.remarks[0]!.id))?.updatedBy).toBe('山田');

    db.teamUser = null;
    await updateCouncil(db, councilId, { name: '一人で使う審議会' });
    expect((await revisionOf(db, 'councils', councilId))?.updatedBy).toBe('山田');
    db.close();
  });

  it('names the user alone when no 作業者名 is set, and never twice', () => {
    expect(teamName('', { user: 'yamada' })).toBe('yamada');
    expect(teamName('yamada', { user: 'yamada' })).toBe('yamada');
    expect(teamName('山田', { user: null })).toBe('山田');
  });
});
