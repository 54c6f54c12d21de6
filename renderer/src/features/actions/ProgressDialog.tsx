/**
 * Records one action's progress in one fiscal year: status, each indicator's actual value,
 * the self-evaluation on the council's scale, a comment, and the council's opinions about it.
 * Values that are not numbers are refused with their message; nothing is saved half.
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
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
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import {
  ACTION_STATUSES,
  actionTitle,
  formatMeasure,
  parseMeasure,
  progressOf,
  type Action,
  type ActionStatus,
} from '../../../../shared/actions';
import type { EvaluationGrade } from '../../../../shared/domain';
import { formatFiscalYear } from '../../../../shared/wareki';
import { actionsStore, type PlanRecords } from './data';
import { LinkedOpinions } from './LinkedOpinions';

export function ProgressDialog({
  records,
  action,
  fiscalYear,
  scale,
  onClose,
}: {
  records: PlanRecords;
  action: Action;
  fiscalYear: number;
  scale: EvaluationGrade[];
  onClose: () => void;
}) {
  const entry = progressOf(records.progress, action.id, fiscalYear);
  const [status, setStatus] = useState<ActionStatus>(entry?.status ?? '実施中');
  const [evaluation, setEvaluation] = useState(entry?.evaluation ?? '');
  const [comment, setComment] = useState(entry?.comment ?? '');
  const [actuals, setActuals] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      action.indicators.map((x) => {
        const v = entry?.actuals.find((a) => a.indicatorId === x.id)?.value ?? null;
        return [x.id, v === null ? '' : String(v)];
      }),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const errs: Record<string, string> = {};
    const values = action.indicators.map((x) => {
      const r = parseMeasure(actuals[x.id] ?? '', `指標「${x.name}」の実績値`);
      if (!r.ok) errs[x.id] = r.message;
      return { indicatorId: x.id, value: r.ok ? r.value : null };
    });
    setErrors(errs);
    setFailure(null);
    if (Object.keys(errs).length) return;
    try {
      await actionsStore.saveProgress({
        actionId: action.id,
        fiscalYear,
        status,
        actuals: values.filter((v) => v.value !== null),
        evaluation,
        comment,
      });
      onClose();
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.nativeEvent.isComposing || e.key === 'Process') return;
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void submit();
    }
  };
  const messages = [...Object.values(errors), ...(failure ? failure.split('\n') : [])];

  return (
    <Dialog open onOpenChange={(_, d) => (d.open ? undefined : onClose())}>
      <DialogSurface aria-describedby={undefined} style={{ maxWidth: 760, width: '94vw' }}>
        <form onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
          <DialogBody>
            <DialogTitle>
              {formatFiscalYear(fiscalYear)}の進捗：{actionTitle(action)}
            </DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
              {messages.length ? (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>
                    保存できません。
                    <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                      {messages.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
              ) : null}
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
                <Field label="進捗状況">
                  <Select value={status} onChange={(_, d) => setStatus(d.value as ActionStatus)} autoFocus>
                    {ACTION_STATUSES.map((st) => (
                      <option key={st} value={st}>
                        {st}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="評価（自己評価）">
                  <Select value={evaluation} onChange={(_, d) => setEvaluation(d.value)}>
                    <option value="">未評価</option>
                    {scale.map((g) => (
                      <option key={g.label} value={g.label}>
                        {g.label}：{g.meaning}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              {action.indicators.map((x) => (
                <Field
                  key={x.id}
                  label={`実績値：${x.name}${x.unit ? `（${x.unit}）` : ''}`}
                  hint={`目標 ${formatMeasure(x.target, x.unit) || '－'}${
                    x.targetYear !== null ? `（${formatFiscalYear(x.targetYear)}）` : ''
                  }　基準 ${formatMeasure(x.baseline, x.unit) || '－'}`}
                  validationMessage={errors[x.id]}
                >
                  <Input
                    value={actuals[x.id] ?? ''}
                    onChange={(_, d) => setActuals((a) => ({ ...a, [x.id]: d.value }))}
                  />
                </Field>
              ))}
              <Field label="コメント">
                <Textarea rows={3} value={comment} onChange={(_, d) => setComment(d.value)} />
              </Field>
              <LinkedOpinions records={records} action={action} />
            </DialogContent>
            <DialogActions>
              <Text size={200} style={{ color: tokens.colorNeutralForeground3, marginRight: 'auto' }}>
                Ctrl+Enter で保存
              </Text>
              <Button onClick={onClose}>キャンセル</Button>
              <Button appearance="primary" type="submit">
                保存
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
