/**
 * What the projector may show the room: public remarks only, speakers by their public
 * label. Never メモ, 非公開, 要確認 or anything of an item discussed in closed session.
 * The renderer's projector view calls these (the view itself comes with the renderer work).
 */
import type { Council, Meeting, Member, Remark, Staff } from '../domain';
import { speakerLabel } from '../speakers';
import { publicLetters } from './labels';
import { nameMatcher } from './names';
import { hidesNames, publicPeople } from './redaction';

export function isPublicForProjector(
  remark: Pick<Remark, 'kind' | 'nonPublic' | 'needsCheck' | 'agendaItemId'>,
  meeting?: Pick<Meeting, 'agenda' | 'disclosure'>,
): boolean {
  if (remark.kind === 'メモ' || remark.nonPublic || remark.needsCheck) return false;
  if (meeting?.disclosure === '非公開') return false;
  const item = meeting?.agenda.find((a) => a.id === remark.agendaItemId);
  return !item?.closed;
}

/** The speaker as the projector prints it: the council's public label (never a hidden name). */
export function projectorSpeaker(
  remark: Pick<Remark, 'speaker'>,
  ctx: { council: Council; members: Member[]; staff: Staff[]; meeting: Meeting },
): string {
  const rule = ctx.council.publication.speakerLabel;
  const letters = publicLetters(ctx.council, ctx.members, ctx.meeting.id);
  return speakerLabel(
    remark.speaker,
    { members: ctx.members, staff: ctx.staff, chairMemberId: ctx.meeting.chairMemberId },
    rule,
    letters,
  );
}

/** The remark text as the projector shows it: names replaced by public labels under a hiding rule. */
export function projectorText(
  remark: Pick<Remark, 'text'>,
  ctx: { council: Council; members: Member[]; staff: Staff[]; meeting: Meeting },
): string {
  if (!hidesNames(ctx.council.publication.speakerLabel)) return remark.text;
  const letters = publicLetters(ctx.council, ctx.members, ctx.meeting.id);
  return nameMatcher(publicPeople({ council: ctx.council, members: ctx.members, staff: ctx.staff, letters })).redact(
    remark.text,
  );
}
