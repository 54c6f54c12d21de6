/** The sample meeting's 会議録 as 内部版, 公開版 (the sample's publication rule) and 確認用（案）. */
import type { SampleProducer } from '../exports/samples';
import { MINUTES_MODES, minutesFileName } from '../../../shared/minutes/model';
import { buildMinutesDocx } from './docx';

export const minutesSamples: SampleProducer = (bundle) => {
  // The meeting the sample has minutes for (第２回).
  const minutes = bundle.minutes[0];
  const meeting = bundle.meetings.find((m) => m.id === minutes?.meetingId);
  if (!minutes || !meeting) return [];
  const order = ['internal', 'public', 'review'] as const satisfies readonly (typeof MINUTES_MODES)[number][];
  return order.map((mode) => ({
    fileName: minutesFileName(meeting, mode),
    build: () =>
      buildMinutesDocx({
        council: bundle.council,
        members: bundle.members,
        staff: bundle.staff,
        meeting,
        remarks: bundle.remarks.filter((r) => r.meetingId === meeting.id),
        minutes,
        mode,
      }),
  }));
};
