import { beforeEach, describe, expect, it } from 'vitest';
import { ShingikaiDB } from '../../renderer/src/data/database';
import { importBundle } from '../../renderer/src/data/bundle';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { opinionRecords } from '../../renderer/src/features/opinions/data/records';
import { planOpinionImport } from '../../renderer/src/features/opinions/importMatch';
import type { ImportedOpinionRow } from '../../shared/contract/opinions';

const db = new ShingikaiDB('opinion-reimport-test');
const { councilOpinions, importOpinionChanges } = opinionRecords(db);
let councilId = '';

beforeEach(async () => {
  await db.delete();
  await db.open();
  councilId = await importBundle(db, buildSampleCouncil());
});

const row = (n: number, summary: string, extra: Partial<ImportedOpinionRow> = {}): ImportedOpinionRow => ({
  row: n,
  summary,
  fieldId: null,
  fieldName: '',
  memberId: null,
  memberName: '',
  meetingId: null,
  source: 'written',
  sourceLabel: '',
  response: '',
  status: '',
  errors: [],
  ...extra,
});

describe('re-importing a corrected 意見シート', () => {
  it('updates the opinion with the same text (spacing and width folded) instead of adding it again', async () => {
    const before = await councilOpinions(councilId);
    const target = before.find((o) => o.summary.startsWith('外部委託に関し、進捗をチェック'))!;
    const status = (await db.councils.get(councilId))!.responseStatuses[0]!;
    const rows = [
      row(2, ` ${target.summary}　`, { response: '四半期ごとに報告します。', status }),
      row(3, '新しい書面意見です。'),
      row(4, target.summary), // the same opinion twice in the sheet: the second is new
      row(5, '', { errors: ['意見が空欄です。'] }),
    ];
    const plan = planOpinionImport(before, rows);
    expect(plan.map((p) => p.kind)).toEqual(['update', 'add', 'add', 'error']);
    expect(plan[0]).toMatchObject({ kind: 'update', changes: ['市の考え方', '反映状況'] });

    const adds = plan.flatMap((p) => (p.kind === 'add' ? [p.row] : []));
    const updates = plan.flatMap((p) => (p.kind === 'update' ? [{ id: p.target.id, patch: p.patch }] : []));
    expect(await importOpinionChanges(councilId, adds, updates)).toEqual({ added: 2, updated: 1 });
    const after = await councilOpinions(councilId);
    expect(after).toHaveLength(before.length + 2);
    const updated = after.find((o) => o.id === target.id)!;
    expect(updated).toMatchObject({ response: '四半期ごとに報告します。', status, fieldId: target.fieldId });
    expect(updated.summary).toBe(target.summary);
  });

  it('a blank cell never erases what is stored; an unchanged row is left alone', async () => {
    const before = await councilOpinions(councilId);
    const answered = { ...before[0]!, response: '対応済みです。' };
    const plan = planOpinionImport([answered, ...before.slice(1)], [row(2, answered.summary)]);
    expect(plan).toEqual([expect.objectContaining({ kind: 'same' })]);
  });
});
