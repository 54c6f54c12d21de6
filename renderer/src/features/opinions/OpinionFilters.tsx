/**
 * The board's filters (text, meeting, member, source, status) and the shown / total count.
 * The search box owns what is typed in it: a key renders the box alone, and the board is
 * told the new text as a transition (a newer key interrupts its render), so the board, its
 * other filters and its list render once per key, filtered, and never for the key itself.
 */
import { startTransition, useState, type Dispatch, type SetStateAction } from 'react';
import { Button, Field, Input, makeStyles, Select, Text } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { meetingTitle } from '../../ui/format';
import { OPINION_SOURCE_LABELS, OPINION_SOURCES } from '../../../../shared/domain';
import { memberName, type OpinionFilter, type OpinionLookup, type OpinionSource } from '../../../../shared/opinions';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'end', marginBottom: '12px' },
});

/** The search box: its text is its own; the board hears of each change as a transition. */
function SearchBox({ onText }: { onText: (text: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <Field label="検索">
      <Input
        contentBefore={<SearchRegular />}
        value={value}
        onChange={(_, d) => {
          setValue(d.value);
          startTransition(() => onText(d.value));
        }}
        placeholder="意見・市の考え方"
      />
    </Field>
  );
}

export function OpinionFilters({
  filter,
  setFilter,
  onText,
  clears,
  onClear,
  filtered,
  lookup,
  statuses,
  shown,
  total,
}: {
  /** The filters other than the text (the text is the search box's, see above). */
  filter: OpinionFilter;
  setFilter: Dispatch<SetStateAction<OpinionFilter>>;
  onText: (text: string) => void;
  /** Counts the board's clearings of every filter: the search box starts again empty at each. */
  clears: number;
  onClear: () => void;
  /** Whether any filter (the text included) narrows the board: 「条件をクリア」 is offered. */
  filtered: boolean;
  lookup: OpinionLookup;
  statuses: string[];
  shown: number;
  total: number;
}) {
  const s = useStyles();
  return (
    <div className={s.filters} role="search" aria-label="意見の絞り込み">
      <SearchBox key={clears} onText={onText} />
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
        <Button appearance="subtle" onClick={onClear}>
          条件をクリア
        </Button>
      ) : null}
      <Text aria-live="polite" style={{ paddingBottom: 6 }}>
        {shown} / {total}件
      </Text>
    </div>
  );
}
