/** 「版として確定」: stage (from council.draftStages), date and note; the version then never changes. */
import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Option,
  Text,
} from '@fluentui/react-components';
import { Dropdown } from '../../ui/select';
import { LockClosed20Regular } from '@fluentui/react-icons';
import { useNotify } from '../../app/notify';
import { appDrafts } from './data';
import { nextStage, validateFreeze } from '../../../../shared/drafts';
import { todayInTokyo } from '../../../../shared/wareki';
import type { Council, DraftVersion } from '../../../../shared/domain';

export function FreezeDialog({
  council,
  draftId,
  versions,
  beforeFreeze,
  onFrozen,
}: {
  council: Council;
  draftId: string;
  versions: DraftVersion[];
  /** Waits for pending edits to be stored before the copy is taken. */
  beforeFreeze: () => Promise<void>;
  onFrozen: (versionId: string) => void;
}) {
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState('');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onOpen = (o: boolean) => {
    if (o) {
      setStage(nextStage(council.draftStages, versions));
      setDate(todayInTokyo());
      setNote('');
      setError(null);
    }
    setOpen(o);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = validateFreeze({ stage, date, note }, council.draftStages);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await beforeFreeze();
      const id = await appDrafts.freeze(draftId, { stage, date, note });
      setOpen(false);
      notify.success(`${stage}として確定しました`, '確定した版は変更されません。作業中の原稿は引き続き編集できます。');
      onFrozen(id);
    } catch (err) {
      notify.error(err, '版を確定できませんでした');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => onOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<LockClosed20Regular />}>版として確定</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>作業中の原稿を版として確定</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              <Text>いまの原稿の写しを、段階と日付を付けて保存します。確定した版は後から変更できません。</Text>
              <Field label="段階" required validationState={error && !stage ? 'error' : 'none'}>
                <Dropdown
                  value={stage}
                  selectedOptions={[stage]}
                  onOptionSelect={(_, d) => setStage(d.optionValue ?? '')}
                >
                  {council.draftStages.map((s) => (
                    <Option key={s} value={s}>
                      {s}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <Field label="日付" required>
                <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
              </Field>
              <Field label="備考" hint="例：第２回審議会資料１">
                <Input value={note} onChange={(_, d) => setNote(d.value)} />
              </Field>
              {error ? (
                <Text role="alert" style={{ color: 'var(--colorPaletteRedForeground1)' }}>
                  {error}
                </Text>
              ) : null}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">キャンセル</Button>
              </DialogTrigger>
              <Button appearance="primary" type="submit" disabled={busy}>
                {busy ? '確定しています…' : '確定'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
