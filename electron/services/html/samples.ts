/**
 * The sample council's HTML editions, as `npm run samples` writes them: the 第２回 会議録
 * (公開版 and 内部版) and the 意見対応表 (公開版), by the channels' own builders.
 */
import type { SampleProducer } from '../exports/samples';
import { opinionDocumentData } from '../opinions/samples';
import { buildMinutesHtmlExport } from './minutes';
import { buildOpinionsHtml } from './opinions';

export const htmlSamples: SampleProducer = (bundle) => {
  const minutes = bundle.minutes[0];
  const meeting = bundle.meetings.find((m) => m.id === minutes?.meetingId);
  const docs = [];
  if (minutes && meeting) {
    for (const mode of ['public', 'internal'] as const) {
      const args = {
        council: bundle.council,
        members: bundle.members,
        staff: bundle.staff,
        meeting,
        remarks: bundle.remarks.filter((r) => r.meetingId === meeting.id),
        minutes,
        mode,
      };
      docs.push({
        fileName: buildMinutesHtmlExport(args).fileName,
        build: async () => buildMinutesHtmlExport(args).bytes,
      });
    }
  }
  const data = opinionDocumentData(bundle);
  docs.push({
    fileName: buildOpinionsHtml('responses', data, true).fileName,
    build: async () => buildOpinionsHtml('responses', data, true).bytes,
  });
  return docs;
};
