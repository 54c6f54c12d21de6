/**
 * The action form: 担当 (department, person), 誰と, いつから, 何を, どこまで・どのように,
 * indicators and the linked vision sections. Enter in a one-line field or Ctrl+Enter anywhere
 * saves (never while the IME is composing); every problem is shown on its field and listed on
 * top, and nothing is saved until all are fixed (one transaction in data.ts).
 */
import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
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
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import type { Action } from '../../../../shared/actions';
import { outline, numberedHeading } from '../../../../shared/drafts';
import { randomId } from '../../../../shared/factory';
import { formatFiscalYear } from '../../../../shared/wareki';
import { actionsStore, type PlanRecords } from './data';
import { newIndicatorValues, parseFiscalYear, readAction, valuesOf, type ActionValues, type FieldErrors } from './form';

const MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];
/** A one-line field that takes its grid column's width (no intrinsic width pushing the row wider). */
const FIT = { style: { width: '100%', minWidth: 0 }, input: { size: 1 } } as const;

export function ActionForm({
  records,
  action,
  sectionIds,
  onClose,
}: {
  records: PlanRecords;
  action: Action | null;
  sectionIds: string[];
  onClose: (savedId?: string) => void;
}) {
  const { draft, plan } = records;
  const [values, setValues] = useState<ActionValues>(() =>
    valuesOf(action, { sectionIds, startYear: plan.startFiscalYear }),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useRef(action?.id ?? randomId());
  const entries = useMemo(() => outline(draft.sections, draft.numbering), [draft.sections, draft.numbering]);
  const known = new Set(entries.map((e) => e.section.id));
  const set = (patch: Partial<ActionValues>) => setValues((v) => ({ ...v, ...patch }));
  const setIndicator = (i: number, patch: Partial<ActionValues['indicators'][number]>) =>
    setValues((v) => ({ ...v, indicators: v.indicators.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (saving) return;
    const read = readAction(values, { id: id.current, planId: plan.id });
    setErrors(read.errors);
    setFailure(null);
    if (!read.action) return;
    setSaving(true);
    try {
      await actionsStore.saveAction(read.action);
      onClose(id.current);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.nativeEvent.isComposing || e.key === 'Process') return;
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void submit();
    }
  };
  const messages = [...new Set(Object.values(errors))];
  const yearHint = (input: string) => {
    const r = parseFiscalYear(input, '');
    return r.ok && r.value !== null ? formatFiscalYear(r.value) : undefined;
  };
  const err = (key: string) => errors[key];
  const indicatorErrors = (i: number) => [
    ...new Set(
      Object.entries(errors)
        .filter(([k]) => k.startsWith(`indicators.${i}.`))
        .map(([, m]) => m),
    ),
  ];

  return (
    <Dialog open onOpenChange={(_, d) => (d.open ? undefined : onClose())}>
      <DialogSurface aria-describedby={undefined} style={{ maxWidth: 980, width: '96vw' }}>
        <form onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
          <DialogBody>
            <DialogTitle>{action ? 'アクションを編集' : 'アクションを追加'}</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
              {messages.length || failure ? (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>
                    保存できません。
                    <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                      {messages.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                      {failure ? failure.split('\n').map((m) => <li key={`f-${m}`}>{m}</li>) : null}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
              ) : null}
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 150px 150px', gap: 8 }}>
                <Field label="担当（課・グループ）" validationMessage={err('department')}>
                  <Input
                    {...FIT}
                    value={values.department}
                    onChange={(_, d) => set({ department: d.value })}
                    autoFocus
                  />
                </Field>
                <Field label="担当者">
                  <Input {...FIT} value={values.person} onChange={(_, d) => set({ person: d.value })} />
                </Field>
                <Field
                  label="いつから（年度）"
                  hint={yearHint(values.startYear) ?? '例：2024 / 令和6'}
                  validationMessage={err('startYear') ?? err('start.fiscalYear')}
                >
                  <Input {...FIT} value={values.startYear} onChange={(_, d) => set({ startYear: d.value })} />
                </Field>
                <Field label="いつから（月）" validationMessage={err('start.month')}>
                  <Select value={values.startMonth} onChange={(_, d) => set({ startMonth: d.value })}>
                    <option value="">年度の初めから</option>
                    {MONTHS.map((m) => (
                      <option key={m} value={String(m)}>
                        {m}月から
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 8 }}>
                <Field label="何を" validationMessage={err('what')} required>
                  <Textarea rows={3} value={values.what} onChange={(_, d) => set({ what: d.value })} />
                </Field>
                <Field label="どこまで・どのように" validationMessage={err('how')}>
                  <Textarea rows={3} value={values.how} onChange={(_, d) => set({ how: d.value })} />
                </Field>
                <Field label="誰と（1行に1つ）" validationMessage={err('partners')}>
                  <Textarea rows={3} value={values.partners} onChange={(_, d) => set({ partners: d.value })} />
                </Field>
              </div>
              <fieldset style={{ border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: 6, padding: 8 }}>
                <legend>
                  <Text weight="semibold">指標</Text>
                </legend>
                {values.indicators.length === 0 ? (
                  <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
                    指標はまだありません。
                  </Text>
                ) : null}
                {values.indicators.map((x, i) => (
                  <div
                    key={x.id}
                    role="group"
                    aria-label={`指標${i + 1}`}
                    style={{
                      display: 'grid',
                      gridTemplateColumns: 'minmax(0, 3fr) 70px repeat(4, minmax(0, 1fr)) auto',
                      gap: 6,
                      alignItems: 'start',
                      marginBottom: 6,
                    }}
                  >
                    <Field label="指標名" validationState={err(`indicators.${i}.name`) ? 'error' : 'none'}>
                      <Input {...FIT} value={x.name} onChange={(_, d) => setIndicator(i, { name: d.value })} />
                    </Field>
                    <Field label="単位">
                      <Input {...FIT} value={x.unit} onChange={(_, d) => setIndicator(i, { unit: d.value })} />
                    </Field>
                    <Field label="基準値" validationState={err(`indicators.${i}.baseline`) ? 'error' : 'none'}>
                      <Input {...FIT} value={x.baseline} onChange={(_, d) => setIndicator(i, { baseline: d.value })} />
                    </Field>
                    <Field
                      label="基準年度"
                      hint={yearHint(x.baselineYear)}
                      validationState={err(`indicators.${i}.baselineYear`) ? 'error' : 'none'}
                    >
                      <Input
                        {...FIT}
                        value={x.baselineYear}
                        onChange={(_, d) => setIndicator(i, { baselineYear: d.value })}
                      />
                    </Field>
                    <Field label="目標値" validationState={err(`indicators.${i}.target`) ? 'error' : 'none'}>
                      <Input {...FIT} value={x.target} onChange={(_, d) => setIndicator(i, { target: d.value })} />
                    </Field>
                    <Field
                      label="目標年度"
                      hint={yearHint(x.targetYear)}
                      validationState={err(`indicators.${i}.targetYear`) ? 'error' : 'none'}
                    >
                      <Input
                        {...FIT}
                        value={x.targetYear}
                        onChange={(_, d) => setIndicator(i, { targetYear: d.value })}
                      />
                    </Field>
                    <Button
                      appearance="subtle"
                      icon={<Delete20Regular />}
                      aria-label={`指標${i + 1}を削除`}
                      style={{ marginTop: 24 }}
                      onClick={() => set({ indicators: values.indicators.filter((_, j) => j !== i) })}
                    />
                    {indicatorErrors(i).length ? (
                      <ul
                        style={{
                          gridColumn: '1 / -1',
                          margin: 0,
                          paddingLeft: 18,
                          color: tokens.colorPaletteRedForeground1,
                        }}
                      >
                        {indicatorErrors(i).map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                ))}
                <Button
                  size="small"
                  icon={<Add20Regular />}
                  onClick={() => set({ indicators: [...values.indicators, newIndicatorValues()] })}
                >
                  指標を追加
                </Button>
              </fieldset>
              <fieldset
                style={{
                  border: `1px solid ${tokens.colorNeutralStroke2}`,
                  borderRadius: 6,
                  padding: 8,
                  maxHeight: 180,
                  overflowY: 'auto',
                }}
              >
                <legend>
                  <Text weight="semibold">実現するビジョンの項目</Text>
                </legend>
                {values.sectionIds
                  .filter((sid) => !known.has(sid))
                  .map((sid) => (
                    <Checkbox
                      key={sid}
                      checked
                      label="（削除されたビジョンの項目）"
                      onChange={() => set({ sectionIds: values.sectionIds.filter((x) => x !== sid) })}
                    />
                  ))}
                {entries.map((e) => (
                  <div key={e.section.id} style={{ paddingLeft: e.level * 16 }}>
                    <Checkbox
                      checked={values.sectionIds.includes(e.section.id)}
                      label={numberedHeading(e, e.section.heading || '（見出し未入力）')}
                      onChange={(_, d) =>
                        set({
                          sectionIds: d.checked
                            ? [...values.sectionIds, e.section.id]
                            : values.sectionIds.filter((x) => x !== e.section.id),
                        })
                      }
                    />
                  </div>
                ))}
              </fieldset>
            </DialogContent>
            <DialogActions>
              <Text size={200} style={{ color: tokens.colorNeutralForeground3, marginRight: 'auto' }}>
                Ctrl+Enter で保存
              </Text>
              <Button onClick={() => onClose()}>キャンセル</Button>
              <Button appearance="primary" type="submit" disabled={saving}>
                保存
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
