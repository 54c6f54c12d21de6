/**
 * 前回の主な意見と対応: for a coming meeting, the chosen previous meeting's opinions with
 * the responses, by field or by the meeting's themes (its 議題) — as seed 002 carries 主なご意見
 * into the next meeting's material. The preview uses the same grouping and the same meeting
 * choice as the Word handout main writes (handoutGroups with meetingIds, withAnswered), so
 * what is on screen is what is printed. Theme choices are kept per meeting.
 */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from '../../data/live';
import { Badge, Button, Field, Radio, RadioGroup, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { DocumentRegular } from '@fluentui/react-icons';
import { sortedMeetings } from '../../data/queries';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/EmptyState';
import { meetingDate, meetingTitle } from '../../ui/format';
import type { Council } from '../../../../shared/domain';
import {
  handoutGroups,
  meetingLabel,
  previousMeeting,
  statusText,
  type HandoutGrouping,
} from '../../../../shared/opinions';
import { councilOpinions, loadThemes, saveThemes } from './data/index';
import { useOpinionExport } from './ExportMenu';

export function HandoutView({ council }: { council: Council }) {
  const notify = useNotify();
  const meetings = useLiveQuery(() => sortedMeetings(council.id), [council.id]);
  const opinions = useLiveQuery(() => councilOpinions(council.id), [council.id]);
  const [meetingId, setMeetingId] = useState('');
  const [grouping, setGrouping] = useState<HandoutGrouping>('field');
  /** The 前回 the handout speaks of ('' = the meeting just before, as main defaults). */
  const [prevChoice, setPrevChoice] = useState('');
  const [themes, setThemes] = useState<Record<string, string>>({});
  const { run, busy, dialog } = useOpinionExport(council.id);

  useEffect(() => {
    if (meetingId || !meetings?.length) return;
    const next = meetings.find((m) => m.status === '予定' && m.number > 1) ?? meetings[meetings.length - 1];
    if (next) setMeetingId(next.id);
  }, [meetings, meetingId]);
  useEffect(() => {
    if (meetingId) loadThemes(meetingId).then(setThemes, () => setThemes({}));
  }, [meetingId]);

  const target = meetings?.find((m) => m.id === meetingId);
  const earlier = useMemo(
    () => (target && meetings ? meetings.filter((m) => m.number < target.number) : []),
    [target, meetings],
  );
  const previous =
    earlier.find((m) => m.id === prevChoice) ?? (target && meetings ? previousMeeting(meetings, target) : null);
  const groups = useMemo(
    () =>
      target && meetings && opinions && previous
        ? handoutGroups(opinions, meetings, target, council, grouping, themes, {
            meetingIds: [previous.id],
            withAnswered: true,
          })
        : [],
    [target, meetings, opinions, council, grouping, themes, previous],
  );
  if (!meetings || !opinions) return null;
  if (!meetings.length)
    return (
      <EmptyState title="会議がありません">
        会議を登録すると、次の会議に向けて前回までの主な意見と対応をまとめた資料を作れます。
      </EmptyState>
    );
  const agenda = target?.agenda.filter((a) => a.kind === '議題') ?? [];
  const setTheme = (opinionId: string, agendaId: string) => {
    const next = { ...themes, [opinionId]: agendaId };
    if (!agendaId) delete next[opinionId];
    setThemes(next);
    if (meetingId) saveThemes(meetingId, next).catch((e) => notify.error(e, '保存できませんでした'));
  };
  const count = groups.reduce((n, g) => n + g.opinions.length, 0);

  return (
    <>
      {dialog}
      <div style={{ display: 'flex', gap: 16, alignItems: 'end', flexWrap: 'wrap', marginBottom: 12 }}>
        <Field label="資料を配る会議">
          <Select
            value={meetingId}
            onChange={(_, d) => {
              setMeetingId(d.value);
              setPrevChoice('');
            }}
          >
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {meetingTitle(m)}（{meetingDate(m)}）
              </option>
            ))}
          </Select>
        </Field>
        <Field label="前回（取り上げる会議）">
          <Select value={previous?.id ?? ''} disabled={!earlier.length} onChange={(_, d) => setPrevChoice(d.value)}>
            {earlier.length ? null : <option value="">（前の会議がありません）</option>}
            {earlier.map((m) => (
              <option key={m.id} value={m.id}>
                {meetingTitle(m)}（{meetingDate(m)}）
              </option>
            ))}
          </Select>
        </Field>
        <Field label="まとめ方">
          <RadioGroup layout="horizontal" value={grouping} onChange={(_, d) => setGrouping(d.value as HandoutGrouping)}>
            <Radio value="field" label="分野ごと" />
            <Radio value="theme" label="検討テーマ（議題）ごと" disabled={!agenda.length} />
          </RadioGroup>
        </Field>
        <Button
          appearance="primary"
          icon={busy ? <Spinner size="tiny" /> : <DocumentRegular />}
          disabled={!target || !previous || busy}
          onClick={() =>
            void run(
              {
                kind: 'handout',
                format: 'docx',
                handout: { meetingId, grouping, themes },
                forMeetingId: meetingId,
                meetingIds: previous ? [previous.id] : undefined,
              },
              true,
            )
          }
        >
          Word で出力
        </Button>
      </div>
      <Text block style={{ marginBottom: 12, color: tokens.colorNeutralForeground2 }}>
        {target && previous
          ? `${meetingTitle(target)}で配る資料：${meetingTitle(previous)}で出た主な意見と対応 ${count}件`
          : ''}
        {grouping === 'theme'
          ? '。各意見の検討テーマを選ぶと、その議題の下にまとまります（選ばない意見は「その他」）。'
          : ''}
      </Text>
      {groups.length === 0 ? (
        <EmptyState title="取り上げる意見がありません">
          {previous
            ? `${meetingTitle(previous)}で出た意見はまだ登録されていません。`
            : '資料を配る会議より前の会議がありません。'}
        </EmptyState>
      ) : (
        groups.map((g) => (
          <Section key={g.key || 'other'} title={`${g.title}（${g.opinions.length}件）`}>
            <ul
              style={{ margin: 0, paddingLeft: 20, display: 'flex', flexDirection: 'column', gap: 6 }}
              aria-label={g.title}
            >
              {g.opinions.map((o) => (
                <li key={o.id}>
                  <Text>{o.summary}</Text>
                  {o.nonPublic ? (
                    <Badge appearance="filled" size="small" color="danger" style={{ marginLeft: 4 }}>
                      非公開（資料に載りません）
                    </Badge>
                  ) : null}
                  <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
                    （{meetingLabel(o.meetingId, { meetings })}・{statusText(o)}）
                  </Text>
                  {o.response ? (
                    <Text block size={200}>
                      ⇒ {o.response}
                    </Text>
                  ) : null}
                  {grouping === 'theme' ? (
                    <Select
                      size="small"
                      aria-label="検討テーマ"
                      value={themes[o.id] ?? ''}
                      onChange={(_, d) => setTheme(o.id, d.value)}
                      style={{ maxWidth: 360, marginTop: 4 }}
                    >
                      <option value="">その他</option>
                      {agenda.map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.title}
                        </option>
                      ))}
                    </Select>
                  ) : null}
                </li>
              ))}
            </ul>
          </Section>
        ))
      )}
    </>
  );
}
