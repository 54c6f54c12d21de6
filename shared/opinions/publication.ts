/**
 * Opinions as a document prints them: one row per active opinion in field order, with
 * its sources (its own and its merged duplicates'), member label and status. For a
 * 公開版 the council's rules apply here — main calls this in every export path:
 * non-public opinions (and those of a 非公開 meeting) are dropped, members are labelled
 * by the council's speaker rule (shared/speakers.ts), member names in the text are
 * replaced by that label, and free-text submitter labels of citizens are left out.
 */
import type { Council, MatrixItem, Meeting, Member, Opinion, Section, Staff } from '../domain';
import { speakerLabel, type SpeakerContext } from '../speakers';
import { publicLetters } from '../publication/labels';
import { nameMatcher } from '../publication/names';
import { publicPeople } from '../publication/redaction';
import { NON_PUBLIC_MARK } from '../publication/marks';
import type { NumberingStyle } from '../numbering';
import { opinionPlacements } from '../drafts/trace';
import { byOrder, countOpinions, groupByField, isActive, sourceText, statusText, type OpinionCounts } from './index';

export interface OpinionDocumentData {
  council: Council;
  members: Member[];
  meetings: Meeting[];
  opinions: Opinion[];
  matrixItems: MatrixItem[];
  /** The 事務局 staff, so their names in responses are hidden too (optional). */
  staff?: Staff[];
  /** Plan/vision section headings by id, for 該当箇所. */
  sectionTitles?: Record<string, string>;
}

export interface OpinionRow {
  no: number;
  opinion: Opinion;
  field: string;
  /** 第2回審議会 / 各課インタビュー … ; several when duplicates were merged in. */
  source: string;
  /** The first meeting it was raised at (for the date columns). */
  meeting: Pick<Meeting, 'id' | 'number' | 'date'> | null;
  member: string;
  summary: string;
  response: string;
  status: string;
  sections: string;
}

export interface PreparedOpinions {
  rows: OpinionRow[];
  counts: OpinionCounts;
  /** Opinions that may appear (after the public filter), merged duplicates included. */
  visible: Opinion[];
  /** Redacts member names in free text for a public copy (identity for an internal one). */
  redact: (text: string) => string;
}

/** 該当箇所 texts of every section of the drafts' working copies, numbered as printed: Ⅱ．３．（１）人. */
export function sectionTitlesOf(
  drafts: readonly { numbering: NumberingStyle; sections: readonly Section[] }[],
): Record<string, string> {
  return Object.fromEntries(
    drafts.flatMap((d) =>
      opinionPlacements({ sectionIds: d.sections.map((s) => s.id) }, d).map((p) => [p.sectionId, p.text]),
    ),
  );
}

function meetingHidden(meetings: Meeting[], meetingId: string | null): boolean {
  return !!meetingId && meetings.find((m) => m.id === meetingId)?.disclosure === '非公開';
}

/** Whether an opinion may appear in a public copy at all. */
export function publishable(o: Opinion, meetings: Meeting[]): boolean {
  return !o.nonPublic && !meetingHidden(meetings, o.meetingId);
}

export function prepareOpinions(data: OpinionDocumentData, publication: boolean): PreparedOpinions {
  const { council, meetings, members } = data;
  const visible = publication ? data.opinions.filter((o) => publishable(o, meetings)) : data.opinions;
  const visibleIds = new Set(visible.map((o) => o.id));
  // A duplicate whose survivor is hidden is not shown either (its text is the survivor's subject).
  const active = visible.filter(isActive);
  const shown = visible.filter((o) => isActive(o) || (o.mergedIntoId && visibleIds.has(o.mergedIntoId)));
  const rule = publication ? council.publication.speakerLabel : 'name';
  const groups = groupByField(active, council.fields);
  const ordered = groups.flatMap((g) => g.items.map((o) => ({ o, field: g.fieldId ? g.name : '' })));

  const speakerCtx: SpeakerContext = { members, staff: [], chairMemberId: null };
  // Stored letters (shared/publication/labels.ts): the same member has the same letter in the
  // minutes and in every opinion document; 会長・副会長 are labelled by office and use none.
  const scope = council.publicLabels?.scope ?? 'term';
  const lettersByMeeting = new Map<string | null, Map<string, string>>();
  const lettersFor = (meetingId: string | null) => {
    const key = scope === 'meeting' ? meetingId : null;
    let l = lettersByMeeting.get(key);
    if (!l) lettersByMeeting.set(key, (l = publicLetters(council, members, key)));
    return l;
  };
  const label = (memberId: string | null, meetingId: string | null = null) =>
    memberId && members.some((m) => m.id === memberId)
      ? speakerLabel({ type: 'member', memberId }, speakerCtx, rule, lettersFor(meetingId))
      : '';

  // Every written form of a member's or staff member's name (shared/publication/names.ts).
  const matcher =
    rule === 'name'
      ? null
      : nameMatcher(publicPeople({ council, members, staff: data.staff ?? [], letters: lettersFor(null) }));
  const redact = (text: string) => (matcher ? matcher.redact(text) : text);
  const lookup = { meetings, members, digitWidth: council.publication.digitWidth };
  const meetingNo = new Map(meetings.map((m) => [m.id, m]));

  const dupes = new Map<string, Opinion[]>();
  for (const d of shown) if (d.mergedIntoId) dupes.set(d.mergedIntoId, [...(dupes.get(d.mergedIntoId) ?? []), d]);
  const rows: OpinionRow[] = ordered.map(({ o, field }, i) => {
    const all = [o, ...(dupes.get(o.id) ?? []).sort(byOrder)];
    const sources = [
      ...new Set(
        all.map((d) =>
          sourceText(d, lookup, !publication || (d.source !== 'written' && d.source !== 'public-comment')),
        ),
      ),
    ];
    const people = [...new Set(all.map((d) => label(d.memberId, d.meetingId)).filter(Boolean))];
    const firstMeeting =
      all.map((d) => (d.meetingId ? meetingNo.get(d.meetingId) : undefined)).find((m) => !!m) ?? null;
    return {
      no: i + 1,
      opinion: o,
      field,
      source: sources.join('、'),
      meeting: firstMeeting,
      member: people.join('、'),
      // 内部用: each non-public opinion marked where it stands.
      summary: (!publication && !publishable(o, meetings) ? NON_PUBLIC_MARK : '') + redact(o.summary),
      response: redact(o.response),
      status: statusText(o),
      sections: o.sectionIds
        .map((s) => data.sectionTitles?.[s])
        .filter(Boolean)
        .join('、'),
    };
  });
  return { rows, counts: countOpinions(shown, council), visible: shown, redact };
}
