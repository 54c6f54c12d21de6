import { useState } from 'react';
import { useLiveQuery } from '../../data/live';
import { useNavigate } from 'react-router-dom';
import {
  Badge,
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Dropdown } from '../../ui/select';
import { daysBetween, fiscalYearOf, formatFiscalYear, todayInTokyo } from '../../../../shared/wareki';
import type { Council, Meeting, PlanEntry } from '../../../../shared/domain';
import { minutesOverdue } from '../meetings';
import { termWarning } from '../../../../shared/terms';
import { FISCAL_MONTHS } from '../../../../shared/plan';
import { sortedMeetings, sortedMembers } from '../../data/queries';
import { useCouncilFigures, useMemberCount } from './data';
import { Section } from '../../ui/Section';
import { dateOrDash, meetingDate, meetingTime, meetingTitle } from '../../ui/format';
import { quorumRequired, quorumRuleText } from '../../../../shared/quorum';
import { SPEAKER_LABEL_NAMES } from '../../ui/labels';
import type { CouncilTabProps } from '../../app/councilTabs';
import { MeetingStatusBadge } from '../meetings';

const useStyles = makeStyles({
  cols: { display: 'grid', gridTemplateColumns: 'minmax(320px, 1fr) minmax(320px, 1fr)', gap: '16px' },
  dl: { display: 'grid', gridTemplateColumns: '120px 1fr', rowGap: '8px', columnGap: '12px', margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0 },
  fields: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
  months: { display: 'grid', gridTemplateColumns: 'repeat(6, minmax(110px, 1fr))', gap: '6px' },
  month: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 8px',
    minHeight: '64px',
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    alignItems: 'flex-start',
  },
  monthName: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** 年間の会議: the fiscal year month by month — meetings held, meetings planned, plan entries not yet scheduled. */
function YearAtAGlance({ council, meetings, plan }: { council: Council; meetings: Meeting[]; plan: PlanEntry[] }) {
  const s = useStyles();
  const navigate = useNavigate();
  const today = todayInTokyo();
  const current = fiscalYearOf(today);
  const years = [
    ...new Set([
      current,
      ...meetings.filter((m) => m.date).map((m) => fiscalYearOf(m.date!)),
      ...plan.map((p) => p.fiscalYear),
    ]),
  ].sort();
  const busy = (y: number) =>
    meetings.some((m) => m.date && fiscalYearOf(m.date) === y) || plan.some((p) => p.fiscalYear === y);
  const [chosen, setChosen] = useState<number | null>(null);
  const fiscalYear = chosen ?? (busy(current) ? current : ([...years].reverse().find(busy) ?? current));
  const inYear = meetings.filter((m) => m.date && fiscalYearOf(m.date) === fiscalYear);
  const held = inYear.filter((m) => m.status !== '予定');
  const planned = inYear.filter((m) => m.status === '予定');
  const scheduled = new Set(inYear.map((m) => m.number));
  const planOnly = plan.filter(
    (p) => p.fiscalYear === fiscalYear && !(p.meetingNumber && scheduled.has(p.meetingNumber)),
  );
  const undated = meetings.filter((m) => !m.date);
  return (
    <Section
      title="年間の会議"
      actions={
        <Dropdown
          aria-label="年度"
          size="small"
          value={formatFiscalYear(fiscalYear)}
          selectedOptions={[String(fiscalYear)]}
          onOptionSelect={(_, d) => setChosen(Number(d.optionValue))}
          style={{ minWidth: 120 }}
        >
          {years.map((y) => (
            <Option key={y} value={String(y)}>
              {formatFiscalYear(y)}
            </Option>
          ))}
        </Dropdown>
      }
    >
      <Text block style={{ marginBottom: 8 }}>
        {formatFiscalYear(fiscalYear)}：開催済 <b>{held.length}回</b>／開催予定 <b>{planned.length}回</b>
        {planOnly.length ? `／計画のみ ${planOnly.length}回` : ''}
        {undated.length ? `（ほかに開催日が未入力の会議 ${undated.length}回）` : ''}
      </Text>
      <div className={s.months} aria-label={`${formatFiscalYear(fiscalYear)}の月別の会議`} role="list">
        {FISCAL_MONTHS.map((month) => {
          const ms = inYear.filter((m) => Number(m.date!.slice(5, 7)) === month);
          const ps = planOnly.filter((p) => p.month === month);
          return (
            <div key={month} className={s.month} role="listitem" aria-label={`${month}月`}>
              <span className={s.monthName}>{month}月</span>
              {ms.map((m) => (
                <Link key={m.id} onClick={() => navigate(`/councils/${council.id}/meetings/${m.id}`)}>
                  <Badge
                    appearance={m.status === '予定' ? 'outline' : 'filled'}
                    color={m.status === '予定' ? 'informative' : 'brand'}
                  >
                    第{m.number}回 {Number(m.date!.slice(8))}日{m.status === '予定' ? '（予定）' : ''}
                  </Badge>
                </Link>
              ))}
              {ps.map((p) => (
                <Badge key={p.id} appearance="tint" color="subtle">
                  {p.meetingNumber ? `第${p.meetingNumber}回` : '会議'}（計画）
                </Badge>
              ))}
            </div>
          );
        })}
      </div>
    </Section>
  );
}

function Overdue({ council, meetings }: { council: Council; meetings: Meeting[] }) {
  const navigate = useNavigate();
  const today = todayInTokyo();
  const overdue = meetings.filter((m) => minutesOverdue(m, today));
  if (!overdue.length) return null;
  return (
    <MessageBar intent="warning" layout="multiline" style={{ marginBottom: 16 }} aria-label="期限を過ぎた会議録">
      <MessageBarBody>
        <MessageBarTitle>会議録の期限を過ぎています（{overdue.length}件）</MessageBarTitle>
        {overdue.map((m) => (
          <div key={m.id}>
            <Link onClick={() => navigate(`/councils/${council.id}/meetings/${m.id}`)}>
              第{m.number}回（{meetingDate(m)}）
            </Link>
            ：期限 {dateOrDash(m.minutesDue)}（{daysBetween(m.minutesDue!, today)}日超過）・状態 {m.status}
          </div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

export function CouncilOverview({ council }: CouncilTabProps) {
  const s = useStyles();
  const navigate = useNavigate();
  const memberCount = useMemberCount(council.id);
  const meetings = useLiveQuery(() => sortedMeetings(council.id), [council.id]) ?? [];
  const { opinions, drafts, plan } = useCouncilFigures(council.id);
  const members = useLiveQuery(() => sortedMembers(council.id), [council.id]) ?? [];
  const terms = members.map((m) => termWarning(m)).filter((w) => w !== null);

  return (
    <>
      <Overdue council={council} meetings={meetings} />
      <div className={s.cols}>
        <Section title="基本情報">
          <dl className={s.dl}>
            <dt className={s.dt}>自治体</dt>
            <dd className={s.dd}>{council.municipality || '—'}</dd>
            <dt className={s.dt}>所管課</dt>
            <dd className={s.dd}>{council.department || '—'}</dd>
            <dt className={s.dt}>任期</dt>
            <dd className={s.dd}>
              {council.termStart || council.termEnd
                ? `${dateOrDash(council.termStart)}～${dateOrDash(council.termEnd)}`
                : '—'}
            </dd>
            <dt className={s.dt}>委員</dt>
            <dd className={s.dd}>
              {memberCount}人（定足数：{quorumRuleText(council.quorum)}＝{quorumRequired(council.quorum, memberCount)}
              人）
            </dd>
            <dt className={s.dt}>分野</dt>
            <dd className={s.dd}>
              <div className={s.fields}>
                {council.fields.map((f) => (
                  <Badge key={f.id} appearance="tint" shape="rounded">
                    {f.name}
                  </Badge>
                ))}
              </div>
            </dd>
            <dt className={s.dt}>公開版の表記</dt>
            <dd className={s.dd}>
              発言者：{SPEAKER_LABEL_NAMES[council.publication.speakerLabel]}／句読点：
              {council.publication.punctuation === 'touten' ? '、。' : '，。'}
            </dd>
            <dt className={s.dt}>会議録の期限</dt>
            <dd className={s.dd}>会議後 {council.minutesDueDays} 日以内</dd>
          </dl>
        </Section>
        <Section title="記録の状況">
          <dl className={s.dl}>
            <dt className={s.dt}>会議</dt>
            <dd className={s.dd}>
              {meetings.filter((m) => m.status !== '予定').length}回 開催／
              {meetings.filter((m) => m.status === '予定').length}回 予定
            </dd>
            <dt className={s.dt}>会議録の期限切れ</dt>
            <dd className={s.dd}>{meetings.filter((m) => minutesOverdue(m)).length}件</dd>
            <dt className={s.dt}>委員の任期</dt>
            <dd className={s.dd}>
              {terms.length ? (
                <Link onClick={() => navigate(`/councils/${council.id}/members`)}>
                  任期終了 {terms.filter((w) => w.ended).length}人／30日以内に満了{' '}
                  {terms.filter((w) => !w.ended).length}人
                </Link>
              ) : (
                '注意が必要な委員はいません'
              )}
            </dd>
            <dt className={s.dt}>意見</dt>
            <dd className={s.dd}>{opinions}件</dd>
            <dt className={s.dt}>ビジョン・計画</dt>
            <dd className={s.dd}>{drafts}件</dd>
          </dl>
        </Section>
        <div style={{ gridColumn: '1 / -1' }}>
          <YearAtAGlance council={council} meetings={meetings} plan={plan} />
        </div>
        <div style={{ gridColumn: '1 / -1' }}>
          <Section
            title="会議の一覧"
            actions={
              <Button size="small" onClick={() => navigate(`/councils/${council.id}/meetings`)}>
                会議を開く
              </Button>
            }
          >
            {meetings.length === 0 ? (
              <Text>会議はまだ登録されていません。「会議」タブから第1回の会議を作成してください。</Text>
            ) : (
              <Table size="small" aria-label="会議の一覧">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell style={{ width: 80 }}>回</TableHeaderCell>
                    <TableHeaderCell>開催日</TableHeaderCell>
                    <TableHeaderCell>時間</TableHeaderCell>
                    <TableHeaderCell>状態</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {meetings.map((m) => (
                    <TableRow
                      key={m.id}
                      onClick={() => navigate(`/councils/${council.id}/meetings/${m.id}`)}
                      style={{ cursor: 'pointer' }}
                    >
                      <TableCell>{meetingTitle(m)}</TableCell>
                      <TableCell>{meetingDate(m)}</TableCell>
                      <TableCell>{meetingTime(m)}</TableCell>
                      <TableCell>
                        <MeetingStatusBadge status={m.status} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Section>
        </div>
      </div>
    </>
  );
}
