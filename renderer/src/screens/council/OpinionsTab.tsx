import { useLiveQuery } from 'dexie-react-hooks';
import { Badge, CounterBadge, Text, tokens } from '@fluentui/react-components';
import { db } from '../../db';
import { Section } from '../../components/Section';
import { EmptyState } from '../../components/EmptyState';
import { OPINION_SOURCE_LABELS, type Opinion } from '../../../../shared/domain';
import type { CouncilTabProps } from './CouncilScreen';

export function OpinionsTab({ council }: CouncilTabProps) {
  const opinions = useLiveQuery(() => db.opinions.where('[councilId+order]').between([council.id, -Infinity], [council.id, Infinity]).toArray(), [council.id]);
  const meetings = useLiveQuery(() => db.meetings.where('councilId').equals(council.id).toArray(), [council.id]);
  if (!opinions || !meetings) return null;
  if (opinions.length === 0) {
    return (
      <EmptyState title="意見がまだありません">
        会議の記録から委員の発言を意見として取り上げるか、各課インタビューや書面意見を分野ごとに登録します。意見ごとに市の考え方と反映状況を管理できます。
      </EmptyState>
    );
  }
  const meetingNo = new Map(meetings.map((m) => [m.id, m.number]));
  const groups: { id: string | null; name: string; items: Opinion[] }[] = [
    ...council.fields.map((f) => ({ id: f.id as string | null, name: f.name, items: [] as Opinion[] })),
    { id: null, name: '分野未設定', items: [] },
  ];
  for (const o of opinions) (groups.find((g) => g.id === o.fieldId) ?? groups[groups.length - 1]!).items.push(o);
  return (
    <>
      {groups.filter((g) => g.items.length).map((g) => (
        <Section key={g.name} title={<>{g.name} <CounterBadge count={g.items.length} appearance="ghost" color="informative" overflowCount={9999} /></>}>
          <ol style={{ margin: 0, paddingLeft: 22, display: 'flex', flexDirection: 'column', gap: 6 }}>
            {g.items.map((o) => (
              <li key={o.id}>
                <Text>{o.summary}</Text>{' '}
                <Badge appearance="outline" size="small" color="informative">
                  {o.source === 'meeting' && o.meetingId ? `第${meetingNo.get(o.meetingId)}回審議会` : OPINION_SOURCE_LABELS[o.source]}
                </Badge>{' '}
                {o.status ? <Badge appearance="tint" size="small">{o.status}</Badge> : null}
                {o.response ? <Text block size={200} style={{ color: tokens.colorNeutralForeground2 }}>⇒ {o.response}</Text> : null}
              </li>
            ))}
          </ol>
        </Section>
      ))}
    </>
  );
}
