/**
 * 進捗管理表 (.docx) of one fiscal year, for the council's annual review (進行管理): an overview
 * (counts by status and grade, the actions behind), then section by section a table of the
 * actions with their indicators, actuals, status, evaluation and comment, then the council's
 * opinions on the actions. A4 landscape, the council's fonts, dates in 和暦.
 */
import { AlignmentType, type FileChild } from 'docx';
import type { ProgressReportArg } from '../../../shared/contract/actions';
import { actionTitle, formatActionStart, formatMeasure, summarizeYear } from '../../../shared/actions/plan';
import { formatFiscalYear } from '../../../shared/wareki';
import { buildDocument, heading, packDocx, para, table, title } from '../exports/docx-common';
import { actionLines, asOfText, ownerText, progressTitle, statusText, type ActionLine } from './progress-rows';

const SMALL = 18; // 9 pt in the tables

function indicatorCells(line: ActionLine): { names: string; targets: string; actuals: string } {
  const ind = line.action.indicators;
  return {
    names: ind.map((x) => x.name).join('\n'),
    targets: ind
      .map((x) => {
        const t = formatMeasure(x.target, x.unit);
        return t ? `${t}${x.targetYear ? `（${formatFiscalYear(x.targetYear)}）` : ''}` : '';
      })
      .join('\n'),
    actuals: ind
      .map((x) => formatMeasure(line.entry?.actuals.find((a) => a.indicatorId === x.id)?.value ?? null, x.unit) || '―')
      .join('\n'),
  };
}

export async function buildProgressDocx(arg: ProgressReportArg): Promise<Uint8Array> {
  const docTitle = progressTitle(arg);
  const summary = summarizeYear(arg.actions, arg.progress, arg.fiscalYear, arg.scale);
  const groups = actionLines(arg);
  const byId = new Map(arg.actions.map((a) => [a.id, a]));
  const children: FileChild[] = [
    title(docTitle),
    para(arg.title, { alignment: AlignmentType.CENTER }),
    ...(arg.councilName ? [para(arg.councilName, { alignment: AlignmentType.CENTER })] : []),
    ...(arg.asOf ? [para(asOfText(arg.asOf), { alignment: AlignmentType.RIGHT })] : []),
    heading('１　進捗の概要', 1),
    table({
      widths: [40, 60],
      header: ['進捗状況', 'アクション数'],
      rows: Object.entries(summary.byStatus).map(([label, count]) => [label, `${count}件`]),
      labelColumn: true,
    }),
    para(''),
    table({
      widths: [15, 55, 30],
      header: ['評価', '意味', 'アクション数'],
      rows: summary.byGrade.map((g) => [
        g.label,
        arg.scale.find((s) => s.label === g.label)?.meaning ?? '',
        `${g.count}件`,
      ]),
      labelColumn: true,
    }),
    para(''),
    para('遅れている、または見直しが必要なアクション', { run: { bold: true } }),
    ...(summary.behind.length === 0
      ? [para('なし')]
      : summary.behind.map((aid) => {
          const action = byId.get(aid)!;
          return para(`・${actionTitle(action, 80)}（${ownerText({ action, entry: undefined, section: '' })}）`);
        })),
    heading('２　アクションごとの進捗', 1),
  ];
  for (const group of groups) {
    children.push(heading(group.label, 2));
    children.push(
      table({
        widths: [22, 10, 15, 12, 10, 8, 5, 18],
        header: ['アクション（何を）', '担当', '指標', '目標', '実績', '進捗状況', '評価', 'コメント'],
        fontSize: SMALL,
        rows: group.lines.map((line) => {
          const cells = indicatorCells(line);
          const start = formatActionStart(line.action.start);
          return [
            `${actionTitle(line.action, 200)}${start ? `\n（${start}）` : ''}`,
            ownerText(line).replace(/　/g, '\n'),
            cells.names,
            cells.targets,
            cells.actuals,
            statusText(line),
            line.entry?.evaluation ?? '',
            line.entry?.comment ?? '',
          ];
        }),
      }),
    );
  }
  const opinions = (arg.opinions ?? []).filter((o) => o.actionIds.some((aid) => byId.has(aid)));
  if (opinions.length > 0) {
    children.push(heading('３　審議会からの意見', 1));
    children.push(
      table({
        widths: [45, 15, 40],
        header: ['意見', '発言者', '関連するアクション'],
        fontSize: SMALL,
        rows: opinions.map((o) => [
          o.summary,
          o.speaker,
          o.actionIds
            .map((aid) => byId.get(aid))
            .filter((a) => a !== undefined)
            .map((a) => `・${actionTitle(a, 60)}`)
            .join('\n'),
        ]),
      }),
    );
  }
  return packDocx(
    buildDocument({
      title: `${docTitle} ${arg.title}`,
      subject: arg.councilName,
      landscape: true,
      ...(arg.fonts ? { fonts: arg.fonts } : {}),
      children,
    }),
  );
}
