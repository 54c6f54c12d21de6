/**
 * Opinions (意見) as the board, the exports and the tests see them: grouping by field,
 * counting, filtering, status changes, moving between fields, merging duplicates and
 * promoting remarks. Pure functions over records; the renderer stores what they return.
 */
import {
  OPINION_SOURCE_LABELS,
  OPINION_SOURCES,
  type Council,
  type Field,
  type Meeting,
  type Member,
  type Opinion,
  type Remark,
} from '../domain';
import { memberTitle } from '../people';
import { meetingOrdinal } from '../numbering';

export type OpinionSource = (typeof OPINION_SOURCES)[number];

/** How an opinion without a status is shown and filtered. */
export const UNANSWERED = '未対応';
/** Statuses that count as 反映した (docs/CONVENTIONS.md §6.1, §6.3). */
export const REFLECTED_STATUSES = ['反映する', '反映済', '一部反映', '既に記載'];
/** Statuses that still need an answer: the 前回の主な意見と対応 handout lists these. */
export const OPEN_STATUSES = ['', '今後検討'];
export const NO_FIELD = '分野未設定';

export const statusText = (o: Pick<Opinion, 'status'>) => o.status || UNANSWERED;
export const isReflected = (status: string) => REFLECTED_STATUSES.includes(status);
export const isOpen = (o: Pick<Opinion, 'status'>) => OPEN_STATUSES.includes(o.status);
/** Merged duplicates stay stored but are no longer opinions of their own. */
export const isActive = (o: Pick<Opinion, 'mergedIntoId'>) => !o.mergedIntoId;

// ---------------------------------------------------------------- labels

export interface OpinionLookup {
  meetings: Pick<Meeting, 'id' | 'number' | 'date'>[];
  members: Pick<Member, 'id' | 'name' | 'role'>[];
  /** 第2回 (half, the UI) or 第２回 (documents of a council that writes one digit full-width). */
  digitWidth?: 'half' | 'full-single';
}

export function meetingLabel(meetingId: string | null, lookup: Pick<OpinionLookup, 'meetings' | 'digitWidth'>): string {
  const m = meetingId ? lookup.meetings.find((x) => x.id === meetingId) : undefined;
  return m ? `${meetingOrdinal(m.number, lookup.digitWidth ?? 'half')}審議会` : '';
}

/**
 * Where an opinion came from, in words: 第２回審議会 / 各課インタビュー（税務課） / 書面意見.
 * `withLabel: false` leaves out the free-text label (it may name a citizen in a public copy).
 */
export function sourceText(
  o: Pick<Opinion, 'source' | 'meetingId' | 'sourceLabel'>,
  lookup: Pick<OpinionLookup, 'meetings' | 'digitWidth'>,
  withLabel = true,
): string {
  if (o.source === 'meeting') {
    const m = meetingLabel(o.meetingId, lookup);
    if (m) return m;
  }
  const base = OPINION_SOURCE_LABELS[o.source];
  const label = o.sourceLabel.trim();
  return withLabel && label && label !== base ? `${base}（${label}）` : base;
}

export function memberName(memberId: string | null, lookup: Pick<OpinionLookup, 'members'>): string {
  const m = memberId ? lookup.members.find((x) => x.id === memberId) : undefined;
  return m ? memberTitle(m) : '';
}

// ---------------------------------------------------------------- ordering, grouping, counting

export function byOrder<T extends Pick<Opinion, 'order'>>(a: T, b: T) {
  return a.order - b.order;
}

export interface FieldGroup<T extends Pick<Opinion, 'fieldId'> = Opinion> {
  /** null = 分野未設定 (also opinions whose field was removed from the council). */
  fieldId: string | null;
  name: string;
  items: T[];
}

/** Opinions by the council's fields in the council's order, then 分野未設定; items keep their order. */
export function groupByField<T extends Pick<Opinion, 'fieldId' | 'order'>>(
  opinions: T[],
  fields: Field[],
): FieldGroup<T>[] {
  const groups: FieldGroup<T>[] = fields.map((f) => ({ fieldId: f.id, name: f.name, items: [] }));
  const none: FieldGroup<T> = { fieldId: null, name: NO_FIELD, items: [] };
  const index = new Map(groups.map((g) => [g.fieldId, g]));
  for (const o of [...opinions].sort(byOrder)) (index.get(o.fieldId ?? '') ?? none).items.push(o);
  return [...groups, none];
}

export interface OpinionCounts {
  total: number;
  byStatus: Record<string, number>;
  byField: { fieldId: string | null; name: string; total: number; byStatus: Record<string, number> }[];
  /** Distinct members who gave the counted opinions. */
  members: number;
  /** Distinct submitters: members, plus named written submitters / commenters. */
  submitters: number;
  reflected: number;
}

/** The statuses in the council's order, with 未対応 first (and any stray status at the end). */
export function statusOrder(
  council: Pick<Council, 'responseStatuses'>,
  opinions: Pick<Opinion, 'status'>[] = [],
): string[] {
  const list = [UNANSWERED, ...council.responseStatuses];
  for (const o of opinions) if (!list.includes(statusText(o))) list.push(statusText(o));
  return list;
}

/** Counts of the active opinions (merged duplicates are counted in their survivor). */
export function countOpinions(all: Opinion[], council: Pick<Council, 'fields' | 'responseStatuses'>): OpinionCounts {
  const opinions = all.filter(isActive);
  const statuses = statusOrder(council, opinions);
  const zero = () => Object.fromEntries(statuses.map((s) => [s, 0])) as Record<string, number>;
  const byStatus = zero();
  const byField = groupByField(opinions, council.fields).map((g) => {
    const counts = zero();
    for (const o of g.items) counts[statusText(o)] = (counts[statusText(o)] ?? 0) + 1;
    return { fieldId: g.fieldId, name: g.name, total: g.items.length, byStatus: counts };
  });
  for (const o of opinions) byStatus[statusText(o)] = (byStatus[statusText(o)] ?? 0) + 1;
  // Who gave them: the survivors' and their merged duplicates' people.
  const activeIds = new Set(opinions.map((o) => o.id));
  const people = all.filter((o) => isActive(o) || activeIds.has(o.mergedIntoId ?? ''));
  const members = new Set(people.map((o) => o.memberId).filter((x): x is string => !!x));
  const submitters = new Set<string>(members);
  for (const o of people) {
    if (!o.memberId && (o.source === 'written' || o.source === 'public-comment') && o.sourceLabel.trim())
      submitters.add(`${o.source}:${o.sourceLabel.trim()}`);
  }
  return {
    total: opinions.length,
    byStatus,
    byField,
    members: members.size,
    submitters: submitters.size,
    reflected: opinions.filter((o) => isReflected(o.status)).length,
  };
}

// ---------------------------------------------------------------- filtering

export interface OpinionFilter {
  meetingId?: string | null;
  memberId?: string | null;
  source?: OpinionSource | null;
  /** A status, or 未対応 for none. */
  status?: string | null;
  fieldId?: string | null;
  text?: string;
}

/** For matching typed text: width and case folded (ＤＸ finds DX). */
export function normalizeForSearch(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

export function filterOpinions<T extends Opinion>(opinions: T[], filter: OpinionFilter, lookup?: OpinionLookup): T[] {
  const words = normalizeForSearch(filter.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return opinions.filter((o) => {
    if (filter.meetingId && o.meetingId !== filter.meetingId) return false;
    if (filter.memberId && o.memberId !== filter.memberId) return false;
    if (filter.source && o.source !== filter.source) return false;
    if (filter.status && statusText(o) !== filter.status) return false;
    if (filter.fieldId !== undefined && filter.fieldId !== null && o.fieldId !== filter.fieldId) return false;
    if (words.length) {
      const hay = normalizeForSearch(
        [o.summary, o.response, o.sourceLabel, lookup ? memberName(o.memberId, lookup) : ''].join('\n'),
      );
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

// ---------------------------------------------------------------- changes (each answers the records to store)

export class OpinionRuleError extends Error {}

export function setStatus(
  o: Opinion,
  status: string,
  council: Pick<Council, 'responseStatuses'>,
  now: string,
): Opinion {
  const value = status === UNANSWERED ? '' : status;
  if (value && !council.responseStatuses.includes(value))
    throw new OpinionRuleError(`反映状況「${status}」はこの審議会の選択肢にありません。`);
  return { ...o, status: value, updatedAt: now };
}

export function setResponse(o: Opinion, response: string, now: string): Opinion {
  return { ...o, response: response.trim(), updatedAt: now };
}

/**
 * Moves an opinion to a field (null = 分野未設定), placed before `beforeId` or at the
 * end of that field. Answers only the records that changed.
 */
export function moveToField(
  opinions: Opinion[],
  id: string,
  fieldId: string | null,
  now: string,
  beforeId?: string | null,
): Opinion[] {
  const moving = opinions.find((o) => o.id === id);
  if (!moving) return [];
  const target = opinions.filter((o) => o.fieldId === fieldId && o.id !== id).sort(byOrder);
  const at = beforeId ? target.findIndex((o) => o.id === beforeId) : -1;
  let order: number;
  if (at < 0) {
    const last = target[target.length - 1];
    order = last ? last.order + 1 : Math.max(0, ...opinions.map((o) => o.order)) + 1;
  } else {
    const next = target[at]!;
    const prev = target[at - 1];
    order = prev ? (prev.order + next.order) / 2 : next.order - 1;
  }
  if (moving.fieldId === fieldId && moving.order === order) return [];
  return [{ ...moving, fieldId, order, updatedAt: now }];
}

/** The field before or after `fieldId` in the council's order (分野未設定 last); null at either end. */
export function adjacentField(
  fields: Field[],
  fieldId: string | null,
  step: -1 | 1,
): { fieldId: string | null } | null {
  const ids: (string | null)[] = [...fields.map((f) => f.id), null];
  const i = ids.indexOf(fields.some((f) => f.id === fieldId) ? fieldId : null);
  const j = i + step;
  return j >= 0 && j < ids.length ? { fieldId: ids[j]! } : null;
}

/**
 * Merges duplicates into `survivorId`: the others stay stored with `mergedIntoId` (so
 * their source, member and remark link are kept), the survivor takes over their plan
 * sections and, where it has none, their response and status. Duplicates already
 * merged into one of the others move to the survivor too.
 */
export function mergeOpinions(opinions: Opinion[], survivorId: string, otherIds: string[], now: string): Opinion[] {
  const survivor = opinions.find((o) => o.id === survivorId);
  if (!survivor) throw new OpinionRuleError('統合先の意見が見つかりません。');
  const others = otherIds
    .filter((x) => x !== survivorId)
    .map((x) => opinions.find((o) => o.id === x))
    .filter((o): o is Opinion => !!o);
  if (others.length === 0) throw new OpinionRuleError('統合する意見を2件以上選んでください。');
  const otherSet = new Set(others.map((o) => o.id));
  let next: Opinion = { ...survivor, mergedIntoId: null, updatedAt: now };
  for (const o of others) {
    next = {
      ...next,
      response: next.response || o.response,
      status: next.status || o.status,
      sectionIds: [...new Set([...next.sectionIds, ...o.sectionIds])],
    };
  }
  const changed: Opinion[] = [next];
  for (const o of others) changed.push({ ...o, mergedIntoId: survivor.id, updatedAt: now });
  for (const o of opinions) {
    if (o.mergedIntoId && otherSet.has(o.mergedIntoId))
      changed.push({ ...o, mergedIntoId: survivor.id, updatedAt: now });
  }
  return changed;
}

/** Takes a merged duplicate back out as an opinion of its own. */
export function unmergeOpinion(o: Opinion, now: string): Opinion {
  return { ...o, mergedIntoId: null, updatedAt: now };
}

/** The duplicates merged into an opinion, in order. */
export function mergedInto(all: Opinion[], survivorId: string): Opinion[] {
  return all.filter((o) => o.mergedIntoId === survivorId).sort(byOrder);
}

// ---------------------------------------------------------------- promoting remarks

/** Remark kinds offered first when taking opinions from a meeting's record. */
export const PROMOTABLE_KINDS: Remark['kind'][] = ['意見', '発言', '質問'];

/**
 * New opinions from remarks (one per remark, keeping the link). Remarks already
 * promoted (an opinion has their id) are skipped, so promoting twice adds nothing.
 */
export function promoteRemarks(
  remarks: Remark[],
  meetings: Pick<Meeting, 'id' | 'councilId'>[],
  existing: Pick<Opinion, 'remarkId' | 'order'>[],
  makeId: () => string,
  now: string,
): Opinion[] {
  const done = new Set(existing.map((o) => o.remarkId).filter(Boolean));
  let order = Math.max(0, ...existing.map((o) => o.order));
  const out: Opinion[] = [];
  for (const r of [...remarks].sort((a, b) => (a.meetingId === b.meetingId ? a.order - b.order : 0))) {
    if (done.has(r.id) || !r.text.trim()) continue;
    const meeting = meetings.find((m) => m.id === r.meetingId);
    if (!meeting) continue;
    done.add(r.id);
    out.push({
      id: makeId(),
      councilId: meeting.councilId,
      source: 'meeting',
      meetingId: r.meetingId,
      remarkId: r.id,
      memberId: r.speaker.type === 'member' ? r.speaker.memberId : null,
      sourceLabel: '',
      fieldId: r.fieldId,
      summary: r.text.trim().slice(0, 5000),
      response: '',
      status: '',
      sectionIds: [],
      order: ++order,
      nonPublic: r.nonPublic,
      mergedIntoId: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  return out;
}

// ---------------------------------------------------------------- 前回の主な意見と対応

export type HandoutGrouping = 'field' | 'theme';

export interface HandoutGroup {
  key: string;
  title: string;
  opinions: Opinion[];
}

/**
 * Which opinions a handout covers. Without `meetingIds`, every meeting before the target;
 * without `withAnswered`, only the opinions still open (the on-screen list of what is left).
 * The handout frozen for a meeting passes the chosen previous meeting(s) and `withAnswered`,
 * so it prints that meeting's main opinions with the responses given to them.
 */
export interface HandoutScope {
  meetingIds?: readonly string[];
  withAnswered?: boolean;
}

/** The meeting just before `target` (by number): the 前回 a handout speaks of by default. */
export function previousMeeting<M extends Pick<Meeting, 'id' | 'number'>>(
  meetings: M[],
  target: Pick<Meeting, 'number'>,
): M | null {
  return [...meetings].filter((m) => m.number < target.number).sort((a, b) => b.number - a.number)[0] ?? null;
}

/** 「第１回・第２回」 for a list of meetings, in number order. */
export function meetingsText(
  meetings: Pick<Meeting, 'number'>[],
  digitWidth: OpinionLookup['digitWidth'] = 'half',
): string {
  return [...new Set(meetings.map((m) => m.number))]
    .sort((a, b) => a - b)
    .map((n) => meetingOrdinal(n, digitWidth ?? 'half'))
    .join('・');
}

/** Joins the characters of a short label so a line never breaks inside it: 「（第１回）」 (U+2060 WORD JOINER). */
export function unbreakable(text: string): string {
  return [...text].join('\u2060');
}

/**
 * The opinions raised at meetings before `target` (still-open ones unless the scope says otherwise), grouped by field or by
 * the target meeting's themes (its 議題; `themes` maps an opinion to an agenda item,
 * the rest go under その他).
 */
export function handoutGroups(
  opinions: Opinion[],
  meetings: Pick<Meeting, 'id' | 'number' | 'agenda'>[],
  target: Pick<Meeting, 'id' | 'number' | 'agenda'>,
  council: Pick<Council, 'fields'>,
  grouping: HandoutGrouping,
  themes: Record<string, string> = {},
  scope: HandoutScope = {},
): HandoutGroup[] {
  const chosen = scope.meetingIds ? new Set(scope.meetingIds) : null;
  const earlier = new Set(
    meetings.filter((m) => m.number < target.number && (!chosen || chosen.has(m.id))).map((m) => m.id),
  );
  const picked = opinions.filter(
    (o) =>
      isActive(o) &&
      o.source === 'meeting' &&
      o.meetingId &&
      earlier.has(o.meetingId) &&
      (scope.withAnswered || isOpen(o)),
  );
  const meetingNo = new Map(meetings.map((m) => [m.id, m.number]));
  const sorted = picked.sort(
    (a, b) => meetingNo.get(a.meetingId!)! - meetingNo.get(b.meetingId!)! || a.order - b.order,
  );
  if (grouping === 'field') {
    return groupByField(sorted, council.fields)
      .filter((g) => g.items.length)
      .map((g) => ({
        key: g.fieldId ?? '',
        title: g.name,
        opinions: g.items.sort(
          (a, b) => meetingNo.get(a.meetingId!)! - meetingNo.get(b.meetingId!)! || a.order - b.order,
        ),
      }));
  }
  const items = target.agenda.filter((a) => a.kind === '議題');
  const groups: HandoutGroup[] = items.map((a) => ({ key: a.id, title: a.title, opinions: [] }));
  const other: HandoutGroup = { key: '', title: 'その他', opinions: [] };
  for (const o of sorted) (groups.find((g) => g.key === themes[o.id]) ?? other).opinions.push(o);
  return [...groups, other].filter((g) => g.opinions.length);
}

// ---------------------------------------------------------------- field matrix

export interface MatrixCellItem {
  id: string;
  text: string;
  kind: 'opinion' | 'item';
}

/**
 * Rows = fields; cells = opinions by the column's source, or the column's text items.
 * `scope.meetingIds` limits the meeting-opinion column to those meetings.
 */
export function matrixRows(
  council: Pick<Council, 'fields' | 'matrixColumns'>,
  opinions: Opinion[],
  items: { id: string; fieldId: string; columnId: string; text: string; order: number }[],
  scope: Pick<HandoutScope, 'meetingIds'> = {},
): { fieldId: string | null; name: string; cells: MatrixCellItem[][] }[] {
  // Limited to chosen meetings: the meeting column keeps only their opinions.
  const chosen = scope.meetingIds ? new Set(scope.meetingIds) : null;
  const active = opinions.filter(
    (o) => isActive(o) && (!chosen || o.source !== 'meeting' || (!!o.meetingId && chosen.has(o.meetingId))),
  );
  return council.fields.map((f) => ({
    fieldId: f.id,
    name: f.name,
    cells: council.matrixColumns.map((c) =>
      c.opinionSource
        ? active
            .filter((o) => o.fieldId === f.id && o.source === c.opinionSource)
            .sort(byOrder)
            .map((o) => ({ id: o.id, text: o.summary, kind: 'opinion' as const }))
        : items
            .filter((i) => i.fieldId === f.id && i.columnId === c.id)
            .sort((a, b) => a.order - b.order)
            .map((i) => ({ id: i.id, text: i.text, kind: 'item' as const })),
    ),
  }));
}
