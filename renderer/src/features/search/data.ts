/**
 * The search feature's only database code: reading records for the index (in the search worker)
 * and for the filter lists (in the page), and the index's own small database.
 *
 * The index is persisted in its OWN IndexedDB database ('shingikai-search'), not in the app's
 * schema: it is a cache that can always be rebuilt from the records and the change log.
 */
import Dexie, { type Table } from 'dexie';
import type { CouncilBundle, Meeting, Remark } from '../../../../shared/domain';
import { memberTitle, staffTitle } from '../../../../shared/people';
import {
  bundleDocs,
  draftDocs,
  draftVersionDocs,
  meetingDocs,
  memberDoc,
  minutesDocs,
  opinionDoc,
  remarkDoc,
  staffDoc,
} from '../../../../shared/search/docs';
import type { SearchDoc } from '../../../../shared/search/types';
import type { KeeperSource, StoredState } from './keeper';
import {
  CHUNK_BYTES,
  CHUNK_PREFIX,
  chunkKeys,
  isChunkedHeader,
  joinStored,
  saveIdOf,
  saveIdOfKey,
  splitStored,
  type StoredRecord,
} from './chunks';
import { db } from '../../data/db';
import type { ChangeRecord } from '../../data/write';

// ---------------------------------------------------------------- the index's own database

class SearchStateDB extends Dexie {
  state!: Table<StoredRecord, string>;
  constructor() {
    super('shingikai-search');
    this.version(1).stores({ state: 'key' });
  }
}

let stateDb: SearchStateDB | null = null;
const state = () => (stateDb ??= new SearchStateDB());

/**
 * The stored index (a header and its chunks, chunks.ts), read in one transaction; undefined when
 * there is none or a chunk it names is missing. A record of the earlier form (the whole index as
 * one value, written before chunks, when it was small enough to be stored) is read as it is.
 */
export function loadStoredIndex(): Promise<StoredState | undefined> {
  const s = state();
  return s.transaction('r', s.state, async () => {
    const head = await s.state.get('index');
    if (!head) return undefined;
    if (!isChunkedHeader(head)) return 'data' in head ? head : undefined;
    const keys = chunkKeys(head);
    const records = await s.state.bulkGet(keys);
    const byKey = new Map(keys.map((k, i) => [k, records[i]]));
    return joinStored(head, (key) => byKey.get(key));
  });
}

/**
 * Writes the index as a header and chunks of at most `chunkBytes` (Chromium refuses one value
 * over 127 MB; the large installation's index is about 142 MB). Each chunk is put in its own
 * transaction (`pace` awaited before each: the keeper rests while keys are pressed and waits while
 * a backup is written), so no single write holds the app's IndexedDB for the whole index; the
 * index becomes the stored one only in the last transaction, which checks that every chunk it
 * names is there, puts the header and deletes every other chunk (the index written before, and
 * chunks a save that did not finish left). Until then the header written before and its chunks
 * are untouched: a stored index is all there or not at all (a missing chunk reads as none).
 */
export async function saveStoredIndex(
  value: StoredState,
  chunkBytes = CHUNK_BYTES,
  pace: () => Promise<void> = async () => {},
): Promise<void> {
  const { header, chunks } = splitStored(value, chunkBytes);
  const s = state();
  for (const chunk of chunks) {
    await pace();
    await s.state.put(chunk);
  }
  await pace();
  const named = new Set(chunkKeys(header));
  const mine = saveIdOf(header);
  await s.transaction('rw', s.state, async () => {
    const keys = await s.state.where('key').startsWith(CHUNK_PREFIX).primaryKeys();
    const current = await s.state.get('index');
    const currentKeys = new Set(isChunkedHeader(current) ? chunkKeys(current) : []);
    // another window stored a newer index meanwhile: it stays, this one's chunks go
    if (isChunkedHeader(current) && current.seq > header.seq) return s.state.bulkDelete([...named]);
    if (keys.filter((k) => named.has(k)).length !== named.size)
      throw new Error('検索索引の一部が書けていません（別のウィンドウの保存と重なりました）');
    // the index written before, and chunks of saves begun before this one that did not finish
    // (a save begun after it, in another window, goes on)
    const stale = keys.filter((k) => !named.has(k) && (currentKeys.has(k) || saveIdOfKey(k) < mine));
    await s.state.bulkDelete(stale);
    await s.state.put(header);
  });
}

export async function clearStoredIndex(): Promise<void> {
  const s = state();
  await s.transaction('rw', s.state, async () => {
    await s.state.where('key').startsWith(CHUNK_PREFIX).delete();
    await s.state.delete('index');
  });
}

// ---------------------------------------------------------------- the change log

/** The newest line of the change log (undefined: none). */
export function lastChange(): Promise<ChangeRecord | undefined> {
  return db.changes.orderBy('seq').last();
}

/** The change `seq` itself (to check a stored index against this database's history). */
export function changeAt(seq: number): Promise<ChangeRecord | undefined> {
  return db.changes.get(seq);
}

/** Up to `limit` changes after `seq`, in order. */
export function changesAfter(seq: number, limit: number): Promise<ChangeRecord[]> {
  return db.changes.where('seq').above(seq).limit(limit).toArray();
}

/** The newest change number, for pages that follow the log (a live query). */
export async function latestSeq(): Promise<number> {
  return (await lastChange())?.seq ?? 0;
}

// ---------------------------------------------------------------- records → docs

/** Every doc of every council (a first build, or after a restore). */
export async function allDocs(): Promise<SearchDoc[]> {
  const [councils, members, staff, meetings, remarks, opinions, minutes, drafts, draftVersions] = await Promise.all([
    db.councils.toArray(),
    db.members.toArray(),
    db.staff.toArray(),
    db.meetings.toArray(),
    db.remarks.toArray(),
    db.opinions.toArray(),
    db.minutes.toArray(),
    db.drafts.toArray(),
    db.draftVersions.toArray(),
  ]);
  const bundles = new Map<string, CouncilBundle>();
  for (const council of councils)
    bundles.set(council.id, {
      council,
      members: [],
      staff: [],
      meetings: [],
      remarks: [],
      opinions: [],
      drafts: [],
      draftVersions: [],
      matrixItems: [],
      planEntries: [],
      minutes: [],
    } as unknown as CouncilBundle);
  const meetingCouncil = new Map(meetings.map((m) => [m.id, m.councilId]));
  const draftCouncil = new Map(drafts.map((d) => [d.id, d.councilId]));
  const into = <K extends keyof CouncilBundle>(councilId: string | undefined, key: K, value: unknown) => {
    const b = councilId ? bundles.get(councilId) : undefined;
    if (b) (b[key] as unknown[]).push(value);
  };
  for (const m of members) into(m.councilId, 'members', m);
  for (const s of staff) into(s.councilId, 'staff', s);
  for (const m of meetings) into(m.councilId, 'meetings', m);
  for (const r of remarks) into(meetingCouncil.get(r.meetingId), 'remarks', r);
  for (const o of opinions) into(o.councilId, 'opinions', o);
  for (const m of minutes) into(meetingCouncil.get(m.meetingId), 'minutes', m);
  for (const d of drafts) into(d.councilId, 'drafts', d);
  for (const v of draftVersions) into(draftCouncil.get(v.draftId), 'draftVersions', v);
  const docs: SearchDoc[] = [];
  for (const b of bundles.values()) for (const d of bundleDocs(b)) docs.push(d);
  return docs;
}

/** A record reference `${table}:${id}` (the part of a doc key before any '/'). */
export type RecordRef = string;

/**
 * The current docs of the given records (re-read now). A record that no longer exists gives
 * no docs. Returns, for each ref, its docs (the caller replaces that record's old docs).
 */
export async function docsOf(refs: Iterable<RecordRef>): Promise<Map<RecordRef, SearchDoc[]>> {
  const byTable = new Map<string, string[]>();
  for (const ref of refs) {
    const i = ref.indexOf(':');
    const table = ref.slice(0, i);
    const list = byTable.get(table) ?? [];
    list.push(ref.slice(i + 1));
    byTable.set(table, list);
  }
  const ids = (t: string) => byTable.get(t) ?? [];
  const out = new Map<RecordRef, SearchDoc[]>();
  for (const [t, list] of byTable) for (const id of list) out.set(`${t}:${id}`, []);

  const [remarks, opinions, minutes, meetings, members, staff, drafts, versions] = await Promise.all([
    db.remarks.bulkGet(ids('remarks')),
    db.opinions.bulkGet(ids('opinions')),
    db.minutes.bulkGet(ids('minutes')),
    db.meetings.bulkGet(ids('meetings')),
    db.members.bulkGet(ids('members')),
    db.staff.bulkGet(ids('staff')),
    db.drafts.bulkGet(ids('drafts')),
    db.draftVersions.bulkGet(ids('draftVersions')),
  ]);
  // what the docs depend on: meetings (date, 公開), people (names), councils (names), drafts (council)
  const meetingIds = new Set<string>();
  for (const r of remarks) if (r) meetingIds.add(r.meetingId);
  for (const o of opinions) if (o?.meetingId) meetingIds.add(o.meetingId);
  for (const m of minutes) if (m) meetingIds.add(m.meetingId);
  const meetingList = await db.meetings.bulkGet([...meetingIds]);
  const meetingMap = new Map<string, Meeting>();
  for (const m of [...meetingList, ...meetings]) if (m) meetingMap.set(m.id, m);
  const people = new Set<string>();
  for (const r of remarks) {
    if (r?.speaker.type === 'member') people.add(r.speaker.memberId);
    if (r?.speaker.type === 'staff') people.add(r.speaker.staffId);
  }
  for (const o of opinions) if (o?.memberId) people.add(o.memberId);
  const [peopleMembers, peopleStaff] = await Promise.all([
    db.members.bulkGet([...people]),
    db.staff.bulkGet([...people]),
  ]);
  const names = new Map<string, string>();
  for (const m of peopleMembers) if (m) names.set(m.id, memberTitle(m));
  for (const s of peopleStaff) if (s) names.set(s.id, staffTitle(s));
  const councilIds = new Set<string>();
  for (const m of meetings) if (m) councilIds.add(m.councilId);
  const councilNames = new Map<string, string>();
  for (const c of await db.councils.bulkGet([...councilIds])) if (c) councilNames.set(c.id, c.name);
  const versionDrafts = new Map<string, string>();
  for (const d of await db.drafts.bulkGet([...new Set(versions.flatMap((v) => (v ? [v.draftId] : [])))]))
    if (d) versionDrafts.set(d.id, d.councilId);

  for (const r of remarks)
    if (r) {
      const meeting = meetingMap.get(r.meetingId);
      out.set(`remarks:${r.id}`, [remarkDoc(r, meeting, meeting?.councilId ?? '', speakerName(r, names))]);
    }
  for (const o of opinions)
    if (o)
      out.set(`opinions:${o.id}`, [
        opinionDoc(o, o.meetingId ? meetingMap.get(o.meetingId) : undefined, o.memberId ? names.get(o.memberId) : ''),
      ]);
  for (const m of minutes)
    if (m) {
      const meeting = meetingMap.get(m.meetingId);
      out.set(`minutes:${m.id}`, minutesDocs(m, meeting, meeting?.councilId ?? ''));
    }
  for (const m of meetings) if (m) out.set(`meetings:${m.id}`, meetingDocs(m, councilNames.get(m.councilId) ?? ''));
  for (const m of members) if (m) out.set(`members:${m.id}`, [memberDoc(m)]);
  for (const s of staff) if (s) out.set(`staff:${s.id}`, [staffDoc(s)]);
  for (const d of drafts) if (d) out.set(`drafts:${d.id}`, draftDocs(d));
  for (const v of versions)
    if (v) out.set(`draftVersions:${v.id}`, draftVersionDocs(v, versionDrafts.get(v.draftId) ?? ''));
  // a council has no doc of its own (its name is in its meetings' titles): its ref gives none
  return out;
}

function speakerName(r: Remark, names: Map<string, string>): string {
  const s = r.speaker;
  if (s.type === 'member') return names.get(s.memberId) ?? '';
  if (s.type === 'staff') return names.get(s.staffId) ?? '';
  if (s.type === 'secretariat') return '事務局';
  if (s.type === 'chair') return '議長';
  return '';
}

// ---------------------------------------------------------------- the page: filter lists and jumps

export interface FilterChoices {
  councils: { id: string; name: string; fields: { id: string; name: string }[]; statuses: string[] }[];
  meetings: { id: string; councilId: string; number: number; date: string | null }[];
  people: { id: string; councilId: string; name: string; staff: boolean }[];
}

export async function filterChoices(): Promise<FilterChoices> {
  const [councils, meetings, members, staff] = await Promise.all([
    db.councils.orderBy('name').toArray(),
    db.meetings.toArray(),
    db.members.toArray(),
    db.staff.toArray(),
  ]);
  return {
    councils: councils.map((c) => ({
      id: c.id,
      name: c.name,
      fields: c.fields.map((f) => ({ id: f.id, name: f.name })),
      statuses: [...c.responseStatuses, ...c.draftStages],
    })),
    meetings: meetings
      .map((m) => ({ id: m.id, councilId: m.councilId, number: m.number, date: m.date }))
      .sort((a, b) => a.number - b.number),
    people: [
      ...members
        .sort((a, b) => a.order - b.order)
        .map((m) => ({ id: m.id, councilId: m.councilId, name: memberTitle(m), staff: false })),
      ...staff
        .sort((a, b) => a.order - b.order)
        .map((s) => ({ id: s.id, councilId: s.councilId, name: staffTitle(s), staff: true })),
    ],
  };
}

/** The draft a frozen version belongs to (to open it). */
export async function draftOfVersion(versionId: string): Promise<string | null> {
  return (await db.draftVersions.get(versionId))?.draftId ?? null;
}

/**
 * The database as the index keeper (keeper.ts) sees it; `chunkBytes`: the largest stored chunk
 * (tests use a small one).
 */
export function searchSourceWith({ chunkBytes = CHUNK_BYTES }: { chunkBytes?: number } = {}): KeeperSource {
  return {
    load: loadStoredIndex,
    save: (value, pace) => saveStoredIndex(value, chunkBytes, pace),
    lastChange,
    changeAt,
    changesAfter,
    allDocs,
    docsOf,
  };
}

export const searchSource: KeeperSource = searchSourceWith();
