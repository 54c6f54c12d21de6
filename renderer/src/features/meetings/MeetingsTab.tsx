/** 会議: the list (index), the 会議開催計画 (plan) and one meeting's page (:meetingId/*). */
import { useEffect, useState, type FormEvent } from 'react';
import { useLiveQuery } from '../../data/live';
import { Route, Routes, useNavigate } from 'react-router-dom';
import {
  Button,
  Field,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Option,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from '@fluentui/react-components';
import { Dropdown } from '../../ui/select';
import { Add24Regular, CalendarLtr24Regular, TableArrowUp24Regular } from '@fluentui/react-icons';
import { sortedMeetings, sortedMembers } from '../../data/queries';
import { addMeeting, nextNumber, settleHeld } from './data';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/EmptyState';
import { meetingDate, meetingTime, meetingTitle } from '../../ui/format';
import { onAttendanceSheet, presentCount } from '../../../../shared/quorum';
import { fiscalYearOf, formatFiscalYear } from '../../../../shared/wareki';
import { MEETING_FORMATS, type Council, type Meeting } from '../../../../shared/domain';
import { MeetingPage } from './MeetingPage';
import { MeetingPlan } from './MeetingPlan';
import { MeetingStatusBadge, venueLines } from './MeetingStatusBadge';
import { SavedFileBar, useExport } from '../../ui/exporting';
import type { CouncilTabProps } from '../../app/councilTabs';
import { call } from '../../platform/bridge';
import { FormDialog, TWO_COLUMNS } from '../../ui/FormDialog';
import { ReadOnlyNotice, useCouncilAccess } from '../sync';

export { MeetingStatusBadge };

function NewMeetingButton({ council }: { council: Council }) {
  const navigate = useNavigate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [number, setNumber] = useState('1');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [venues, setVenues] = useState('');
  const [format, setFormat] = useState<Meeting['format']>('対面');
  const [touched, setTouched] = useState(false);
  const n = Number(number);
  const numberError = touched && !(Number.isInteger(n) && n >= 1) ? '1以上の整数を入力してください。' : undefined;
  const timeError = start && end && end <= start ? '終了時刻は開始時刻より後にしてください。' : undefined;

  const openDialog = async () => {
    setNumber(String(await nextNumber(council.id)));
    setDate('');
    setStart('');
    setEnd('');
    setVenues('');
    setFormat('対面');
    setTouched(false);
    setOpen(true);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!(Number.isInteger(n) && n >= 1) || timeError) return;
    try {
      const meeting = await addMeeting(council, {
        number: n,
        date: date || null,
        startTime: start || null,
        endTime: end || null,
        venues: venueLines(venues),
        format,
      });
      setOpen(false);
      notify.success('会議を作成しました', `${meetingTitle(meeting)} ${meetingDate(meeting)}`);
      navigate(`/councils/${council.id}/meetings/${meeting.id}`);
    } catch (error) {
      notify.error(error, '会議を作成できませんでした');
    }
  };
  return (
    <>
      <Button appearance="primary" icon={<Add24Regular />} onClick={() => void openDialog()}>
        新しい会議
      </Button>
      <FormDialog
        open={open}
        onOpenChange={setOpen}
        title="新しい会議を作成"
        submitLabel="作成"
        onSubmit={submit}
        contentStyle={TWO_COLUMNS}
      >
        <Field label="回（第N回）" validationMessage={numberError}>
          <Input type="number" min={1} value={number} onChange={(_, d) => setNumber(d.value)} />
        </Field>
        <Field label="開催日" hint="未定なら空欄（日程調整中）">
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Field label="開始時刻">
          <Input type="time" value={start} onChange={(_, d) => setStart(d.value)} />
        </Field>
        <Field label="終了時刻" validationMessage={timeError}>
          <Input type="time" value={end} onChange={(_, d) => setEnd(d.value)} />
        </Field>
        <Field
          label="開催場所"
          hint="1行に1か所（例：オンライン（委員）／市役所7階委員会室（事務局））"
          style={{ gridColumn: '1 / -1' }}
        >
          <Textarea value={venues} onChange={(_, d) => setVenues(d.value)} rows={2} />
        </Field>
        <Field label="開催形式">
          <Dropdown
            value={format}
            selectedOptions={[format]}
            onOptionSelect={(_, d) => setFormat(d.optionValue as Meeting['format'])}
          >
            {MEETING_FORMATS.map((f) => (
              <Option key={f} value={f}>
                {f}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </FormDialog>
    </>
  );
}

function MeetingList({ council }: CouncilTabProps) {
  const navigate = useNavigate();
  const meetings = useLiveQuery(() => sortedMeetings(council.id), [council.id]);
  const members = useLiveQuery(() => sortedMembers(council.id), [council.id]);
  const exporter = useExport({ bar: true });
  // Team use: a member who only reads the council (閲覧のみ) creates and changes no meeting.
  const { readOnly } = useCouncilAccess(council.id);
  // Held meetings (remarks recorded, or the date passed) move from 予定 to 開催済 when the list loads.
  useEffect(() => {
    if (!readOnly) settleHeld(council.id).catch(() => undefined);
  }, [council.id, readOnly]);
  if (!meetings || !members) return null;
  const open = (m: Meeting) => navigate(`/councils/${council.id}/meetings/${m.id}`);
  // Members are paid per attendance by fiscal year: one sheet per 年度, or all meetings.
  const recorded = meetings.filter(onAttendanceSheet);
  const years = [...new Set(recorded.filter((m) => m.date).map((m) => fiscalYearOf(m.date!)))].sort();
  const exportAttendance = (fiscalYear: number | null) =>
    exporter.run('出欠表', () =>
      call('attendance:export:xlsx', {
        council,
        members,
        meetings:
          fiscalYear === null ? recorded : recorded.filter((m) => m.date && fiscalYearOf(m.date) === fiscalYear),
        fileLabel: fiscalYear === null ? '' : formatFiscalYear(fiscalYear),
      }),
    );
  return (
    <>
      <ReadOnlyNotice readOnly={readOnly} what="会議" />
      <SavedFileBar saved={exporter.saved} onClose={exporter.clear} />
      <Section
        title={`会議（${meetings.length}回）`}
        actions={
          <>
            <Button icon={<CalendarLtr24Regular />} onClick={() => navigate(`/councils/${council.id}/meetings/plan`)}>
              会議開催計画
            </Button>
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button icon={<TableArrowUp24Regular />} disabled={exporter.busy !== null || members.length === 0}>
                  出欠表を出力
                </Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {years.map((y) => (
                    <MenuItem key={y} onClick={() => void exportAttendance(y)}>
                      {formatFiscalYear(y)}の会議
                    </MenuItem>
                  ))}
                  <MenuItem onClick={() => void exportAttendance(null)}>すべての会議</MenuItem>
                </MenuList>
              </MenuPopover>
            </Menu>
            {readOnly ? null : <NewMeetingButton council={council} />}
          </>
        }
      >
        {meetings.length === 0 ? (
          <EmptyState title="会議が登録されていません">
            「新しい会議」で会議を作成すると、第1回から順に番号が付きます。開催日時・場所・次第・配布資料を入力し、当日は出欠と発言を記録します。
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
                <TableRow
                  key={m.id}
                  onClick={() => open(m)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !e.nativeEvent.isComposing) open(m);
                  }}
                  style={{ cursor: 'pointer' }}
                >
                  <TableCell tabIndex={0}>
                    <TableCellLayout>{meetingTitle(m)}</TableCellLayout>
                  </TableCell>
                  <TableCell>{meetingDate(m)}</TableCell>
                  <TableCell>{meetingTime(m)}</TableCell>
                  <TableCell>{m.venues.join('、') || '—'}</TableCell>
                  <TableCell>
                    {m.attendance.length ? `${presentCount(m.attendance)}/${m.attendance.length}人` : '—'}
                  </TableCell>
                  <TableCell>
                    <MeetingStatusBadge status={m.status} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
    </>
  );
}

export function MeetingsTab({ council }: CouncilTabProps) {
  return (
    <Routes>
      <Route index element={<MeetingList council={council} />} />
      <Route path="plan" element={<MeetingPlan council={council} />} />
      <Route path=":meetingId/*" element={<MeetingPage council={council} />} />
    </Routes>
  );
}
