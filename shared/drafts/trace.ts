/**
 * Opinion ↔ section traceability: where an opinion went (sections with their numbers
 * in a given version or the working copy) and which opinions a section reflects.
 * The opinions board reuses `opinionPlacements` to show 「反映箇所」.
 */
import type { Opinion, Section } from '../domain';
import type { NumberingStyle } from '../numbering';
import { numberedHeading, outline } from './tree';

export interface Placement {
  sectionId: string;
  path: string;
  heading: string;
  text: string;
}

/** The sections of `doc` an opinion is linked to, in document order. Links to sections absent from `doc` are left out. */
export function opinionPlacements(
  opinion: Pick<Opinion, 'sectionIds'>,
  doc: { numbering: NumberingStyle; sections: readonly Section[] },
): Placement[] {
  const linked = new Set(opinion.sectionIds);
  return outline(doc.sections, doc.numbering)
    .filter((e) => linked.has(e.section.id))
    .map((e) => ({
      sectionId: e.section.id,
      path: e.path,
      heading: e.section.heading,
      text: `${e.path}${/[．）]$/.test(e.path) ? '' : '　'}${e.section.heading}`,
    }));
}

/**
 * Where an opinion went across a council's drafts (their working copies): for the
 * opinions board's 「反映箇所」 column. Drafts without a linked section are left out.
 */
export function opinionPlacementsInDrafts(
  opinion: Pick<Opinion, 'sectionIds'>,
  drafts: readonly { id: string; title: string; numbering: NumberingStyle; sections: readonly Section[] }[],
): { draftId: string; title: string; placements: Placement[] }[] {
  return drafts
    .map((d) => ({ draftId: d.id, title: d.title, placements: opinionPlacements(opinion, d) }))
    .filter((x) => x.placements.length > 0);
}

/** 「Ⅱ．３．（３）①歳入の確保」 style text of placements, joined. */
export function placementsText(placements: readonly Placement[]): string {
  return placements.map((p) => p.text).join('、');
}

export function opinionsOfSection<O extends Pick<Opinion, 'sectionIds'>>(
  opinions: readonly O[],
  sectionId: string,
): O[] {
  return opinions.filter((o) => o.sectionIds.includes(sectionId));
}

export interface ReflectionRow {
  opinion: Opinion;
  status: string;
  response: string;
  placements: Placement[];
}

/** 意見の反映状況 for one version: every opinion with its response and the sections (numbers of that version). */
export function reflectionList(
  opinions: readonly Opinion[],
  doc: { numbering: NumberingStyle; sections: readonly Section[] },
  opts: { linkedOnly?: boolean } = {},
): ReflectionRow[] {
  const rows = [...opinions]
    .sort((a, b) => a.order - b.order)
    .map((o) => ({
      opinion: o,
      status: o.status || '未対応',
      response: o.response,
      placements: opinionPlacements(o, doc),
    }));
  return opts.linkedOnly ? rows.filter((r) => r.placements.length > 0) : rows;
}

export { numberedHeading };
