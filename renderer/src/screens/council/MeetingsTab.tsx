import { useLiveQuery } from 'dexie-react-hooks';
import { Badge, Table, TableBody, TableCell, TableCellLayout, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { sortedMeetings } from '../../db/queries';
import { Section } from '../../components/Section';
import { EmptyState } from '../../components/EmptyState';
import { meetingDate, meetingTime, meetingTitle } from '../../components/format';
import { presentCount } from '../../../../shared/quorum';
import type { Meeting } from '../../../../shared/domain';
import type { CouncilTabProps } from './CouncilScreen';

const STATUS_COLOR: Record<Meeting['status'], 'informative' | 'brand' | 'warning' | 'success' | 'subtle' | 'important'> = {
  予定: 'subtle', 開催済: 'informative', 作成中: 'warning', 確認中: 'important', 確定: 'brand', 公開済: 'success',
};

export function MeetingStatusBadge({ status }: { status: Meeting['status'] }) {
  return <Badge appearance="tint" color={STATUS_COLOR[status]}>{status}</Badge>;
}

export function MeetingsTab({ council }: CouncilTabProps) {
  const meetings = useLiveQuery(() => sortedMeetings(council.id), [council.id]);
  if (!meetings) return null;
  return (
    <Section title={`会議（${meetings.length}回）`}>
      {meetings.length === 0 ? (
        <EmptyState title="会議が登録されていません">
          会議を作成すると、第1回から順に番号が付きます。開催日時・場所・次第・配布資料を入力し、当日は出欠と発言を記録します。
        </EmptyState>
      ) : (
        <Table aria-label="会議一覧">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: 80 }}>回</TableHeaderCell>
              <TableHeaderCell style={{ width: 220 }}>開催日</TableHeaderCell>
              <TableHeaderCell style={{ width: 130 }}>時間</TableHeaderCell>
              <TableHeaderCell>場所</TableHeaderCell>
              <TableHeaderCell style={{ width: 90 }}>出席</TableHeaderCell>
              <TableHeaderCell style={{ width: 90 }}>状態</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {meetings.map((m) => (
              <TableRow key={m.id}>
                <TableCell><TableCellLayout>{meetingTitle(m)}</TableCellLayout></TableCell>
                <TableCell>{meetingDate(m)}</TableCell>
                <TableCell>{meetingTime(m)}</TableCell>
                <TableCell>{m.venues.join('、') || '—'}</TableCell>
                <TableCell>{m.attendance.length ? `${presentCount(m.attendance)}/${m.attendance.length}人` : '—'}</TableCell>
                <TableCell><MeetingStatusBadge status={m.status} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
