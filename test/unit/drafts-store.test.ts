import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ShingikaiDB } from '../../renderer/src/data/database';
import { importBundle } from '../../renderer/src/data/bundle';
import {
  addVersion,
  createDraft,
  deleteDraft,
  freezeDraft,
  guardFrozenVersions,
  saveSections,
  setOpinionLink,
  FROZEN_MESSAGE,
} from '../../renderer/src/features/vision/data';
import { addSibling, makeVersion, newSection, updateSection } from '../../shared/drafts';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

const freshDb = () => new ShingikaiDB(`t-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

describe('freezing a draft', () => {
  it('stores a copy; editing the working copy afterwards leaves the version as it was', async () => {
    const db = freshDb();
    const draft = await createDraft(db, { councilId: 'c1', title: 'テスト市ビジョン', issuer: 'テスト市' });
    await saveSections(db, draft.id, addSibling([], null, newSection('s1', '総論')));
    const vid = await freezeDraft(db, draft.id, { stage: '骨子案', date: '2023-07-07', note: '第２回審議会資料１' });
    await saveSections(
      db,
      draft.id,
      updateSection((await db.drafts.get(draft.id))!.sections, 's1', { heading: '総則' }),
    );
    const v = (await db.draftVersions.get(vid))!;
    expect(v.sections[0]!.heading).toBe('総論');
    expect(v).toMatchObject({
      stage: '骨子案',
      date: '2023-07-07',
      note: '第２回審議会資料１',
      title: 'テスト市ビジョン',
      issuer: 'テスト市',
    });
    expect((await db.drafts.get(draft.id))!.sections[0]!.heading).toBe('総則');
  });

  it('refuses every way of changing a frozen version', async () => {
    const db = freshDb();
    guardFrozenVersions(db);
    const draft = await createDraft(db, { councilId: 'c1', title: 'テスト市ビジョン' });
    await saveSections(db, draft.id, addSibling([], null, newSection('s1', '総論')));
    const vid = await freezeDraft(db, draft.id, { stage: '骨子案', date: '2023-07-07', note: '' });
    const stored = (await db.draftVersions.get(vid))!;
    await expect(db.draftVersions.update(vid, { stage: '素案' })).rejects.toThrow(FROZEN_MESSAGE);
    await expect(db.draftVersions.put({ ...stored, note: '書き換え' })).rejects.toThrow(FROZEN_MESSAGE);
    await expect(db.draftVersions.where('draftId').equals(draft.id).modify({ note: '書き換え' })).rejects.toThrow();
    await expect(addVersion(db, { ...stored, note: '書き換え' })).rejects.toThrow(); // add never overwrites
    expect((await db.draftVersions.get(vid))!).toEqual(stored);
  });

  it('makes versions that are deeply immutable objects', () => {
    const bundle = buildSampleCouncil();
    const v = makeVersion(
      bundle.drafts[0]!,
      { stage: '案', date: '2023-10-01', note: '' },
      'v9',
      '2023-10-01T00:00:00Z',
    );
    expect(() => {
      (v as { stage: string }).stage = '確定';
    }).toThrow(TypeError);
    expect(() => {
      v.sections[0]!.heading = '改ざん';
    }).toThrow(TypeError);
    expect(() => {
      (v.sections as unknown[]).push({});
    }).toThrow(TypeError);
    expect(v.sections).not.toBe(bundle.drafts[0]!.sections);
  });
});

describe('deleting a draft', () => {
  it('deletes a draft without versions and refuses one that has a frozen version', async () => {
    const db = freshDb();
    const scratch = await createDraft(db, { councilId: 'c1', title: '試し' });
    await deleteDraft(db, scratch.id);
    expect(await db.drafts.get(scratch.id)).toBeUndefined();
    const kept = await createDraft(db, { councilId: 'c1', title: 'ビジョン' });
    await freezeDraft(db, kept.id, { stage: '骨子案', date: '2023-07-07', note: '' });
    await expect(deleteDraft(db, kept.id)).rejects.toThrow('確定した版がある原稿は削除できません。');
    expect(await db.drafts.get(kept.id)).toBeDefined();
  });

  it('refuses a draft that carries an action plan, so the plan is never left without its sections', async () => {
    const db = freshDb();
    const draft = await createDraft(db, { councilId: 'c1', title: 'ビジョン' });
    const now = '2026-01-01T00:00:00.000Z';
    await db.actionPlans.add({
      id: 'plan-1',
      councilId: 'c1',
      draftId: draft.id,
      title: '実行計画',
      startFiscalYear: null,
      endFiscalYear: null,
      createdAt: now,
      updatedAt: now,
    });
    await expect(deleteDraft(db, draft.id)).rejects.toThrow('アクションプランがある原稿は削除できません。');
    expect(await db.drafts.get(draft.id)).toBeDefined();
  });
});

describe('opinion links', () => {
  it('links and unlinks an opinion to a section, once', async () => {
    const db = freshDb();
    const councilId = await importBundle(db, buildSampleCouncil());
    const o = (await db.opinions.where('councilId').equals(councilId).first())!;
    await setOpinionLink(db, o.id, 'sec-1', true);
    await setOpinionLink(db, o.id, 'sec-1', true);
    expect((await db.opinions.get(o.id))!.sectionIds.filter((s) => s === 'sec-1')).toHaveLength(1);
    await setOpinionLink(db, o.id, 'sec-1', false);
    expect((await db.opinions.get(o.id))!.sectionIds).not.toContain('sec-1');
  });
});
