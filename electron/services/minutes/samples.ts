/**
 * The sample meeting's 会議録 as 内部版, 公開版 (the sample's publication rule) and 確認用（案）:
 * once in the council's own style (today's names), then once per built-in minutes style,
 * 第2回_会議録_<edition>_<preset name>.docx, and each preset as a style file.
 */
import type { SampleProducer } from '../exports/samples';
import { MINUTES_MODE_LABELS, MINUTES_MODES, minutesFileName } from '../../../shared/minutes/model';
import { MINUTES_STYLE_PRESETS, styleFileName, styleFileText } from '../../../shared/minutes/style';
import { buildMinutesDocx } from './docx';

/** 第2回_会議録_公開版_議事要旨.docx — characters Windows refuses in names become ＿. */
export function presetSampleFileName(meetingNumber: number, mode: (typeof MINUTES_MODES)[number], preset: string) {
  const edition = MINUTES_MODE_LABELS[mode];
  return `第${meetingNumber}回_会議録_${edition}_${preset.replace(/[\\/:*?"<>|]/g, '＿')}.docx`;
}

export const minutesSamples: SampleProducer = (bundle) => {
  // The meeting the sample has minutes for (第２回).
  const minutes = bundle.minutes[0];
  const meeting = bundle.meetings.find((m) => m.id === minutes?.meetingId);
  if (!minutes || !meeting) return [];
  const order = ['internal', 'public', 'review'] as const satisfies readonly (typeof MINUTES_MODES)[number][];
  const input = (mode: (typeof order)[number]) => ({
    council: bundle.council,
    members: bundle.members,
    staff: bundle.staff,
    meeting,
    remarks: bundle.remarks.filter((r) => r.meetingId === meeting.id),
    minutes,
    mode,
  });
  return [
    ...order.map((mode) => ({ fileName: minutesFileName(meeting, mode), build: () => buildMinutesDocx(input(mode)) })),
    ...MINUTES_STYLE_PRESETS.flatMap((preset) =>
      order.map((mode) => ({
        fileName: presetSampleFileName(meeting.number, mode, preset.name),
        build: () => buildMinutesDocx({ ...input(mode), council: { ...bundle.council, minutesStyle: preset } }),
      })),
    ),
    ...MINUTES_STYLE_PRESETS.map((preset) => ({
      fileName: styleFileName(preset),
      build: async () => new TextEncoder().encode(styleFileText(preset)),
    })),
  ];
};
