/**
 * Domain records → search docs. The data layer calls these on every write (and `bundleDocs`
 * for a first build, an import or a restore), so what is searchable is defined in one place.
 */
import type {
  Block,
  CouncilBundle,
  Draft,
  DraftVersion,
  Meeting,
  Member,
  Minutes,
  Opinion,
  Remark,
  Section,
  Staff,
} from '../domain';
import { memberTitle, staffTitle } from '../people';
import type { SearchDoc } from './types';

const day = (timestamp: string) => (timestamp ? timestamp.slice(0, 10) : null);
const meetingPublic = (m: Meeting | undefined) => !m || m.disclosure !== '非公開';

export function remarkDoc(r: Remark, meeting: Meeting | undefined, councilId: string, speakerName = ''): SearchDoc {
  const speakerId =
    r.speaker.type === 'member' ? r.speaker.memberId : r.speaker.type === 'staff' ? r.speaker.staffId : null;
  return {
    key: `remarks:${r.id}`,
    kind: 'remark',
    councilId,
    meetingId: r.meetingId,
    date: meeting?.date ?? null,
    speakerId,
    fieldId: r.fieldId,
    status: null,
    isPublic: !r.nonPublic && meetingPublic(meeting),
    order: r.order,
    texts: speakerName ? { text: r.text, speaker: speakerName } : { text: r.text },
  };
}

export function opinionDoc(o: Opinion, meeting: Meeting | undefined, speakerName = ''): SearchDoc {
  return {
    key: `opinions:${o.id}`,
    kind: 'opinion',
    councilId: o.councilId,
    meetingId: o.meetingId,
    date: meeting?.date ?? day(o.createdAt),
    speakerId: o.memberId,
    fieldId: o.fieldId,
    status: o.status,
    isPublic: !o.nonPublic,
    order: o.order,
    texts: { summary: o.summary, response: o.response, source: speakerName || o.sourceLabel },
  };
}

export function memberDoc(m: Member): SearchDoc {
  return {
    key: `members:${m.id}`,
    kind: 'member',
    councilId: m.councilId,
    date: m.termStart,
    speakerId: m.id,
    isPublic: true,
    order: m.order,
    texts: { name: memberTitle(m), reading: m.reading, affiliation: m.affiliation, category: m.category },
  };
}

export function staffDoc(s: Staff): SearchDoc {
  return {
    key: `staff:${s.id}`,
    kind: 'staff',
    councilId: s.councilId,
    speakerId: s.id,
    isPublic: true,
    order: s.order,
    texts: { name: staffTitle(s), department: s.department },
  };
}

/** The meeting itself, its agenda items and its materials. */
export function meetingDocs(m: Meeting, councilName = ''): SearchDoc[] {
  const base = { councilId: m.councilId, meetingId: m.id, date: m.date, status: m.status, isPublic: meetingPublic(m) };
  return [
    {
      ...base,
      key: `meetings:${m.id}`,
      kind: 'meeting',
      order: m.number,
      texts: { title: `${councilName}第${m.number}回`, venues: m.venues.join(' '), note: m.note },
    },
    ...m.agenda.map((a, i): SearchDoc => ({
      ...base,
      key: `meetings:${m.id}/agenda/${a.id}`,
      kind: 'agenda',
      order: i,
      texts: { title: a.title },
    })),
    ...m.materials.map((a, i): SearchDoc => ({
      ...base,
      key: `meetings:${m.id}/materials/${a.id}`,
      kind: 'material',
      order: i,
      texts: { title: `${a.label} ${a.title}`, file: a.file?.originalName ?? '' },
    })),
  ];
}

/** The hand-edited minutes text, one doc per edited section. */
export function minutesDocs(min: Minutes, meeting: Meeting | undefined, councilId: string): SearchDoc[] {
  return Object.entries(min.edits).map(([section, text], i) => ({
    key: `minutes:${min.meetingId}/${section}`,
    kind: 'minutes',
    councilId,
    meetingId: min.meetingId,
    date: meeting?.date ?? null,
    status: meeting?.status ?? null,
    isPublic: meetingPublic(meeting),
    order: i,
    texts: { text },
  }));
}

export function blockText(b: Block): string {
  if (b.type === 'paragraph') return b.text;
  if (b.type === 'bullets') return b.items.join('\n');
  return b.rows.map((r) => r.join(' ')).join('\n');
}

function sectionDoc(key: string, kind: 'draft' | 'draft-version', s: Section, base: Partial<SearchDoc>): SearchDoc {
  return {
    councilId: '',
    isPublic: true,
    ...base,
    key,
    kind,
    order: s.order,
    texts: { heading: s.heading, body: s.blocks.map(blockText).join('\n') },
  };
}

/** The working copy of a draft, one doc per section. */
export function draftDocs(d: Draft): SearchDoc[] {
  return d.sections.map((s) =>
    sectionDoc(`drafts:${d.id}/${s.id}`, 'draft', s, { councilId: d.councilId, date: d.date ?? day(d.updatedAt) }),
  );
}

/** A frozen version, one doc per section; status = its stage (素案, 案 …). */
export function draftVersionDocs(v: DraftVersion, councilId: string): SearchDoc[] {
  return v.sections.map((s) =>
    sectionDoc(`draftVersions:${v.id}/${s.id}`, 'draft-version', s, { councilId, date: v.date, status: v.stage }),
  );
}

/** Every doc of one council. */
export function bundleDocs(b: CouncilBundle): SearchDoc[] {
  const councilId = b.council.id;
  const meetings = new Map(b.meetings.map((m) => [m.id, m]));
  const names = new Map<string, string>();
  for (const m of b.members) names.set(m.id, memberTitle(m));
  for (const s of b.staff) names.set(s.id, staffTitle(s));
  const speakerName = (r: Remark) =>
    r.speaker.type === 'member'
      ? (names.get(r.speaker.memberId) ?? '')
      : r.speaker.type === 'staff'
        ? (names.get(r.speaker.staffId) ?? '')
        : r.speaker.type === 'secretariat'
          ? '事務局'
          : r.speaker.type === 'chair'
            ? '議長'
            : '';
  const docs: SearchDoc[] = [];
  for (const m of b.members) docs.push(memberDoc(m));
  for (const s of b.staff) docs.push(staffDoc(s));
  for (const m of b.meetings) docs.push(...meetingDocs(m, b.council.name));
  for (const r of b.remarks) docs.push(remarkDoc(r, meetings.get(r.meetingId), councilId, speakerName(r)));
  for (const o of b.opinions)
    docs.push(
      opinionDoc(o, o.meetingId ? meetings.get(o.meetingId) : undefined, o.memberId ? names.get(o.memberId) : ''),
    );
  for (const min of b.minutes) docs.push(...minutesDocs(min, meetings.get(min.meetingId), councilId));
  for (const d of b.drafts) docs.push(...draftDocs(d));
  for (const v of b.draftVersions) docs.push(...draftVersionDocs(v, councilId));
  return docs;
}
