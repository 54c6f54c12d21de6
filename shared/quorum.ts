/** 定足数 (quorum): how many members must be present for a valid meeting. */
import { councilChair, officeOf } from './offices';
import type { Attendance, Member, QuorumRule } from './domain';

/** Members required present. 'majority' = more than half (過半数): 6 → 4, 7 → 4. */
export function quorumRequired(rule: QuorumRule, memberCount: number): number {
  switch (rule.kind) {
    case 'majority':
      return Math.floor(memberCount / 2) + 1;
    case 'fraction':
      return Math.ceil((memberCount * rule.numerator) / rule.denominator);
    case 'count':
      return rule.count;
  }
}

export function quorumRuleText(rule: QuorumRule): string {
  switch (rule.kind) {
    case 'majority':
      return '委員の過半数';
    case 'fraction':
      return `委員の${rule.denominator}分の${rule.numerator}以上`;
    case 'count':
      return `${rule.count}人以上`;
  }
}

/** Present = 出席 or オンライン出席. */
export function presentCount(attendance: Attendance[]): number {
  return attendance.filter((a) => a.status !== '欠席').length;
}

/** Members who count for the quorum on a day: those whose term covers it (no term = always). */
export function membersInOffice<M extends Pick<Member, 'termStart' | 'termEnd'>>(
  members: M[],
  date: string | null,
): M[] {
  if (!date) return members;
  return members.filter((m) => (!m.termStart || m.termStart <= date) && (!m.termEnd || m.termEnd >= date));
}

export interface QuorumStatus {
  memberCount: number;
  required: number;
  present: number;
  /** 出席 + オンライン出席 ≥ required (a council with no members is never quorate). */
  quorate: boolean;
  /** How many more must attend; 0 when quorate. */
  short: number;
}

/** The live quorum of a meeting: only attendance of members who count is counted. */
export function quorumStatus(rule: QuorumRule, members: Pick<Member, 'id'>[], attendance: Attendance[]): QuorumStatus {
  const ids = new Set(members.map((m) => m.id));
  const present = presentCount(attendance.filter((a) => ids.has(a.memberId)));
  const required = quorumRequired(rule, members.length);
  const quorate = members.length > 0 && present >= required;
  return {
    memberCount: members.length,
    required,
    present,
    quorate,
    short: quorate ? 0 : Math.max(required - present, 0),
  };
}

/**
 * Who chairs: the 会長 when present; otherwise the first present 副会長 (会長欠席 →
 * 副会長が議事進行). null when neither is present (the council then chooses).
 */
export function suggestedChair<M extends Pick<Member, 'id' | 'role'> & { order?: number }>(
  members: M[],
  attendance: Attendance[],
): M | null {
  const present = new Set(attendance.filter((a) => a.status !== '欠席').map((a) => a.memberId));
  return (
    councilChair(members.filter((m) => present.has(m.id))) ??
    members.find((m) => officeOf(m.role) === 'vice' && present.has(m.id)) ??
    null
  );
}

/** Meetings that belong on the 出欠表: held ones, or any with attendance already marked. */
export function onAttendanceSheet(m: { status: string; attendance: Attendance[] }): boolean {
  return m.status !== '予定' || m.attendance.length > 0;
}
