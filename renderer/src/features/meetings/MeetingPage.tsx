/** One meeting: its basics, attendance with the quorum, agenda, materials, and the 次第 export. */
import { useLiveQuery } from '../../data/live';
import { useNavigate, useParams } from 'react-router-dom';
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Option,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Dropdown } from '../../ui/select';
import {
  ArrowLeft24Regular,
  Delete24Regular,
  DocumentArrowDown24Regular,
  DocumentText24Regular,
  Mic24Regular,
} from '@fluentui/react-icons';
import { call } from '../../platform/bridge';
import { sortedMembers, sortedStaff } from '../../data/queries';
import { editMeeting, removeMeeting, useMeeting } from './data';
import { minutesDueFor, minutesOverdue } from './due';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { dateOrDash, meetingDate, meetingTitle } from '../../ui/format';
import { NotFoundScreen } from '../../app/NotFoundScreen';
import { DISCLOSURES, MEETING_FORMATS, MEETING_STATUSES, type Council, type Meeting } from '../../../../shared/domain';
import { daysBetween, todayInTokyo } from '../../../../shared/wareki';
import { AttendanceSection } from './AttendanceSection';
import { AgendaSection } from './AgendaSection';
import { UndoBar } from '../../ui/UndoBar';
import { undoScope } from '../../data/undo';
import { MaterialsSection } from './MaterialsSection';
import { CommitInput } from '../../ui/CommitInput';
import { MeetingStatusBadge, venueLines } from './MeetingStatusBadge';
import { SavedFileBar, useExport } from '../../ui/exporting';
import { ReadOnlyArea, ReadOnlyNotice, useCouncilAccess } from '../sync';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap', marginBottom: '12px' },
  actions: { marginLeft: 'auto', display: 'flex', gap: '8px', flexWrap: 'wrap' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: '12px' },
  wide: { gridColumn: '1 / -1' },
  cols: {
    display: 'grid',
    gridTemplateColumns: 'minmax(420px, 1fr) minmax(420px, 1fr)',
    gap: '16px',
    alignItems: 'start',
  },
});

function Basics({ council, meeting }: { council: Council; meeting: Meeting }) {
  const s = useStyles();
  const notify = useNotify();
  const save = (patch: Partial<Meeting> | ((m: Meeting) => Partial<Meeting>)) =>
    editMeeting(meeting.id, typeof patch === 'function' ? patch : () => patch).catch((e) =>
      notify.error(e, '会議を保存できませんでした'),
    );
  const timeError =
    meeting.startTime && meeting.endTime && meeting.endTime <= meeting.startTime
      ? '終了時刻は開始時刻より後にしてください。'
      : undefined;
  const today = todayInTokyo();
  const overdue = minutesOverdue(meeting, today);
  return (
    <Section title="開催の概要">
      <div className={s.grid}>
        <Field label="開催日" hint={meeting.date ? meetingDate(meeting) : '未定（日程調整中）'}>
          <Input
            type="date"
            value={meeting.date ?? ''}
            onChange={(_, d) =>
              void save((m) => {
                const date = d.value || null;
                // The due date follows the meeting date unless it was set by hand.
                const followed = m.minutesDue === minutesDueFor(council, m.date);
                return { date, ...(followed ? { minutesDue: minutesDueFor(council, date) } : {}) };
              })
            }
          />
        </Field>
        <Field label="開始時刻">
          <Input
            type="time"
            value={meeting.startTime ?? ''}
            onChange={(_, d) => void save({ startTime: d.value || null })}
          />
        </Field>
        <Field label="終了時刻" validationMessage={timeError}>
          <Input
            type="time"
            value={meeting.endTime ?? ''}
            onChange={(_, d) => void save({ endTime: d.value || null })}
          />
        </Field>
        <Field label="開催形式">
          <Dropdown
            value={meeting.format}
            selectedOptions={[meeting.format]}
            onOptionSelect={(_, d) => void save({ format: d.optionValue as Meeting['format'] })}
          >
            {MEETING_FORMATS.map((f) => (
              <Option key={f} value={f}>
                {f}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field
          label="開催場所"
          hint="1行に1か所（例：オンライン（委員）／市役所7階委員会室（事務局））"
          className={s.wide}
        >
          <CommitInput
            multiline
            aria-label="開催場所"
            value={meeting.venues.join('\n')}
            onCommit={(v) => save({ venues: venueLines(v) })}
          />
        </Field>
        <Field label="状態">
          <Dropdown
            value={meeting.status}
            selectedOptions={[meeting.status]}
            onOptionSelect={(_, d) => void save({ status: d.optionValue as Meeting['status'], statusSetByUser: true })}
          >
            {MEETING_STATUSES.map((st) => (
              <Option key={st} value={st}>
                {st}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field
          label="会議録の期限"
          hint={`開催日の${council.minutesDueDays}日後が初期値`}
          validationState={overdue ? 'warning' : 'none'}
          validationMessage={
            overdue
              ? `期限を${daysBetween(meeting.minutesDue!, today)}日過ぎています`
              : meeting.minutesDue
                ? dateOrDash(meeting.minutesDue)
                : undefined
          }
        >
          <Input
            type="date"
            value={meeting.minutesDue ?? ''}
            onChange={(_, d) => void save({ minutesDue: d.value || null })}
          />
        </Field>
        <Field label="公開・非公開">
          <Dropdown
            value={meeting.disclosure}
            selectedOptions={[meeting.disclosure]}
            onOptionSelect={(_, d) => void save({ disclosure: d.optionValue as Meeting['disclosure'] })}
          >
            {DISCLOSURES.map((x) => (
              <Option key={x} value={x}>
                {x}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="傍聴者数">
          <Input
            type="number"
            min={0}
            value={String(meeting.observers)}
            contentAfter="人"
            onChange={(_, d) => {
              const n = Number(d.value);
              if (Number.isInteger(n) && n >= 0) void save({ observers: n });
            }}
          />
        </Field>
        {meeting.disclosure !== '公開' ? (
          <Field
            label="非公開とする理由"
            className={s.wide}
            hint="会議録の「公開・非公開の別」に載ります"
            validationState={meeting.disclosureReason.trim() ? 'none' : 'warning'}
            validationMessage={meeting.disclosureReason.trim() ? undefined : '理由を入力してください'}
          >
            <CommitInput
              aria-label="非公開とする理由"
              value={meeting.disclosureReason}
              onCommit={(v) => save({ disclosureReason: v.trim() })}
            />
          </Field>
        ) : null}
      </div>
    </Section>
  );
}

export function MeetingPage({ council }: { council: Council }) {
  const s = useStyles();
  const { meetingId = '' } = useParams();
  const navigate = useNavigate();
  const meeting = useMeeting(meetingId);
  const members = useLiveQuery(() => sortedMembers(council.id), [council.id]);
  const staff = useLiveQuery(() => sortedStaff(council.id), [council.id]);
  const exporter = useExport({ bar: true });
  const notify = useNotify();
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Team use: a member who only reads the council (閲覧のみ) sees the meeting without its editing controls.
  const { readOnly } = useCouncilAccess(council.id);
  if (meeting === undefined || !members || !staff) return <Spinner label="読み込み中…" />;
  if (meeting === null || meeting.councilId !== council.id) return <NotFoundScreen what="会議" />;

  return (
    <>
      <div className={s.head}>
        <Button
          appearance="subtle"
          icon={<ArrowLeft24Regular />}
          onClick={() => navigate(`/councils/${council.id}/meetings`)}
        >
          会議一覧
        </Button>
        <Text as="h2" size={600} weight="semibold">
          {meetingTitle(meeting)} 会議
        </Text>
        <MeetingStatusBadge status={meeting.status} />
        <Text style={{ color: tokens.colorNeutralForeground3 }}>{meetingDate(meeting)}</Text>
        <div className={s.actions}>
          <Button icon={<Mic24Regular />} onClick={() => navigate(`/meetings/${meeting.id}/live`)}>
            記録（ライブ）
          </Button>
          <Button icon={<DocumentText24Regular />} onClick={() => navigate(`/meetings/${meeting.id}/minutes`)}>
            会議録
          </Button>
          <Button
            appearance="primary"
            icon={<DocumentArrowDown24Regular />}
            disabled={exporter.busy !== null}
            onClick={() => void exporter.run('会議次第', () => call('meeting:export:agenda', { council, meeting }))}
          >
            次第を出力
          </Button>
          {readOnly ? null : (
            <Button appearance="subtle" icon={<Delete24Regular />} onClick={() => setConfirmDelete(true)}>
              削除
            </Button>
          )}
        </div>
      </div>
      <ReadOnlyNotice readOnly={readOnly} what="会議（概要・出欠・次第・資料）" />
      <SavedFileBar saved={exporter.saved} onClose={exporter.clear} />
      <UndoBar scope={undoScope.meeting(meeting.id)} />
      <Dialog open={confirmDelete} onOpenChange={(_, d) => setConfirmDelete(d.open)}>
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>{meetingTitle(meeting)}の会議を削除</DialogTitle>
            <DialogContent>
              出欠・次第・配布資料（添付ファイルを含む）も削除します。発言や意見が記録された会議は削除できません。この操作は取り消せません。
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirmDelete(false)}>キャンセル</Button>
              <Button
                appearance="primary"
                onClick={async () => {
                  try {
                    const files = await removeMeeting(meeting.id);
                    for (const storedName of files)
                      await call('attachment:remove:file', { storedName }).catch(() => {});
                    notify.success('会議を削除しました', meetingTitle(meeting));
                    navigate(`/councils/${council.id}/meetings`);
                  } catch (error) {
                    notify.error(error, '会議を削除できませんでした');
                    setConfirmDelete(false);
                  }
                }}
              >
                削除
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <ReadOnlyArea readOnly={readOnly}>
        <Basics council={council} meeting={meeting} />
        <div className={s.cols}>
          <AttendanceSection council={council} meeting={meeting} members={members} staff={staff} />
          <div>
            <AgendaSection meeting={meeting} digits={council.publication.digitWidth} />
            <MaterialsSection meeting={meeting} />
          </div>
        </div>
      </ReadOnlyArea>
    </>
  );
}
