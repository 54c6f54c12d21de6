/** Who is working (for the minutes' history): a name typed in settings, or 事務局. */
import { useState } from 'react';
import { useLiveQuery } from '../../data/live';
import { Button, Field, Input } from '@fluentui/react-components';
import { readOperatorName, saveOperatorName } from './data';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';

export function useOperatorName(): string {
  const rec = useLiveQuery(() => readOperatorName(), []);
  const name = typeof rec?.value === 'string' ? rec.value.trim() : '';
  return name || '事務局';
}

export function OperatorNameSetting() {
  const notify = useNotify();
  const rec = useLiveQuery(() => readOperatorName(), []);
  const [value, setValue] = useState<string | null>(null);
  const current = value ?? (typeof rec?.value === 'string' ? rec.value : '');
  return (
    <Section title="作業者名">
      <Field label="会議録の履歴に記録する名前" hint="空欄のときは「事務局」と記録します。">
        <div style={{ display: 'flex', gap: 8 }}>
          <Input
            value={current}
            maxLength={100}
            onChange={(_, d) => setValue(d.value)}
            style={{ width: 240 }}
            aria-label="作業者名"
          />
          <Button
            onClick={async () => {
              try {
                await saveOperatorName(current);
                setValue(null);
                notify.success('作業者名を保存しました');
              } catch (e) {
                notify.error(e, '作業者名を保存できませんでした');
              }
            }}
          >
            保存
          </Button>
        </div>
      </Field>
    </Section>
  );
}
