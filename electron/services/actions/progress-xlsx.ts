/**
 * 進捗管理表 (.xlsx) of one fiscal year: one indicator a row (an action without indicators
 * has one row), numbers stored as numbers, so the sheet can be filtered and summed. A second
 * sheet gives the evaluation scale and the counts by status and grade.
 */
import type { ProgressReportArg } from '../../../shared/contract/actions';
import { formatActionStart, summarizeYear } from '../../../shared/actions/plan';
import { formatFiscalYear } from '../../../shared/wareki';
import { addTableSheet, newWorkbook, workbookBytes, type ColumnSpec } from '../exports/xlsx-common';
import { borderAll } from './xlsx-borders';
import {
  asOfText,
  indicatorLines,
  ownerText,
  progressTitle,
  statusText,
  titleText,
  type IndicatorLine,
} from './progress-rows';

export async function buildProgressXlsx(arg: ProgressReportArg): Promise<Uint8Array> {
  const title = progressTitle(arg);
  const pageTitle = [title, arg.title, asOfText(arg.asOf)].filter(Boolean).join('　');
  const wb = newWorkbook(`${title} ${arg.title}`);
  const rows = indicatorLines(arg);
  const columns: ColumnSpec<IndicatorLine>[] = [
    { header: 'ビジョンの項目', value: (l) => l.section, width: 22 },
    { header: 'アクション（何を）', value: titleText, width: 34 },
    { header: '担当', value: ownerText, width: 16 },
    { header: 'いつから', value: (l) => formatActionStart(l.action.start), width: 14 },
    { header: '指標', value: (l) => l.indicator?.name ?? '', width: 24 },
    { header: '単位', value: (l) => l.indicator?.unit ?? '', width: 7 },
    { header: '基準値', value: (l) => l.indicator?.baseline ?? null, width: 10, type: 'number' },
    { header: '目標値', value: (l) => l.indicator?.target ?? null, width: 10, type: 'number' },
    {
      header: '目標年度',
      value: (l) => (l.indicator?.targetYear ? formatFiscalYear(l.indicator.targetYear) : ''),
      width: 12,
    },
    { header: `実績値（${formatFiscalYear(arg.fiscalYear)}）`, value: (l) => l.actual, width: 20, type: 'number' },
    { header: '進捗状況', value: statusText, width: 10 },
    { header: '評価', value: (l) => l.entry?.evaluation ?? '', width: 7 },
    { header: 'コメント', value: (l) => l.entry?.comment ?? '', width: 40 },
  ];
  const ws = addTableSheet(wb, {
    name: `${formatFiscalYear(arg.fiscalYear)}進捗管理表`,
    title: pageTitle,
    columns,
    rows,
    landscape: true,
    fitRowHeights: true,
  });
  borderAll(ws, rows.length + 1, columns.length);

  const summary = summarizeYear(arg.actions, arg.progress, arg.fiscalYear, arg.scale);
  interface Count {
    kind: string;
    label: string;
    meaning: string;
    count: number;
  }
  const counts: Count[] = [
    ...Object.entries(summary.byStatus).map(([label, count]) => ({ kind: '進捗状況', label, meaning: '', count })),
    ...summary.byGrade.map((g) => ({
      kind: '評価',
      label: g.label,
      meaning: arg.scale.find((s) => s.label === g.label)?.meaning ?? '',
      count: g.count,
    })),
  ];
  const sums = addTableSheet(wb, {
    name: '集計',
    title: `${title} 集計`,
    columns: [
      { header: '区分', value: (c: Count) => c.kind, width: 12 },
      { header: '値', value: (c) => c.label, width: 10 },
      { header: '意味', value: (c) => c.meaning, width: 34 },
      { header: 'アクション数', value: (c) => c.count, width: 14, type: 'number' },
    ],
    rows: counts,
  });
  borderAll(sums, counts.length + 1, 4);
  return workbookBytes(wb);
}
