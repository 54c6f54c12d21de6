/**
 * One vision's action plan: アクション一覧 and 進捗管理 as nested routes, with the export bar. A
 * 閲覧のみ member reads both and exports the sheets; nothing is added, edited, moved or recorded.
 */
import { Route, Routes, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Button, Field, Spinner, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular } from '@fluentui/react-icons';
import type { Council } from '../../../../shared/domain';
import { formatFiscalYear } from '../../../../shared/wareki';
import { useLiveQuery } from '../../data/live';
import { NotFoundScreen } from '../../app/NotFoundScreen';
import { useNotify } from '../../app/notify';
import { CommitInput } from '../../ui/CommitInput';
import { SavedFileBar, useExport } from '../../ui/exporting';
import { actionsStore, type PlanRecords } from './data';
import { parseFiscalYear } from './form';
import { ActionList } from './ActionList';
import { ProgressView } from './ProgressView';
import { ReadOnlyArea, ReadOnlyNotice, useCouncilAccess } from '../sync';

const TABS = [
  { key: '', label: 'アクション一覧' },
  { key: 'progress', label: '進捗管理' },
] as const;

export function PlanFrame({ council }: { council: Council }) {
  const { draftId = '' } = useParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const exporter = useExport({ bar: true });
  const records = useLiveQuery(() => actionsStore.planRecords(council.id, draftId), [council.id, draftId]);
  const { readOnly } = useCouncilAccess(council.id);
  if (records === undefined) return <Spinner label="読み込み中…" />;
  if (records === null) return <NotFoundScreen what="アクションプラン" />;
  const base = `/councils/${council.id}/actions/${draftId}`;
  const sub = pathname.slice(base.length).split('/')[1] ?? '';
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 8 }}>
        <Button
          appearance="subtle"
          icon={<ArrowLeft20Regular />}
          onClick={() => navigate(`/councils/${council.id}/actions`)}
        >
          プランの一覧
        </Button>
        <Text as="h2" size={500} weight="semibold">
          {records.plan.title}
        </Text>
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
          ビジョン：{records.draft.title}
        </Text>
      </div>
      <ReadOnlyNotice readOnly={readOnly} what="アクションプラン（アクション・進捗）" />
      <ReadOnlyArea readOnly={readOnly}>
        <PlanSettings records={records} />
      </ReadOnlyArea>
      <SavedFileBar saved={exporter.saved} onClose={exporter.clear} />
      <TabList
        size="small"
        selectedValue={TABS.some((t) => t.key === sub) ? sub : ''}
        onTabSelect={(_, d) => navigate(d.value ? `${base}/${String(d.value)}` : base)}
        style={{ marginBottom: 12 }}
        aria-label="アクションプランの項目"
      >
        {TABS.map((t) => (
          <Tab key={t.key} value={t.key}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <Routes>
        <Route index element={<ActionList records={records} exporter={exporter} readOnly={readOnly} />} />
        <Route path="progress" element={<ProgressView records={records} exporter={exporter} readOnly={readOnly} />} />
        <Route path="*" element={<NotFoundScreen />} />
      </Routes>
    </>
  );
}

/** The plan's name and period (計画期間), saved when left. */
function PlanSettings({ records }: { records: PlanRecords }) {
  const notify = useNotify();
  const { plan } = records;
  const save = (patch: Parameters<typeof actionsStore.savePlanInfo>[1]) =>
    actionsStore.savePlanInfo(plan.id, patch).catch((e) => notify.error(e, '保存できませんでした'));
  const year = (input: string, what: string, key: 'startFiscalYear' | 'endFiscalYear') => {
    const r = parseFiscalYear(input, what);
    if (!r.ok) notify.error(new Error(r.message), '保存できませんでした');
    else void save({ [key]: r.value });
  };
  const hint = (y: number | null) => (y === null ? '例：2024 または 令和6' : formatFiscalYear(y));
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) 180px 180px', gap: 8, marginBottom: 12 }}>
      <Field label="アクションプランの名前">
        <CommitInput value={plan.title} onCommit={(v) => (v.trim() ? save({ title: v.trim() }) : undefined)} />
      </Field>
      <Field label="計画期間（から）" hint={hint(plan.startFiscalYear)}>
        <CommitInput
          value={plan.startFiscalYear === null ? '' : String(plan.startFiscalYear)}
          onCommit={(v) => year(v, '計画期間の始まり', 'startFiscalYear')}
        />
      </Field>
      <Field label="計画期間（まで）" hint={hint(plan.endFiscalYear)}>
        <CommitInput
          value={plan.endFiscalYear === null ? '' : String(plan.endFiscalYear)}
          onCommit={(v) => year(v, '計画期間の終わり', 'endFiscalYear')}
        />
      </Field>
    </div>
  );
}
