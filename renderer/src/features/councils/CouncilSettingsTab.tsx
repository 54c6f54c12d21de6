/**
 * 設定: the council's basics, its fields (add, rename, reorder, merge), the quorum rule,
 * how documents are written (publication settings), and archiving.
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  Button,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Switch,
  Text,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import {
  Add24Regular,
  ArrowDownRegular,
  ArrowUpRegular,
  DeleteRegular,
  MergeRegular,
  ReOrderDotsVerticalRegular,
} from '@fluentui/react-icons';
import { changeMinutesDueDays, mergeCouncilField, saveCouncil, useFieldUsage, useMemberCount } from './data';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { SPEAKER_LABEL_NAMES } from '../../ui/labels';
import { quorumRequired, quorumRuleText } from '../../../../shared/quorum';
import { formatMeetingDateTime } from '../../../../shared/wareki';
import { itemNumber, meetingOrdinal } from '../../../../shared/numbering';
import { randomId } from '../../../../shared/factory';
import {
  SPEAKER_LABEL_RULES,
  TIME_STYLES,
  WEEKDAY_STYLES,
  type Council,
  type Field as CouncilField,
  type PublicationSettings,
  type QuorumRule,
} from '../../../../shared/domain';
import { CommitInput } from '../../ui/CommitInput';
import { move, useReorder } from '../../ui/reorder';
import type { CouncilTabProps } from '../../app/councilTabs';

const useStyles = makeStyles({
  cols: {
    display: 'grid',
    gridTemplateColumns: 'minmax(380px, 1fr) minmax(380px, 1fr)',
    gap: '16px',
    alignItems: 'start',
  },
  form: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '12px' },
  wide: { gridColumn: '1 / -1' },
  stack: { display: 'flex', flexDirection: 'column', gap: '12px' },
  fieldRow: { display: 'flex', gap: '6px', alignItems: 'center', padding: '2px 4px', borderRadius: '4px' },
});

const BODY_FONTS = ['ＭＳ 明朝', '游明朝', 'BIZ UD明朝'];
const HEADING_FONTS = ['ＭＳ ゴシック', '游ゴシック', 'BIZ UDゴシック'];
const WEEKDAY_NAMES: Record<(typeof WEEKDAY_STYLES)[number], string> = {
  'paren-full': '（金）',
  'paren-half': '(金)',
  'paren-long': '（金曜日）',
};
const TIME_NAMES: Record<(typeof TIME_STYLES)[number], string> = {
  colon: '13:30～15:30',
  kanji: '13時30分～15時30分',
  gozen: '午後1時30分～3時30分',
};

function BasicsForm({ council }: { council: Council }) {
  const s = useStyles();
  const notify = useNotify();
  const [form, setForm] = useState(council);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    setForm(council);
  }, [council]);
  const dirty = (['name', 'municipality', 'department', 'termStart', 'termEnd', 'minutesDueDays'] as const).some(
    (k) => form[k] !== council[k],
  );
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
    if (!form.name.trim() || termError || dueError) return;
    try {
      await saveCouncil(council.id, {
        name: form.name.trim(),
        municipality: form.municipality.trim(),
        department: form.department.trim(),
        termStart: form.termStart,
        termEnd: form.termEnd,
      });
      const moved = await changeMinutesDueDays(council.id, form.minutesDueDays);
      notify.success('基本情報を保存しました', moved ? `会議録の期限を${moved}回分の会議で更新しました` : undefined);
    } catch (error) {
      notify.error(error, '保存できませんでした');
    }
  };
  return (
    <Section title="基本情報">
      <form onSubmit={submit} className={s.form} noValidate>
        <Field
          label="審議会の名称"
          required
          className={s.wide}
          validationMessage={touched && !form.name.trim() ? '名称を入力してください。' : undefined}
        >
          <Input value={form.name} onChange={(_, d) => setForm({ ...form, name: d.value })} />
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
          <Button appearance="primary" type="submit" disabled={!dirty}>
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

function FieldsEditor({ council }: { council: Council }) {
  const s = useStyles();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [merging, setMerging] = useState<{ from: CouncilField; into: string; usage: number } | null>(null);
  const fields = council.fields;
  const usage = useFieldUsage(council.id, fields);
  const saveFields = (next: CouncilField[]) =>
    saveCouncil(council.id, { fields: next }).catch((e) => notify.error(e, '分野を保存できませんでした'));
  const reorder = useReorder(fields.length, (from, to) => saveFields(move(fields, from, to)));
  const add = async () => {
    const n = name.trim();
    if (!n) return;
    if (fields.some((f) => f.name === n)) {
      notify.info('同じ名前の分野があります', n);
      return;
    }
    await saveFields([...fields, { id: randomId(), name: n }]);
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
                if (n) void saveFields(fields.map((x) => (x.id === f.id ? { ...x, name: n } : x)));
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
                onClick={() => void saveFields(move(fields, i, i - 1))}
              />
            </Tooltip>
            <Tooltip content="下へ（Alt+↓）" relationship="label">
              <Button
                size="small"
                appearance="subtle"
                icon={<ArrowDownRegular />}
                disabled={i === fields.length - 1}
                onClick={() => void saveFields(move(fields, i, i + 1))}
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
                onClick={() => void saveFields(fields.filter((x) => x.id !== f.id))}
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

function QuorumEditor({ council, memberCount }: { council: Council; memberCount: number }) {
  const notify = useNotify();
  const q = council.quorum;
  const save = (quorum: QuorumRule) =>
    saveCouncil(council.id, { quorum }).catch((e) => notify.error(e, '定足数を保存できませんでした'));
  const int = (v: string, min: number) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= min ? n : null;
  };
  return (
    <Section title="定足数">
      <RadioGroup
        aria-label="定足数の決め方"
        value={q.kind}
        onChange={(_, d) =>
          void save(
            d.value === 'majority'
              ? { kind: 'majority' }
              : d.value === 'fraction'
                ? { kind: 'fraction', numerator: 1, denominator: 2 }
                : { kind: 'count', count: quorumRequired(q, memberCount) },
          )
        }
      >
        <Radio value="majority" label="委員の過半数（既定）" />
        <Radio value="fraction" label="委員の○分の○以上" />
        <Radio value="count" label="人数で指定" />
      </RadioGroup>
      {q.kind === 'fraction' ? (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 6 }}>
          委員の
          <Input
            aria-label="分母"
            type="number"
            min={1}
            value={String(q.denominator)}
            style={{ width: 70 }}
            onChange={(_, d) => {
              const n = int(d.value, 1);
              if (n) void save({ ...q, denominator: n });
            }}
          />
          分の
          <Input
            aria-label="分子"
            type="number"
            min={1}
            value={String(q.numerator)}
            style={{ width: 70 }}
            onChange={(_, d) => {
              const n = int(d.value, 1);
              if (n) void save({ ...q, numerator: n });
            }}
          />
          以上
        </div>
      ) : null}
      {q.kind === 'count' ? (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 6 }}>
          <Input
            aria-label="人数"
            type="number"
            min={0}
            value={String(q.count)}
            style={{ width: 80 }}
            onChange={(_, d) => {
              const n = int(d.value, 0);
              if (n !== null) void save({ kind: 'count', count: n });
            }}
          />
          人以上
        </div>
      ) : null}
      <Text block style={{ marginTop: 8 }}>
        現在の委員 {memberCount}人 → 定足数 <b>{quorumRequired(q, memberCount)}人</b>（{quorumRuleText(q)}）
      </Text>
    </Section>
  );
}

function PublicationEditor({ council }: { council: Council }) {
  const s = useStyles();
  const notify = useNotify();
  const p = council.publication;
  const save = (patch: Partial<PublicationSettings>) =>
    saveCouncil(council.id, { publication: { ...p, ...patch } }).catch((e) => notify.error(e, '保存できませんでした'));
  const sample = formatMeetingDateTime('2023-07-07', '13:30', '15:30', p);
  return (
    <Section title="文書の表記（公開版・出力文書）">
      <div className={s.stack}>
        <Field label="公開版での発言者の表記">
          <Dropdown
            value={SPEAKER_LABEL_NAMES[p.speakerLabel]}
            selectedOptions={[p.speakerLabel]}
            onOptionSelect={(_, d) => void save({ speakerLabel: d.optionValue as PublicationSettings['speakerLabel'] })}
          >
            {SPEAKER_LABEL_RULES.map((r) => (
              <Option key={r} value={r}>
                {SPEAKER_LABEL_NAMES[r]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="句読点">
          <RadioGroup
            layout="horizontal"
            value={p.punctuation}
            onChange={(_, d) => void save({ punctuation: d.value as PublicationSettings['punctuation'] })}
          >
            <Radio value="touten" label="、。（既定）" />
            <Radio value="comma" label="，。" />
          </RadioGroup>
        </Field>
        <Field
          label="数字の幅"
          hint={`例：${meetingOrdinal(2, p.digitWidth)}・${itemNumber(3, p.digitWidth === 'half' ? 'half' : 'full-single')}`}
        >
          <RadioGroup
            layout="horizontal"
            value={p.digitWidth}
            onChange={(_, d) => void save({ digitWidth: d.value as PublicationSettings['digitWidth'] })}
          >
            <Radio value="half" label="半角（既定）" />
            <Radio value="full-single" label="1桁は全角" />
          </RadioGroup>
        </Field>
        <Field label="曜日">
          <RadioGroup
            layout="horizontal"
            value={p.weekdayStyle}
            onChange={(_, d) => void save({ weekdayStyle: d.value as PublicationSettings['weekdayStyle'] })}
          >
            {WEEKDAY_STYLES.map((w) => (
              <Radio key={w} value={w} label={WEEKDAY_NAMES[w]} />
            ))}
          </RadioGroup>
        </Field>
        <Field label="時刻">
          <RadioGroup
            value={p.timeStyle}
            onChange={(_, d) => void save({ timeStyle: d.value as PublicationSettings['timeStyle'] })}
          >
            {TIME_STYLES.map((t) => (
              <Radio key={t} value={t} label={TIME_NAMES[t]} />
            ))}
          </RadioGroup>
        </Field>
        <Text>表記の例：{sample}</Text>
        <div className={s.form}>
          <Field label="本文のフォント">
            <Combobox
              freeform
              style={{ minWidth: 0 }}
              value={p.bodyFont}
              selectedOptions={[p.bodyFont]}
              onOptionSelect={(_, d) => d.optionText && void save({ bodyFont: d.optionText })}
              onBlur={(e) => {
                const v = (e.target as HTMLInputElement).value.trim();
                if (v && v !== p.bodyFont) void save({ bodyFont: v });
              }}
            >
              {BODY_FONTS.map((f) => (
                <Option key={f}>{f}</Option>
              ))}
            </Combobox>
          </Field>
          <Field label="見出しのフォント">
            <Combobox
              freeform
              style={{ minWidth: 0 }}
              value={p.headingFont}
              selectedOptions={[p.headingFont]}
              onOptionSelect={(_, d) => d.optionText && void save({ headingFont: d.optionText })}
              onBlur={(e) => {
                const v = (e.target as HTMLInputElement).value.trim();
                if (v && v !== p.headingFont) void save({ headingFont: v });
              }}
            >
              {HEADING_FONTS.map((f) => (
                <Option key={f}>{f}</Option>
              ))}
            </Combobox>
          </Field>
        </div>
      </div>
    </Section>
  );
}

export function CouncilSettingsTab({ council }: CouncilTabProps) {
  const s = useStyles();
  const notify = useNotify();
  const memberCount = useMemberCount(council.id);
  return (
    <div className={s.cols}>
      <div>
        <BasicsForm council={council} />
        <FieldsEditor council={council} />
      </div>
      <div>
        <QuorumEditor council={council} memberCount={memberCount} />
        <PublicationEditor council={council} />
        <Section title="アーカイブ">
          <Switch
            checked={council.archived}
            label={
              council.archived
                ? 'アーカイブ済み（一覧で「アーカイブ」と表示されます）'
                : '任期が終わった審議会はアーカイブできます'
            }
            onChange={(_, d) =>
              void saveCouncil(council.id, { archived: d.checked }).then(
                () => notify.success(d.checked ? 'アーカイブしました' : 'アーカイブを解除しました'),
                (e) => notify.error(e, '保存できませんでした'),
              )
            }
          />
        </Section>
      </div>
    </div>
  );
}
