import { beforeEach, describe, expect, it } from 'vitest';
import { ShingikaiDB } from '../../renderer/src/data/database';
import { importBundle } from '../../renderer/src/data/bundle';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { mergeOpinions } from '../../shared/opinions';
import { opinionRecords } from '../../renderer/src/features/opinions/data/records';

const db = new ShingikaiDB('opinions-store-test');
const {
  councilOpinions,
  deleteOpinion,
  importOpinionRows,
  loadDocumentData,
  promoteRemarksToOpinions,
  putOpinions,
  saveMatrixColumns,
} = opinionRecords(db);
let councilId = '';

beforeEach(async () => {
  await db.delete();
  await db.open();
  councilId = await importBundle(db, buildSampleCouncil());
});

describe('opinion records in the database', () => {
  it('promotes remarks once, linked to them, in one go', async () => {
    const decision = (await db.remarks.toArray()).find((r) => r.kind === '決定')!;
    const already = (await db.remarks.toArray()).find((r) => r.kind === '意見')!;
    const created = await promoteRemarksToOpinions([decision.id, already.id]);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      remarkId: decision.id,
      meetingId: decision.meetingId,
      councilId,
      source: 'meeting',
    });
    expect(await db.opinions.count()).toBe(95);
    expect(await promoteRemarksToOpinions([decision.id])).toEqual([]);
    expect(await db.opinions.count()).toBe(95);
  });

  it('deleting a merged opinion gives its duplicates back', async () => {
    const all = await councilOpinions(councilId);
    const [a, b] = all;
    await putOpinions(mergeOpinions(all, a!.id, [a!.id, b!.id], new Date().toISOString()));
    expect((await db.opinions.get(b!.id))!.mergedIntoId).toBe(a!.id);
    await deleteOpinion(a!.id);
    expect(await db.opinions.get(a!.id)).toBeUndefined();
    expect((await db.opinions.get(b!.id))!.mergedIntoId).toBeNull();
  });

  it('imports only rows without errors, after the last opinion', async () => {
    const before = await councilOpinions(councilId);
    const row = {
      row: 2,
      summary: '新しい意見',
      fieldId: null,
      fieldName: '',
      memberId: null,
      memberName: '',
      meetingId: null,
      source: 'written' as const,
      sourceLabel: '市民Ａ',
      response: '',
      status: '',
      errors: [],
    };
    const n = await importOpinionRows(councilId, [row, { ...row, row: 3, summary: '', errors: ['意見が空欄です。'] }]);
    expect(n).toBe(1);
    const after = await councilOpinions(councilId);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ summary: '新しい意見', sourceLabel: '市民Ａ', source: 'written' });
  });

  it('removing a matrix column removes its items with it', async () => {
    const council = (await db.councils.get(councilId))!;
    const dropped = council.matrixColumns[3]!;
    expect(await db.matrixItems.filter((i) => i.columnId === dropped.id).count()).toBeGreaterThan(0);
    await saveMatrixColumns(councilId, council.matrixColumns.slice(0, 3));
    expect(await db.matrixItems.filter((i) => i.columnId === dropped.id).count()).toBe(0);
    expect((await db.councils.get(councilId))!.matrixColumns).toHaveLength(3);
    const data = await loadDocumentData(councilId);
    expect(data.opinions).toHaveLength(94);
    expect(Object.values(data.sectionTitles!)).toContain('Ⅱ．３．取り組みの方向性');
  });
});
