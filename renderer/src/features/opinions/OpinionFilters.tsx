/** The board's filters (text, meeting, member, source, status) and the shown / total count. */
import type { Dispatch, SetStateAction } from 'react';
import { Button, Field, Input, makeStyles, Select, Text } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { meetingTitle } from '../../ui/format';
import { OPINION_SOURCE_LABELS, OPINION_SOURCES } from '../../../../shared/domain';
import { memberName, type OpinionFilter, type OpinionLookup, type OpinionSource } from '../../../../shared/opinions';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'end', marginBottom: '12px' },
});

export function OpinionFilters({
  filter,
  setFilter,
  lookup,
  statuses,
  shown,
  total,
}: {
  filter: OpinionFilter;
  setFilter: Dispatch<SetStateAction<OpinionFilter>>;
  lookup: OpinionLookup;
  statuses: string[];
  shown: number;
  total: number;
}) {
  const s = useStyles();
  const filtered = Object.values(filter).some((v) => v);
  return (
    <div className={s.filters} role="search" aria-label="意見の絞り込み">
      <Field label="検索">
        <Input
          contentBefore={<SearchRegular />}
          value={filter.text ?? ''}
          onChange={(_, d) => setFilter((f) => ({ ...f, text: d.value }))}
          placeholder="意見・市の考え方"
        />
      </Field>
      <Field label="会議">
        <Select
          value={filter.meetingId ?? ''}
          onChange={(_, d) => setFilter((f) => ({ ...f, meetingId: d.value || null }))}
        >
          <option value="">すべて</option>
          {lookup.meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {meetingTitle(m)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="委員">
        <Select
          value={filter.memberId ?? ''}
          onChange={(_, d) => setFilter((f) => ({ ...f, memberId: d.value || null }))}
        >
          <option value="">すべて</option>
          {lookup.members.map((m) => (
            <option key={m.id} value={m.id}>
              {memberName(m.id, lookup)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="出典">
        <Select
          value={filter.source ?? ''}
          onChange={(_, d) => setFilter((f) => ({ ...f, source: (d.value || null) as OpinionSource | null }))}
        >
          <option value="">すべて</option>
          {OPINION_SOURCES.map((x) => (
            <option key={x} value={x}>
              {OPINION_SOURCE_LABELS[x]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="反映状況">
        <Select value={filter.status ?? ''} onChange={(_, d) => setFilter((f) => ({ ...f, status: d.value || null }))}>
          <option value="">すべて</option>
          {statuses.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </Select>
      </Field>
      {filtered ? (
        <Button appearance="subtle" onClick={() => setFilter({})}>
          条件をクリア
        </Button>
      ) : null}
      <Text aria-live="polite" style={{ paddingBottom: 6 }}>
        {shown} / {total}件
      </Text>
    </div>
  );
}
