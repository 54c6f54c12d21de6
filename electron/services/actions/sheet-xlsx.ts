/**
 * The action sheet (.xlsx) in the layout of reference 003's (docs/CONVENTIONS.md §9) 「取り組むアクションの詳細（一歩踏み出す
 * シート）」: 個別 / いつから / 誰と / 何を / どこまで・どのように, one action per row, in the
 * vision's order. When actions are linked to vision sections or have indicators, two columns
 * follow the seed's five: ビジョンの項目 and 指標（目標）. A4 landscape, print titles, thin
 * borders, wrapped text; the title and 自治体名 in the printed page header.
 */
import type { ActionSheetArg } from '../../../shared/contract/actions';
import type { Action } from '../../../shared/actions/model';
import {
  formatActionStart,
  formatMeasure,
  formatOwner,
  formatPartners,
  groupBySection,
  NO_SECTION,
} from '../../../shared/actions/plan';
import { formatFiscalYear } from '../../../shared/wareki';
import { addTableSheet, newWorkbook, workbookBytes, type ColumnSpec } from '../exports/xlsx-common';
import { borderAll } from './xlsx-borders';

export const ACTION_SHEET_TITLE = '取り組むアクションの詳細（一歩踏み出すシート）';
export const ACTION_SHEET_COLUMNS = ['個別', 'いつから', '誰と', '何を', 'どこまで・どのように'] as const;

export function actionSheetFileName(title: string): string {
  return `${title}_一歩踏み出すシート.xlsx`;
}

interface SheetRow {
  action: Action;
  section: string;
}

/** 指標名：基準値 → 目標値（目標年度）, one indicator a line. */
export function indicatorLines(action: Pick<Action, 'indicators'>): string {
  return action.indicators
    .map((x) => {
      const base = x.baseline === null ? '' : `${formatMeasure(x.baseline, x.unit)}`;
      const target = x.target === null ? '' : formatMeasure(x.target, x.unit);
      const year = x.targetYear === null ? '' : `（${formatFiscalYear(x.targetYear)}）`;
      const values = [base, target].filter(Boolean).join(' → ');
      return `${x.name}${values ? `：${values}` : ''}${year}`;
    })
    .join('\n');
}

export function actionSheetRows(input: Pick<ActionSheetArg, 'sections' | 'numbering' | 'actions'>): SheetRow[] {
  return groupBySection(input.sections, input.numbering, input.actions).flatMap((g) =>
    g.actions.map((action) => ({ action, section: g.section ? g.label : '' })),
  );
}

export async function buildActionSheetXlsx(input: ActionSheetArg): Promise<Uint8Array> {
  const pageTitle = `${ACTION_SHEET_TITLE}　${input.title}${input.municipality ? `　自治体名：${input.municipality}` : ''}`;
  const wb = newWorkbook(`${input.title} ${ACTION_SHEET_TITLE}`);
  const rows = actionSheetRows(input);
  const withSections = rows.some((r) => r.section !== '');
  const withIndicators = input.actions.some((a) => a.indicators.length > 0);
  const columns: ColumnSpec<SheetRow>[] = [
    { header: '個別', value: (r) => formatOwner(r.action), width: 16 },
    { header: 'いつから', value: (r) => formatActionStart(r.action.start), width: 16 },
    { header: '誰と', value: (r) => formatPartners(r.action.partners), width: 20 },
    { header: '何を', value: (r) => r.action.what, width: 50 },
    { header: 'どこまで・どのように', value: (r) => r.action.how, width: 36 },
  ];
  if (withSections) {
    columns.push({ header: 'ビジョンの項目', value: (r) => r.section || NO_SECTION, width: 24 });
  }
  if (withIndicators) columns.push({ header: '指標（目標）', value: (r) => indicatorLines(r.action), width: 36 });
  const ws = addTableSheet(wb, {
    name: '一歩踏み出すシート',
    title: pageTitle,
    columns,
    rows,
    landscape: true,
    fitRowHeights: true,
  });
  borderAll(ws, rows.length + 1, columns.length);
  return workbookBytes(wb);
}
