/** The forms of the 委員名簿 tab: one member (氏名・よみがな・役職…) and one staff member (部署・職名・氏名). */
import { useState, type FormEvent } from 'react';
import { Field, Input, Option, Text } from '@fluentui/react-components';
import { Combobox } from '../../ui/select';
import { OFFICE_LABELS, ROLE_SUGGESTIONS, officeOf } from '../../../../shared/offices';
import { staffTitle } from '../../../../shared/people';
import { FormDialog, TWO_COLUMNS } from '../../ui/FormDialog';
import type { MemberInput, StaffInput } from './data';
import { ChangedElsewhereBar } from '../../ui/staleEdit';

export const emptyMember: MemberInput = {
  name: '',
  reading: '',
  role: '委員',
  category: '',
  affiliation: '',
  termStart: null,
  termEnd: null,
};

export function MemberDialog({
  open,
  initial,
  title,
  categories,
  onClose,
  onSave,
  stored,
}: {
  open: boolean;
  initial: MemberInput;
  title: string;
  categories: string[];
  onClose: () => void;
  onSave: (m: MemberInput) => Promise<void>;
  /** The member as stored now: another window may save it while this dialog is open. */
  stored?: MemberInput;
}) {
  const [m, setM] = useState(initial);
  /** What the dialog was opened with (or reloaded / chosen to overwrite). */
  const [base, setBase] = useState(initial);
  const [touched, setTouched] = useState(false);
  const [key, setKey] = useState(0);
  if (!open && key !== 0) {
    setKey(0);
  }
  if (open && key === 0) {
    setKey(1);
    setM(initial);
    setBase(initial);
    setTouched(false);
  }
  const changedElsewhere = !!stored && !sameMemberInput(stored, base);
  const termError =
    m.termStart && m.termEnd && m.termStart > m.termEnd ? '任期終了は任期開始より後の日付にしてください。' : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!m.name.trim() || termError || changedElsewhere) return;
    await onSave({
      ...m,
      name: m.name.trim(),
      reading: m.reading.trim(),
      role: m.role.trim() || '委員',
      category: m.category.trim(),
      affiliation: m.affiliation.trim(),
    });
  };
  const set = (patch: Partial<MemberInput>) => setM((x) => ({ ...x, ...patch }));
  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) onClose();
      }}
      title={title}
      onSubmit={submit}
      contentStyle={TWO_COLUMNS}
    >
      {changedElsewhere && stored ? (
        <div style={{ gridColumn: '1 / -1' }}>
          <ChangedElsewhereBar
            onReload={() => {
              setM(stored);
              setBase(stored);
            }}
            onKeepMine={() => setBase(stored)}
          />
        </div>
      ) : null}
      <Field
        label="氏名"
        required
        validationMessage={touched && !m.name.trim() ? '氏名を入力してください。' : undefined}
      >
        <Input value={m.name} onChange={(_, d) => set({ name: d.value })} autoFocus />
      </Field>
      <Field label="よみがな" hint="50音順の並べ替えに使います">
        <Input value={m.reading} onChange={(_, d) => set({ reading: d.value })} />
      </Field>
      <Field label="役職" hint={`名簿のとおりに（委員長・座長・職務代理者 など）。${OFFICE_LABELS[officeOf(m.role)]}`}>
        <Combobox
          freeform
          value={m.role}
          style={{ minWidth: 0 }}
          onChange={(e) => set({ role: e.target.value })}
          onOptionSelect={(_, d) => set({ role: d.optionText ?? '' })}
        >
          {ROLE_SUGGESTIONS.map((r) => (
            <Option key={r}>{r}</Option>
          ))}
        </Combobox>
      </Field>
      <Field label="区分" hint="学識経験者・関係団体・公募市民 など">
        <Combobox
          freeform
          value={m.category}
          style={{ minWidth: 0 }}
          onChange={(e) => set({ category: e.target.value })}
          onOptionSelect={(_, d) => set({ category: d.optionText ?? '' })}
        >
          {categories.map((c) => (
            <Option key={c}>{c}</Option>
          ))}
        </Combobox>
      </Field>
      <Field label="所属" style={{ gridColumn: '1 / -1' }}>
        <Input value={m.affiliation} onChange={(_, d) => set({ affiliation: d.value })} />
      </Field>
      <Field label="任期開始">
        <Input type="date" value={m.termStart ?? ''} onChange={(_, d) => set({ termStart: d.value || null })} />
      </Field>
      <Field label="任期終了" validationMessage={termError}>
        <Input type="date" value={m.termEnd ?? ''} onChange={(_, d) => set({ termEnd: d.value || null })} />
      </Field>
    </FormDialog>
  );
}

/** The fields this dialog edits, compared one by one. */
const sameMemberInput = (a: MemberInput, b: MemberInput) =>
  (Object.keys(emptyMember) as (keyof MemberInput)[]).every((k) => a[k] === b[k]);

export const emptyStaff: StaffInput = { department: '', title: '', name: '' };

export function StaffDialog({
  open,
  initial,
  title,
  onClose,
  onSave,
}: {
  open: boolean;
  initial: StaffInput;
  title: string;
  onClose: () => void;
  onSave: (s: StaffInput) => Promise<void>;
}) {
  const [s, setS] = useState(initial);
  const [touched, setTouched] = useState(false);
  const [key, setKey] = useState(0);
  if (!open && key !== 0) {
    setKey(0);
  }
  if (open && key === 0) {
    setKey(1);
    setS(initial);
    setTouched(false);
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!s.name.trim()) return;
    const group = (s.group ?? '').trim();
    await onSave({
      department: s.department.trim(),
      title: s.title.trim(),
      name: s.name.trim(),
      ...(group || s.group !== undefined ? { group } : {}),
    });
  };
  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) onClose();
      }}
      title={title}
      onSubmit={submit}
    >
      <Field label="部署" hint="例：総務部、企画課">
        <Input value={s.department} onChange={(_, d) => setS({ ...s, department: d.value })} autoFocus />
      </Field>
      <Field label="職名" hint="例：部長、課長補佐（職名のない職員は空欄）">
        <Input value={s.title} onChange={(_, d) => setS({ ...s, title: d.value })} />
      </Field>
      <Field
        label="氏名"
        required
        hint="会議録に載る形（例：山田）"
        validationMessage={touched && !s.name.trim() ? '氏名を入力してください。' : undefined}
      >
        <Input value={s.name} onChange={(_, d) => setS({ ...s, name: d.value })} />
      </Field>
      <Field label="区分" hint="事務局は空欄。説明員・幹事など（会議録ではその区分の出席者として載ります）">
        <Input value={s.group ?? ''} onChange={(_, d) => setS({ ...s, group: d.value })} />
      </Field>
      <Text>
        会議録での表記：{s.group?.trim() ? `＜${s.group.trim()}＞` : ''}
        {s.department ? `【${s.department}】` : ''}
        {staffTitle({ name: s.name || '〇〇', title: s.title })}
      </Text>
    </FormDialog>
  );
}
