/** The synthetic 3,000-remark meeting of the minutes bench (about 200 pages). */
import { buildSampleCouncil } from '../resources/sample/iizuka';
import type { MinutesInput } from '../shared/minutes/model';
import type { AgendaItem, Remark } from '../shared/domain';

const REMARKS = 3000;

export function syntheticMeeting(count = REMARKS): MinutesInput {
  let n = 0;
  const b = buildSampleCouncil({ makeId: () => `b${++n}`, now: '2023-07-07T06:30:00.000Z' });
  const meeting = b.meetings.find((m) => m.number === 2)!;
  const items: AgendaItem[] = [
    { id: 'open', kind: '開会', title: '開会' },
    ...Array.from({ length: 10 }, (_, i): AgendaItem => ({
      id: `a${i}`,
      kind: '議題',
      title: `議題の題名その${i + 1}について`,
    })),
    { id: 'close', kind: '閉会', title: '閉会' },
  ];
  const texts = b.remarks.filter((r) => r.kind === '意見').map((r) => r.text);
  const kinds: Remark['kind'][] = ['意見', '意見', '意見', '発言', '質問', '回答', '説明', '報告', '意見', '決定'];
  const remarks: Remark[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const member = b.members[(i % 5) + 1]!;
    remarks.push({
      id: `r${i}`,
      meetingId: meeting.id,
      agendaItemId: `a${Math.floor((i / count) * 10)}`,
      order: i + 1,
      kind,
      speaker:
        kind === '回答' || kind === '説明' || kind === '報告'
          ? { type: 'secretariat' }
          : { type: 'member', memberId: member.id },
      fieldId: kind === '意見' ? b.council.fields[i % b.council.fields.length]!.id : null,
      text: `${texts[i % texts.length]}（${i + 1}）`,
      offsetSec: i * 2,
      nonPublic: i % 97 === 0,
      needsCheck: false,
      replyToId: kind === '回答' ? `r${i - 1}` : null,
      createdAt: '2023-07-07T06:30:00.000Z',
      updatedAt: '2023-07-07T06:30:00.000Z',
    });
  }
  return {
    council: { ...b.council, publication: { ...b.council.publication, speakerLabel: 'letter' } },
    members: b.members,
    staff: b.staff,
    meeting: { ...meeting, agenda: items },
    remarks,
    minutes: { ...b.minutes[0]!, style: 'summary' },
    mode: 'public',
  };
}
