import { useState, type FormEvent } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { FormDialog } from '../../ui/FormDialog';
import { Add24Regular } from '@fluentui/react-icons';
import { useNavigate } from 'react-router-dom';
import { newCouncil } from '../../../../shared/factory';
import { createCouncil } from './data';
import { useNotify } from '../../app/notify';

/** 「新しい審議会」: the minimum to start; everything else is edited on the council's page. */
export function NewCouncilButton({ appearance = 'primary' }: { appearance?: 'primary' | 'secondary' }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [department, setDepartment] = useState('');
  const [touched, setTouched] = useState(false);
  const navigate = useNavigate();
  const notify = useNotify();
  const nameError = touched && !name.trim() ? '審議会の名称を入力してください。' : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!name.trim()) return;
    try {
      const council = newCouncil({
        name: name.trim(),
        municipality: municipality.trim(),
        department: department.trim(),
      });
      await createCouncil(council);
      setOpen(false);
      setName('');
      setMunicipality('');
      setDepartment('');
      setTouched(false);
      notify.success('審議会を作成しました', council.name);
      navigate(`/councils/${council.id}/members`);
    } catch (error) {
      notify.error(error, '審議会を作成できませんでした');
    }
  };

  return (
    <FormDialog
      open={open}
      onOpenChange={setOpen}
      title="新しい審議会を作成"
      submitLabel="作成"
      onSubmit={submit}
      trigger={
        <Button appearance={appearance} icon={<Add24Regular />}>
          新しい審議会
        </Button>
      }
    >
      <Field label="審議会の名称" required validationMessage={nameError}>
        <Input
          value={name}
          onChange={(_, d) => setName(d.value)}
          onBlur={() => setTouched(true)}
          placeholder="例：〇〇市行政経営戦略推進審議会"
          autoFocus
        />
      </Field>
      <Field label="自治体名">
        <Input value={municipality} onChange={(_, d) => setMunicipality(d.value)} placeholder="例：〇〇市" />
      </Field>
      <Field label="所管課" hint="分野・定足数・公開の設定は作成後に変更できます。">
        <Input value={department} onChange={(_, d) => setDepartment(d.value)} placeholder="例：総務部 企画課" />
      </Field>
    </FormDialog>
  );
}
