/** 出欠: per member 出席 / オンライン出席 / 欠席, the quorum live, the chair of the day, staff present, other attendees. */
import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
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
import { Section } from '../../ui/Section';
import { editMeeting } from './data';
import { useNotify } from '../../app/notify';
import { memberTitle, staffLines, staffTitle } from '../../../../shared/people';
import { membersInOffice, quorumRuleText, quorumStatus, suggestedChair } from '../../../../shared/quorum';
import { councilChair } from '../../../../shared/offices';
import {
  ATTENDANCE,
  type Attendance,
  type Council,
  type Meeting,
  type Member,
  type Staff,
} from '../../../../shared/domain';
import { CommitInput, Row } from '../../ui/CommitInput';
import { Combobox } from '../../ui/select';
import { randomId } from '../../../../shared/factory';
import { staffGroup } from '../../../../shared/minutes/others';

/** Groups offered for other attendees (any other may be typed). */
const OTHER_GROUPS = ['説明員', '幹事', '報道関係', 'オブザーバー', '関係者'];

/** The group of an other attendee: one of the usual ones or typed; saved when left (never empty). */
function GroupInput({ label, value, onCommit }: { label: string; value: string; onCommit(v: string): unknown }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = (v: string) => {
    const t = v.trim();
    if (t && t !== value) void onCommit(t);
    else setText(value);
  };
  return (
    <Combobox
      freeform
      aria-label={label}
      value={text}
      style={{ minWidth: 0, width: 140 }}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => commit(text)}
      onOptionSelect={(_, d) => {
        if (d.optionText) {
          setText(d.optionText);
          commit(d.optionText);
        }
      }}
    >
      {OTHER_GROUPS.map((g) => (
        <Option key={g}>{g}</Option>
      ))}
    </Combobox>
  );
}

export function AttendanceSection({
  council,
  meeting,
  members,
  staff,
}: {
  council: Council;
  meeting: Meeting;
  members: Member[];
  staff: Staff[];
}) {
  const notify = useNotify();
  const counted = membersInOffice(members, meeting.date);
  const listed = members.filter((m) => counted.includes(m) || meeting.attendance.some((a) => a.memberId === m.id));
  const status = new Map(meeting.attendance.map((a) => [a.memberId, a.status]));
  const q = quorumStatus(council.quorum, counted, meeting.attendance);
  const president = councilChair(members);
  const chairId = meeting.chairMemberId ?? president?.id ?? null;
  const chair = members.find((m) => m.id === chairId) ?? null;
  const suggestion = suggestedChair(listed, meeting.attendance);
  const presidentAbsent = president ? status.get(president.id) === '欠席' : false;
  const chairAbsent = chair ? status.get(chair.id) === '欠席' : false;

  const save = (change: (m: Meeting) => Partial<Meeting>) =>
    editMeeting(meeting.id, change).catch((e) => notify.error(e, '出欠を保存できませんでした'));
  const mark = (memberId: string, s: Attendance['status']) =>
    save((m) => ({
      attendance: [...m.attendance.filter((a) => a.memberId !== memberId), { memberId, status: s }].sort(
        (a, b) => members.findIndex((x) => x.id === a.memberId) - members.findIndex((x) => x.id === b.memberId),
      ),
    }));
  const markAll = (s: Attendance['status'] | null) =>
    save(() => ({ attendance: s ? listed.map((m) => ({ memberId: m.id, status: s })) : [] }));

  return (
    <Section
      title="出欠"
      actions={
        <>
          <Button size="small" onClick={() => void markAll('出席')}>
            全員出席
          </Button>
          <Button size="small" onClick={() => void markAll('オンライン出席')}>
            全員オンライン出席
          </Button>
          <Button size="small" appearance="subtle" onClick={() => void markAll(null)}>
            出欠をクリア
          </Button>
        </>
      }
    >
      <MessageBar
        intent={q.quorate ? 'success' : 'warning'}
        aria-label="定足数"
        aria-live="polite"
        style={{ marginBottom: 10 }}
      >
        <MessageBarBody>
          <MessageBarTitle>{q.quorate ? '定足数を満たしています' : '定足数に達していません'}</MessageBarTitle>
          出席 {q.present}人／定足数 {q.required}人（委員{q.memberCount}人・{quorumRuleText(council.quorum)}）
          {q.quorate ? '' : `　あと${q.short}人の出席が必要です`}
        </MessageBarBody>
      </MessageBar>
      {listed.length === 0 ? (
        <Text>委員が登録されていません。「委員」タブで名簿を登録してください。</Text>
      ) : (
        <Table size="small" aria-label="委員の出欠">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: 170 }}>委員</TableHeaderCell>
              <TableHeaderCell>出欠</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {listed.map((m) => (
              <TableRow key={m.id}>
                <TableCell>
                  {memberTitle(m)}
                  {counted.includes(m) ? null : (
                    <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
                      （任期外）
                    </Text>
                  )}
                </TableCell>
                <TableCell>
                  <RadioGroup
                    layout="horizontal"
                    aria-label={`${m.name}の出欠`}
                    value={status.get(m.id) ?? ''}
                    onChange={(_, d) => void mark(m.id, d.value as Attendance['status'])}
                  >
                    {ATTENDANCE.map((s) => (
                      <Radio key={s} value={s} label={s} style={{ whiteSpace: 'nowrap' }} />
                    ))}
                  </RadioGroup>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <div style={{ marginTop: 14, display: 'flex', flexDirection: 'column', gap: 8 }}>
        {presidentAbsent && suggestion && suggestion.id !== chairId ? (
          <MessageBar intent="info" aria-label="議事進行">
            <MessageBarBody>
              {memberTitle(president!)}が欠席のため、{memberTitle(suggestion)}が議事進行を行うのが通例です。
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void save(() => ({ chairMemberId: suggestion.id }))}>
                {memberTitle(suggestion)}を議長にする
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {chairAbsent && !(presidentAbsent && suggestion && suggestion.id !== chairId) ? (
          <MessageBar intent="warning">
            <MessageBarBody>
              議長（{memberTitle(chair!)}）が欠席になっています。議事進行する委員を選んでください。
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <Row>
          <Field label="議長（議事進行）" orientation="horizontal">
            <Dropdown
              value={chair ? memberTitle(chair) : '未定'}
              selectedOptions={chairId ? [chairId] : []}
              onOptionSelect={(_, d) =>
                void save(() => ({ chairMemberId: d.optionValue === president?.id ? null : (d.optionValue ?? null) }))
              }
              aria-label="議長（議事進行）"
            >
              {listed.map((m) => (
                <Option key={m.id} value={m.id} text={memberTitle(m)}>
                  {memberTitle(m)}
                  {status.get(m.id) === '欠席' ? '（欠席）' : ''}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </Row>
      </div>

      <div style={{ marginTop: 14 }}>
        <Row>
          <Text weight="semibold">出席した事務局職員</Text>
          {staff.length ? (
            <Button
              size="small"
              appearance="subtle"
              onClick={() => void save(() => ({ staffPresent: staff.map((x) => x.id) }))}
            >
              全員を選ぶ
            </Button>
          ) : null}
        </Row>
        {staff.length === 0 ? (
          <Text>事務局職員は「委員」タブで登録できます。</Text>
        ) : (
          <Row gap={4}>
            {staff.map((s) => (
              <Checkbox
                key={s.id}
                label={`${s.department ? `【${s.department}】` : ''}${staffTitle(s)}`}
                checked={meeting.staffPresent.includes(s.id)}
                onChange={(_, d) =>
                  void save((m) => ({
                    staffPresent: staff
                      .filter((x) => (x.id === s.id ? !!d.checked : m.staffPresent.includes(x.id)))
                      .map((x) => x.id),
                  }))
                }
              />
            ))}
          </Row>
        )}
        {meeting.staffPresent.length ? (
          <Text size={200} block style={{ color: tokens.colorNeutralForeground3, marginTop: 4 }}>
            会議録での表記：
            {staffLines(staff.filter((s) => meeting.staffPresent.includes(s.id) && !staffGroup(s))).join('　')}
          </Text>
        ) : null}
      </div>

      <div style={{ marginTop: 14 }} role="group" aria-label="その他の出席者">
        <Row>
          <Text weight="semibold">その他の出席者（説明員・報道関係など）</Text>
          <Button
            size="small"
            appearance="subtle"
            onClick={() =>
              void save((m) => ({
                otherAttendees: [...(m.otherAttendees ?? []), { id: randomId(), group: '説明員', text: '' }],
              }))
            }
          >
            出席者を追加
          </Button>
        </Row>
        {(meeting.otherAttendees ?? []).map((o, i) => {
          const patch = (p: Partial<typeof o>) =>
            save((m) => ({
              otherAttendees: (m.otherAttendees ?? []).map((x) => (x.id === o.id ? { ...x, ...p } : x)),
            }));
          return (
            <Row key={o.id} gap={4}>
              <GroupInput label={`${i + 1}人目の区分`} value={o.group} onCommit={(group) => patch({ group })} />
              <CommitInput
                aria-label={`${i + 1}人目の所属・氏名`}
                placeholder="所属・氏名（例：都市計画課　山田課長）、報道関係は「2社」など"
                style={{ flex: 1 }}
                value={o.text}
                onCommit={(text) => patch({ text })}
              />
              <Button
                size="small"
                appearance="subtle"
                aria-label={`${i + 1}人目を削除`}
                onClick={() =>
                  void save((m) => ({ otherAttendees: (m.otherAttendees ?? []).filter((x) => x.id !== o.id) }))
                }
              >
                削除
              </Button>
            </Row>
          );
        })}
        <Text size={200} block style={{ color: tokens.colorNeutralForeground3, marginTop: 4 }}>
          区分つきで登録した職員（「委員」タブの職員の区分）は、出席した事務局職員で選ぶと会議録ではその区分に載ります。
        </Text>
      </div>
    </Section>
  );
}
