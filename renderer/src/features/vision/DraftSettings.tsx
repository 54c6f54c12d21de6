/** The draft's 表題, 発行者, date and numbering, saved as they are typed. */
import { useState } from 'react';
import { Field, Input, makeStyles, Option } from '@fluentui/react-components';
import { Dropdown } from '../../ui/select';
import { useNotify } from '../../app/notify';
import type { Draft } from '../../../../shared/domain';
import { appDrafts } from './data';
import { NUMBERING_NAMES } from './DraftList';

const useStyles = makeStyles({
  settings: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr) 170px minmax(0, 220px)',
    gap: '8px',
    marginBottom: '12px',
  },
});

export function DraftSettings({ draft }: { draft: Draft }) {
  const s = useStyles();
  const notify = useNotify();
  const [title, setTitle] = useState(draft.title);
  const [issuer, setIssuer] = useState(draft.issuer);
  const save = (patch: Parameters<typeof appDrafts.saveInfo>[1]) =>
    void appDrafts.saveInfo(draft.id, patch).catch((e) => notify.error(e, '保存できませんでした'));
  return (
    <div className={s.settings}>
      <Field label="表題" validationMessage={!title.trim() ? '表題を入力してください。' : undefined}>
        <Input
          value={title}
          onChange={(_, d) => {
            setTitle(d.value);
            if (d.value.trim()) save({ title: d.value.trim() });
          }}
        />
      </Field>
      <Field label="発行者">
        <Input
          value={issuer}
          onChange={(_, d) => {
            setIssuer(d.value);
            save({ issuer: d.value });
          }}
        />
      </Field>
      <Field label="日付（表紙）">
        <Input type="date" value={draft.date ?? ''} onChange={(_, d) => save({ date: d.value || null })} />
      </Field>
      <Field label="項目番号">
        <Dropdown
          style={{ minWidth: 0, width: '100%' }}
          value={NUMBERING_NAMES[draft.numbering]}
          selectedOptions={[draft.numbering]}
          onOptionSelect={(_, d) => save({ numbering: d.optionValue as Draft['numbering'] })}
        >
          <Option value="roman">{NUMBERING_NAMES.roman}</Option>
          <Option value="dai">{NUMBERING_NAMES.dai}</Option>
        </Dropdown>
      </Field>
    </div>
  );
}
