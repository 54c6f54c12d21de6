/** The council's opinions about an action (Opinion.actionIds), with linking and unlinking. */
import { useState } from 'react';
import { Button, Field, Option, Text, tokens } from '@fluentui/react-components';
import { Combobox } from '../../ui/select';
import type { Action } from '../../../../shared/actions';
import { useLiveQuery } from '../../data/live';
import { useNotify } from '../../app/notify';
import { actionsStore, type PlanRecords } from './data';

export function LinkedOpinions({ records, action }: { records: PlanRecords; action: Action }) {
  const notify = useNotify();
  const [query, setQuery] = useState('');
  const all = useLiveQuery(() => actionsStore.councilOpinions(records.council.id), [records.council.id]) ?? [];
  const linked = all.filter((o) => (o.actionIds ?? []).includes(action.id));
  const candidates = all
    .filter((o) => !(o.actionIds ?? []).includes(action.id) && (!query || o.summary.includes(query)))
    .slice(0, 50);
  const link = (id: string, on: boolean) =>
    void actionsStore
      .setOpinionAction(id, action.id, on)
      .catch((e) => notify.error(e, '意見の結び付けを保存できませんでした'));
  return (
    <div
      role="region"
      aria-label="このアクションについての審議会の意見"
      style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
    >
      <Text weight="semibold">このアクションについての審議会の意見</Text>
      {linked.length === 0 ? (
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
          結び付いた意見はありません。
        </Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {linked.map((o) => (
            <li key={o.id}>
              <Text size={300}>{o.summary}</Text>{' '}
              <Button size="small" appearance="transparent" onClick={() => link(o.id, false)}>
                外す
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Field label="意見を結び付ける">
        <Combobox
          placeholder="意見の内容で検索"
          value={query}
          freeform
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => {
            if (d.optionValue) link(d.optionValue, true);
            setQuery('');
          }}
        >
          {candidates.map((o) => (
            <Option key={o.id} value={o.id} text={o.summary}>
              {o.summary}
            </Option>
          ))}
        </Combobox>
      </Field>
    </div>
  );
}
