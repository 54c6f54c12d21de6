/**
 * 「会議の記録から取り込む」: a meeting's remarks with checkboxes; the checked ones become
 * opinions (linked to their remark). Usable from other screens:
 *   <PromoteRemarksDialog councilId={…} meetingId={…} initialSelection={[remarkId…]} open={…} onClose={…} />
 * or, without the dialog, promoteRemarksToOpinions(remarkIds) from ./data.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useNotify } from '../../app/notify';
import { meetingTitle } from '../../ui/format';
import { PROMOTABLE_KINDS } from '../../../../shared/opinions';
import type { Remark } from '../../../../shared/domain';
import { speakerLabel } from '../../../../shared/speakers';
import {
  promoteRemarksToOpinions,
  useCouncil,
  useCouncilMeetings,
  useCouncilMembers,
  useCouncilStaff,
  useMeetingRemarks,
  usePromotedRemarkIds,
} from './data/index';

export function PromoteRemarksDialog({
  councilId,
  meetingId: initialMeeting,
  initialSelection,
  open,
  onClose,
  onDone,
}: {
  councilId: string;
  meetingId?: string | null;
  /** Remarks to check when the dialog opens (e.g. those selected in the live notes). */
  initialSelection?: string[];
  open: boolean;
  onClose: () => void;
  onDone?: (count: number) => void;
}) {
  const notify = useNotify();
  const meetings = useCouncilMeetings(councilId);
  const members = useCouncilMembers(councilId);
  const staff = useCouncilStaff(councilId);
  const council = useCouncil(councilId);
  const [meetingId, setMeetingId] = useState<string>(initialMeeting ?? '');
  const [allKinds, setAllKinds] = useState(false);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setChecked(new Set(initialSelection ?? []));
    if (initialMeeting) setMeetingId(initialMeeting);
  }, [open, initialMeeting, initialSelection]);
  // Default to the latest meeting that has remarks.
  useEffect(() => {
    if (!open || meetingId || !meetings.length) return;
    const held = [...meetings].reverse().find((m) => m.status !== '予定') ?? meetings[0];
    if (held) setMeetingId(held.id);
  }, [open, meetingId, meetings]);

  const remarks = useMeetingRemarks(meetingId);
  const promoted = usePromotedRemarkIds(meetingId);
  const meeting = meetings.find((m) => m.id === meetingId);
  const shown = useMemo(
    () => remarks.filter((r) => r.text.trim() && (allKinds || PROMOTABLE_KINDS.includes(r.kind))),
    [remarks, allKinds],
  );
  const selectable = shown.filter((r) => !promoted.has(r.id));
  const fieldName = (id: string | null) => council?.fields.find((f) => f.id === id)?.name ?? '';
  const who = (r: Remark) =>
    speakerLabel(r.speaker, { members, staff, chairMemberId: meeting?.chairMemberId ?? null }, 'name');

  const pending = [...checked].filter((id) => !promoted.has(id));
  const toggle = (id: string, on: boolean) =>
    setChecked((c) => {
      const n = new Set(c);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  const submit = async () => {
    setBusy(true);
    try {
      const created = await promoteRemarksToOpinions(pending);
      notify.success(`${created.length}件の意見を取り込みました`);
      onDone?.(created.length);
      onClose();
    } catch (e) {
      notify.error(e, '取り込めませんでした');
    } finally {
      setBusy(false);
    }
  };
  const allOn = selectable.length > 0 && selectable.every((r) => checked.has(r.id));

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (!d.open) onClose();
      }}
    >
      <DialogSurface style={{ maxWidth: 860 }}>
        <DialogBody>
          <DialogTitle>会議の記録から取り込む</DialogTitle>
          <DialogContent>
            <div style={{ display: 'flex', gap: 16, alignItems: 'end', flexWrap: 'wrap', marginBottom: 12 }}>
              <Field label="会議">
                <Select
                  value={meetingId}
                  onChange={(_, d) => {
                    setMeetingId(d.value);
                    setChecked(new Set());
                  }}
                >
                  {meetings.map((m) => (
                    <option key={m.id} value={m.id}>
                      {meetingTitle(m)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Switch
                label="意見・発言・質問以外の記録も表示"
                checked={allKinds}
                onChange={(_, d) => setAllKinds(d.checked)}
              />
              <Checkbox
                label="すべて選択"
                checked={allOn ? true : checked.size ? 'mixed' : false}
                disabled={!selectable.length}
                onChange={(_, d) => setChecked(d.checked === true ? new Set(selectable.map((r) => r.id)) : new Set())}
              />
            </div>
            {shown.length === 0 ? (
              <Text>この会議には取り込める記録がありません。</Text>
            ) : (
              <ul
                aria-label="会議の記録"
                style={{
                  listStyle: 'none',
                  margin: 0,
                  padding: 0,
                  maxHeight: 420,
                  overflowY: 'auto',
                  display: 'flex',
                  flexDirection: 'column',
                  gap: 4,
                }}
              >
                {shown.map((r) => {
                  const done = promoted.has(r.id);
                  return (
                    <li
                      key={r.id}
                      style={{ display: 'flex', gap: 8, alignItems: 'flex-start', opacity: done ? 0.6 : 1 }}
                    >
                      <Checkbox
                        aria-label={r.text.slice(0, 60)}
                        checked={done || checked.has(r.id)}
                        disabled={done}
                        onChange={(_, d) => toggle(r.id, d.checked === true)}
                      />
                      <div style={{ paddingTop: 6 }}>
                        <Badge appearance="outline" size="small">
                          {r.kind}
                        </Badge>{' '}
                        {who(r) ? (
                          <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
                            {who(r)}　
                          </Text>
                        ) : null}
                        {r.fieldId ? (
                          <Badge appearance="tint" size="small" color="informative">
                            {fieldName(r.fieldId)}
                          </Badge>
                        ) : null}{' '}
                        {r.nonPublic ? (
                          <Badge appearance="filled" size="small" color="danger">
                            非公開
                          </Badge>
                        ) : null}{' '}
                        {done ? (
                          <Badge appearance="tint" size="small" color="success">
                            取込済
                          </Badge>
                        ) : null}
                        <Text block>{r.text}</Text>
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>キャンセル</Button>
            <Button appearance="primary" disabled={!pending.length || busy} onClick={() => void submit()}>
              {pending.length ? `${pending.length}件を意見として取り込む` : '取り込む記録を選んでください'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
