import { useLiveQuery } from '../../data/live';
import { useNavigate } from 'react-router-dom';
import {
  Badge,
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { ArrowDownload24Regular } from '@fluentui/react-icons';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState } from '../../ui/EmptyState';
import { NewCouncilButton } from './NewCouncilDialog';
import { councilSummaries } from '../../data/queries';
import { useLoadSample } from '../../app/commands';
import { dateOrDash, meetingDate, meetingTitle } from '../../ui/format';

export function CouncilListScreen() {
  const navigate = useNavigate();
  const loadSample = useLoadSample();
  const summaries = useLiveQuery(councilSummaries, []);
  const keyboard = useArrowNavigationGroup({ axis: 'grid' });
  if (!summaries) return <Spinner label="読み込み中…" />;
  return (
    <>
      <PageHeader
        title="審議会一覧"
        crumbs={[{ label: 'ホーム', to: '/' }, { label: '審議会一覧' }]}
        actions={<NewCouncilButton />}
      />
      {summaries.length === 0 ? (
        <EmptyState
          title="審議会がまだありません"
          actions={
            <>
              <NewCouncilButton />
              <Button icon={<ArrowDownload24Regular />} onClick={() => void loadSample()}>
                サンプルを読み込む
              </Button>
            </>
          }
        >
          「新しい審議会」で名称・自治体名・所管課を入力すると、委員名簿や会議を登録できるようになります。
        </EmptyState>
      ) : (
        <Table aria-label="審議会一覧" {...keyboard} style={{ backgroundColor: 'white' }}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>名称</TableHeaderCell>
              <TableHeaderCell style={{ width: 180 }}>所管</TableHeaderCell>
              <TableHeaderCell style={{ width: 170 }}>任期</TableHeaderCell>
              <TableHeaderCell style={{ width: 70 }}>委員</TableHeaderCell>
              <TableHeaderCell style={{ width: 110 }}>会議</TableHeaderCell>
              <TableHeaderCell style={{ width: 260 }}>次回の会議</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summaries.map(({ council, members, meetings, held, nextMeeting }) => (
              <TableRow
                key={council.id}
                onClick={() => navigate(`/councils/${council.id}`)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.nativeEvent.isComposing) navigate(`/councils/${council.id}`);
                }}
                style={{ cursor: 'pointer' }}
              >
                <TableCell tabIndex={0}>
                  <TableCellLayout description={council.municipality}>
                    {council.name}{' '}
                    {council.archived ? (
                      <Badge appearance="tint" color="subtle">
                        アーカイブ
                      </Badge>
                    ) : null}
                  </TableCellLayout>
                </TableCell>
                <TableCell>{council.department || '—'}</TableCell>
                <TableCell>
                  {council.termStart || council.termEnd
                    ? `${dateOrDash(council.termStart)}～${dateOrDash(council.termEnd)}`
                    : '—'}
                </TableCell>
                <TableCell>{members}人</TableCell>
                <TableCell>
                  {held}/{meetings}回
                </TableCell>
                <TableCell>{nextMeeting ? `${meetingTitle(nextMeeting)} ${meetingDate(nextMeeting)}` : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
