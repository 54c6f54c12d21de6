import { useState } from 'react';
import { Badge, Button, Field, Option, Text, tokens } from '@fluentui/react-components';
import { Combobox } from '../../ui/select';
import { useNotify } from '../../app/notify';
import { opinionsOfSection } from '../../../../shared/drafts';
import type { Opinion } from '../../../../shared/domain';
import { appDrafts } from './data';

/** The opinions this section reflects (Opinion.sectionIds), with linking and unlinking. */
export function LinkedOpinions({ sectionId, opinions }: { sectionId: string; opinions: Opinion[] }) {
  const notify = useNotify();
  const [query, setQuery] = useState('');
  const linked = opinionsOfSection(opinions, sectionId);
  const candidates = opinions
    .filter((o) => !o.sectionIds.includes(sectionId) && (!query || o.summary.includes(query)))
    .slice(0, 50);
  const link = (id: string, on: boolean) =>
    void appDrafts.linkOpinion(id, sectionId, on).catch((e) => notify.error(e, '意見の関連付けを保存できませんでした'));
  return (
    <div
      role="region"
      aria-label="この項目に反映した意見"
      style={{
        borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
        paddingTop: 10,
        display: 'flex',
        flexDirection: 'column',
        gap: 6,
      }}
    >
      <Text weight="semibold">
        この項目に反映した意見 <Badge appearance="ghost">{linked.length}</Badge>
      </Text>
      {linked.length === 0 ? (
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
          まだ関連付けられた意見はありません。
        </Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {linked.map((o) => (
            <li key={o.id} style={{ marginBottom: 4 }}>
              <Text size={300}>{o.summary}</Text>{' '}
              <Badge size="small" appearance="tint" color={o.status ? 'brand' : 'warning'}>
                {o.status || '未対応'}
              </Badge>{' '}
              <Button
                size="small"
                appearance="transparent"
                onClick={() => link(o.id, false)}
                aria-label={`関連付けを外す：${o.summary.slice(0, 20)}`}
              >
                外す
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Field label="意見を関連付ける">
        <Combobox
          placeholder="意見の内容で検索"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => {
            if (d.optionValue) link(d.optionValue, true);
            setQuery('');
          }}
          freeform
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
