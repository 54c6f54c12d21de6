/** The arguments of the three exports (shared/contract/actions.ts), from the plan's records. */
import type { ActionSheetArg, ProgressReportArg } from '../../../../shared/contract/actions';
import { evaluationScaleOf } from '../../../../shared/actions';
import { fontsOf } from '../../../../shared/drafts/fonts';
import { memberTitle } from '../../../../shared/people';
import { OPINION_SOURCE_LABELS, type Opinion } from '../../../../shared/domain';
import { todayInTokyo } from '../../../../shared/wareki';
import type { PlanRecords } from './data';

const sectionRefs = (r: PlanRecords) =>
  r.draft.sections.map(({ id, parentId, order, heading }) => ({ id, parentId, order, heading }));

export function sheetArg(r: PlanRecords): ActionSheetArg {
  return {
    title: r.plan.title,
    municipality: r.council.municipality,
    numbering: r.draft.numbering,
    sections: sectionRefs(r),
    actions: r.actions,
  };
}

/** Who said it, as the 進捗管理表 prints it: 大久保副会長 / 〇〇課 / 第２回審議会. */
function speakerOf(r: PlanRecords, o: Opinion): string {
  const member = o.memberId ? r.members.find((m) => m.id === o.memberId) : undefined;
  if (member) return memberTitle(member);
  if (o.sourceLabel) return o.sourceLabel;
  const meeting = o.meetingId ? r.meetings.find((m) => m.id === o.meetingId) : undefined;
  return meeting ? `第${meeting.number}回審議会` : OPINION_SOURCE_LABELS[o.source];
}

export function progressArg(r: PlanRecords, fiscalYear: number): ProgressReportArg {
  const ids = new Set(r.actions.map((a) => a.id));
  return {
    councilName: r.council.name,
    title: r.plan.title,
    municipality: r.council.municipality,
    numbering: r.draft.numbering,
    fiscalYear,
    asOf: todayInTokyo(),
    sections: sectionRefs(r),
    actions: r.actions,
    progress: r.progress.filter((p) => p.fiscalYear === fiscalYear),
    scale: evaluationScaleOf(r.council),
    opinions: r.opinions
      .filter((o) => (o.actionIds ?? []).some((id) => ids.has(id)))
      .map((o) => ({
        summary: o.summary,
        speaker: speakerOf(r, o),
        actionIds: (o.actionIds ?? []).filter((id) => ids.has(id)),
      })),
    fonts: fontsOf(r.council),
  };
}
