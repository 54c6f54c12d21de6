/** 定足数 (quorum): how many members must be present for a valid meeting. */
import type { Attendance, QuorumRule } from './domain';

/** Members required present. 'majority' = more than half (過半数): 6 → 4, 7 → 4. */
export function quorumRequired(rule: QuorumRule, memberCount: number): number {
  switch (rule.kind) {
    case 'majority': return Math.floor(memberCount / 2) + 1;
    case 'fraction': return Math.ceil((memberCount * rule.numerator) / rule.denominator);
    case 'count': return rule.count;
  }
}

export function quorumRuleText(rule: QuorumRule): string {
  switch (rule.kind) {
    case 'majority': return '委員の過半数';
    case 'fraction': return `委員の${rule.denominator}分の${rule.numerator}以上`;
    case 'count': return `${rule.count}人以上`;
  }
}

/** Present = 出席 or オンライン出席. */
export function presentCount(attendance: Attendance[]): number {
  return attendance.filter((a) => a.status !== '欠席').length;
}
