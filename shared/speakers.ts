/**
 * Who said it, as a document or a screen prints it, under the council's label rule
 * (docs/CONVENTIONS.md §1.4): names (大久保副会長), roles only (委員 / 会長), letters (A委員 —
 * the same member keeps the same letter through one document), or 【委員】.
 * Secretariat turns are 事務局, or 【部署】氏名職名 under the names rule.
 */
import type { Member, Remark, Speaker, SpeakerLabelRule, Staff } from './domain';
import { memberTitle, staffTitle } from './people';
import { letterFor } from './numbering';
import { councilChair, isPlainMember, officeOf } from './offices';

export interface SpeakerContext {
  members: Pick<Member, 'id' | 'name' | 'role' | 'order'>[];
  staff: Pick<Staff, 'id' | 'name' | 'title' | 'department'>[];
  /** Chair of the day (null = the 会長). */
  chairMemberId: string | null;
}

/** Letters by first appearance in the remarks, so A委員 is whoever speaks first. */
export function assignLetters(remarks: Pick<Remark, 'speaker'>[], ctx: SpeakerContext): Map<string, string> {
  const letters = new Map<string, string>();
  const chair = chairMember(ctx);
  for (const r of remarks) {
    const id = r.speaker.type === 'member' ? r.speaker.memberId : null;
    // The chair is labelled by office (会長/副会長), not by letter.
    if (id && id !== chair?.id && !letters.has(id)) letters.set(id, letterFor(letters.size));
  }
  return letters;
}

export function chairMember(ctx: SpeakerContext) {
  if (ctx.chairMemberId) return ctx.members.find((m) => m.id === ctx.chairMemberId) ?? null;
  return councilChair(ctx.members);
}

/** The chair's office for the day: 会長, or 副会長 when the 副会長 chairs (議長 otherwise). */
function chairOffice(ctx: SpeakerContext): string {
  const chair = chairMember(ctx);
  return chair && officeOf(chair.role) !== 'member' ? chair.role : '議長';
}

export function speakerLabel(
  speaker: Speaker,
  ctx: SpeakerContext,
  rule: SpeakerLabelRule,
  letters?: Map<string, string>,
): string {
  switch (speaker.type) {
    case 'unknown':
      return '';
    case 'secretariat':
      return rule === 'bracket' ? '【事務局】' : '事務局';
    case 'staff': {
      const s = ctx.staff.find((x) => x.id === speaker.staffId);
      if (!s) return '事務局';
      if (rule === 'name') return staffTitle(s);
      return rule === 'bracket' ? '【事務局】' : '事務局';
    }
    case 'chair': {
      const chair = chairMember(ctx);
      if (rule === 'name' && chair) return memberTitle(chair);
      return rule === 'bracket' ? `【${chairOffice(ctx)}】` : chairOffice(ctx);
    }
    case 'member': {
      const m = ctx.members.find((x) => x.id === speaker.memberId);
      if (!m) return rule === 'bracket' ? '【委員】' : '委員';
      if (rule === 'name') return memberTitle(m);
      const office = m.role;
      if (rule === 'bracket') return `【${office}】`;
      if (rule === 'letter' && isPlainMember(m)) return `${letters?.get(m.id) ?? '?'}委員`;
      return office;
    }
  }
}

/** Every member name a label rule other than 'name' must keep out of a public document. */
export function hiddenNames(ctx: SpeakerContext, rule: SpeakerLabelRule): string[] {
  if (rule === 'name') return [];
  return ctx.members.map((m) => m.name);
}
