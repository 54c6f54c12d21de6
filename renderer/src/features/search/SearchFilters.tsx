/** The filter row of the search panel: council, meeting or date range, speaker, field, kind, status, 公開/非公開. */
import { memo } from 'react';
import { Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { SEARCH_KINDS, SEARCH_KIND_LABELS, type SearchFilters, type SearchKind } from '../../../../shared/search/types';
import { MEETING_STATUSES } from '../../../../shared/domain';
import { formatWarekiShort } from '../../../../shared/wareki';
import { useLiveQuery } from '../../data/live';
import { filterChoices } from './data';

export interface FilterValues {
  councilId: string;
  meetingId: string;
  dateFrom: string;
  dateTo: string;
  speakerId: string;
  fieldId: string;
  kind: '' | SearchKind;
  status: string;
  visibility: '' | 'public' | 'private';
}

export const NO_FILTERS: FilterValues = {
  councilId: '',
  meetingId: '',
  dateFrom: '',
  dateTo: '',
  speakerId: '',
  fieldId: '',
  kind: '',
  status: '',
  visibility: '',
};

export function toSearchFilters(v: FilterValues): SearchFilters {
  const f: SearchFilters = {};
  if (v.councilId) f.councilIds = [v.councilId];
  if (v.meetingId) f.meetingIds = [v.meetingId];
  if (v.dateFrom) f.dateFrom = v.dateFrom;
  if (v.dateTo) f.dateTo = v.dateTo;
  if (v.speakerId) f.speakerIds = [v.speakerId];
  if (v.fieldId) f.fieldIds = [v.fieldId];
  if (v.kind) f.kinds = [v.kind];
  if (v.status) f.statuses = [v.status];
  if (v.visibility) f.isPublic = v.visibility === 'public';
  return f;
}

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: '6px 8px', alignItems: 'center' },
  select: { minWidth: '120px', maxWidth: '200px' },
  date: { width: '150px' },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

/** Memoised: typing in the query field does not render the (long) lists of choices again. */
export const SearchFilterBar = memo(function SearchFilterBar({
  value,
  onChange,
}: {
  value: FilterValues;
  onChange: (v: FilterValues) => void;
}) {
  const s = useStyles();
  const choices = useLiveQuery(filterChoices, []);
  const set = (patch: Partial<FilterValues>) => onChange({ ...value, ...patch });
  const council = choices?.councils.find((c) => c.id === value.councilId);
  const meetings = (choices?.meetings ?? []).filter((m) => m.councilId === value.councilId);
  const people = (choices?.people ?? []).filter((p) => !value.councilId || p.councilId === value.councilId);
  const statuses = [...new Set([...MEETING_STATUSES, ...(council?.statuses ?? [])])];
  return (
    <div className={s.row}>
      <Select
        className={s.select}
        aria-label="審議会"
        value={value.councilId}
        onChange={(_, d) => set({ councilId: d.value, meetingId: '', fieldId: '', speakerId: '' })}
      >
        <option value="">すべての審議会</option>
        {choices?.councils.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <Select
        className={s.select}
        aria-label="会議"
        value={value.meetingId}
        disabled={!value.councilId}
        onChange={(_, d) => set({ meetingId: d.value })}
      >
        <option value="">すべての会議</option>
        {meetings.map((m) => (
          <option key={m.id} value={m.id}>
            第{m.number}回{m.date ? `（${formatWarekiShort(m.date)}）` : ''}
          </option>
        ))}
      </Select>
      <Input
        className={s.date}
        type="date"
        aria-label="期間（から）"
        value={value.dateFrom}
        onChange={(_, d) => set({ dateFrom: d.value })}
      />
      <span className={s.label}>〜</span>
      <Input
        className={s.date}
        type="date"
        aria-label="期間（まで）"
        value={value.dateTo}
        onChange={(_, d) => set({ dateTo: d.value })}
      />
      <Select
        className={s.select}
        aria-label="発言者"
        value={value.speakerId}
        onChange={(_, d) => set({ speakerId: d.value })}
      >
        <option value="">すべての発言者</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <Select
        className={s.select}
        aria-label="分野"
        value={value.fieldId}
        disabled={!council}
        onChange={(_, d) => set({ fieldId: d.value })}
      >
        <option value="">すべての分野</option>
        {council?.fields.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </Select>
      <Select
        className={s.select}
        aria-label="種類"
        value={value.kind}
        onChange={(_, d) => set({ kind: d.value as FilterValues['kind'] })}
      >
        <option value="">すべての種類</option>
        {SEARCH_KINDS.map((k) => (
          <option key={k} value={k}>
            {SEARCH_KIND_LABELS[k]}
          </option>
        ))}
      </Select>
      <Select className={s.select} aria-label="状態" value={value.status} onChange={(_, d) => set({ status: d.value })}>
        <option value="">すべての状態</option>
        {statuses.map((st) => (
          <option key={st} value={st}>
            {st}
          </option>
        ))}
      </Select>
      <Select
        className={s.select}
        aria-label="公開・非公開"
        value={value.visibility}
        onChange={(_, d) => set({ visibility: d.value as FilterValues['visibility'] })}
      >
        <option value="">公開・非公開とも</option>
        <option value="public">公開のみ</option>
        <option value="private">非公開のみ</option>
      </Select>
    </div>
  );
});
