/** 設定 › 分野: add, rename, reorder and remove fields; a field in use is merged into another instead. */
import { useState } from 'react';
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
  Option,
  Text,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import { Dropdown } from '../../ui/select';
import {
  Add24Regular,
  ArrowDownRegular,
  ArrowUpRegular,
  DeleteRegular,
  MergeRegular,
  ReOrderDotsVerticalRegular,
} from '@fluentui/react-icons';
import { mergeCouncilField, saveCouncil, useFieldUsage } from './data';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { randomId } from '../../../../shared/factory';
import { type Council, type Field as CouncilField } from '../../../../shared/domain';
import { CommitInput } from '../../ui/CommitInput';
import { useConfirmDelete } from '../../ui/ConfirmDelete';
import { move, useReorder } from '../../ui/reorder';
import { useSettingsStyles as useStyles } from './settingsStyles';

export function FieldsEditor({ council }: { council: Council }) {
  const s = useStyles();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [merging, setMerging] = useState<{ from: CouncilField; into: string; usage: number } | null>(null);
  const fields = council.fields;
  const usage = useFieldUsage(council.id, fields);
  const saveFields = (next: CouncilField[], label: string) =>
    saveCouncil(council.id, { fields: next }, label).catch((e) => notify.error(e, '分野を保存できませんでした'));
  const { confirm, dialog } = useConfirmDelete();
  const remove = async (f: CouncilField) => {
    if (await confirm({ kind: '分野', name: f.name, detail: 'どの記録にも使われていない分野です。' }))
      await saveFields(
        fields.filter((x) => x.id !== f.id),
        `分野「${f.name}」を削除しました`,
      );
  };
  const reorder = useReorder(fields.length, (from, to) =>
    saveFields(move(fields, from, to), '分野の順番を変更しました'),
  );
  const add = async () => {
    const n = name.trim();
    if (!n) return;
    if (fields.some((f) => f.name === n)) {
      notify.info('同じ名前の分野があります', n);
      return;
    }
    await saveFields([...fields, { id: randomId(), name: n }], `分野「${n}」を追加しました`);
    setName('');
  };
  const doMerge = async () => {
    if (!merging) return;
    const into = fields.find((f) => f.id === merging.into);
    try {
      const r = await mergeCouncilField(council.id, merging.from.id, merging.into);
      notify.success(
        `「${merging.from.name}」を「${into?.name}」に統合しました`,
        `発言 ${r.remarks}件・意見 ${r.opinions}件・課題整理の項目 ${r.matrixItems}件を付け替えました`,
      );
      setMerging(null);
    } catch (e) {
      notify.error(e, '統合できませんでした（何も変更していません）');
    }
  };
  return (
    <Section title={`分野（${fields.length}）`}>
      {dialog}
      <Text size={200} block style={{ color: tokens.colorNeutralForeground3, marginBottom: 6 }}>
        名前を直接書き換えられます。Alt+↑／Alt+↓
        またはドラッグで並べ替え。使われている分野は「統合」で別の分野にまとめます（発言・意見・課題整理の項目を付け替えます）。
      </Text>
      <div role="list" aria-label="分野の一覧" style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {fields.map((f, i) => (
          <div
            key={f.id}
            role="listitem"
            {...reorder.rowProps(i, true, true)}
            className={s.fieldRow}
            aria-label={f.name}
            style={{ outline: reorder.over === i ? `2px solid ${tokens.colorBrandStroke1}` : undefined }}
          >
            <span {...reorder.handleProps(i)}>
              <ReOrderDotsVerticalRegular style={{ color: tokens.colorNeutralForeground3 }} />
            </span>
            <Text style={{ width: 24, color: tokens.colorNeutralForeground3 }}>{i + 1}</Text>
            <CommitInput
              aria-label={`分野${i + 1}の名前`}
              value={f.name}
              style={{ flex: 1 }}
              onCommit={(v) => {
                const n = v.trim();
                if (n && n !== f.name)
                  void saveFields(
                    fields.map((x) => (x.id === f.id ? { ...x, name: n } : x)),
                    `分野「${f.name}」を「${n}」に変更しました`,
                  );
              }}
            />
            <Tooltip content="この分野が付いた発言・意見・課題整理の項目の数" relationship="description">
              <Text size={200} style={{ width: 72, color: tokens.colorNeutralForeground3 }}>
                {usage ? `使用 ${usage[f.id] ?? 0}件` : ''}
              </Text>
            </Tooltip>
            <Tooltip content="上へ（Alt+↑）" relationship="label">
              <Button
                size="small"
                appearance="subtle"
                icon={<ArrowUpRegular />}
                disabled={i === 0}
                onClick={() => void saveFields(move(fields, i, i - 1), '分野の順番を変更しました')}
              />
            </Tooltip>
            <Tooltip content="下へ（Alt+↓）" relationship="label">
              <Button
                size="small"
                appearance="subtle"
                icon={<ArrowDownRegular />}
                disabled={i === fields.length - 1}
                onClick={() => void saveFields(move(fields, i, i + 1), '分野の順番を変更しました')}
              />
            </Tooltip>
            <Tooltip content={`「${f.name}」を別の分野に統合`} relationship="label">
              <Button
                size="small"
                appearance="subtle"
                icon={<MergeRegular />}
                disabled={fields.length < 2}
                onClick={() =>
                  setMerging({ from: f, into: fields.find((x) => x.id !== f.id)!.id, usage: usage?.[f.id] ?? 0 })
                }
              />
            </Tooltip>
            <Tooltip
              content={usage?.[f.id] ? '使われている分野は削除できません（統合してください）' : `「${f.name}」を削除`}
              relationship="label"
            >
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                disabled={!usage || (usage[f.id] ?? 0) > 0}
                onClick={() => void remove(f)}
              />
            </Tooltip>
          </div>
        ))}
      </div>
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <Input
          aria-label="追加する分野の名前"
          placeholder="新しい分野の名前"
          value={name}
          onChange={(_, d) => setName(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) void add();
          }}
        />
        <Button icon={<Add24Regular />} onClick={() => void add()} disabled={!name.trim()}>
          分野を追加
        </Button>
      </div>
      <Dialog
        open={merging !== null}
        onOpenChange={(_, d) => {
          if (!d.open) setMerging(null);
        }}
      >
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>分野「{merging?.from.name}」を統合</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
              <Field label="統合先の分野">
                <Dropdown
                  value={fields.find((f) => f.id === merging?.into)?.name ?? ''}
                  selectedOptions={merging ? [merging.into] : []}
                  onOptionSelect={(_, d) => merging && setMerging({ ...merging, into: d.optionValue! })}
                >
                  {fields
                    .filter((f) => f.id !== merging?.from.id)
                    .map((f) => (
                      <Option key={f.id} value={f.id}>
                        {f.name}
                      </Option>
                    ))}
                </Dropdown>
              </Field>
              <Text>
                「{merging?.from.name}」の発言・意見・課題整理の項目（{merging?.usage ?? 0}
                件）を統合先の分野に付け替え、「{merging?.from.name}」を一覧から外します。
              </Text>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setMerging(null)}>キャンセル</Button>
              <Button appearance="primary" onClick={() => void doMerge()}>
                統合する
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Section>
  );
}
