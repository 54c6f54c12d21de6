/**
 * Offices (役職) of council members. The title is free text from the roster, as the city
 * writes it (会長, 委員長, 座長, 部会長, 副委員長, 職務代理者, 委員 …) and is printed as typed;
 * only its rank is derived, by a rule a secretariat can predict:
 *   - 副… or …代理… (副会長, 副委員長, 会長職務代理者) → vice-chair (副: ○ in attendance);
 *   - ending in 長 (会長, 委員長, 座長, 議長, 部会長) → chair rank;
 *   - anything else (委員, 専門委員, 臨時委員) → member.
 * The council's chair (◎, the chair of the day by default) is the first chair-ranked member in
 * roster order, a plain chair title (会長, 委員長, 座長, 議長) before a 部会長.
 */
import type { Member } from './domain';

export type Office = 'chair' | 'vice' | 'member';

/** Titles offered in the member dialog (any other title may be typed). */
export const ROLE_SUGGESTIONS = [
  '会長',
  '副会長',
  '委員長',
  '副委員長',
  '座長',
  '副座長',
  '議長',
  '部会長',
  '職務代理者',
  '委員',
] as const;

const TOP_CHAIR_TITLES = new Set(['会長', '委員長', '座長', '議長', '理事長']);

const norm = (role: string) => role.normalize('NFKC').replace(/\s+/g, '');

export function officeOf(role: string): Office {
  const r = norm(role);
  if (!r) return 'member';
  if (r.startsWith('副') || r.includes('代理')) return 'vice';
  if (r.endsWith('長')) return 'chair';
  return 'member';
}

/** How the member dialog describes a title's rank (nothing the user typed is changed). */
export const OFFICE_LABELS: Record<Office, string> = {
  chair: '会長（議長）として扱います（出席者の◎、会議の議長）',
  vice: '副会長として扱います（出席者の○）',
  member: '委員として扱います',
};

/** The council's chair: the first chair-ranked member in roster order (会長 before 部会長); null without one. */
export function councilChair<M extends Pick<Member, 'role'> & { order?: number }>(members: readonly M[]): M | null {
  const rank = (m: M) => (TOP_CHAIR_TITLES.has(norm(m.role)) ? 0 : 1);
  const chairs = members.map((m, i) => ({ m, i })).filter(({ m }) => officeOf(m.role) === 'chair');
  chairs.sort((a, b) => rank(a.m) - rank(b.m) || (a.m.order ?? a.i) - (b.m.order ?? b.i));
  return chairs[0]?.m ?? null;
}

/** A plain member (委員, 専門委員 …): neither chair nor vice-chair rank. */
export const isPlainMember = (m: Pick<Member, 'role'>) => officeOf(m.role) === 'member';
