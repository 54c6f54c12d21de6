/** 意見を追加 / 内容を編集: source, field, meeting, member, submitter, text, 非公開. */
import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { useNotify } from '../../app/notify';
import { meetingTitle } from '../../ui/format';
import { OPINION_SOURCE_LABELS, OPINION_SOURCES, type Council, type Opinion } from '../../../../shared/domain';
import type { OpinionSource } from '../../../../shared/opinions';
import { addOpinion, putOpinions } from './data/index';

export function OpinionFormDialog({
  council,
  open,
  opinion,
  onClose,
  meetings,
  members,
}: {
  council: Council;
  open: boolean;
  opinion?: Opinion | null;
  onClose: () => void;
  meetings: { id: string; number: number }[];
  members: { id: string; name: string; role: string }[];
}) {
  const notify = useNotify();
  const [source, setSource] = useState<OpinionSource>('interview');
  const [fieldId, setFieldId] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [memberId, setMemberId] = useState('');
  const [label, setLabel] = useState('');
  const [summary, setSummary] = useState('');
  const [nonPublic, setNonPublic] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!open) return;
    setError('');
    setSource(opinion?.source ?? 'interview');
    setFieldId(opinion?.fieldId ?? '');
    setMeetingId(opinion?.meetingId ?? '');
    setMemberId(opinion?.memberId ?? '');
    setLabel(opinion?.sourceLabel ?? '');
    setSummary(opinion?.summary ?? '');
    setNonPublic(opinion?.nonPublic ?? false);
  }, [open, opinion]);

  const submit = async () => {
    if (!summary.trim()) {
      setError('意見を入力してください。');
      return;
    }
    if (source === 'meeting' && !meetingId) {
      setError('審議会での意見は会議を選んでください。');
      return;
    }
    const fields = {
      source,
      fieldId: fieldId || null,
      meetingId: meetingId || null,
      memberId: memberId || null,
      sourceLabel: label.trim(),
      summary: summary.trim(),
      nonPublic,
    };
    try {
      if (opinion) {
        await putOpinions([{ ...opinion, ...fields, updatedAt: new Date().toISOString() }]);
        notify.success('意見を更新しました');
      } else {
        await addOpinion({ councilId: council.id, remarkId: null, response: '', status: '', ...fields });
        notify.success('意見を追加しました');
      }
      onClose();
    } catch (e) {
      notify.error(e, '保存できませんでした');
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (!d.open) onClose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{opinion ? '意見を編集' : '意見を追加'}</DialogTitle>
          <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
            <Field label="出典">
              <Select value={source} onChange={(_, d) => setSource(d.value as OpinionSource)}>
                {OPINION_SOURCES.map((x) => (
                  <option key={x} value={x}>
                    {OPINION_SOURCE_LABELS[x]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="分野">
              <Select value={fieldId} onChange={(_, d) => setFieldId(d.value)}>
                <option value="">分野未設定</option>
                {council.fields.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="会議">
              <Select value={meetingId} onChange={(_, d) => setMeetingId(d.value)}>
                <option value="">（なし）</option>
                {meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {meetingTitle(m)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="委員">
              <Select value={memberId} onChange={(_, d) => setMemberId(d.value)}>
                <option value="">（委員以外・不明）</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                    {m.role}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="提出者・担当課など">
              <Input value={label} onChange={(_, d) => setLabel(d.value)} placeholder="例：税務課" />
            </Field>
            <Field label="意見" required validationMessage={error || undefined}>
              <Textarea value={summary} onChange={(_, d) => setSummary(d.value)} resize="vertical" rows={4} />
            </Field>
            <Checkbox
              label="非公開（公開版の文書に載せない）"
              checked={nonPublic}
              onChange={(_, d) => setNonPublic(d.checked === true)}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>キャンセル</Button>
            <Button appearance="primary" onClick={() => void submit()}>
              {opinion ? '保存' : '追加'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
