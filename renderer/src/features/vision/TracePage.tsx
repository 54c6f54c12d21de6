/** 意見の反映: every opinion of the council, where it went in the working copy, and its status (閲覧のみ: read, not linked). */
import { useState } from 'react';
import {
  Badge,
  Field,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Combobox, Dropdown } from '../../ui/select';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/EmptyState';
import { appDrafts } from './data';
import { ReadOnlyNotice, useCouncilAccess } from '../sync';
import { docOfDraft, numberedHeading, opinionPlacements, outline, placementsText } from '../../../../shared/drafts';
import { OPINION_SOURCE_LABELS, type Council, type Draft, type Opinion } from '../../../../shared/domain';

type Filter = 'all' | 'linked' | 'unlinked';

export function TracePage({ council, draft, opinions }: { council: Council; draft: Draft; opinions: Opinion[] }) {
  const notify = useNotify();
  const [filter, setFilter] = useState<Filter>('all');
  const { readOnly } = useCouncilAccess(council.id);
  const doc = docOfDraft(draft);
  const entries = outline(draft.sections, draft.numbering);
  const field = (id: string | null) => council.fields.find((f) => f.id === id)?.name ?? '—';
  if (opinions.length === 0)
    return (
      <EmptyState title="意見がまだありません">
        「意見」タブで登録した意見を、ここで原稿の項目に関連付けます。
      </EmptyState>
    );
  const sorted = [...opinions].sort((a, b) => a.order - b.order);
  const rows = sorted.filter((o) => {
    const n = opinionPlacements(o, doc).length;
    return filter === 'all' || (filter === 'linked' ? n > 0 : n === 0);
  });
  const linkedCount = sorted.filter((o) => opinionPlacements(o, doc).length > 0).length;
  const toggle = (o: Opinion, sectionId: string) =>
    void appDrafts
      .linkOpinion(o.id, sectionId, !o.sectionIds.includes(sectionId))
      .catch((e) => notify.error(e, '意見の関連付けを保存できませんでした'));
  const FILTERS: Record<Filter, string> = { all: 'すべて', linked: '反映箇所あり', unlinked: '反映箇所なし' };
  return (
    <Section
      title={
        <>
          意見の反映箇所{' '}
          <Badge appearance="ghost">
            {linkedCount}/{sorted.length}
          </Badge>
        </>
      }
      actions={
        <Field label="表示" orientation="horizontal">
          <Dropdown
            style={{ minWidth: 0, width: 170 }}
            value={FILTERS[filter]}
            selectedOptions={[filter]}
            onOptionSelect={(_, d) => setFilter(d.optionValue as Filter)}
          >
            {(Object.keys(FILTERS) as Filter[]).map((k) => (
              <Option key={k} value={k}>
                {FILTERS[k]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      }
    >
      <ReadOnlyNotice readOnly={readOnly} what="意見の反映箇所" />
      <Text block size={200} style={{ color: tokens.colorNeutralForeground3, marginBottom: 8 }}>
        反映箇所の番号は作業中の原稿のものです。版ごとの番号は各版の「意見の反映状況」で確認できます。
      </Text>
      <Table aria-label="意見の反映箇所" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 48 }}>番号</TableHeaderCell>
            <TableHeaderCell style={{ width: 90 }}>分野</TableHeaderCell>
            <TableHeaderCell>意見の概要</TableHeaderCell>
            <TableHeaderCell style={{ width: 100 }}>反映状況</TableHeaderCell>
            <TableHeaderCell style={{ width: 320 }}>反映箇所</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((o) => {
            const placements = opinionPlacements(o, doc);
            return (
              <TableRow key={o.id}>
                <TableCell>{o.order}</TableCell>
                <TableCell>{field(o.fieldId)}</TableCell>
                <TableCell>
                  {o.summary}
                  <br />
                  <Text size={100} style={{ color: tokens.colorNeutralForeground3 }}>
                    {OPINION_SOURCE_LABELS[o.source]}
                    {o.response ? `　⇒ ${o.response}` : ''}
                  </Text>
                </TableCell>
                <TableCell>
                  <Badge appearance="tint" size="small" color={o.status ? 'brand' : 'warning'}>
                    {o.status || '未対応'}
                  </Badge>
                </TableCell>
                <TableCell>
                  <Combobox
                    multiselect
                    aria-label={`反映箇所：${o.summary.slice(0, 30)}`}
                    placeholder="項目を選ぶ"
                    value={placements.map((p) => p.path).join('、')}
                    selectedOptions={placements.map((p) => p.sectionId)}
                    disabled={readOnly}
                    onOptionSelect={(_, d) => {
                      if (d.optionValue && !readOnly) toggle(o, d.optionValue);
                    }}
                    style={{ width: '100%', minWidth: 0 }}
                  >
                    {entries.map((e) => (
                      <Option
                        key={e.section.id}
                        value={e.section.id}
                        text={`${e.path} ${e.section.heading}`}
                      >{`${'　'.repeat(e.level)}${numberedHeading(e, e.section.heading)}`}</Option>
                    ))}
                  </Combobox>
                  {placements.length ? (
                    <Text block size={100} style={{ color: tokens.colorNeutralForeground2, marginTop: 2 }}>
                      {placementsText(placements)}
                    </Text>
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Section>
  );
}
