/**
 * 会議開催計画 (seed 002): planned meetings of a fiscal year by month, with their themes; exported to Excel.
 * A 閲覧のみ member reads and exports it: nothing is added, imported, changed or deleted.
 */
import { useState } from 'react';
import { useLiveQuery } from '../../data/live';
import { useNavigate } from 'react-router-dom';
import {
  Button,
  Input,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import { Dropdown } from '../../ui/select';
import {
  Add24Regular,
  ArrowLeft24Regular,
  DeleteRegular,
  TableArrowUp24Regular,
  ArrowImport24Regular,
} from '@fluentui/react-icons';
import { sortedMeetings } from '../../data/queries';
import { appendPlanEntries, putPlanEntry, removePlanEntry, usePlanEntries } from './data';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { comparePlanEntries, FISCAL_MONTHS, planEntriesFromMeetings } from '../../../../shared/plan';
import { fiscalYearOf, formatFiscalYear, todayInTokyo } from '../../../../shared/wareki';
import { randomId } from '../../../../shared/factory';
import type { Council, PlanEntry } from '../../../../shared/domain';
import { CommitInput } from '../../ui/CommitInput';
import { SavedFileBar, useExport } from '../../ui/exporting';
import { call } from '../../platform/bridge';
import { ReadOnlyArea, ReadOnlyNotice, useCouncilAccess } from '../sync';

export function MeetingPlan({ council }: { council: Council }) {
  const navigate = useNavigate();
  const notify = useNotify();
  const exporter = useExport({ bar: true });
  const current = fiscalYearOf(todayInTokyo());
  const meetings = useLiveQuery(() => sortedMeetings(council.id), [council.id]);
  const all = usePlanEntries(council.id);
  const [chosen, setChosen] = useState<number | null>(null);
  const { readOnly } = useCouncilAccess(council.id);
  if (!meetings || !all) return null;

  const years = new Set<number>([
    current,
    current + 1,
    ...all.map((e) => e.fiscalYear),
    ...meetings.filter((m) => m.date).map((m) => fiscalYearOf(m.date!)),
  ]);
  const latestMeetingYear = meetings
    .filter((m) => m.date)
    .map((m) => fiscalYearOf(m.date!))
    .sort()
    .pop();
  const fiscalYear =
    chosen ?? (all.length ? Math.max(...all.map((e) => e.fiscalYear)) : (latestMeetingYear ?? current));
  const entries = all.filter((e) => e.fiscalYear === fiscalYear).sort(comparePlanEntries);
  const save = (e: PlanEntry) => putPlanEntry(e).catch((err) => notify.error(err, '計画を保存できませんでした'));

  const importMeetings = async () => {
    const add = planEntriesFromMeetings(council.id, fiscalYear, meetings, entries);
    if (!add.length) {
      notify.info(
        '取り込む会議はありません',
        `${formatFiscalYear(fiscalYear)}に開催日が入っていて計画にない会議はありません。`,
      );
      return;
    }
    try {
      await appendPlanEntries(add);
      notify.success('会議から計画に取り込みました', `${add.length}件`);
    } catch (e) {
      notify.error(e, '取り込めませんでした');
    }
  };
  const addEntry = async () => {
    const lastNumber = Math.max(0, ...entries.map((e) => e.meetingNumber ?? 0), ...meetings.map((m) => m.number));
    const order = Math.max(0, ...all.map((e) => e.order)) + 1;
    await save({
      id: randomId(),
      councilId: council.id,
      fiscalYear,
      month: entries.length ? entries[entries.length - 1]!.month : 4,
      meetingNumber: lastNumber + 1,
      themes: [],
      order,
    });
  };

  return (
    <>
      <Button
        appearance="subtle"
        icon={<ArrowLeft24Regular />}
        onClick={() => navigate(`/councils/${council.id}/meetings`)}
        style={{ marginBottom: 8 }}
      >
        会議一覧
      </Button>
      <SavedFileBar saved={exporter.saved} onClose={exporter.clear} />
      <Section
        title="会議開催計画"
        actions={
          <>
            <Dropdown
              aria-label="年度"
              value={formatFiscalYear(fiscalYear)}
              selectedOptions={[String(fiscalYear)]}
              onOptionSelect={(_, d) => setChosen(Number(d.optionValue))}
              style={{ minWidth: 130 }}
            >
              {[...years].sort().map((y) => (
                <Option key={y} value={String(y)}>
                  {formatFiscalYear(y)}
                </Option>
              ))}
            </Dropdown>
            {readOnly ? null : (
              <>
                <Button icon={<ArrowImport24Regular />} onClick={() => void importMeetings()}>
                  登録済みの会議から取り込む
                </Button>
                <Button icon={<Add24Regular />} onClick={() => void addEntry()}>
                  予定を追加
                </Button>
              </>
            )}
            <Button
              appearance="primary"
              icon={<TableArrowUp24Regular />}
              disabled={exporter.busy !== null}
              onClick={() =>
                void exporter.run('会議開催計画', () => call('plan:export:xlsx', { council, fiscalYear, entries }))
              }
            >
              Excelに出力
            </Button>
          </>
        }
      >
        <ReadOnlyNotice readOnly={readOnly} what="会議開催計画" />
        <Text size={200} block style={{ color: tokens.colorNeutralForeground3, marginBottom: 6 }}>
          月ごとに開催予定の会議と検討テーマを入力します（テーマは1行に1つ）。Excel には4月から3月までの各月が並びます。
        </Text>
        {entries.length === 0 ? (
          <Text>{formatFiscalYear(fiscalYear)}の予定はまだありません。</Text>
        ) : (
          <ReadOnlyArea readOnly={readOnly}>
            <Table size="small" aria-label="会議開催計画">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: 110 }}>月</TableHeaderCell>
                  <TableHeaderCell style={{ width: 130 }}>会議</TableHeaderCell>
                  <TableHeaderCell>検討テーマ</TableHeaderCell>
                  <TableHeaderCell style={{ width: 50 }} />
                </TableRow>
              </TableHeader>
              <TableBody>
                {entries.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell>
                      <Dropdown
                        size="small"
                        aria-label="月"
                        value={`${e.month}月`}
                        selectedOptions={[String(e.month)]}
                        style={{ minWidth: 90 }}
                        onOptionSelect={(_, d) => void save({ ...e, month: Number(d.optionValue) })}
                      >
                        {FISCAL_MONTHS.map((m) => (
                          <Option key={m} value={String(m)}>{`${m}月`}</Option>
                        ))}
                      </Dropdown>
                    </TableCell>
                    <TableCell>
                      <Input
                        size="small"
                        type="number"
                        min={1}
                        aria-label="回"
                        contentBefore="第"
                        contentAfter="回"
                        value={e.meetingNumber ? String(e.meetingNumber) : ''}
                        style={{ width: 110 }}
                        onChange={(_, d) => {
                          const n = Number(d.value);
                          void save({ ...e, meetingNumber: d.value && Number.isInteger(n) && n >= 1 ? n : null });
                        }}
                      />
                    </TableCell>
                    <TableCell>
                      <CommitInput
                        multiline
                        aria-label="検討テーマ"
                        value={e.themes.join('\n')}
                        style={{ width: '100%' }}
                        onCommit={(v) =>
                          save({
                            ...e,
                            themes: v
                              .split(/\r?\n/)
                              .map((t) => t.trim())
                              .filter(Boolean),
                          })
                        }
                      />
                    </TableCell>
                    <TableCell>
                      {readOnly ? null : (
                        <Tooltip content="削除" relationship="label">
                          <Button
                            size="small"
                            appearance="subtle"
                            icon={<DeleteRegular />}
                            onClick={() => void removePlanEntry(e.id)}
                          />
                        </Tooltip>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ReadOnlyArea>
        )}
      </Section>
    </>
  );
}
