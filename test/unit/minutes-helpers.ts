/** The sample's 第２回 as minutes input, and ways to vary it. */
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import type { MinutesInput, MinutesMode } from '../../shared/minutes/model';
import type { CouncilBundle, Remark, SpeakerLabelRule } from '../../shared/domain';

let n = 0;
export const sampleBundle = () => buildSampleCouncil({ makeId: () => `id${++n}`, now: '2023-07-07T06:30:00.000Z' });

export function sampleInput(b: CouncilBundle, mode: MinutesMode, rule?: SpeakerLabelRule): MinutesInput {
  const meeting = b.meetings.find((m) => m.number === 2)!;
  const council = rule ? { ...b.council, publication: { ...b.council.publication, speakerLabel: rule } } : b.council;
  return {
    council,
    members: b.members,
    staff: b.staff,
    meeting,
    remarks: b.remarks.filter((r) => r.meetingId === meeting.id),
    minutes: b.minutes[0]!,
    mode,
  };
}

export const memberId = (b: CouncilBundle, name: string) => b.members.find((m) => m.name === name)!.id;

/** Speakers for the first opinions of 議題１, one opinion made non-public, and 議題２ non-public. */
export function withSpeakersAndSecrets(b: CouncilBundle): CouncilBundle {
  const m2 = b.meetings.find((m) => m.number === 2)!;
  const agenda2 = m2.agenda[3]!.id;
  const speakers = ['河', '菅原', '河', '畠中'];
  let i = 0;
  const remarks = b.remarks.map((r): Remark => {
    if (r.meetingId !== m2.id) return r;
    if (r.kind === '意見' && i < speakers.length)
      return { ...r, speaker: { type: 'member', memberId: memberId(b, speakers[i++]!) } };
    if (r.kind === '意見' && i === speakers.length) {
      i++;
      return { ...r, nonPublic: true, text: '非公開の意見：用地買収の候補地は○○町である。' };
    }
    if (r.agendaItemId === agenda2) return { ...r, nonPublic: true };
    return r;
  });
  return { ...b, remarks };
}
