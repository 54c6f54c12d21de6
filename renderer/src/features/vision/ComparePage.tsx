/** Comparing two versions (or a version and the working copy) section by section, and the 新旧対照表 export. */
import { PRINT_DOC, usePrintShortcut } from '../../ui/print';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Badge, Button, Checkbox, Field, makeStyles, Option, Radio, RadioGroup } from '@fluentui/react-components';
import { Dropdown } from '../../ui/select';
import { DocumentArrowDown20Regular } from '@fluentui/react-icons';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/EmptyState';
import { dateOrDash } from '../../ui/format';
import { fontsOf, useExport } from './exporting';
import { flushDraft } from './outline';
import { ComparisonTable } from './ComparisonTable';
import {
  compareVersions,
  comparisonSummary,
  docOfDraft,
  docOfVersion,
  newestFirst,
  SECTION_STATUS_LABELS,
  type DraftDoc,
} from '../../../../shared/drafts';
import { DEFAULT_COMPARISON_OPTIONS, type ComparisonOptions } from '../../../../shared/contract/drafts';
import type { Council, Draft, DraftVersion } from '../../../../shared/domain';
import { call } from '../../platform/bridge';

const useStyles = makeStyles({
  controls: { display: 'flex', gap: '16px', flexWrap: 'wrap', alignItems: 'flex-end' },
});

const WORKING = 'working';

export function ComparePage({
  council,
  draft,
  versions,
}: {
  council: Council;
  draft: Draft;
  versions: DraftVersion[];
}) {
  const s = useStyles();
  usePrintShortcut();
  const [params, setParams] = useSearchParams();
  const { busy, run } = useExport();
  const list = newestFirst(versions);
  const oldId = params.get('old') ?? list[1]?.id ?? list[0]?.id ?? '';
  const newId = params.get('new') ?? (list.length > 1 ? list[0]!.id : WORKING);
  const options: ComparisonOptions = {
    order: params.get('order') === 'old-new' ? 'old-new' : DEFAULT_COMPARISON_OPTIONS.order,
    labels: params.get('labels') === 'shinkyu' ? 'shinkyu' : DEFAULT_COMPARISON_OPTIONS.labels,
    unchanged: params.get('unchanged') === 'full' ? 'full' : DEFAULT_COMPARISON_OPTIONS.unchanged,
    remarks: params.get('remarks') === '1',
  };
  const set = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    p.set('old', oldId);
    p.set('new', newId);
    p.set(key, value);
    setParams(p, { replace: true });
  };
  const docOf = (id: string): DraftDoc | null =>
    id === WORKING
      ? docOfDraft(draft)
      : (() => {
          const v = versions.find((x) => x.id === id);
          return v ? docOfVersion(v) : null;
        })();
  const oldDoc = docOf(oldId),
    newDoc = docOf(newId);
  const rows = useMemo(
    () => (oldDoc && newDoc ? compareVersions(oldDoc, newDoc) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the docs are derived from these
    [oldId, newId, draft, versions],
  );
  if (list.length === 0)
    return (
      <EmptyState title="比べる版がありません">
        版を確定すると、版どうし、または版と作業中の原稿を比べられます。
      </EmptyState>
    );
  const label = (id: string) =>
    id === WORKING
      ? '作業中の原稿'
      : (() => {
          const v = versions.find((x) => x.id === id);
          return v ? `${v.stage}（${dateOrDash(v.date)}）` : '';
        })();
  const choices = [...list.map((v) => v.id), WORKING];
  const summary = comparisonSummary(rows);
  const shown = options.unchanged === 'full' ? rows : rows.filter((r) => r.status !== 'unchanged');
  const kaisei = options.labels === 'kaisei';
  const heads: [string, string] = [
    `${kaisei ? '改正後' : '新'}（${newDoc?.stage || '作業中'}）`,
    `${kaisei ? '改正前' : '旧'}（${oldDoc?.stage || '作業中'}）`,
  ];

  return (
    <>
      <Section title="比べる版と出力の設定">
        <div className={s.controls}>
          <Field label="旧（比べる元）">
            <Dropdown
              value={label(oldId)}
              selectedOptions={[oldId]}
              onOptionSelect={(_, d) => set('old', d.optionValue ?? oldId)}
            >
              {choices.map((id) => (
                <Option key={id} value={id}>
                  {label(id)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="新（比べる先）">
            <Dropdown
              value={label(newId)}
              selectedOptions={[newId]}
              onOptionSelect={(_, d) => set('new', d.optionValue ?? newId)}
            >
              {choices.map((id) => (
                <Option key={id} value={id}>
                  {label(id)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label="列の順序">
            <RadioGroup layout="horizontal" value={options.order} onChange={(_, d) => set('order', d.value)}>
              <Radio value="new-old" label="新｜旧" />
              <Radio value="old-new" label="旧｜新" />
            </RadioGroup>
          </Field>
          <Field label="見出し">
            <RadioGroup layout="horizontal" value={options.labels} onChange={(_, d) => set('labels', d.value)}>
              <Radio value="kaisei" label="改正後・改正前" />
              <Radio value="shinkyu" label="新・旧" />
            </RadioGroup>
          </Field>
          <Field label="変更のない項目">
            <RadioGroup layout="horizontal" value={options.unchanged} onChange={(_, d) => set('unchanged', d.value)}>
              <Radio value="collapse" label="（略）にする" />
              <Radio value="full" label="全文を載せる" />
            </RadioGroup>
          </Field>
          <Checkbox
            label="備考欄（追加・変更・削除）"
            checked={options.remarks}
            onChange={(_, d) => set('remarks', d.checked ? '1' : '0')}
          />
          <Button
            appearance="primary"
            icon={<DocumentArrowDown20Regular />}
            disabled={!oldDoc || !newDoc || busy !== null}
            onClick={async () => {
              await flushDraft(draft.id);
              if (oldDoc && newDoc)
                await run(
                  'Word 文書',
                  () => call('drafts:export:comparison', { oldDoc, newDoc, options, fonts: fontsOf(council) }),
                  'cmp',
                );
            }}
          >
            {busy ? '出力中…' : '新旧対照表を出力'}
          </Button>
        </div>
        <div style={{ display: 'flex', gap: 6, marginTop: 10, flexWrap: 'wrap' }} aria-label="比較の集計">
          {(['changed', 'added', 'deleted', 'moved', 'renumbered', 'unchanged'] as const).map((k) => (
            <Badge
              key={k}
              appearance={k === 'unchanged' ? 'outline' : 'tint'}
              color={k === 'added' ? 'success' : k === 'deleted' ? 'danger' : k === 'unchanged' ? 'subtle' : 'warning'}
            >
              {SECTION_STATUS_LABELS[k]} {summary[k]}
            </Badge>
          ))}
        </div>
      </Section>
      {shown.length === 0 ? (
        <EmptyState title="違いはありません">二つの版の内容は同じです。</EmptyState>
      ) : (
        <div {...PRINT_DOC}>
          <ComparisonTable rows={shown} options={options} heads={heads} />
        </div>
      )}
    </>
  );
}
