/**
 * Writes of councils, members, staff, meetings and plans. Each is one Dexie transaction
 * (all or nothing); none awaits main inside a transaction.
 *
 * The functions taking a `db` are the transactions themselves (tests run them on their own
 * database); the section at the end binds them to the app's database and adds the live
 * queries the screens read — the screens of this feature touch the database only through it.
 */
import type { Council, Field as CouncilField, Member, Staff } from '../../../../shared/domain';
import { randomId } from '../../../../shared/factory';
import { addDays } from '../../../../shared/wareki';
import { staffTitle } from '../../../../shared/people';
import type { RosterPreview } from '../../../../shared/contract/councils';
import { AppError } from '../../../../shared/errors';
import type { ShingikaiDB } from '../../data/database';
import { ordered, remarksOfMeetings } from '../../data/database';
import { DataError } from '../../data/errors';
import { db as appDb } from '../../data/db';
import { useLiveQuery } from '../../data/live';
import { sortedMembers, sortedStaff } from '../../data/queries';
import { undoHistory, undoScope, type UndoTarget } from '../../data/undo';

const now = () => new Date().toISOString();

export async function updateCouncil(
  db: ShingikaiDB,
  id: string,
  patch: Partial<Omit<Council, 'id' | 'createdAt'>>,
): Promise<void> {
  await db.councils.update(id, { ...patch, updatedAt: now() });
}

/**
 * Changes the minutes deadline (days after the meeting). Meetings whose due date still
 * follows the old rule move with it; dates set by hand stay as they are.
 */
export async function setMinutesDueDays(db: ShingikaiDB, councilId: string, days: number): Promise<number> {
  return db.transaction('rw', [db.councils, db.meetings], async () => {
    const council = await db.councils.get(councilId);
    if (!council) throw new DataError('NOT_FOUND', '審議会が見つかりません。');
    let moved = 0;
    if (council.minutesDueDays !== days) {
      for (const m of await db.meetings.where('councilId').equals(councilId).toArray()) {
        if (m.date && m.minutesDue === addDays(m.date, council.minutesDueDays)) {
          await db.meetings.update(m.id, { minutesDue: addDays(m.date, days) });
          moved++;
        }
      }
    }
    await db.councils.update(councilId, { minutesDueDays: days, updatedAt: now() });
    return moved;
  });
}

/** Merges field `fromId` into `intoId`: every remark, opinion and matrix item of the old field moves to the new one. */
export async function mergeField(
  db: ShingikaiDB,
  councilId: string,
  fromId: string,
  intoId: string,
): Promise<{ remarks: number; opinions: number; matrixItems: number }> {
  if (fromId === intoId) throw new DataError('DUPLICATE', '同じ分野には統合できません。');
  return db.transaction('rw', [db.councils, db.meetings, db.remarks, db.opinions, db.matrixItems], async () => {
    const council = await db.councils.get(councilId);
    if (!council || !council.fields.some((f) => f.id === fromId) || !council.fields.some((f) => f.id === intoId))
      throw new DataError('NOT_FOUND', '分野が見つかりません。');
    const meetingIds = await db.meetings.where('councilId').equals(councilId).primaryKeys();
    const stamp = now();
    let remarks = 0;
    for (const c of fieldRemarks(db, meetingIds, fromId))
      remarks += await c.modify({ fieldId: intoId, updatedAt: stamp });
    const opinions = await fieldOpinions(db, councilId, fromId).modify({ fieldId: intoId, updatedAt: stamp });
    const matrixItems = await db.matrixItems
      .where('[councilId+fieldId]')
      .equals([councilId, fromId])
      .modify({ fieldId: intoId });
    await db.councils.update(councilId, { fields: council.fields.filter((f) => f.id !== fromId), updatedAt: stamp });
    return { remarks, opinions, matrixItems };
  });
}

/**
 * A council's remarks in a field, one collection per meeting, and its opinions in a field: fields
 * are not indexed (only merging and deleting a field asks), so they are read through the meeting's
 * and the council's ordered records.
 */
function fieldRemarks(db: ShingikaiDB, meetingIds: string[], fieldId: string) {
  return meetingIds.map((id) => ordered(db.remarks, '[meetingId+order]', id).filter((r) => r.fieldId === fieldId));
}
function fieldOpinions(db: ShingikaiDB, councilId: string, fieldId: string) {
  return ordered(db.opinions, '[councilId+order]', councilId).filter((o) => o.fieldId === fieldId);
}

/** How many records use a field (a used field is merged, not deleted). */
export async function fieldUsage(db: ShingikaiDB, councilId: string, fieldId: string): Promise<number> {
  const meetingIds = await db.meetings.where('councilId').equals(councilId).primaryKeys();
  let remarks = 0;
  for (const c of fieldRemarks(db, meetingIds, fieldId)) remarks += await c.count();
  const opinions = await fieldOpinions(db, councilId, fieldId).count();
  const items = await db.matrixItems.where('[councilId+fieldId]').equals([councilId, fieldId]).count();
  return remarks + opinions + items;
}

// ---------------------------------------------------------------- members and staff

export type MemberInput = Omit<Member, 'id' | 'councilId' | 'order'>;

export async function addMember(db: ShingikaiDB, councilId: string, input: MemberInput): Promise<Member> {
  return db.transaction('rw', db.members, async () => {
    const last = await ordered(db.members, '[councilId+order]', councilId).last();
    const member: Member = { ...input, id: randomId(), councilId, order: (last?.order ?? 0) + 1 };
    await db.members.add(member);
    return member;
  });
}

/** Renumbers a council's members (or staff) 1..n in the given order. */
export async function setOrder(db: ShingikaiDB, table: 'members' | 'staff', ids: string[]): Promise<void> {
  const t = table === 'members' ? db.members : db.staff;
  await db.transaction('rw', t, async () => {
    for (const [i, id] of ids.entries()) await t.update(id, { order: i + 1 });
  });
}

/** Where a member is still referred to; a member with records is kept (end the term instead). */
export async function memberReferences(db: ShingikaiDB, member: Pick<Member, 'id' | 'councilId'>): Promise<string[]> {
  const meetings = await db.meetings.where('councilId').equals(member.councilId).toArray();
  const out: string[] = [];
  const attended = meetings.filter(
    (m) => m.attendance.some((a) => a.memberId === member.id) || m.chairMemberId === member.id,
  );
  if (attended.length) out.push(`出欠の記録（${attended.map((m) => `第${m.number}回`).join('、')}）`);
  const remarks = (
    await remarksOfMeetings(
      db,
      meetings.map((m) => m.id),
    )
  ).filter((r) => r.speaker.type === 'member' && r.speaker.memberId === member.id).length;
  if (remarks) out.push(`発言 ${remarks}件`);
  // Opinions are not indexed by member (only this check asks): read through the council's.
  const opinions = await ordered(db.opinions, '[councilId+order]', member.councilId)
    .filter((o) => o.memberId === member.id)
    .count();
  if (opinions) out.push(`意見 ${opinions}件`);
  return out;
}

export async function deleteMember(db: ShingikaiDB, member: Member): Promise<void> {
  await db.transaction('rw', [db.members, db.meetings, db.remarks, db.opinions], async () => {
    const refs = await memberReferences(db, member);
    if (refs.length)
      throw new AppError('FORBIDDEN', `${member.name}${member.role}には${refs.join('、')}があるため削除できません。`);
    await db.members.delete(member.id);
  });
}

const ROSTER_COLUMN_KEYS: Record<string, keyof RosterPreview['rows'][number]['member']> = {
  氏名: 'name',
  よみがな: 'reading',
  役職: 'role',
  区分: 'category',
  所属: 'affiliation',
  任期開始: 'termStart',
  任期終了: 'termEnd',
};

/**
 * Writes a confirmed roster preview: adds new members after the last one, updates matched
 * ones in place — only the columns the file has (a file without 役職 never demotes the 会長).
 */
export async function applyRosterImport(
  db: ShingikaiDB,
  councilId: string,
  rows: RosterPreview['rows'],
  columns: string[] = Object.keys(ROSTER_COLUMN_KEYS),
): Promise<{ added: number; updated: number }> {
  const keys = columns.map((c) => ROSTER_COLUMN_KEYS[c]).filter((k) => k !== undefined);
  return db.transaction('rw', db.members, async () => {
    const last = await ordered(db.members, '[councilId+order]', councilId).last();
    let order = last?.order ?? 0;
    let added = 0,
      updated = 0;
    for (const row of rows) {
      const existing = row.memberId ? await db.members.get(row.memberId) : undefined;
      if (existing && existing.councilId === councilId) {
        const patch: Partial<Member> = {};
        for (const k of keys) (patch as Record<string, unknown>)[k] = row.member[k];
        await db.members.put({ ...existing, ...patch, reading: row.member.reading || existing.reading });
        updated++;
      } else {
        await db.members.add({ ...row.member, id: randomId(), councilId, order: ++order });
        added++;
      }
    }
    return { added, updated };
  });
}

export type StaffInput = Omit<Staff, 'id' | 'councilId' | 'order'>;

export async function addStaff(db: ShingikaiDB, councilId: string, input: StaffInput): Promise<Staff> {
  return db.transaction('rw', db.staff, async () => {
    const last = await ordered(db.staff, '[councilId+order]', councilId).last();
    const staff: Staff = { ...input, id: randomId(), councilId, order: (last?.order ?? 0) + 1 };
    await db.staff.add(staff);
    return staff;
  });
}

/** Removes a staff member and their presence marks; refused while remarks name them. */
export async function deleteStaff(db: ShingikaiDB, staff: Staff): Promise<void> {
  await db.transaction('rw', [db.staff, db.meetings, db.remarks], async () => {
    const meetings = await db.meetings.where('councilId').equals(staff.councilId).toArray();
    const spoke = (
      await remarksOfMeetings(
        db,
        meetings.map((m) => m.id),
      )
    ).filter((r) => r.speaker.type === 'staff' && r.speaker.staffId === staff.id).length;
    if (spoke)
      throw new AppError(
        'FORBIDDEN',
        `${staff.name}${staff.title}には発言の記録（${spoke}件）があるため削除できません。`,
      );
    for (const m of meetings.filter((x) => x.staffPresent.includes(staff.id))) {
      await db.meetings.update(m.id, { staffPresent: m.staffPresent.filter((s) => s !== staff.id) });
    }
    await db.staff.delete(staff.id);
  });
}

// ---------------------------------------------------------------- for the screens (the app's database)

/** How many members a council has (0 until known). */
export function useMemberCount(councilId: string): number {
  return useLiveQuery(() => appDb.members.where('councilId').equals(councilId).count(), [councilId]) ?? 0;
}

/** The 概要 tab's figures: opinions and drafts counted, the yearly plan (0 / [] until known). */
export function useCouncilFigures(councilId: string) {
  const opinions = useLiveQuery(() => appDb.opinions.where('councilId').equals(councilId).count(), [councilId]) ?? 0;
  const drafts = useLiveQuery(() => appDb.drafts.where('councilId').equals(councilId).count(), [councilId]) ?? 0;
  const plan = useLiveQuery(() => appDb.planEntries.where('councilId').equals(councilId).toArray(), [councilId]) ?? [];
  return { opinions, drafts, plan };
}

/** How many records use each field, by field id (undefined until known). */
export function useFieldUsage(councilId: string, fields: CouncilField[]): Record<string, number> | undefined {
  return useLiveQuery(
    async () =>
      Object.fromEntries(
        await Promise.all(fields.map(async (f) => [f.id, await fieldUsage(appDb, councilId, f.id)] as const)),
      ),
    [councilId, fields.map((f) => f.id).join()],
  );
}

export async function createCouncil(council: Council): Promise<void> {
  await appDb.councils.add(council);
}

/** The undo scopes of this feature's screens (data/undo.ts). */
export const membersScope = undoScope.members;
export const settingsScope = undoScope.settings;

const councilTarget = (id: string): UndoTarget => ({ table: 'councils', id });

/** Saves council settings; with a label (what the notice says), the change can be undone from the 設定 tab. */
export const saveCouncil = (id: string, patch: Partial<Omit<Council, 'id' | 'createdAt'>>, label?: string) =>
  label
    ? undoHistory.run(settingsScope(id), label, [councilTarget(id)], () => updateCouncil(appDb, id, patch))
    : updateCouncil(appDb, id, patch);

export const changeMinutesDueDays = (councilId: string, days: number) => setMinutesDueDays(appDb, councilId, days);

/** 基本情報: the council's basics and the minutes deadline (which moves the meetings that follow it), undone together. */
export async function saveBasics(
  councilId: string,
  patch: Partial<Omit<Council, 'id' | 'createdAt'>>,
  minutesDueDays: number,
): Promise<number> {
  const meetings = await appDb.meetings.where('councilId').equals(councilId).primaryKeys();
  return undoHistory.run(
    settingsScope(councilId),
    (moved) => (moved ? `基本情報を保存しました（会議録の期限を${moved}回分の会議で更新）` : '基本情報を保存しました'),
    [councilTarget(councilId), ...meetings.map((id): UndoTarget => ({ table: 'meetings', id }))],
    async () => {
      await updateCouncil(appDb, councilId, patch);
      return setMinutesDueDays(appDb, councilId, minutesDueDays);
    },
  );
}

export const mergeCouncilField = (councilId: string, fromId: string, intoId: string) =>
  mergeField(appDb, councilId, fromId, intoId);

/** Adds a member (`'new'`) or overwrites the edited one's fields; undoable from the 委員名簿 tab. */
export async function saveMember(councilId: string, editing: Member | 'new', input: MemberInput): Promise<void> {
  const scope = membersScope(councilId);
  if (editing === 'new')
    await undoHistory.run(
      scope,
      `委員「${input.name}」を追加しました`,
      [],
      () => addMember(appDb, councilId, input),
      (m) => [{ table: 'members', id: m.id }],
    );
  else
    await undoHistory.run(scope, `委員「${input.name}」を更新しました`, [{ table: 'members', id: editing.id }], () =>
      appDb.members.update(editing.id, input),
    );
}

/** Adds a staff member (`'new'`) or overwrites the edited one's fields; undoable from the 委員名簿 tab. */
export async function saveStaff(councilId: string, editing: Staff | 'new', input: StaffInput): Promise<void> {
  const scope = membersScope(councilId);
  const name = staffTitle({ ...input });
  if (editing === 'new')
    await undoHistory.run(
      scope,
      `事務局職員「${name}」を追加しました`,
      [],
      () => addStaff(appDb, councilId, input),
      (s) => [{ table: 'staff', id: s.id }],
    );
  else
    await undoHistory.run(scope, `事務局職員「${name}」を更新しました`, [{ table: 'staff', id: editing.id }], () =>
      appDb.staff.update(editing.id, input),
    );
}

/** Renumbers members (or staff) in the given order; undoable from the 委員名簿 tab. */
export async function reorderPeople(table: 'members' | 'staff', ids: string[]): Promise<void> {
  const first = ids.length ? await (table === 'members' ? appDb.members : appDb.staff).get(ids[0]!) : undefined;
  if (!first) return setOrder(appDb, table, ids);
  const what = table === 'members' ? '委員名簿' : '事務局職員';
  await undoHistory.run(
    membersScope(first.councilId),
    `${what}の順番を変更しました`,
    ids.map((id) => ({ table, id })),
    () => setOrder(appDb, table, ids),
  );
}

export const referencesOf = (member: Pick<Member, 'id' | 'councilId'>) => memberReferences(appDb, member);

/** Deletes a member; 元に戻す puts the same record back (same id). */
export const removeMember = (member: Member) =>
  undoHistory.run(
    membersScope(member.councilId),
    `委員「${member.name}」を削除しました`,
    [{ table: 'members', id: member.id }],
    () => deleteMember(appDb, member),
  );

/** Deletes a staff member and their presence marks; 元に戻す puts both back. */
export async function removeStaff(staff: Staff): Promise<void> {
  const present = await appDb.meetings
    .where('councilId')
    .equals(staff.councilId)
    .filter((m) => m.staffPresent.includes(staff.id))
    .primaryKeys();
  await undoHistory.run(
    membersScope(staff.councilId),
    `事務局職員「${staffTitle(staff)}」を削除しました`,
    [{ table: 'staff', id: staff.id }, ...present.map((id): UndoTarget => ({ table: 'meetings', id }))],
    () => deleteStaff(appDb, staff),
  );
}

export const importRoster = (councilId: string, rows: RosterPreview['rows'], columns: string[]) =>
  applyRosterImport(appDb, councilId, rows, columns);

/**
 * The records of the council's latest meeting that has remarks (for the style preview);
 * null when no meeting has remarks yet.
 */
export async function stylePreviewRecords(councilId: string) {
  const meetings = await appDb.meetings.where('councilId').equals(councilId).toArray();
  meetings.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.number - a.number);
  const counts = await Promise.all(meetings.map((m) => appDb.remarks.where('meetingId').equals(m.id).count()));
  const meeting = meetings.find((_, i) => counts[i]! > 0);
  if (!meeting) return null;
  const [members, staff, remarks, minutes] = await Promise.all([
    sortedMembers(councilId),
    sortedStaff(councilId),
    appDb.remarks.where('meetingId').equals(meeting.id).toArray(),
    appDb.minutes.get(meeting.id),
  ]);
  return { meeting, remarks, members, staff, minutes: minutes ?? null };
}

export const useStylePreviewRecords = (councilId: string) =>
  useLiveQuery(() => stylePreviewRecords(councilId), [councilId]);
