/**
 * The action-plan records in the renderer's database (features/actions/data.ts) and the
 * reading of the action form (form.ts): bad input is refused with its Japanese message and
 * nothing is written half; the sample council arrives with its plan.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ShingikaiDB } from '../../renderer/src/data/database';
import { exportBundle, importBundle } from '../../renderer/src/data/bundle';
import { buildSampleBundle, loadSampleCouncil } from '../../renderer/src/data/sample';
import { actionsData } from '../../renderer/src/features/actions/data';
import { parseFiscalYear, readAction, valuesOf } from '../../renderer/src/features/actions/form';
import { SAMPLE_ACTION_PLAN_TITLE } from '../../resources/sample/actions';

const freshDb = () => new ShingikaiDB(`a-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

async function withSample() {
  const db = freshDb();
  const { councilId } = await loadSampleCouncil(db);
  const data = actionsData(db);
  const draft = (await db.drafts.where('councilId').equals(councilId).first())!;
  const records = (await data.planRecords(councilId, draft.id))!;
  return { db, data, councilId, draft, records };
}

describe('action plans in the database', () => {
  it('loads the sample council with its action plan, progress and the opinion linked to two actions', async () => {
    const { records } = await withSample();
    expect(records.plan.title).toBe(SAMPLE_ACTION_PLAN_TITLE);
    expect(records.actions.map((a) => a.what)).toContain('電子決裁の普及促進');
    expect(records.progress.filter((p) => p.fiscalYear === 2024)).toHaveLength(records.actions.length);
    expect(records.opinions).toHaveLength(1);
    expect(records.opinions[0]!.actionIds).toHaveLength(2);
  });

  it('keeps plans through bundle export and import', async () => {
    const { db, councilId, records } = await withSample();
    const bundle = await exportBundle(db, councilId);
    expect(bundle.actionPlans?.[0]?.actions.map((a) => a.id)).toEqual(records.actions.map((a) => a.id));
    const other = freshDb();
    await importBundle(other, bundle);
    expect(await other.progress.count()).toBe(records.progress.length);
  });

  it('refuses a bundle whose action is linked to a section its vision lacks, and writes nothing', async () => {
    const bundle = buildSampleBundle();
    bundle.actionPlans![0]!.actions[1]!.sectionIds = ['gone'];
    const db = freshDb();
    await expect(importBundle(db, bundle)).rejects.toThrow(
      /アクション「メンター制度の導入」が、削除されたビジョンの項目に結び付いています。/,
    );
    expect(await db.councils.count()).toBe(0);
    expect(await db.actions.count()).toBe(0);
  });

  it('refuses an action linked to a section deleted meanwhile, with the message, and saves nothing', async () => {
    const { db, data, records } = await withSample();
    const action = records.actions[0]!;
    const gone = action.sectionIds[0]!;
    await db.drafts.update(records.draft.id, { sections: records.draft.sections.filter((s) => s.id !== gone) });
    await expect(data.saveAction({ ...action, how: '変更' })).rejects.toThrow(
      'アクション「勤務場所以外でリモートワークできる環境の整備」が、削除されたビジョンの項目に結び付いています。項目を選び直してください。',
    );
    expect((await db.actions.get(action.id))!.how).toBe(action.how);
  });

  it('adds an action at the end, and removing an indicator removes its actual values in the same write', async () => {
    const { db, data, records } = await withSample();
    const added = await data.saveAction({
      id: 'new-1',
      planId: records.plan.id,
      sectionIds: [],
      department: '財政課',
      person: '',
      partners: [],
      start: { fiscalYear: 2025, month: 10 },
      what: '新しい取り組み',
      how: '',
      indicators: [],
    });
    expect(added.order).toBe(Math.max(...records.actions.map((a) => a.order)) + 1);
    const first = records.actions[0]!;
    await data.saveAction({ ...first, indicators: [] });
    const entry = (await db.progress.where('[actionId+fiscalYear]').equals([first.id, 2024]).first())!;
    expect(entry.actuals).toEqual([]);
    expect(entry.comment).toContain('貸出用端末');
  });

  it('records progress on the council scale only, and refuses actual values of unknown indicators', async () => {
    const { db, data, records } = await withSample();
    const a = records.actions[2]!;
    const x = a.indicators[0]!;
    await expect(
      data.saveProgress({
        actionId: a.id,
        fiscalYear: 2025,
        status: '実施中',
        actuals: [],
        evaluation: 'S',
        comment: '',
      }),
    ).rejects.toThrow('評価「S」は評価の区分（A・B・C）にありません。');
    await expect(
      data.saveProgress({
        actionId: a.id,
        fiscalYear: 2025,
        status: '実施中',
        actuals: [{ indicatorId: 'gone', value: 1 }],
        evaluation: '',
        comment: '',
      }),
    ).rejects.toThrow('実績に、削除された指標のものがあります。');
    expect(await db.progress.where('[actionId+fiscalYear]').equals([a.id, 2025]).count()).toBe(0);
    const saved = await data.saveProgress({
      actionId: a.id,
      fiscalYear: 2025,
      status: '完了',
      actuals: [{ indicatorId: x.id, value: 91 }],
      evaluation: 'A',
      comment: '紙の決裁をなくした。',
    });
    // The same year again replaces the entry (one per action and year).
    await data.saveProgress({ ...saved, comment: '紙の決裁を原則廃止した。' });
    const entries = await db.progress.where('[actionId+fiscalYear]').equals([a.id, 2025]).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ status: '完了', evaluation: 'A', comment: '紙の決裁を原則廃止した。' });
  });

  it('deletes an action with its progress, and its opinions lose only the link', async () => {
    const { db, data, records } = await withSample();
    const opinion = records.opinions[0]!;
    const gone = opinion.actionIds![0]!;
    await data.deleteAction(gone);
    expect(await db.actions.get(gone)).toBeUndefined();
    expect(await db.progress.where('actionId').equals(gone).count()).toBe(0);
    const after = (await db.opinions.get(opinion.id))!;
    expect(after.summary).toBe(opinion.summary);
    expect(after.actionIds).toEqual(opinion.actionIds!.slice(1));
  });

  it('swaps two actions (Alt+↑ / Alt+↓)', async () => {
    const { data, records, councilId, draft } = await withSample();
    const [a, b] = records.actions;
    await data.swapActions(a!.id, b!.id);
    const after = (await data.planRecords(councilId, draft.id))!;
    expect(after.actions.slice(0, 2).map((x) => x.id)).toEqual([b!.id, a!.id]);
  });
});

describe('the action form', () => {
  const base = { id: 'a1', planId: 'p1' };
  const values = () => ({
    ...valuesOf(null),
    department: '財政課',
    startYear: '令和7',
    what: '企業版ふるさと納税の募集',
    indicators: [
      {
        id: 'x1',
        name: '寄附件数',
        unit: '件',
        baseline: '０',
        baselineYear: '2023',
        target: '1,200',
        targetYear: 'R8',
      },
    ],
  });

  it('reads full-width digits, commas and 令和/R years', () => {
    const { action, errors } = readAction(values(), base);
    expect(errors).toEqual({});
    expect(action!.start).toEqual({ fiscalYear: 2025, month: null });
    expect(action!.indicators[0]).toMatchObject({ baseline: 0, baselineYear: 2023, target: 1200, targetYear: 2026 });
  });

  it('says which value is not a number and which target year is before the start', () => {
    const v = values();
    v.indicators[0]!.target = '多数';
    const first = readAction(v, base);
    expect(first.action).toBeNull();
    expect(first.errors['indicators.0.target']).toBe(
      '指標「寄附件数」の目標値「多数」は数値ではありません。数字で入力してください。',
    );
    v.indicators[0]!.target = '10';
    v.indicators[0]!.targetYear = '2024';
    expect(readAction(v, base).errors['indicators.0.targetYear']).toBe(
      '指標「寄附件数」の目標年度（令和6年度）が、取り組みの開始（令和7年度）より前になっています。',
    );
    expect(readAction({ ...values(), what: '  ' }, base).errors.what).toBe('「何を」を入力してください。');
  });

  it('reads fiscal years as typed, and refuses what is not one', () => {
    expect(parseFiscalYear('令和元年度', 'x')).toEqual({ ok: true, value: 2019 });
    expect(parseFiscalYear('２０２４', 'x')).toEqual({ ok: true, value: 2024 });
    expect(parseFiscalYear('', 'x')).toEqual({ ok: true, value: null });
    expect(parseFiscalYear('来年', '目標年度')).toEqual({
      ok: false,
      message: '目標年度「来年」を年度として読めません。2024 や 令和6 のように入力してください。',
    });
  });
});
