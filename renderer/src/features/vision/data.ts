/**
 * The records of drafts in IndexedDB. Versions are only ever added: there is no update
 * function here, and `guardFrozenVersions` makes Dexie itself refuse to change a stored
 * version (update, modify, or put over an existing one).
 *
 * The functions taking a database are the records (tests give their own database); the
 * hooks and `appDrafts` at the end are the same on the app's database, for the screens.
 */
import type { ShingikaiDB } from '../../data/database';
import { db } from '../../data/db';
import { useLiveQuery } from '../../data/live';
import { isActive } from '../../../../shared/opinions';
import { AppError } from '../../../../shared/errors';
import { Draft, type Opinion, type Section } from '../../../../shared/domain';
import { randomId } from '../../../../shared/factory';
import { makeVersion, type FreezeInput } from '../../../../shared/drafts';

export { FROZEN_MESSAGE, guardFrozenVersions } from '../../data/rules';

export async function createDraft(
  db: ShingikaiDB,
  init: Pick<Draft, 'councilId' | 'title'> & Partial<Pick<Draft, 'issuer' | 'date' | 'numbering'>>,
): Promise<Draft> {
  const now = new Date().toISOString();
  const draft = Draft.parse({
    id: randomId(),
    issuer: '',
    date: null,
    numbering: 'roman',
    sections: [],
    createdAt: now,
    updatedAt: now,
    ...init,
  });
  await db.drafts.add(draft);
  return draft;
}

export async function saveSections(db: ShingikaiDB, draftId: string, sections: readonly Section[]): Promise<void> {
  const n = await db.drafts.update(draftId, { sections: [...sections], updatedAt: new Date().toISOString() });
  if (!n) throw new AppError('NOT_FOUND', '原稿が見つかりません。');
}

export async function saveDraftInfo(
  db: ShingikaiDB,
  draftId: string,
  patch: Partial<Pick<Draft, 'title' | 'issuer' | 'date' | 'numbering'>>,
): Promise<void> {
  await db.drafts.update(draftId, { ...patch, updatedAt: new Date().toISOString() });
}

/**
 * Deletes a draft that has no frozen version yet (a version, once frozen, is kept) and no
 * action plan (the plan's actions are linked to its sections; it would be left without them).
 */
export async function deleteDraft(db: ShingikaiDB, draftId: string): Promise<void> {
  await db.transaction('rw', db.drafts, db.draftVersions, db.actionPlans, async () => {
    if (await db.draftVersions.where('draftId').equals(draftId).count()) {
      throw new AppError('FORBIDDEN', '確定した版がある原稿は削除できません。');
    }
    if (await db.actionPlans.where('draftId').equals(draftId).count()) {
      throw new AppError(
        'FORBIDDEN',
        'アクションプランがある原稿は削除できません。先にアクションプランを削除してください。',
      );
    }
    await db.drafts.delete(draftId);
  });
}

/** Freezes the working copy as it is stored now; the working copy continues unchanged. */
export async function freezeDraft(db: ShingikaiDB, draftId: string, input: FreezeInput): Promise<string> {
  return db.transaction('rw', db.drafts, db.draftVersions, async () => {
    const draft = await db.drafts.get(draftId);
    if (!draft) throw new AppError('NOT_FOUND', '原稿が見つかりません。');
    const version = makeVersion(draft, input, randomId(), new Date().toISOString());
    await db.draftVersions.add(structuredClone(version));
    return version.id;
  });
}

/** Adds a version record as it is (import); an existing id is refused, never overwritten. */
export async function addVersion(
  db: ShingikaiDB,
  version: Parameters<ShingikaiDB['draftVersions']['add']>[0],
): Promise<void> {
  await db.draftVersions.add(version);
}

/** Links or unlinks an opinion and a section (Opinion.sectionIds). */
export async function setOpinionLink(
  db: ShingikaiDB,
  opinionId: string,
  sectionId: string,
  linked: boolean,
): Promise<void> {
  await db.transaction('rw', db.opinions, async () => {
    const o: Opinion | undefined = await db.opinions.get(opinionId);
    if (!o) throw new AppError('NOT_FOUND', '意見が見つかりません。');
    const has = o.sectionIds.includes(sectionId);
    if (has === linked) return;
    const sectionIds = linked ? [...o.sectionIds, sectionId] : o.sectionIds.filter((s) => s !== sectionId);
    await db.opinions.update(opinionId, { sectionIds, updatedAt: new Date().toISOString() });
  });
}

// ---------------------------------------------------------------- on the app's database (what the screens use)

/** A draft: null when it is gone, undefined while loading. */
export function useDraft(draftId: string) {
  return useLiveQuery(async () => (await db.drafts.get(draftId)) ?? null, [draftId]);
}
/** A draft as stored now (read once, e.g. before an export). */
export function readDraft(draftId: string) {
  return db.drafts.get(draftId);
}
/** The frozen versions of a draft (undefined while loading). */
export function useDraftVersions(draftId: string) {
  return useLiveQuery(() => db.draftVersions.where('draftId').equals(draftId).toArray(), [draftId]);
}
/** The council's drafts (undefined while loading). */
export function useCouncilDrafts(councilId: string) {
  return useLiveQuery(() => db.drafts.where('councilId').equals(councilId).toArray(), [councilId]);
}
/** The versions of all the council's drafts (undefined while loading). */
export function useCouncilVersions(councilId: string) {
  return useLiveQuery(async () => {
    const ids = await db.drafts.where('councilId').equals(councilId).primaryKeys();
    return db.draftVersions.where('draftId').anyOf(ids).toArray();
  }, [councilId]);
}
/** The council's opinions that stand on their own: merged duplicates live on inside the one they were merged into. */
export function useActiveOpinions(councilId: string) {
  return useLiveQuery(
    async () => (await db.opinions.where('councilId').equals(councilId).toArray()).filter(isActive),
    [councilId],
  );
}

/** The commands above, on the app's database. */
export const appDrafts = {
  create: (init: Parameters<typeof createDraft>[1]) => createDraft(db, init),
  saveSections: (draftId: string, sections: readonly Section[]) => saveSections(db, draftId, sections),
  saveInfo: (draftId: string, patch: Parameters<typeof saveDraftInfo>[2]) => saveDraftInfo(db, draftId, patch),
  remove: (draftId: string) => deleteDraft(db, draftId),
  freeze: (draftId: string, input: FreezeInput) => freezeDraft(db, draftId, input),
  linkOpinion: (opinionId: string, sectionId: string, linked: boolean) =>
    setOpinionLink(db, opinionId, sectionId, linked),
};
