/** Short texts of the plan screens. */
import type { ActionPlan, Action, ActionStatus } from '../../../../shared/actions';
import { formatFiscalYear } from '../../../../shared/wareki';

export function planPeriod(plan: Pick<ActionPlan, 'startFiscalYear' | 'endFiscalYear'>): string {
  const { startFiscalYear: from, endFiscalYear: to } = plan;
  if (from === null && to === null) return '未設定';
  return `${from === null ? '' : formatFiscalYear(from)}～${to === null ? '' : formatFiscalYear(to)}`;
}

export const STATUS_COLOR: Record<ActionStatus | '未入力', 'informative' | 'brand' | 'success' | 'warning' | 'danger'> =
  {
    未着手: 'warning',
    実施中: 'brand',
    完了: 'success',
    見直し: 'danger',
    未入力: 'informative',
  };

/** The fiscal years a progress view offers: the plan's period, years with progress, and this year. */
export function yearsOf(plan: ActionPlan, progressYears: number[], thisYear: number, actions: Action[]): number[] {
  const set = new Set(progressYears);
  const starts = actions.map((a) => a.start?.fiscalYear).filter((y): y is number => typeof y === 'number');
  const from = plan.startFiscalYear ?? Math.min(thisYear, ...starts, ...progressYears);
  const to = plan.endFiscalYear ?? Math.max(thisYear, ...progressYears);
  for (let y = from; y <= to && y - from < 30; y++) set.add(y);
  set.add(thisYear);
  return [...set].sort((a, b) => a - b);
}
