import { useLiveQuery } from 'dexie-react-hooks';
import { useNavigate } from 'react-router-dom';
import {
  Badge, Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens,
} from '@fluentui/react-components';
import { db } from '../../db';
import { sortedMeetings } from '../../db/queries';
import { Section } from '../../components/Section';
import { dateOrDash, meetingDate, meetingTime, meetingTitle } from '../../components/format';
import { quorumRequired, quorumRuleText } from '../../../../shared/quorum';
import { SPEAKER_LABEL_NAMES } from '../../components/labels';
import type { CouncilTabProps } from './CouncilScreen';
import { MeetingStatusBadge } from './MeetingsTab';

const useStyles = makeStyles({
  cols: { display: 'grid', gridTemplateColumns: 'minmax(320px, 1fr) minmax(320px, 1fr)', gap: '16px' },
  dl: { display: 'grid', gridTemplateColumns: '120px 1fr', rowGap: '8px', columnGap: '12px', margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0 },
  fields: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
});

export function CouncilOverview({ council }: CouncilTabProps) {
  const s = useStyles();
  const navigate = useNavigate();
  const memberCount = useLiveQuery(() => db.members.where('councilId').equals(council.id).count(), [council.id]) ?? 0;
  const meetings = useLiveQuery(() => sortedMeetings(council.id), [council.id]) ?? [];
  const opinions = useLiveQuery(() => db.opinions.where('councilId').equals(council.id).count(), [council.id]) ?? 0;
  const drafts = useLiveQuery(() => db.drafts.where('councilId').equals(council.id).count(), [council.id]) ?? 0;

  return (
    <div className={s.cols}>
      <Section title="基本情報">
        <dl className={s.dl}>
          <dt className={s.dt}>自治体</dt><dd className={s.dd}>{council.municipality || '—'}</dd>
          <dt className={s.dt}>所管課</dt><dd className={s.dd}>{council.department || '—'}</dd>
          <dt className={s.dt}>任期</dt><dd className={s.dd}>{council.termStart || council.termEnd ? `${dateOrDash(council.termStart)}～${dateOrDash(council.termEnd)}` : '—'}</dd>
          <dt className={s.dt}>委員</dt><dd className={s.dd}>{memberCount}人（定足数：{quorumRuleText(council.quorum)}＝{quorumRequired(council.quorum, memberCount)}人）</dd>
          <dt className={s.dt}>分野</dt>
          <dd className={s.dd}><div className={s.fields}>{council.fields.map((f) => <Badge key={f.id} appearance="tint" shape="rounded">{f.name}</Badge>)}</div></dd>
          <dt className={s.dt}>公開版の表記</dt><dd className={s.dd}>発言者：{SPEAKER_LABEL_NAMES[council.publication.speakerLabel]}／句読点：{council.publication.punctuation === 'touten' ? '、。' : '，。'}</dd>
          <dt className={s.dt}>会議録の期限</dt><dd className={s.dd}>会議後 {council.minutesDueDays} 日以内</dd>
        </dl>
      </Section>
      <Section title="記録の状況">
        <dl className={s.dl}>
          <dt className={s.dt}>会議</dt><dd className={s.dd}>{meetings.filter((m) => m.status !== '予定').length}回 開催／{meetings.filter((m) => m.status === '予定').length}回 予定</dd>
          <dt className={s.dt}>意見</dt><dd className={s.dd}>{opinions}件</dd>
          <dt className={s.dt}>ビジョン・計画</dt><dd className={s.dd}>{drafts}件</dd>
        </dl>
      </Section>
      <div style={{ gridColumn: '1 / -1' }}>
        <Section title="会議の一覧" actions={<Button size="small" onClick={() => navigate(`/councils/${council.id}/meetings`)}>会議を開く</Button>}>
          {meetings.length === 0 ? <Text>会議はまだ登録されていません。「会議」タブから第1回の会議を作成してください。</Text> : (
            <Table size="small" aria-label="会議の一覧">
              <TableHeader><TableRow><TableHeaderCell style={{ width: 80 }}>回</TableHeaderCell><TableHeaderCell>開催日</TableHeaderCell><TableHeaderCell>時間</TableHeaderCell><TableHeaderCell>状態</TableHeaderCell></TableRow></TableHeader>
              <TableBody>
                {meetings.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>{meetingTitle(m)}</TableCell><TableCell>{meetingDate(m)}</TableCell><TableCell>{meetingTime(m)}</TableCell>
                    <TableCell><MeetingStatusBadge status={m.status} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Section>
      </div>
    </div>
  );
}
