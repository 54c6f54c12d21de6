/**
 * Sample documents of action plans: the sample vision's action sheet, and its 進捗管理表
 * (.xlsx, .docx) for the sample fiscal year. The plan is sample data (resources/sample/actions.ts).
 */
import type { SampleProducer } from '../exports/samples';
import { OPINION_SOURCE_LABELS, type CouncilBundle, type Opinion } from '../../../shared/domain';
import type { ProgressReportArg } from '../../../shared/contract/actions';
import { evaluationScaleOf } from '../../../shared/actions/model';
import { memberTitle } from '../../../shared/people';
import { buildSampleActionPlan, SAMPLE_PROGRESS_AS_OF, SAMPLE_PROGRESS_YEAR } from '../../../resources/sample/actions';
import { actionSheetFileName, buildActionSheetXlsx } from './sheet-xlsx';
import { buildProgressXlsx } from './progress-xlsx';
import { buildProgressDocx } from './progress-docx';
import { progressFileName } from './progress-rows';

/** Who said it, as the 進捗管理表 prints it: 大久保副会長 / 〇〇課. */
export function opinionSpeaker(bundle: Pick<CouncilBundle, 'members' | 'meetings'>, o: Opinion): string {
  const member = o.memberId ? bundle.members.find((m) => m.id === o.memberId) : undefined;
  if (member) return memberTitle(member);
  if (o.sourceLabel) return o.sourceLabel;
  const meeting = o.meetingId ? bundle.meetings.find((m) => m.id === o.meetingId) : undefined;
  return meeting ? `第${meeting.number}回審議会` : OPINION_SOURCE_LABELS[o.source];
}

export const actionSamples: SampleProducer = (bundle) => {
  const draft = bundle.drafts[0];
  if (!draft) return [];
  const sample = buildSampleActionPlan(bundle);
  const sections = draft.sections;
  const sheetArg = {
    title: sample.plan.title,
    municipality: bundle.council.municipality,
    numbering: draft.numbering,
    sections,
    actions: sample.actions,
  };
  const progressArg: ProgressReportArg = {
    councilName: bundle.council.name,
    title: sample.plan.title,
    municipality: bundle.council.municipality,
    numbering: draft.numbering,
    fiscalYear: SAMPLE_PROGRESS_YEAR,
    asOf: SAMPLE_PROGRESS_AS_OF,
    sections,
    actions: sample.actions,
    progress: sample.progress,
    scale: evaluationScaleOf(bundle.council),
    opinions: sample.opinions
      .filter((o) => (o.actionIds ?? []).length > 0)
      .map((o) => ({ summary: o.summary, speaker: opinionSpeaker(bundle, o), actionIds: o.actionIds ?? [] })),
    fonts: { body: bundle.council.publication.bodyFont, heading: bundle.council.publication.headingFont },
  };
  return [
    { fileName: actionSheetFileName(sheetArg.title), build: () => buildActionSheetXlsx(sheetArg) },
    {
      fileName: progressFileName(SAMPLE_PROGRESS_YEAR, progressArg.title, 'xlsx'),
      build: () => buildProgressXlsx(progressArg),
    },
    {
      fileName: progressFileName(SAMPLE_PROGRESS_YEAR, progressArg.title, 'docx'),
      build: () => buildProgressDocx(progressArg),
    },
  ];
};
