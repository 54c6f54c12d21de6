/**
 * 進捗管理: one fiscal year of the plan — per section, each action's status, its indicators'
 * actual values against their targets, the self-evaluation and the comment. What is behind
 * (due and not started, 見直し, or graded last on the council's scale) is highlighted.
 * Enter on a row (or 記録) records that action's progress for the year.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import {
  Badge,
  Button,
  Field,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentTable20Regular, Document20Regular, Edit20Regular, Warning16Filled } from '@fluentui/react-icons';
import {
  ACTION_STATUSES,
  actionTitle,
  evaluationScaleOf,
  formatMeasure,
  groupBySection,
  progressOf,
  summarizeYear,
  type Action,
} from '../../../../shared/actions';
import { fiscalYearOf, formatFiscalYear, todayInTokyo } from '../../../../shared/wareki';
import { call } from '../../platform/bridge';
import type { useExport } from '../../ui/exporting';
import { EmptyState } from '../../ui/EmptyState';
import type { PlanRecords } from './data';
import { progressArg } from './exports';
import { STATUS_COLOR, yearsOf } from './labels';
import { ProgressDialog } from './ProgressDialog';

const useStyles = makeStyles({
  behind: { backgroundColor: tokens.colorPaletteRedBackground1 },
  group: { backgroundColor: tokens.colorNeutralBackground3 },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  summary: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center', marginBottom: '10px' },
  pre: { whiteSpace: 'pre-line' },
});

/** `readOnly` (閲覧のみ): the year is read and exported; no progress is recorded. */
export function ProgressView({
  records,
  exporter,
  readOnly = false,
}: {
  records: PlanRecords;
  exporter: ReturnType<typeof useExport>;
  readOnly?: boolean;
}) {
  const s = useStyles();
  const { plan, draft, actions, progress, council } = records;
  const thisYear = fiscalYearOf(todayInTokyo());
  const years = useMemo(
    () =>
      yearsOf(
        plan,
        progress.map((p) => p.fiscalYear),
        thisYear,
        actions,
      ),
    [plan, progress, thisYear, actions],
  );
  const [year, setYear] = useState(() => {
    const recorded = progress.map((p) => p.fiscalYear);
    return recorded.length ? Math.max(...recorded) : thisYear;
  });
  const [recording, setRecording] = useState<Action | null>(null);
  const scale = evaluationScaleOf(council);
  const summary = summarizeYear(actions, progress, year, scale);
  const behind = new Set(summary.behind);
  const groups = groupBySection(draft.sections, draft.numbering, actions);

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, a: Action) => {
    if (e.nativeEvent.isComposing || e.key === 'Process' || e.target !== e.currentTarget) return;
    if (e.key === 'Enter' && !readOnly) {
      e.preventDefault();
      setRecording(a);
    }
  };
  const exportArg = () => progressArg(records, year);

  return (
    <>
      <div className={s.summary}>
        <Field label="年度" orientation="horizontal">
          <Select value={String(year)} onChange={(_, d) => setYear(Number(d.value))} aria-label="年度">
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {formatFiscalYear(y)}
              </option>
            ))}
          </Select>
        </Field>
        <span style={{ flex: 1 }} />
        <Button
          icon={<DocumentTable20Regular />}
          disabled={exporter.busy !== null || actions.length === 0}
          onClick={() =>
            void exporter.run('進捗管理表', () => call('actions:export:progress-xlsx', exportArg()), 'progress-xlsx')
          }
        >
          {exporter.busy === 'progress-xlsx' ? '出力中…' : '進捗管理表（Excel）'}
        </Button>
        <Button
          icon={<Document20Regular />}
          disabled={exporter.busy !== null || actions.length === 0}
          onClick={() =>
            void exporter.run('進捗管理表', () => call('actions:export:progress-docx', exportArg()), 'progress-docx')
          }
        >
          {exporter.busy === 'progress-docx' ? '出力中…' : '進捗管理表（Word）'}
        </Button>
      </div>
      {actions.length === 0 ? (
        <EmptyState title="アクションがありません">先に「アクション一覧」でアクションを登録してください。</EmptyState>
      ) : (
        <>
          <div className={s.summary} role="status" aria-label={`${formatFiscalYear(year)}の集計`}>
            <Text weight="semibold">{formatFiscalYear(year)}</Text>
            {[...ACTION_STATUSES, '未入力' as const].map((st) => (
              <Badge key={st} appearance="tint" color={STATUS_COLOR[st]}>
                {st} {summary.byStatus[st]}
              </Badge>
            ))}
            <Text size={200}>評価：</Text>
            {summary.byGrade.map((g) => (
              <Badge key={g.label} appearance="outline">
                {g.label} {g.count}
              </Badge>
            ))}
            <Badge appearance="filled" color={behind.size ? 'danger' : 'success'} icon={<Warning16Filled />}>
              遅れ・要確認 {behind.size}
            </Badge>
          </div>
          <Table aria-label={`${formatFiscalYear(year)}の進捗`} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '22%' }}>アクション（何を）</TableHeaderCell>
                <TableHeaderCell style={{ width: '10%' }}>担当</TableHeaderCell>
                <TableHeaderCell style={{ width: '8%' }}>状況</TableHeaderCell>
                <TableHeaderCell style={{ width: '20%' }}>指標：実績 ／ 目標</TableHeaderCell>
                <TableHeaderCell style={{ width: '5%' }}>評価</TableHeaderCell>
                <TableHeaderCell>コメント</TableHeaderCell>
                <TableHeaderCell style={{ width: 90 }} />
              </TableRow>
            </TableHeader>
            <TableBody>
              {groups.flatMap((g) => [
                <TableRow key={`g-${g.section?.id ?? '-'}`} className={s.group}>
                  <TableCell colSpan={7}>
                    <Text weight="semibold">{g.label}</Text>
                  </TableCell>
                </TableRow>,
                ...g.actions.map((a) => {
                  const entry = progressOf(progress, a.id, year);
                  const late = behind.has(a.id);
                  return (
                    <TableRow
                      key={a.id}
                      tabIndex={0}
                      aria-label={`${actionTitle(a, 60)}${late ? '（遅れ・要確認）' : ''}`}
                      className={late ? s.behind : undefined}
                      onKeyDown={(e) => onRowKey(e, a)}
                    >
                      <TableCell>
                        <div className={s.pre}>
                          {late ? (
                            <Warning16Filled
                              aria-hidden
                              style={{ color: tokens.colorPaletteRedForeground1, marginRight: 4 }}
                            />
                          ) : null}
                          {a.what}
                        </div>
                      </TableCell>
                      <TableCell>{a.department}</TableCell>
                      <TableCell>
                        <Badge appearance="tint" color={STATUS_COLOR[entry?.status ?? '未入力']}>
                          {entry?.status ?? '未入力'}
                        </Badge>
                        {late ? (
                          <Badge appearance="filled" color="danger" size="small" style={{ marginLeft: 4 }}>
                            要確認
                          </Badge>
                        ) : null}
                      </TableCell>
                      <TableCell>
                        {a.indicators.map((x) => {
                          const actual = entry?.actuals.find((v) => v.indicatorId === x.id)?.value ?? null;
                          return (
                            <div key={x.id} className={s.small}>
                              {x.name}：{formatMeasure(actual, x.unit) || '－'} ／{' '}
                              {formatMeasure(x.target, x.unit) || '－'}
                            </div>
                          );
                        })}
                      </TableCell>
                      <TableCell>{entry?.evaluation || '－'}</TableCell>
                      <TableCell>
                        <span className={s.small}>{entry?.comment}</span>
                      </TableCell>
                      <TableCell>
                        {readOnly ? null : (
                          <Button size="small" icon={<Edit20Regular />} tabIndex={-1} onClick={() => setRecording(a)}>
                            記録
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                }),
              ])}
            </TableBody>
          </Table>
        </>
      )}
      {recording && !readOnly ? (
        <ProgressDialog
          records={records}
          action={recording}
          fiscalYear={year}
          scale={scale}
          onClose={() => setRecording(null)}
        />
      ) : null}
    </>
  );
}
