/**
 * The lines of a 進捗管理表: section → action → indicator → actual → evaluation → comment,
 * shared by the .xlsx (one indicator a row) and the .docx (one action a row).
 */
import type { ProgressReportArg } from '../../../shared/contract/actions';
import type { Action, Indicator, ProgressEntry } from '../../../shared/actions/model';
import { actionTitle, formatOwner, groupBySection, progressOf } from '../../../shared/actions/plan';
import { formatFiscalYear, formatWareki } from '../../../shared/wareki';

export const NOT_ENTERED = '未入力';

export function progressFileName(fiscalYear: number, title: string, ext: 'xlsx' | 'docx'): string {
  return `${formatFiscalYear(fiscalYear)}_進捗管理表_${title}.${ext}`;
}

export function progressTitle(arg: Pick<ProgressReportArg, 'fiscalYear'>): string {
  return `${formatFiscalYear(arg.fiscalYear)} 進捗管理表`;
}

export function asOfText(asOf: string | null): string {
  return asOf ? `${formatWareki(asOf)}現在` : '';
}

export interface ActionLine {
  section: string;
  action: Action;
  entry: ProgressEntry | undefined;
}

export interface IndicatorLine extends ActionLine {
  indicator: Indicator | null;
  actual: number | null;
}

export function actionLines(arg: ProgressReportArg): { label: string; lines: ActionLine[] }[] {
  return groupBySection(arg.sections, arg.numbering, arg.actions).map((g) => ({
    label: g.label,
    lines: g.actions.map((action) => ({
      section: g.label,
      action,
      entry: progressOf(arg.progress, action.id, arg.fiscalYear),
    })),
  }));
}

export function indicatorLines(arg: ProgressReportArg): IndicatorLine[] {
  return actionLines(arg).flatMap((g) =>
    g.lines.flatMap((line): IndicatorLine[] =>
      line.action.indicators.length === 0
        ? [{ ...line, indicator: null, actual: null }]
        : line.action.indicators.map((indicator) => ({
            ...line,
            indicator,
            actual: line.entry?.actuals.find((a) => a.indicatorId === indicator.id)?.value ?? null,
          })),
    ),
  );
}

export const statusText = (line: ActionLine) => line.entry?.status ?? NOT_ENTERED;
export const ownerText = (line: ActionLine) => formatOwner(line.action).replace(/\n/g, '　');
export const titleText = (line: ActionLine) => actionTitle(line.action, 200);
