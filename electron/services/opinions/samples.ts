/** The opinion documents of the sample council, as `npm run samples` writes them. */
import type { CouncilBundle } from '../../../shared/domain';
import type { SampleDocument } from '../exports/samples';
import { sectionTitlesOf, type OpinionDocumentData } from '../../../shared/opinions/publication';
import { buildOpinionDocument } from './documents';

export function opinionDocumentData(bundle: CouncilBundle): OpinionDocumentData {
  const sectionTitles = sectionTitlesOf(bundle.drafts);
  return {
    council: bundle.council,
    members: bundle.members,
    meetings: bundle.meetings,
    opinions: bundle.opinions,
    matrixItems: bundle.matrixItems,
    staff: bundle.staff,
    sectionTitles,
  };
}

export function opinionSamples(bundle: CouncilBundle): SampleDocument[] {
  const data = opinionDocumentData(bundle);
  const next =
    [...bundle.meetings].sort((a, b) => a.number - b.number).find((m) => m.status === '予定') ??
    bundle.meetings[bundle.meetings.length - 1];
  // The 資料２ of reference 004 (docs/CONVENTIONS.md §9): the matrix handed out at 第２回, with 第１回's opinions.
  const sorted = [...bundle.meetings].sort((a, b) => a.number - b.number);
  const [first, second] = sorted;
  const matrixScope = first && second ? { forMeetingId: second.id, meetingIds: [first.id] } : {};
  const doc = (kind: 'list' | 'responses' | 'matrix', format: 'xlsx' | 'docx', fileName: string): SampleDocument => ({
    fileName,
    build: async () =>
      (await buildOpinionDocument(kind, format, data, true, undefined, kind === 'matrix' ? matrixScope : {})).bytes,
  });
  // The internal copies carry the 意見ID column a corrected sheet is re-imported by.
  const internal = (kind: 'list' | 'responses', fileName: string): SampleDocument => ({
    fileName,
    build: async () => (await buildOpinionDocument(kind, 'xlsx', data, false)).bytes,
  });
  const docs = [
    doc('list', 'xlsx', '分野別意見一覧.xlsx'),
    internal('list', '分野別意見一覧_内部用.xlsx'),
    internal('responses', '意見対応表_内部用.xlsx'),
    doc('list', 'docx', '分野別意見一覧.docx'),
    doc('responses', 'xlsx', '意見対応表.xlsx'),
    doc('responses', 'docx', '意見対応表.docx'),
    doc('matrix', 'xlsx', '各分野の現状と課題.xlsx'),
    doc('matrix', 'docx', '各分野の現状と課題.docx'),
    {
      fileName: '意見シート.xlsx',
      build: async () => (await buildOpinionDocument('template', 'xlsx', data, true)).bytes,
    },
  ];
  if (next) {
    docs.push({
      fileName: `第${next.number}回_前回の主な意見と対応.docx`,
      build: async () =>
        (
          await buildOpinionDocument('handout', 'docx', data, true, {
            meetingId: next.id,
            grouping: 'field',
            themes: {},
          })
        ).bytes,
    });
  }
  return docs;
}
