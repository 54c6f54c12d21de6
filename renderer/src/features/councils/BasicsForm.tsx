/** 設定 › 基本情報: name, municipality, department, term and the minutes deadline (days after a meeting). */
import { useState, type FormEvent } from 'react';
import { Button, Field, Input, Text, tokens } from '@fluentui/react-components';
import { saveBasics } from './data';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { type Council } from '../../../../shared/domain';
import { useSettingsStyles as useStyles } from './settingsStyles';
import { ChangedElsewhereBar, useRecordDraft } from '../../ui/staleEdit';

const BASICS = ['name', 'municipality', 'department', 'termStart', 'termEnd', 'minutesDueDays'] as const;
/** The fields this form edits (other sections save other fields of the same council). */
const sameBasics = (a: Council, b: Council) =>
  BASICS.every((k) => a[k] === b[k]) && (a.fileLabel ?? '') === (b.fileLabel ?? '');

export function BasicsForm({ council }: { council: Council }) {
  const s = useStyles();
  const notify = useNotify();
  const record = useRecordDraft(council, sameBasics);
  const { draft: form, setDraft: setForm, dirty } = record;
  const [touched, setTouched] = useState(false);
  const termError =
    form.termStart && form.termEnd && form.termStart > form.termEnd
      ? '任期の終わりは始まりより後にしてください。'
      : undefined;
  const dueError = !(Number.isInteger(form.minutesDueDays) && form.minutesDueDays >= 0 && form.minutesDueDays <= 365)
    ? '0～365 の日数を入力してください。'
    : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!form.name.trim() || termError || dueError || record.changedElsewhere) return;
    try {
      record.saving();
      // The notice with 元に戻す is the settings tab's UndoBar.
      await saveBasics(
        council.id,
        {
          name: form.name.trim(),
          municipality: form.municipality.trim(),
          department: form.department.trim(),
          termStart: form.termStart,
          termEnd: form.termEnd,
          fileLabel: (form.fileLabel ?? '').trim(),
        },
        form.minutesDueDays,
      );
    } catch (error) {
      notify.error(error, '保存できませんでした');
    }
  };
  return (
    <Section title="基本情報">
      {record.changedElsewhere ? <ChangedElsewhereBar onReload={record.reload} onKeepMine={record.keepMine} /> : null}
      <form onSubmit={submit} className={s.form} noValidate>
        <Field
          label="審議会の名称"
          required
          className={s.wide}
          validationMessage={touched && !form.name.trim() ? '名称を入力してください。' : undefined}
        >
          <Input value={form.name} onChange={(_, d) => setForm({ ...form, name: d.value })} />
        </Field>
        <Field
          label="ファイル名に使う略称"
          hint={`出力するファイル名の先頭に付けます（例：${(form.fileLabel ?? '').trim() || form.name.trim() || '審議会名'}_第1回_会議次第.docx）。空欄のときは審議会の名称を使います。`}
        >
          <Input
            value={form.fileLabel ?? ''}
            maxLength={50}
            onChange={(_, d) => setForm({ ...form, fileLabel: d.value })}
          />
        </Field>
        <Field label="自治体名">
          <Input value={form.municipality} onChange={(_, d) => setForm({ ...form, municipality: d.value })} />
        </Field>
        <Field label="所管課">
          <Input value={form.department} onChange={(_, d) => setForm({ ...form, department: d.value })} />
        </Field>
        <Field label="任期（始まり）">
          <Input
            type="date"
            value={form.termStart ?? ''}
            onChange={(_, d) => setForm({ ...form, termStart: d.value || null })}
          />
        </Field>
        <Field label="任期（終わり）" validationMessage={termError}>
          <Input
            type="date"
            value={form.termEnd ?? ''}
            onChange={(_, d) => setForm({ ...form, termEnd: d.value || null })}
          />
        </Field>
        <Field label="会議録の期限" hint="会議の何日後までに会議録を確定するか" validationMessage={dueError}>
          <Input
            type="number"
            min={0}
            max={365}
            contentAfter="日後"
            value={String(form.minutesDueDays)}
            onChange={(_, d) => setForm({ ...form, minutesDueDays: Number(d.value) })}
          />
        </Field>
        <div className={s.wide}>
          <Button appearance="primary" type="submit" disabled={!dirty || record.changedElsewhere}>
            保存
          </Button>
          {dirty ? (
            <Text style={{ marginLeft: 8, color: tokens.colorPaletteDarkOrangeForeground1 }}>
              未保存の変更があります
            </Text>
          ) : null}
        </div>
      </form>
    </Section>
  );
}
