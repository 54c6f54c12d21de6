/**
 * The pieces of the minutes that a style shapes: attendance lines, staff lines, the
 * 公開・非公開 and 傍聴者 lines, speaker labels and the title. Pure text in, text out, so the
 * settings preview and the tests can call them directly.
 */
import type { Member, Minutes, Speaker, Staff } from '../domain';
import { memberTitle, staffLines, staffTitle } from '../people';
import { formatNumber } from '../style/format';
import { chairMember, type SpeakerContext } from '../speakers';
import { councilChair, officeOf } from '../offices';
import type { MinutesStyle } from './style';

type Attendance = Map<string, string>;

/** 大久保 一郎 → 大久保 (a name without a space is taken as the surname). */
export function surnameOf(name: string): string {
  return name.trim().split(/[ 　]+/)[0] ?? name;
}

function givenOf(name: string): string {
  return name.trim().split(/[ 　]+/)[1] ?? '';
}

/**
 * Members named by surname, told apart when two share one: 菅原一郎 (full name),
 * 菅原（一） (given-name initial) or 菅原（1）/菅原（2） (by roster order).
 */
export function surnameLabels(
  members: Pick<Member, 'id' | 'name' | 'order'>[],
  rule: MinutesStyle['speaker']['sameSurname'],
): Map<string, string> {
  const bySurname = new Map<string, Pick<Member, 'id' | 'name' | 'order'>[]>();
  for (const m of [...members].sort((a, b) => a.order - b.order)) {
    const s = surnameOf(m.name);
    bySurname.set(s, [...(bySurname.get(s) ?? []), m]);
  }
  const out = new Map<string, string>();
  for (const [surname, list] of bySurname) {
    list.forEach((m, i) => {
      if (list.length === 1) out.set(m.id, surname);
      else if (rule === 'full-name') out.set(m.id, m.name.replace(/[ 　]+/g, ''));
      else if (rule === 'given-initial' && givenOf(m.name)) out.set(m.id, `${surname}（${givenOf(m.name)[0]}）`);
      else out.set(m.id, `${surname}（${i + 1}）`);
    });
  }
  return out;
}

/** A speaker under the 'name' rule, in the style's form: 大久保副会長 / 副会長（大久保） / 大久保 / 副会長. */
export function styledSpeakerLabel(
  speaker: Speaker,
  ctx: SpeakerContext,
  sp: MinutesStyle['speaker'],
  members: Pick<Member, 'id' | 'name' | 'order' | 'role'>[],
): string {
  const form = (name: string, role: string) => {
    switch (sp.who) {
      case 'role-name':
        return role ? `${role}（${name}）` : name;
      case 'name':
        return name;
      case 'role':
        return role || name;
      default:
        return `${name}${role}`;
    }
  };
  const surnames = sp.who === 'name-role' ? null : surnameLabels(members, sp.sameSurname);
  const member = (m: Pick<Member, 'id' | 'name' | 'role'>) =>
    sp.who === 'name-role' ? memberTitle(m) : form(surnames?.get(m.id) ?? m.name, m.role);
  switch (speaker.type) {
    case 'unknown':
      return '';
    case 'secretariat':
      return '事務局';
    case 'staff': {
      const s = ctx.staff.find((x) => x.id === speaker.staffId);
      if (!s) return '事務局';
      return sp.who === 'name-role' || sp.who === 'surname-role' ? staffTitle(s) : form(s.name, s.title);
    }
    case 'chair': {
      const chair = chairMember(ctx);
      return chair ? member(chair) : '議長';
    }
    case 'member': {
      const m = ctx.members.find((x) => x.id === speaker.memberId);
      return m ? member(m) : '委員';
    }
  }
}

/**
 * The parts a speaker pattern may name: {記号}/{mark}, {呼び方}/{who} (the 名前の書き方 form),
 * {役職}/{role}, {氏名}/{name}, {姓}/{surname} (told apart by the same-surname rule).
 */
export const SPEAKER_PLACEHOLDERS = {
  mark: ['{mark}', '{記号}'],
  who: ['{who}', '{呼び方}'],
  role: ['{role}', '{役職}'],
  name: ['{name}', '{氏名}'],
  surname: ['{surname}', '{姓}'],
} as const;
export type SpeakerParts = Record<keyof typeof SPEAKER_PLACEHOLDERS, string>;
const NAMING = ['who', 'role', 'name', 'surname'] as const;
const escape = (s: string) => s.replace(/[{}]/g, '\\$&');

/** Does the pattern print who spoke ({呼び方}, {役職}, {氏名} or {姓})? */
export function patternNamesSpeaker(pattern: string): boolean {
  return NAMING.some((k) => SPEAKER_PLACEHOLDERS[k].some((p) => pattern.includes(p)));
}

/**
 * Fills a speaker pattern. With `anonymous` (a 公開版 under a hiding rule) the first naming
 * placeholder prints the rule's label (A委員, 【委員】) and the others print nothing, so no
 * name comes through a pattern.
 */
export function fillSpeakerPattern(pattern: string, parts: SpeakerParts, anonymous = false): string {
  let out = pattern;
  for (const p of SPEAKER_PLACEHOLDERS.mark) out = out.split(p).join(parts.mark);
  if (anonymous) {
    let first = true;
    const all = NAMING.flatMap((k) => SPEAKER_PLACEHOLDERS[k].map(escape)).join('|');
    return out.replace(new RegExp(all, 'g'), () => {
      const v = first ? parts.who : '';
      first = false;
      return v;
    });
  }
  for (const k of NAMING) for (const p of SPEAKER_PLACEHOLDERS[k]) out = out.split(p).join(parts[k]);
  return out;
}

/** 役職, 氏名 and 姓 of a speaker (the chair of the day, a member, a staff member; 事務局 as a body). */
export function speakerPersonParts(
  speaker: Speaker,
  ctx: SpeakerContext,
  sp: MinutesStyle['speaker'],
  members: Pick<Member, 'id' | 'name' | 'order' | 'role'>[],
): Omit<SpeakerParts, 'mark' | 'who'> {
  const ofMember = (m: Pick<Member, 'id' | 'name' | 'role'>) => ({
    role: m.role,
    name: m.name,
    surname: surnameLabels(members, sp.sameSurname).get(m.id) ?? surnameOf(m.name),
  });
  switch (speaker.type) {
    case 'member': {
      const m = ctx.members.find((x) => x.id === speaker.memberId);
      return m ? ofMember(m) : { role: '委員', name: '', surname: '' };
    }
    case 'chair': {
      const m = chairMember(ctx);
      return m ? ofMember(m) : { role: '議長', name: '', surname: '' };
    }
    case 'staff': {
      const s = ctx.staff.find((x) => x.id === speaker.staffId);
      return s
        ? { role: s.title, name: s.name, surname: surnameOf(s.name) }
        : { role: '事務局', name: '', surname: '' };
    }
    case 'secretariat':
      return { role: '事務局', name: '', surname: '' };
    case 'unknown':
      return { role: '委員', name: '', surname: '' };
  }
}

export interface AttendanceOptions {
  attendance: Attendance;
  chairId: string | null;
  /** The council's chair (◎ under the mark form); absent: the first chair-ranked member of the list. */
  officeChairId?: string | null;
  style: MinutesStyle;
  /** A 公開版 under an anonymising rule: how many of which office, never who. */
  namesHidden: boolean;
  none: string;
}

/** 出席委員 / 欠席委員 lines in the style's attendance form. */
export function attendanceLines(list: Member[], o: AttendanceOptions): string[] {
  if (list.length === 0) return [o.none];
  const a = o.style.attendance;
  // Online attendance is noted when some attended in the room and some online.
  const statuses = new Set(list.map((m) => o.attendance.get(m.id)));
  const mixed = statuses.has('出席') && statuses.has('オンライン出席');
  const online = (m: Member) => mixed && o.attendance.get(m.id) === 'オンライン出席';
  if (a.form === 'count') return [`${list.length}人${countNotes(list, online)}`];
  if (o.namesHidden) return [countsByOffice(list, online)];
  const chiefId = o.officeChairId !== undefined ? o.officeChairId : (councilChair(list)?.id ?? null);
  // ◎ the council's chair, ○ a vice-chair; any other title than 委員 stays after the name.
  const marked = (m: Member) =>
    m.id === chiefId
      ? `◎${m.name}`
      : officeOf(m.role) === 'vice'
        ? `○${m.name}`
        : m.role && m.role !== '委員'
          ? `${m.name}（${m.role}）`
          : m.name;
  const named = (m: Member) => {
    const base = a.officers === 'mark' ? marked(m) : memberTitle(m);
    const aff = a.form === 'affiliation' && m.affiliation ? `（${m.affiliation}）` : '';
    return base + aff + (online(m) ? '（オンライン）' : '');
  };
  if (a.form === 'affiliation') return list.map(named);
  if (a.form === 'category') {
    const groups = new Map<string, Member[]>();
    for (const m of list) groups.set(m.category || 'その他', [...(groups.get(m.category || 'その他') ?? []), m]);
    return [...groups].map(([cat, ms]) => `【${cat}】${ms.map(named).join('、')}`);
  }
  return [list.map(named).join('、')];
}

function countNotes(list: Member[], online: (m: Member) => boolean): string {
  const n = list.filter(online).length;
  return n ? `（うちオンライン${n}人）` : '';
}

/** 副会長、委員4人（計5人、うちオンライン4人） */
function countsByOffice(list: Member[], online: (m: Member) => boolean): string {
  const counts = new Map<string, number>();
  for (const m of list) counts.set(m.role, (counts.get(m.role) ?? 0) + 1);
  // Chair titles first, then vice-chairs, then members; each title as typed, in roster order.
  const rank = { chair: 0, vice: 1, member: 2 } as const;
  const parts = [...counts.keys()]
    .map((r, i) => ({ r, i }))
    .sort((x, y) => rank[officeOf(x.r)] - rank[officeOf(y.r)] || x.i - y.i)
    .map(({ r }) => (officeOf(r) === 'member' || counts.get(r)! > 1 ? `${r}${counts.get(r)}人` : r));
  const onlineCount = list.filter(online).length;
  const notes = [
    list.length > 1 ? `計${list.length}人` : '',
    onlineCount ? `うちオンライン${onlineCount}人` : '',
  ].filter(Boolean);
  return parts.join('、') + (notes.length ? `（${notes.join('、')}）` : '');
}

/** 【行政経営部】東部長 lines (seed 004), or one line each 「行政経営部　東部長」. */
export function staffHeaderLines(
  staff: Pick<Staff, 'department' | 'name' | 'title'>[],
  form: MinutesStyle['attendance']['staff'],
  none: string,
): string[] {
  if (staff.length === 0) return [none];
  if (form === 'department') return staffLines(staff);
  return staff.map((s) => (s.department ? `${s.department}　${staffTitle(s)}` : staffTitle(s)));
}

const DISCLOSURE_CHOICES = ['公開', '一部公開', '非公開'] as const;

/** 公開 / 非公開（理由：…） — or the printed form 「①公開　２ 一部公開　３ 非公開」, the chosen number circled. */
export function disclosureLines(
  disclosure: string,
  reason: string,
  form: MinutesStyle['header']['disclosure'],
  width: 'full' | 'half',
): string[] {
  const why = disclosure !== '公開' && reason ? `（理由：${reason}）` : '';
  if (form === 'value') return [`${disclosure}${why}`];
  const choices = DISCLOSURE_CHOICES.map((c, i) =>
    c === disclosure ? `${formatNumber(i + 1, 'circled', width)}${c}` : `${formatNumber(i + 1, 'plain', width)} ${c}`,
  ).join('　');
  return why ? [choices, why] : [choices];
}

/**
 * The observers: （傍聴者 2人） under 公開・非公開 (seed 004), or 2人 in a 傍聴者 row; when
 * nobody came, 0人, なし, or no line, as the style says.
 */
export function observerLines(
  count: number,
  whenNone: MinutesStyle['header']['observersNone'],
  none: string,
  inDisclosure: boolean,
): string[] {
  if (count === 0 && whenNone === 'omit') return [];
  const value = count === 0 && whenNone === 'none' ? none : `${count}人`;
  return [inDisclosure ? `（傍聴者 ${value}）` : value];
}

/** The title as printed (会　議　録（案）) and plain (会議録（案）) for the file properties. */
export function titleOf(
  t: MinutesStyle['title'],
  mode: 'internal' | 'public' | 'review',
  publishedAt: Minutes['publishedAt'],
): { printed: string; plain: string } {
  const suffix =
    t.status === 'none'
      ? ''
      : mode === 'review'
        ? '（案）'
        : t.status === 'workflow'
          ? publishedAt
            ? '（確定稿）'
            : '（案）'
          : '';
  const spaced = t.letterSpacing ? [...t.text].join('　') : t.text;
  return { printed: spaced + suffix, plain: t.text + suffix };
}
