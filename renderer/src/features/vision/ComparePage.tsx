/** Comparing two versions (or a version and the working copy) section by section, and the 新旧対照表 export. */
import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Badge,
  Button,
  Checkbox,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowDown20Regular } from '@fluentui/react-icons';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/EmptyState';
import { dateOrDash } from '../../ui/format';
import { fontsOf, useExport } from './exporting';
import { flushDraft } from './DraftEditor';
import {
  compareVersions,
  comparisonSummary,
  docOfDraft,
  docOfVersion,
  newestFirst,
  sides,
  SECTION_STATUS_LABELS,
  type DiffOp,
  type DraftDoc,
  type SectionComparison,
} from '../../../../shared/drafts';
import { DEFAULT_COMPARISON_OPTIONS, type ComparisonOptions } from '../../../../shared/contract/drafts';
import type { Council, Draft, DraftVersion } from '../../../../shared/domain';
import { call } from '../../platform/bridge';

const useStyles = makeStyles({
  controls: { display: 'flex', gap: '16px', flexWrap: 'wrap', alignItems: 'flex-end' },
  grid: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: '#fff',
  },
  head: {
    fontWeight: 600,
    textAlign: 'center',
    padding: '6px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  cell: {
    padding: '8px 10px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    lineHeight: 1.7,
    fontSize: tokens.fontSizeBase300,
  },
  changed: {
    textDecoration: 'underline',
    textDecorationThickness: '2px',
    backgroundColor: tokens.colorPaletteYellowBackground2,
  },
});

const WORKING = 'working';

function Marked({ ops, side }: { ops: readonly DiffOp[]; side: 'old' | 'new' }) {
  const s = useStyles();
  return (
    <>
      {sides(ops)[side].map((p, i) =>
        p.changed ? (
          <span key={i} className={s.changed} data-changed="true">
            {p.text}
          </span>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

function SideCell({
  row,
  side,
  badge,
  collapse,
}: {
  row: SectionComparison;
  side: 'old' | 'new';
  badge?: ReactNode;
  collapse: boolean;
}) {
  const present = side === 'new' ? row.new : row.old;
  if (!present)
    return (
      <Text>
        {badge}
        {side === 'new' ? '（削る）' : '（新設）'}
      </Text>
    );
  return (
    <div>
      <div style={{ fontWeight: 700, paddingLeft: Math.max(0, row.level - 1) * 12 }}>
        {badge}
        <Marked ops={row.heading} side={side} />
      </div>
      {row.lines.map((l, i) => {
        if (
          side === 'new'
            ? l.status === 'deleted' || l.status === 'moved-out'
            : l.status === 'added' || l.status === 'moved-in'
        )
          return null;
        // As in the document: a run of unchanged lines is one （略）.
        if (collapse && l.status === 'equal')
          return row.lines[i - 1]?.status === 'equal' ? null : (
            <div key={i} style={{ paddingLeft: (row.level + 1) * 12 }}>
              （略）
            </div>
          );
        const ops: DiffOp[] =
          l.status === 'moved-in' || l.status === 'moved-out'
            ? [{ op: side === 'new' ? 'insert' : 'delete', text: l.ops[0]!.text }]
            : l.ops;
        return (
          <div key={i} style={{ paddingLeft: (row.level + 1) * 12 }}>
            <Marked ops={ops} side={side} />
          </div>
        );
      })}
    </div>
  );
}

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
  const heads = [
    `${kaisei ? '改正後' : '新'}（${newDoc?.stage || '作業中'}）`,
    `${kaisei ? '改正前' : '旧'}（${oldDoc?.stage || '作業中'}）`,
  ];
  const ordered = <T,>(n: T, o: T): [T, T] => (options.order === 'new-old' ? [n, o] : [o, n]);

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
        <div className={s.grid} role="table" aria-label="新旧の比較">
          <div role="row" style={{ display: 'contents' }}>
            {heads &&
              ordered(heads[0], heads[1]).map((h) => (
                <div key={h} role="columnheader" className={s.head}>
                  {h}
                </div>
              ))}
          </div>
          {shown.map((r) => (
            <div
              key={r.id}
              role="row"
              aria-label={`${SECTION_STATUS_LABELS[r.status]}：${(r.new ?? r.old)!.section.heading}`}
              style={{ display: 'contents' }}
            >
              {ordered('new' as const, 'old' as const).map((side) => (
                <div key={side} role="cell" className={s.cell}>
                  <SideCell
                    row={r}
                    side={side}
                    collapse={options.unchanged === 'collapse'}
                    badge={
                      side === ordered('new' as const, 'old' as const)[0] ? (
                        <Badge
                          size="small"
                          appearance="outline"
                          style={{ marginRight: 6, verticalAlign: 'text-bottom' }}
                        >
                          {SECTION_STATUS_LABELS[r.status]}
                          {r.moved && r.status !== 'moved' ? '・移動' : ''}
                        </Badge>
                      ) : undefined
                    }
                  />
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
