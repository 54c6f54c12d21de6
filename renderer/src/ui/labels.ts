import type { SpeakerLabelRule } from '../../../shared/domain';

export const SPEAKER_LABEL_NAMES: Record<SpeakerLabelRule, string> = {
  name: '氏名（山田副会長）',
  role: '役職のみ（委員）',
  letter: '記号（A委員・B委員）',
  bracket: '【委員】',
};
