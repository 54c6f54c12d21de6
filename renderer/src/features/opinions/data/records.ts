/**
 * Writing opinions to a database. Each change runs in one transaction (all or nothing)
 * and never awaits main inside it. The app uses these through ./store (its database);
 * tests give their own.
 */
import type { ShingikaiDB } from '../../../data/database';
import type { MatrixColumn, MatrixItem, Opinion } from '../../../../../shared/domain';
import { randomId } from '../../../../../shared/factory';
import { promoteRemarks } from '../../../../../shared/opinions';
import { sectionTitlesOf, type OpinionDocumentData } from '../../../../../shared/opinions/publication';
import type { ImportedOpinionRow } from '../../../../../shared/contract/opinions';
import { ordered } from '../../../data/database';
import { DataError } from '../../../data/errors';

export function opinionRecords(db: ShingikaiDB) {
  const now = () => new Date().toISOString();

  function councilOpinions(councilId: string) {
    return ordered(db.opinions, '[councilId+order]', councilId).toArray();
  }

  /**
   * Turns remarks into opinions of their meeting's council (one per remark, linked by
   * remarkId). Remarks already promoted are skipped; answers the new opinions.
   */
  async function promoteRemarksToOpinions(remarkIds: string[]): Promise<Opinion[]> {
    return db.transaction('rw', [db.remarks, db.meetings, db.opinions], async () => {
      const remarks = (await db.remarks.bulkGet(remarkIds)).filter((r) => r !== undefined);
      if (!remarks.length) return [];
      const meetings = (await db.meetings.bulkGet([...new Set(remarks.map((r) => r.meetingId))])).filter(
        (m) => m !== undefined,
      );
      const councilIds = [...new Set(meetings.map((m) => m.councilId))];
      const existing = (await Promise.all(councilIds.map((c) => councilOpinions(c)))).flat();
      const created = promoteRemarks(remarks, meetings, existing, randomId, now());
      await db.opinions.bulkAdd(created);
      return created;
    });
  }

  /** The council (undefined when it is gone). */
  function getCouncil(councilId: string) {
    return db.councils.get(councilId);
  }

  /** The remarks of a meeting, in order. */
  function meetingRemarks(meetingId: string) {
    return ordered(db.remarks, '[meetingId+order]', meetingId).toArray();
  }

  /** The council's drafts (their sections are what opinions are linked to). */
  function councilDrafts(councilId: string) {
    return db.drafts.where('councilId').equals(councilId).toArray();
  }

  /** The council's members and meetings, as an imported sheet's names and 第N回 are matched against. */
  async function importTargets(councilId: string) {
    const [members, meetings] = await Promise.all([
      db.members.where('councilId').equals(councilId).toArray(),
      db.meetings.where('councilId').equals(councilId).toArray(),
    ]);
    return { members, meetings };
  }

  /** Ids of the remarks of a meeting that are already opinions. */
  async function promotedRemarkIds(meetingId: string): Promise<Set<string>> {
    const ops = await db.opinions.where('meetingId').equals(meetingId).toArray();
    return new Set(ops.map((o) => o.remarkId).filter((x): x is string => !!x));
  }

  async function putOpinions(changed: Opinion[]): Promise<void> {
    if (!changed.length) return;
    await db.transaction('rw', db.opinions, async () => {
      await db.opinions.bulkPut(changed);
    });
  }

  async function addOpinion(
    init: Omit<Opinion, 'id' | 'order' | 'createdAt' | 'updatedAt' | 'sectionIds' | 'mergedIntoId'> &
      Partial<Pick<Opinion, 'sectionIds'>>,
  ): Promise<Opinion> {
    return db.transaction('rw', db.opinions, async () => {
      const last = await ordered(db.opinions, '[councilId+order]', init.councilId).last();
      const t = now();
      const o: Opinion = {
        sectionIds: [],
        ...init,
        id: randomId(),
        order: (last?.order ?? 0) + 1,
        mergedIntoId: null,
        createdAt: t,
        updatedAt: t,
      };
      await db.opinions.add(o);
      return o;
    });
  }

  /** Deletes an opinion; duplicates merged into it become opinions of their own again. */
  /** The council's action plans with their actions in order, for linking opinions (進行管理). */
  async function councilActionPlans(councilId: string) {
    const plans = await db.actionPlans.where('councilId').equals(councilId).toArray();
    const out = await Promise.all(
      plans.map(async (plan) => ({
        plan,
        actions: await ordered(db.actions, '[planId+order]', plan.id).toArray(),
      })),
    );
    return out.sort((a, b) => a.plan.createdAt.localeCompare(b.plan.createdAt));
  }

  /** Sets the actions an opinion is about (Opinion.actionIds); a deleted action is refused. */
  async function setOpinionActions(opinionId: string, actionIds: string[]): Promise<void> {
    await db.transaction('rw', [db.opinions, db.actions], async () => {
      const o = await db.opinions.get(opinionId);
      if (!o) throw new DataError('NOT_FOUND', '意見が見つかりません。削除された可能性があります。');
      const ids = [...new Set(actionIds)];
      const found = await db.actions.bulkGet(ids);
      if (found.some((a) => !a))
        throw new DataError('NOT_FOUND', 'アクションが見つかりません。削除された可能性があります。');
      await db.opinions.put({ ...o, actionIds: ids, updatedAt: now() });
    });
  }

  async function deleteOpinion(id: string): Promise<void> {
    await db.transaction('rw', db.opinions, async () => {
      const o = await db.opinions.get(id);
      if (!o) return;
      const t = now();
      const dups = (await db.opinions.where('councilId').equals(o.councilId).toArray()).filter(
        (d) => d.mergedIntoId === id,
      );
      await db.opinions.bulkPut(dups.map((d) => ({ ...d, mergedIntoId: null, updatedAt: t })));
      await db.opinions.delete(id);
    });
  }

  /** Stores the confirmed rows of an 意見シート (only rows without errors). */
  async function importOpinionRows(councilId: string, rows: ImportedOpinionRow[]): Promise<number> {
    const good = rows.filter((r) => r.errors.length === 0);
    await db.transaction('rw', db.opinions, async () => {
      const last = await ordered(db.opinions, '[councilId+order]', councilId).last();
      let order = last?.order ?? 0;
      const t = now();
      await db.opinions.bulkAdd(
        good.map((r): Opinion => ({
          id: randomId(),
          councilId,
          source: r.source,
          meetingId: r.meetingId,
          remarkId: null,
          memberId: r.memberId,
          sourceLabel: r.sourceLabel,
          fieldId: r.fieldId,
          summary: r.summary,
          response: r.response,
          status: r.status,
          sectionIds: [],
          order: ++order,
          nonPublic: false,
          mergedIntoId: null,
          createdAt: t,
          updatedAt: t,
        })),
      );
    });
    return good.length;
  }

  // ---------------------------------------------------------------- matrix items

  function councilMatrixItems(councilId: string) {
    return db.matrixItems.where('councilId').equals(councilId).toArray();
  }

  async function putMatrixItem(item: MatrixItem): Promise<void> {
    await db.transaction('rw', db.matrixItems, async () => {
      await db.matrixItems.put(item);
    });
  }

  async function addMatrixItem(
    councilId: string,
    fieldId: string,
    columnId: string,
    text: string,
  ): Promise<MatrixItem> {
    return db.transaction('rw', db.matrixItems, async () => {
      const all = await db.matrixItems.where('councilId').equals(councilId).toArray();
      const item: MatrixItem = {
        id: randomId(),
        councilId,
        fieldId,
        columnId,
        text,
        order: Math.max(0, ...all.map((i) => i.order)) + 1,
      };
      await db.matrixItems.add(item);
      return item;
    });
  }

  async function deleteMatrixItem(id: string): Promise<void> {
    await db.transaction('rw', db.matrixItems, async () => {
      await db.matrixItems.delete(id);
    });
  }

  // ---------------------------------------------------------------- documents

  /** Everything an opinion document needs, read in one go before calling main. */
  async function loadDocumentData(councilId: string): Promise<OpinionDocumentData> {
    return db.transaction(
      'r',
      [db.councils, db.members, db.staff, db.meetings, db.opinions, db.matrixItems, db.drafts],
      async () => {
        const council = await db.councils.get(councilId);
        if (!council) throw new DataError('NOT_FOUND', '審議会が見つかりません。');
        const drafts = await db.drafts.where('councilId').equals(councilId).toArray();
        return {
          council,
          members: await ordered(db.members, '[councilId+order]', councilId).toArray(),
          // 事務局 names in responses are hidden in a 公開版 too.
          staff: await ordered(db.staff, '[councilId+order]', councilId).toArray(),
          meetings: await ordered(db.meetings, '[councilId+number]', councilId).toArray(),
          opinions: await councilOpinions(councilId),
          matrixItems: await db.matrixItems.where('councilId').equals(councilId).toArray(),
          sectionTitles: sectionTitlesOf(drafts),
        };
      },
    );
  }

  /** Handout theme assignments (opinion → agenda item) per target meeting, kept in the meta table. */
  const themeKey = (meetingId: string) => `opinions.handoutThemes.${meetingId}`;
  async function loadThemes(meetingId: string): Promise<Record<string, string>> {
    const rec = await db.meta.get(themeKey(meetingId));
    return (rec?.value as Record<string, string> | undefined) ?? {};
  }
  async function saveThemes(meetingId: string, themes: Record<string, string>): Promise<void> {
    await db.transaction('rw', db.meta, async () => {
      await db.meta.put({ key: themeKey(meetingId), value: themes });
    });
  }

  /** Saves the matrix columns; items of removed columns go with them (one transaction). */
  async function saveMatrixColumns(councilId: string, columns: MatrixColumn[]): Promise<void> {
    await db.transaction('rw', [db.councils, db.matrixItems], async () => {
      const council = await db.councils.get(councilId);
      if (!council) return;
      const kept = new Set(columns.map((c) => c.id));
      const stale = (await db.matrixItems.where('councilId').equals(councilId).toArray()).filter(
        (i) => !kept.has(i.columnId),
      );
      await db.matrixItems.bulkDelete(stale.map((i) => i.id));
      await db.councils.put({ ...council, matrixColumns: columns, updatedAt: now() });
    });
  }

  return {
    councilOpinions,
    getCouncil,
    meetingRemarks,
    councilDrafts,
    importTargets,
    councilMatrixItems,
    promoteRemarksToOpinions,
    promotedRemarkIds,
    putOpinions,
    addOpinion,
    deleteOpinion,
    councilActionPlans,
    setOpinionActions,
    importOpinionRows,
    putMatrixItem,
    addMatrixItem,
    deleteMatrixItem,
    loadDocumentData,
    loadThemes,
    saveThemes,
    saveMatrixColumns,
    themeKey,
  };
}
