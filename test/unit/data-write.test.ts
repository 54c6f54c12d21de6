/**
 * The one write path: every write of a record, whatever Dexie call makes it, gets the
 * next revision, the 作業者名 as updatedBy and a line in the change log — in the same
 * transaction, so a failed write leaves neither.
 */
import { describe, expect, it } from 'vitest';
import { memberInput, openTestDb } from './db-helpers';
import { changesSince, revisionOf } from '../../renderer/src/data/database';
import { importBundle } from '../../renderer/src/data/bundle';
import { addMember, deleteMember, updateCouncil } from '../../renderer/src/features/councils/data';
import { FROZEN_MESSAGE } from '../../renderer/src/data/rules';
import { toDataError } from '../../renderer/src/data/errors';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

const open = () => openTestDb('w');
const member = memberInput;

describe('write path', () => {
  it('counts revisions per record and logs create, update and delete with the operator name', async () => {
    const db = open();
    await db.meta.put({ key: 'operatorName', value: ' 山田 ' });
    const councilId = await importBundle(db, buildSampleCouncil());
    expect((await revisionOf(db, 'councils', councilId))?.rev).toBe(1);

    await updateCouncil(db, councilId, { name: '名称変更後の審議会' });
    await db.councils.update(councilId, { purpose: '目的' });
    const rev = await revisionOf(db, 'councils', councilId);
    expect(rev).toMatchObject({ rev: 3, updatedBy: '山田' });
    expect((await db.councils.get(councilId))?.name).toBe('名称変更後の審議会');

    const m = await addMember(db, councilId, member as never);
    await deleteMember(db, m);
    const log = (await changesSince(db)).filter((c) => c.id === m.id);
    expect(log.map((c) => [c.table, c.op, c.rev])).toEqual([
      ['members', 'create', 1],
      ['members', 'delete', 2],
    ]);
    const seq = (await changesSince(db)).at(-1)!.seq!;
    await db.meta.put({ key: 'operatorName', value: '鈴木' });
    await db.members.put({ ...m, name: '佐藤花子（再登録）' });
    expect(await changesSince(db, seq)).toMatchObject([{ table: 'members', id: m.id, rev: 3, op: 'create' }]);
    expect((await revisionOf(db, 'members', m.id))?.updatedBy).toBe('鈴木');
    db.close();
  });

  it('a failed transaction leaves neither the record nor its log line', async () => {
    const db = open();
    const councilId = await importBundle(db, buildSampleCouncil());
    const before = (await changesSince(db)).length;
    await expect(
      db.transaction('rw', db.councils, async () => {
        await db.councils.update(councilId, { name: '書きかけ' });
        throw new Error('途中で失敗');
      }),
    ).rejects.toThrow('途中で失敗');
    expect((await changesSince(db)).length).toBe(before);
    expect((await revisionOf(db, 'councils', councilId))?.rev).toBe(1);
    db.close();
  });

  it('refuses to change a frozen version from the start, and says why in Japanese', async () => {
    const db = open();
    const bundle = buildSampleCouncil();
    await importBundle(db, bundle);
    const v = bundle.draftVersions[0]!;
    const err = await db.draftVersions.update(v.id, { note: '書き換え' }).catch((e: unknown) => e);
    expect(toDataError(err)?.message).toBe(FROZEN_MESSAGE); // what notify.error shows
    expect(toDataError({ name: 'ConstraintError' })?.message).toContain('すでに登録');
    db.close();
  });
});
