import { useLiveQuery } from '../../data/live';
import { useNavigate } from 'react-router-dom';
import { Button, Card, CardHeader, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import {
  ArrowDownload24Regular,
  BuildingGovernment24Regular,
  DocumentText24Regular,
  Edit24Regular,
  People24Regular,
} from '@fluentui/react-icons';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState } from '../../ui/EmptyState';
import { NewCouncilButton } from './NewCouncilDialog';
import { councilSummaries } from '../../data/queries';
import { useLoadSample } from '../../app/commands';
import { meetingDate, meetingTitle } from '../../ui/format';
import { formatWareki, todayInTokyo } from '../../../../shared/wareki';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))',
    gap: '16px',
    marginBottom: '24px',
  },
  steps: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(200px, 1fr))',
    gap: '12px',
    marginTop: '20px',
    maxWidth: '980px',
  },
  step: {
    padding: '14px 16px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  stat: { display: 'flex', gap: '18px', color: tokens.colorNeutralForeground2, marginTop: '4px' },
});

const STEPS = [
  {
    icon: <People24Regular />,
    title: '1. 審議会と委員を登録',
    text: '名称・分野・定足数を設定し、委員名簿を入力するか Excel から取り込みます。',
  },
  {
    icon: <Edit24Regular />,
    title: '2. 会議を開いて記録',
    text: '第N回の会議を作成し、出欠・次第・資料を整え、会議中は発言をその場で記録します。',
  },
  {
    icon: <DocumentText24Regular />,
    title: '3. 会議録と意見を公開',
    text: '記録から会議録を作成し、公開版を Word に、分野別意見を Excel に出力します。',
  },
];

export function HomeScreen() {
  const s = useStyles();
  const navigate = useNavigate();
  const loadSample = useLoadSample();
  const summaries = useLiveQuery(councilSummaries, []);
  const today = todayInTokyo();

  if (!summaries) return <Spinner label="読み込み中…" />;
  const active = summaries.filter((x) => !x.council.archived);

  return (
    <>
      <PageHeader
        title="ホーム"
        subtitle={`今日は ${formatWareki(today, { weekday: 'paren-full' })} です。`}
        actions={
          active.length ? (
            <>
              <NewCouncilButton appearance="secondary" />
            </>
          ) : undefined
        }
      />
      {active.length === 0 ? (
        <>
          <EmptyState
            title="ようこそ、審議会デスクへ"
            icon={<BuildingGovernment24Regular />}
            actions={
              <>
                <NewCouncilButton />
                <Button icon={<ArrowDownload24Regular />} onClick={() => void loadSample()}>
                  サンプルを読み込む
                </Button>
              </>
            }
          >
            {'まだ審議会が登録されていません。「新しい審議会」から担当する審議会を登録してください。' +
              '操作を試すには「サンプルを読み込む」で、飯塚市行政経営戦略推進審議会（第２回 会議録と資料）を登録できます。'}
          </EmptyState>
          <div className={s.steps}>
            {STEPS.map((st) => (
              <div key={st.title} className={s.step}>
                <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 6 }}>
                  {st.icon}
                  <Text weight="semibold">{st.title}</Text>
                </div>
                <Text size={200} style={{ color: tokens.colorNeutralForeground2, lineHeight: 1.7 }}>
                  {st.text}
                </Text>
              </div>
            ))}
          </div>
        </>
      ) : (
        <>
          <Text as="h2" size={500} weight="semibold" block style={{ marginBottom: 10 }}>
            担当している審議会
          </Text>
          <div className={s.grid}>
            {active.map(({ council, members, meetings, held, nextMeeting, opinions }) => (
              <Card
                key={council.id}
                onClick={() => navigate(`/councils/${council.id}`)}
                aria-label={council.name}
                focusMode="off"
              >
                <CardHeader
                  image={<BuildingGovernment24Regular />}
                  header={
                    <Text weight="semibold" size={400}>
                      {council.name}
                    </Text>
                  }
                  description={
                    <Text size={200}>
                      {[council.municipality, council.department].filter(Boolean).join('　') || '所管課 未設定'}
                    </Text>
                  }
                />
                <div className={s.stat}>
                  <Text>委員 {members}人</Text>
                  <Text>
                    会議 {held}/{meetings}回 開催
                  </Text>
                  <Text>意見 {opinions}件</Text>
                </div>
                <Text size={200}>
                  次回：
                  {nextMeeting
                    ? `${meetingTitle(nextMeeting)}　${meetingDate(nextMeeting)}`
                    : '予定された会議はありません'}
                  {nextMeeting?.date && nextMeeting.date < today ? '（日付を過ぎています）' : ''}
                </Text>
              </Card>
            ))}
          </div>
        </>
      )}
    </>
  );
}
