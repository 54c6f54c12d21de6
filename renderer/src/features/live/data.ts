/**
 * Writing live notes: committed remarks go to IndexedDB at once, the entry line is saved
 * within a fraction of a second, and every edit of the list can be undone.
 */
import { heldStatus, localToday } from '../../../../shared/meeting-status';
import type { Remark } from '../../../../shared/domain';
import type { EntryDraft, ShingikaiDB } from '../../data/database';
import { ordered } from '../../data/database';
import { db } from '../../data/db';
import { useLiveQuery } from '../../data/live';
import { sortedMembers, sortedStaff } from '../../data/queries';

/** The entry line as stored in `entryDrafts`: the text and what was chosen for it. */
export interface LiveDraft extends EntryDraft {
  speaker?: Remark['speaker'];
  kind?: Remark['kind'];
  fieldId?: string | null;
  nonPublic?: boolean;
  needsCheck?: boolean;
  /** The agenda item being discussed (the projector follows it). */
  agendaItemId?: string | null;
}

/** Records written and removed by one change. */
export interface Change {
  put: Remark[];
  remove: string[];
}
/** What restores the records as they were before an edit. */
export interface Undo extends Change {
  label: string;
}
/** A change made, and how to undo it. */
export interface Edit extends Change {
  undo: Undo;
}

/** The list on screen after a change: replaced, added and removed rows, in order. */
export function applyChange(list: Remark[], { put, remove }: Change): Remark[] {
  if (!put.length && !remove.length) return list;
  const gone = new Set([...remove, ...put.map((r) => r.id)]);
  const next = list.filter((r) => !gone.has(r.id));
  // The common case, a new last remark, needs no sort.
  const last = next[next.length - 1];
  if (put.length === 1 && (!last || put[0]!.order > last.order)) return [...next, put[0]!];
  return [...next, ...put].sort((a, b) => a.order - b.order);
}

/** A Japanese sentence for a failed write; the text always stays on screen. */
export function storageErrorMessage(error: unknown): string {
  const names: string[] = [];
  for (let e: unknown = error, i = 0; e && typeof e === 'object' && i < 4; e = (e as { inner?: unknown }).inner, i++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
  }
  if (names.some((n) => /Quota/.test(n))) {
    return 'ディスクの空き容量が不足しているため、記録を保存できません。入力した文字は画面に残っています。不要なファイルを削除してから、もう一度入力してください。';
  }
  if (names.some((n) => /Blocked|InvalidState|DatabaseClosed|Open/.test(n))) {
    return 'データベースが使用できないため、記録を保存できません。入力した文字は画面に残っています。他のウィンドウを閉じるか、アプリを再起動してください。';
  }
  return '記録を保存できませんでした。入力した文字は画面に残っています。保存できるまで画面を閉じないでください。';
}

export function remarksOf(db: ShingikaiDB, meetingId: string): Promise<Remark[]> {
  return ordered(db.remarks, '[meetingId+order]', meetingId).toArray();
}

/** Adds the remark and empties the stored entry line, in one transaction. */
export async function commitRemark(db: ShingikaiDB, remark: Remark, draft: LiveDraft): Promise<void> {
  await db.transaction('rw', db.remarks, db.entryDrafts, db.meetings, async () => {
    await db.remarks.add(remark);
    await db.entryDrafts.put(draft);
    // A meeting with remarks has been held: 予定 → 開催済 (shared/meeting-status.ts).
    const meeting = await db.meetings.get(remark.meetingId);
    const status = meeting && heldStatus(meeting, { hasRemarks: true, today: localToday() });
    if (meeting && status) await db.meetings.put({ ...meeting, status, updatedAt: new Date().toISOString() });
  });
}

/** 「今から開始」: the meeting starts now (today, this minute); the live clock counts from it. */
export async function startMeetingNow(meetingId: string, start: { date: string; actualStart: string }): Promise<void> {
  await db.transaction('rw', db.meetings, async () => {
    const m = await db.meetings.get(meetingId);
    if (!m) return;
    await db.meetings.put({
      ...m,
      date: start.date,
      actualStart: start.actualStart,
      updatedAt: new Date().toISOString(),
    });
  });
}

export async function saveDraft(db: ShingikaiDB, draft: LiveDraft): Promise<void> {
  await db.entryDrafts.put(draft);
}

async function apply(db: ShingikaiDB, put: Remark[], remove: string[]): Promise<void> {
  await db.transaction('rw', db.remarks, async () => {
    if (remove.length) await db.remarks.bulkDelete(remove);
    if (put.length) await db.remarks.bulkPut(put);
  });
}

export async function applyUndo(db: ShingikaiDB, undo: Undo): Promise<Change> {
  await apply(db, undo.put, undo.remove);
  return { put: undo.put, remove: undo.remove };
}

/**
 * Each edit reads the records it changes inside its own transaction, so quick successive
 * edits of one remark (Alt+N then Alt+2) build on each other instead of on a stale copy.
 */
async function edit(
  db: ShingikaiDB,
  ids: string[],
  change: (rs: Remark[]) => { put: Remark[]; remove: string[]; undo: Omit<Undo, 'put'> & { put?: Remark[] } } | null,
): Promise<Edit | null> {
  return db.transaction('rw', db.remarks, async () => {
    const rs = await db.remarks.bulkGet(ids);
    if (rs.some((r) => !r)) return null; // changed meanwhile (deleted elsewhere): nothing to do
    const found = rs as Remark[];
    const c = change(found);
    if (!c) return null;
    if (c.remove.length) await db.remarks.bulkDelete(c.remove);
    if (c.put.length) await db.remarks.bulkPut(c.put);
    return {
      put: c.put,
      remove: c.remove,
      undo: { label: c.undo.label, remove: c.undo.remove, put: c.undo.put ?? found },
    };
  });
}

const stamp = (r: Remark, now: string): Remark => ({ ...r, updatedAt: now });

export function updateRemark(
  db: ShingikaiDB,
  id: string,
  patch: Partial<Remark>,
  label: string,
  now = new Date().toISOString(),
): Promise<Edit | null> {
  return edit(db, [id], ([r]) => ({
    put: [stamp({ ...r!, ...patch, id }, now)],
    remove: [],
    undo: { label, remove: [] },
  }));
}

/** Flips a flag of the stored remark (not of a copy on screen). */
export function toggleFlag(
  db: ShingikaiDB,
  id: string,
  flag: 'nonPublic' | 'needsCheck',
  label: string,
  now = new Date().toISOString(),
): Promise<Edit | null> {
  return edit(db, [id], ([r]) => ({
    put: [stamp({ ...r!, [flag]: !r![flag] }, now)],
    remove: [],
    undo: { label, remove: [] },
  }));
}

export function deleteRemark(db: ShingikaiDB, id: string): Promise<Edit | null> {
  return edit(db, [id], () => ({ put: [], remove: [id], undo: { label: '削除', remove: [] } }));
}

/** Splits at a character position: the tail becomes a new remark right after, same speaker. */
export function splitRemark(
  db: ShingikaiDB,
  id: string,
  nextId: string | null,
  at: number,
  text: string,
  newId: string,
  now = new Date().toISOString(),
): Promise<Edit | null> {
  return edit(db, nextId ? [id, nextId] : [id], ([r, next]) => {
    const head = text.slice(0, at).trimEnd();
    const tail = text.slice(at).trimStart();
    if (!head || !tail) return null;
    const order = next ? (r!.order + next.order) / 2 : r!.order + 1;
    const second: Remark = { ...r!, id: newId, order, text: tail, replyToId: null, createdAt: now, updatedAt: now };
    return {
      put: [stamp({ ...r!, text: head }, now), second],
      remove: [],
      undo: { label: '分割', put: [r!], remove: [newId] },
    };
  });
}

/** Merges a remark with the one after it; the first keeps its speaker and time. */
export function mergeWithNext(
  db: ShingikaiDB,
  id: string,
  nextId: string,
  now = new Date().toISOString(),
): Promise<Edit | null> {
  return edit(db, [id, nextId], ([a, b]) => ({
    put: [
      stamp(
        {
          ...a!,
          text: a!.text + b!.text,
          nonPublic: a!.nonPublic || b!.nonPublic,
          needsCheck: a!.needsCheck || b!.needsCheck,
        },
        now,
      ),
    ],
    remove: [nextId],
    undo: { label: '結合', remove: [] },
  }));
}

/** Swaps a remark with its neighbour in the list. */
export function moveRemark(
  db: ShingikaiDB,
  id: string,
  neighbourId: string,
  now = new Date().toISOString(),
): Promise<Edit | null> {
  return edit(db, [id, neighbourId], ([a, b]) => ({
    // Moving into another agenda item takes that item, as the row now sits among its remarks.
    put: [
      stamp({ ...a!, order: b!.order, agendaItemId: b!.agendaItemId }, now),
      stamp({ ...b!, order: a!.order }, now),
    ],
    remove: [],
    undo: { label: '並べ替え', remove: [] },
  }));
}

/**
 * Saves the entry line at most `delay` ms after the last change, and at once on flush
 * (blur, tab hidden, page hide). Writes run one after another so the last one wins.
 */
export class DraftSaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest: LiveDraft | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (d: LiveDraft) => Promise<void>,
    private readonly onResult: (error: unknown | null) => void,
    private readonly delay = 150,
  ) {}

  schedule(draft: LiveDraft) {
    this.latest = draft;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.flush();
    }, this.delay);
  }

  /** Writes the pending draft now (nothing pending: resolves when earlier writes are done). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const d = this.latest;
    this.latest = null;
    if (d) {
      this.chain = this.chain
        .then(() => this.write(d))
        .then(
          () => this.onResult(null),
          (error: unknown) => {
            this.onResult(error);
          },
        );
    }
    return this.chain;
  }

  /** Runs another write in the same queue (a commit), after the drafts already sent. */
  enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task);
    this.chain = run.catch(() => {});
    return run;
  }

  /** Drops a pending write (the commit transaction has stored the emptied line itself). */
  cancel() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.latest = null;
  }

  get pending() {
    return this.latest !== null;
  }
}

// ---- the app's database: what the live screen and the projector read, and the commands they run

/** The meeting with its council and roster (null when the meeting or its council is gone). */
export async function liveRecords(meetingId: string) {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return null;
  const [council, members, staff] = await Promise.all([
    db.councils.get(meeting.councilId),
    sortedMembers(meeting.councilId),
    sortedStaff(meeting.councilId),
  ]);
  return council ? { meeting, council, members, staff } : null;
}

/** The live screen's records, re-read when they change (undefined while loading). */
export function useLiveRecords(meetingId: string) {
  return useLiveQuery(() => liveRecords(meetingId), [meetingId]);
}

/** The stored entry line of a meeting (undefined when none). */
export async function readEntryDraft(meetingId: string): Promise<LiveDraft | undefined> {
  return (await db.entryDrafts.get(meetingId)) as LiveDraft | undefined;
}

/** The live screen's writes and reads of remarks, on the app's database. */
export const remarkStore = {
  load: (meetingId: string) => remarksOf(db, meetingId),
  commit: (remark: Remark, draft: LiveDraft) => commitRemark(db, remark, draft),
  saveDraft: (draft: LiveDraft) => saveDraft(db, draft),
  undo: (undo: Undo) => applyUndo(db, undo),
  update: (id: string, patch: Partial<Remark>, label: string) => updateRemark(db, id, patch, label),
  toggleFlag: (id: string, flag: 'nonPublic' | 'needsCheck', label: string) => toggleFlag(db, id, flag, label),
  remove: (id: string) => deleteRemark(db, id),
  split: (id: string, nextId: string | null, at: number, text: string, newId: string) =>
    splitRemark(db, id, nextId, at, text, newId),
  merge: (id: string, nextId: string) => mergeWithNext(db, id, nextId),
  move: (id: string, neighbourId: string) => moveRemark(db, id, neighbourId),
};

/**
 * What the projector shows, re-read on every change: only the current item's remarks
 * (a long meeting has thousands); letters come from the council's stored public labels.
 */
export function useProjectorRecords(meetingId: string) {
  return useLiveQuery(async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) return null;
    const [council, members, staff, draft, last] = await Promise.all([
      db.councils.get(meeting.councilId),
      sortedMembers(meeting.councilId),
      sortedStaff(meeting.councilId),
      readEntryDraft(meetingId),
      ordered(db.remarks, '[meetingId+order]', meetingId).last(),
    ]);
    if (!council) return null;
    const itemId = draft?.agendaItemId ?? last?.agendaItemId ?? meeting.agenda[0]?.id ?? null;
    const ofItem = itemId
      ? (await db.remarks.where('agendaItemId').equals(itemId).toArray())
          .filter((r) => r.meetingId === meetingId)
          .sort((a, b) => a.order - b.order)
      : [];
    return { meeting, council, members, staff, itemId, ofItem };
  }, [meetingId]);
}
