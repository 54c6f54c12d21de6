/**
 * Template samples: the 公開版 会議録 of the sample meeting poured into the starter template
 * (as 「テンプレートで出力」 does with a registered one), and 「テンプレートの作り方」.
 */
import type { SampleProducer } from '../exports/samples';
import { minutesFileName } from '../../../shared/minutes/model';
import { bundleSource, templateData } from './data';
import { fillTemplate } from './fill';
import { buildTemplateGuide, GUIDE_FILE_NAME } from './guide';
import { buildStarterTemplate } from './starter';

export const templateSamples: SampleProducer = (bundle) => {
  const minutes = bundle.minutes[0];
  const meeting = bundle.meetings.find((m) => m.id === minutes?.meetingId);
  if (!minutes || !meeting) return [];
  return [
    {
      fileName: minutesFileName(meeting, 'public').replace(/\.docx$/, '_テンプレート.docx'),
      build: async () => {
        const source = bundleSource(bundle, 'minutes-public');
        const { data, hidden, allowed } = templateData(source);
        return fillTemplate(
          'minutes-public',
          await buildStarterTemplate('minutes-public', bundle.council),
          data,
          hidden,
          allowed,
        );
      },
    },
    { fileName: GUIDE_FILE_NAME, build: buildTemplateGuide },
  ];
};
