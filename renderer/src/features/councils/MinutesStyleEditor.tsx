/**
 * 設定 › 会議録の様式: pick a preset as a starting point, edit the style's settings, see a real
 * meeting of the council in it (live), save it to the council, share it as a style file.
 */
import { useMemo, useRef, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Dropdown } from '../../ui/select';
import { ArrowDown16Regular, ArrowUp16Regular, Dismiss16Regular } from '@fluentui/react-icons';
import { ReadOnlyArea } from '../sync';
import { saveCouncil, useStylePreviewRecords } from './data';
import { useNotify, describeError } from '../../app/notify';
import { call } from '../../platform/bridge';
import { Section } from '../../ui/Section';
import { MinutesPreview } from '../minutes';
import type { Council } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { UNKNOWN_SPEAKER_LABEL, buildMinutesModel } from '../../../../shared/minutes/model';
import {
  DOCUMENT_KIND_LABELS,
  HEADER_ROW_DEFAULT_LABELS,
  HEADER_ROW_KEYS,
  MINUTES_STYLE_PRESETS,
  resolveMinutesStyle,
  styleProblem,
  type HeaderRowKey,
  type MinutesStyle,
} from '../../../../shared/minutes/style';

const useStyles = makeStyles({
  cols: { display: 'grid', gridTemplateColumns: 'minmax(360px, 1fr) minmax(420px, 1.3fr)', gap: '16px' },
  stack: { display: 'flex', flexDirection: 'column', gap: '10px' },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: '10px' },
  triple: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: '10px' },
  group: { fontWeight: 600, marginTop: '8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  row: { display: 'flex', gap: '4px', alignItems: 'center' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  preview: { maxHeight: '900px', overflow: 'auto', position: 'sticky', top: 0 },
});

const HEADER_FORM_LABELS: Record<MinutesStyle['header']['form'], string> = {
  table: '表（2列）',
  numbered: '番号付き（1 日時　…）',
  'numbered-below': '番号付き（値は次の行）',
  block: '項目名：値',
  headed: '【項目名】の見出し',
};
const ATTENDANCE_LABELS: Record<MinutesStyle['attendance']['form'], string> = {
  names: '氏名のみ',
  affiliation: '氏名と所属',
  category: '選出区分ごと',
  count: '人数のみ',
};
const ABSENT_LABELS: Record<MinutesStyle['attendance']['absent'], string> = {
  row: '欠席者の項目',
  divider: '出席者の下に（欠席）',
  omit: '載せない',
};
const WHO_LABELS: Record<MinutesStyle['speaker']['who'], string> = {
  'name-role': '氏名＋役職（山田副会長）',
  'surname-role': '姓＋役職',
  'role-name': '役職（氏名）',
  name: '氏名のみ',
  role: '役職のみ',
};
const PLACEMENT_LABELS: Record<MinutesStyle['speaker']['placement'], string> = {
  space: '発言の前（空白）',
  colon: '発言の前（：）',
  'own-line': '独立した行',
};
const ERA_LABELS: Record<MinutesStyle['date']['era'], string> = {
  wareki: '和暦',
  seireki: '西暦',
  both: '和暦（西暦）',
};
const WEEKDAY_LABELS: Record<MinutesStyle['date']['weekday'], string> = {
  'paren-full': '（金）',
  'paren-half': '(金)',
  'paren-long': '（金曜日）',
  'paren-short': '(金曜)',
  none: 'なし',
};
const TIME_LABELS: Record<MinutesStyle['date']['time'], string> = {
  colon: '13:30～15:30',
  kanji: '13時30分～15時30分',
  gozen: '午後1時30分～3時30分',
  'gozen-kara': '午後1時30分から午後3時30分まで',
};
const NUMBER_LABELS: Record<MinutesStyle['numbering']['section'], string> = {
  plain: '１',
  dot: '１.',
  dai: '第１',
  paren: '（１）',
  circled: '①',
  kana: 'ア',
};
const AGENDA_NUMBER_LABELS: Record<MinutesStyle['numbering']['agenda'], string> = {
  plain: '議題１',
  dot: '議題１.',
  dai: '第１',
  paren: '議題（１）',
  circled: '議題①',
  kana: '議題ア',
};
const PUNCT_LABELS: Record<MinutesStyle['text']['punctuation'], string> = {
  keep: '書いたまま',
  touten: '、。',
  comma: '，。',
  ascii: ',.',
};
const WIDTH_LABELS: Record<MinutesStyle['text']['alnumWidth'], string> = {
  keep: '書いたまま',
  half: '半角',
  full: '全角',
};
const MARGIN_LABELS = { top: '上', bottom: '下', left: '左', right: '右' } as const;
const PAGE_NUMBER_LABELS: Record<MinutesStyle['page']['pageNumber'], string> = {
  dash: '- 1 -',
  plain: '1',
  'of-total': '1 / 3',
  none: 'なし',
};

function Choice<K extends string>({
  label,
  value,
  labels,
  onChange,
}: {
  label: string;
  value: K;
  labels: Record<K, string>;
  onChange(v: K): void;
}) {
  return (
    <Field label={label}>
      <Dropdown
        style={{ minWidth: 0 }}
        value={labels[value]}
        selectedOptions={[value]}
        onOptionSelect={(_, d) => d.optionValue && onChange(d.optionValue as K)}
      >
        {(Object.keys(labels) as K[]).map((k) => (
          <Option key={k} value={k}>
            {labels[k]}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function Text1({ label, value, onChange }: { label: string; value: string; onChange(v: string): void }) {
  return (
    <Field label={label}>
      <Input style={{ minWidth: 0 }} value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

function Num({
  label,
  value,
  step,
  onChange,
}: {
  label: string;
  value: number;
  step: number;
  onChange(v: number): void;
}) {
  return (
    <Field label={label}>
      <Input
        style={{ minWidth: 0 }}
        type="number"
        step={step}
        value={String(value)}
        onChange={(_, d) => {
          const n = Number(d.value);
          if (d.value !== '' && Number.isFinite(n)) onChange(n);
        }}
      />
    </Field>
  );
}

/** The stack's layout for the 閲覧のみ fieldset that holds its fields. */
const STACK_AREA = { display: 'flex', flexDirection: 'column', gap: '10px' } as const;

export function MinutesStyleEditor({ council, readOnly = false }: { council: Council; readOnly?: boolean }) {
  const s = useStyles();
  const notify = useNotify();
  const saved = useMemo(() => resolveMinutesStyle(council), [council]);
  const [draft, setDraft] = useState<MinutesStyle>(() => structuredClone(saved));
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const records = useStylePreviewRecords(council.id);
  const problem = styleProblem(draft);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);

  const model = useMemo(() => {
    if (!records) return null;
    try {
      return buildMinutesModel({ council, ...records, mode: 'internal', minutesStyle: draft });
    } catch {
      return null;
    }
  }, [council, records, draft]);

  // Turns without a recorded speaker (a 発言者別 or 全文 kind says so in the 内部版).
  const unrecorded =
    records && (draft.kind === 'speaker' || draft.kind === 'verbatim')
      ? records.remarks.filter((r) => r.speaker.type === 'unknown' && ['意見', '質問', '発言'].includes(r.kind)).length
      : 0;

  /** Changes one part of the draft (a copy; the saved style stays until 保存). */
  const edit = <K extends keyof MinutesStyle>(key: K, patch: Partial<MinutesStyle[K]>) =>
    setDraft((d) => ({ ...d, [key]: { ...(d[key] as object), ...patch } }));
  const rows = draft.header.rows;
  const setRows = (next: MinutesStyle['header']['rows']) => edit('header', { rows: next });
  const move = (i: number, by: number) => {
    const next = [...rows];
    const [r] = next.splice(i, 1);
    next.splice(i + by, 0, r!);
    setRows(next);
  };
  const unused = HEADER_ROW_KEYS.filter((k) => !rows.some((r) => r.key === k));

  const save = async () => {
    const reason = styleProblem(draft);
    if (reason) {
      notify.error(new AppError('INVALID_ARGUMENT', reason), '保存できません');
      return;
    }
    try {
      await saveCouncil(council.id, { minutesStyle: draft });
      notify.success('会議録の様式を保存しました');
    } catch (e) {
      notify.error(e, '保存できませんでした');
    }
  };
  const exportFile = async () => {
    try {
      const file = await call('minutes:style:export', { style: draft });
      notify.success(`様式ファイルを保存しました：${file.name}`);
    } catch (e) {
      notify.error(e, '様式ファイルを書き出せませんでした');
    }
  };
  const importFile = async (file: File) => {
    setFileError(null);
    try {
      const { style } = await call('minutes:style:parse', { text: await file.text(), fileName: file.name });
      setDraft(style);
      notify.success(`「${style.name}」を読み込みました（保存するまで審議会には反映されません）`);
    } catch (e) {
      setFileError(describeError(e).message);
    }
  };

  return (
    <Section title="会議録の様式">
      <div className={s.cols}>
        <div className={s.stack} aria-label="様式の設定" role="group">
          <ReadOnlyArea readOnly={readOnly} style={STACK_AREA}>
            <Field
              label="基にする様式（プリセット）"
              hint="選ぶと下の設定がその様式に置き換わります。そのあと自由に変えられます。"
            >
              <Dropdown
                placeholder="プリセットを選ぶ"
                onOptionSelect={(_, d) => {
                  const p = MINUTES_STYLE_PRESETS.find((x) => x.name === d.optionValue);
                  if (p) setDraft(structuredClone(p));
                }}
              >
                {MINUTES_STYLE_PRESETS.map((p) => (
                  <Option key={p.name} value={p.name}>
                    {p.name}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <div className={s.pair}>
              <Text1 label="様式の名前" value={draft.name} onChange={(name) => setDraft((d) => ({ ...d, name }))} />
              <Choice
                label="文書の種類"
                value={draft.kind}
                labels={DOCUMENT_KIND_LABELS}
                onChange={(kind) => setDraft((d) => ({ ...d, kind }))}
              />
            </div>

            <Text className={s.group}>表題</Text>
            <div className={s.pair}>
              <Text1 label="表題" value={draft.title.text} onChange={(text) => edit('title', { text })} />
              <Choice
                label="表題の後ろ"
                value={draft.title.status}
                labels={{ review: '確認用に（案）', workflow: '（案）→（確定稿）', none: 'つけない' }}
                onChange={(status) => edit('title', { status })}
              />
            </div>
            <Switch
              label="字間をあける（会　議　録）"
              checked={draft.title.letterSpacing}
              onChange={(_, d) => edit('title', { letterSpacing: d.checked })}
            />

            <Text className={s.group}>見出し（日時・場所など）</Text>
            <div className={s.pair}>
              <Choice
                label="見出しの形式"
                value={draft.header.form}
                labels={HEADER_FORM_LABELS}
                onChange={(form) => edit('header', { form })}
              />
              <Choice
                label="公開・非公開の別"
                value={draft.header.disclosure}
                labels={{ value: '値で書く（公開）', choices: '１ 公開　２ 一部公開　３ 非公開' }}
                onChange={(disclosure) => edit('header', { disclosure })}
              />
            </div>
            <Choice
              label="傍聴者がいないとき"
              value={draft.header.observersNone}
              labels={{ count: '（傍聴者 0人）', none: 'なし', omit: '行を設けない' }}
              onChange={(observersNone) => edit('header', { observersNone })}
            />
            <ol aria-label="見出しの項目" style={{ margin: 0, paddingLeft: 20 }}>
              {rows.map((r, i) => (
                <li key={r.key}>
                  <div className={s.row}>
                    <Input
                      aria-label={`見出しの項目「${HEADER_ROW_DEFAULT_LABELS[r.key]}」の名前`}
                      value={r.label}
                      onChange={(_, d) => setRows(rows.map((x, j) => (j === i ? { ...x, label: d.value } : x)))}
                    />
                    <Text size={200} style={{ color: tokens.colorNeutralForeground3, flex: 1 }}>
                      {r.key === 'body' ? '（本文）' : HEADER_ROW_DEFAULT_LABELS[r.key]}
                    </Text>
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<ArrowUp16Regular />}
                      aria-label={`${r.label}を上へ`}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    />
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<ArrowDown16Regular />}
                      aria-label={`${r.label}を下へ`}
                      disabled={i === rows.length - 1}
                      onClick={() => move(i, 1)}
                    />
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<Dismiss16Regular />}
                      aria-label={`${r.label}を表示しない`}
                      onClick={() => setRows(rows.filter((_, j) => j !== i))}
                    />
                  </div>
                </li>
              ))}
            </ol>
            {unused.length ? (
              <Field label="項目を追加">
                <Dropdown
                  placeholder="追加する項目"
                  selectedOptions={[]}
                  onOptionSelect={(_, d) => {
                    const key = d.optionValue as HeaderRowKey | undefined;
                    if (key) setRows([...rows, { key, label: HEADER_ROW_DEFAULT_LABELS[key] }]);
                  }}
                >
                  {unused.map((k) => (
                    <Option key={k} value={k}>
                      {HEADER_ROW_DEFAULT_LABELS[k]}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            ) : null}

            <Text className={s.group}>出席者</Text>
            <div className={s.triple}>
              <Choice
                label="出席者の書き方"
                value={draft.attendance.form}
                labels={ATTENDANCE_LABELS}
                onChange={(form) => edit('attendance', { form })}
              />
              <Choice
                label="欠席者"
                value={draft.attendance.absent}
                labels={ABSENT_LABELS}
                onChange={(absent) => edit('attendance', { absent })}
              />
              <Choice
                label="会長・副会長"
                value={draft.attendance.officers}
                labels={{ role: '氏名の後に役職', mark: '◎ ○ の印' }}
                onChange={(officers) => edit('attendance', { officers })}
              />
            </div>
            <div className={s.pair}>
              <Choice
                label="その他の出席者（説明員・幹事・報道関係など）"
                value={draft.attendance.others?.layout ?? 'one-row'}
                labels={{ 'one-row': '一つの項目に＜区分＞ごと', 'own-rows': '区分ごとに項目を立てる' }}
                onChange={(layout) =>
                  edit('attendance', { others: { order: draft.attendance.others?.order ?? [], layout } })
                }
              />
              <Field label="区分の順（、で区切る）" hint="例：説明員、幹事、報道関係（ない区分は後ろに出た順）">
                <Input
                  style={{ minWidth: 0 }}
                  value={(draft.attendance.others?.order ?? []).join('、')}
                  onChange={(_, d) =>
                    edit('attendance', {
                      others: {
                        layout: draft.attendance.others?.layout ?? 'one-row',
                        order: d.value.split(/[、,，]/).map((x) => x.trim()),
                      },
                    })
                  }
                />
              </Field>
            </div>
            <Switch
              label="公開版でも出席者の氏名を載せる"
              checked={draft.attendance.namesInPublic}
              onChange={(_, d) => edit('attendance', { namesInPublic: d.checked })}
            />

            <Text className={s.group}>発言者</Text>
            <div className={s.pair}>
              <Text1
                label="発言者の表記（{記号}{呼び方}{役職}{氏名}{姓}）"
                value={draft.speaker.pattern}
                onChange={(pattern) => edit('speaker', { pattern })}
              />
              <Choice
                label="名前の書き方"
                value={draft.speaker.who}
                labels={WHO_LABELS}
                onChange={(who) => edit('speaker', { who })}
              />
            </div>
            <div className={s.triple}>
              <Text1
                label="会長の印"
                value={draft.speaker.marks.chair}
                onChange={(chair) => edit('speaker', { marks: { ...draft.speaker.marks, chair } })}
              />
              <Text1
                label="委員の印"
                value={draft.speaker.marks.member}
                onChange={(member) => edit('speaker', { marks: { ...draft.speaker.marks, member } })}
              />
              <Text1
                label="事務局の印"
                value={draft.speaker.marks.staff}
                onChange={(staff) => edit('speaker', { marks: { ...draft.speaker.marks, staff } })}
              />
            </div>
            <Field label="発言者の位置">
              <RadioGroup
                layout="horizontal"
                value={draft.speaker.placement}
                onChange={(_, d) => edit('speaker', { placement: d.value as MinutesStyle['speaker']['placement'] })}
              >
                {Object.entries(PLACEMENT_LABELS).map(([k, l]) => (
                  <Radio key={k} value={k} label={l} />
                ))}
              </RadioGroup>
            </Field>

            <Text className={s.group}>日付と時刻</Text>
            <Field label="年の表記">
              <RadioGroup
                layout="horizontal"
                value={draft.date.era}
                onChange={(_, d) => edit('date', { era: d.value as MinutesStyle['date']['era'] })}
              >
                {Object.entries(ERA_LABELS).map(([k, l]) => (
                  <Radio key={k} value={k} label={l} />
                ))}
              </RadioGroup>
            </Field>
            <div className={s.pair}>
              <Choice
                label="曜日"
                value={draft.date.weekday}
                labels={WEEKDAY_LABELS}
                onChange={(weekday) => edit('date', { weekday })}
              />
              <Choice
                label="時刻"
                value={draft.date.time}
                labels={TIME_LABELS}
                onChange={(time) => edit('date', { time })}
              />
            </div>
            <div className={s.pair}>
              <Switch
                label="12時を「正午」"
                checked={draft.date.noon}
                onChange={(_, d) => edit('date', { noon: d.checked })}
              />
              <Switch
                label="00分も書く（13時00分）"
                checked={draft.date.zeroMinutes === 'keep'}
                onChange={(_, d) => edit('date', { zeroMinutes: d.checked ? 'keep' : 'omit' })}
              />
            </div>

            <Text className={s.group}>番号</Text>
            <div className={s.triple}>
              <Choice
                label="本文の番号"
                value={draft.numbering.section}
                labels={NUMBER_LABELS}
                onChange={(section) => edit('numbering', { section })}
              />
              <Choice
                label="資料の番号"
                value={draft.numbering.material}
                labels={NUMBER_LABELS}
                onChange={(material) => edit('numbering', { material })}
              />
              <Choice
                label="議題の番号"
                value={draft.numbering.agenda}
                labels={AGENDA_NUMBER_LABELS}
                onChange={(agenda) => edit('numbering', { agenda })}
              />
              <Choice
                label="数字の幅"
                value={draft.numbering.digitWidth}
                labels={{ full: '全角', half: '半角' }}
                onChange={(digitWidth) => edit('numbering', { digitWidth })}
              />
            </div>

            <Text className={s.group}>定型文</Text>
            <Text1
              label="意見のまとまりの見出し"
              value={draft.texts.opinionsGroup}
              onChange={(opinionsGroup) => edit('texts', { opinionsGroup })}
            />
            <div className={s.triple}>
              <Text1
                label="分野の印"
                value={draft.texts.fieldMark}
                onChange={(fieldMark) => edit('texts', { fieldMark })}
              />
              <Text1
                label="回答の前"
                value={draft.texts.answerPrefix}
                onChange={(answerPrefix) => edit('texts', { answerPrefix })}
              />
              <Text1
                label="回答の後"
                value={draft.texts.answerSuffix}
                onChange={(answerSuffix) => edit('texts', { answerSuffix })}
              />
            </div>
            <div className={s.pair}>
              <Text1
                label="説明の文（{who}から{text}）"
                value={draft.texts.explanation}
                onChange={(explanation) => edit('texts', { explanation })}
              />
              <Text1 label="該当なしの表記" value={draft.texts.none} onChange={(none) => edit('texts', { none })} />
            </div>

            <Text className={s.group}>句読点と文字の幅（出力時に本文へ適用）</Text>
            <div className={s.pair}>
              <Choice
                label="句読点"
                value={draft.text.punctuation}
                labels={PUNCT_LABELS}
                onChange={(punctuation) => edit('text', { punctuation })}
              />
              <Choice
                label="英数字の幅"
                value={draft.text.alnumWidth}
                labels={WIDTH_LABELS}
                onChange={(alnumWidth) => edit('text', { alnumWidth })}
              />
            </div>

            <Text className={s.group}>ページ</Text>
            <div className={s.triple}>
              <Num
                label="行間（倍）"
                step={0.05}
                value={draft.page.lineSpacing}
                onChange={(lineSpacing) => edit('page', { lineSpacing })}
              />
              <Num
                label="本文の文字（pt）"
                step={0.5}
                value={draft.page.bodySize}
                onChange={(bodySize) => edit('page', { bodySize })}
              />
              <Num
                label="表題の文字（pt）"
                step={1}
                value={draft.page.titleSize}
                onChange={(titleSize) => edit('page', { titleSize })}
              />
            </div>
            <div className={s.pair}>
              <Num
                label="見出しの文字（pt）"
                step={0.5}
                value={draft.page.headingSize}
                onChange={(headingSize) => edit('page', { headingSize })}
              />
              <Choice
                label="ページ番号"
                value={draft.page.pageNumber}
                labels={PAGE_NUMBER_LABELS}
                onChange={(pageNumber) => edit('page', { pageNumber })}
              />
            </div>
            <div className={s.pair}>
              {(['top', 'bottom', 'left', 'right'] as const).map((side) => (
                <Num
                  key={side}
                  label={`余白・${MARGIN_LABELS[side]}（mm）`}
                  step={1}
                  value={draft.page.marginsMm[side]}
                  onChange={(mm) => edit('page', { marginsMm: { ...draft.page.marginsMm, [side]: mm } })}
                />
              ))}
            </div>
            <Switch
              label="文字数と行数を指定する（Word の「文字数と行数」）"
              checked={draft.page.grid !== null}
              onChange={(_, d) => edit('page', { grid: d.checked ? { chars: null, lines: 36 } : null })}
            />
            {draft.page.grid ? (
              <div className={s.pair}>
                <Num
                  label="1ページの行数"
                  step={1}
                  value={draft.page.grid.lines}
                  onChange={(lines) => edit('page', { grid: { ...draft.page.grid!, lines } })}
                />
                <Field label="1行の文字数（空欄でフォントに合わせる）">
                  <Input
                    type="number"
                    step={1}
                    value={draft.page.grid.chars === null ? '' : String(draft.page.grid.chars)}
                    onChange={(_, d) => {
                      const n = Number(d.value);
                      if (d.value === '') edit('page', { grid: { ...draft.page.grid!, chars: null } });
                      else if (Number.isInteger(n)) edit('page', { grid: { ...draft.page.grid!, chars: n } });
                    }}
                  />
                </Field>
              </div>
            ) : null}
          </ReadOnlyArea>

          {problem ? (
            <MessageBar intent="warning">
              <MessageBarBody>保存できません：{problem}</MessageBarBody>
            </MessageBar>
          ) : null}
          {fileError ? (
            <MessageBar intent="error" aria-label="様式ファイルの読み込みエラー">
              <MessageBarBody>様式ファイルを読み込めませんでした：{fileError}</MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={s.actions}>
            {readOnly ? null : (
              <>
                <Button appearance="primary" disabled={!dirty || problem !== null} onClick={() => void save()}>
                  様式を保存
                </Button>
                <Button disabled={!dirty} onClick={() => setDraft(structuredClone(saved))}>
                  変更を取り消す
                </Button>
                <Button onClick={() => fileInput.current?.click()}>様式ファイルを読み込む</Button>
              </>
            )}
            <input
              ref={fileInput}
              type="file"
              accept=".json"
              aria-label="様式ファイル"
              hidden
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importFile(file);
              }}
            />
            <Button disabled={problem !== null} onClick={() => void exportFile()}>
              様式ファイルを書き出す
            </Button>
            {dirty ? <Text size={200}>未保存の変更があります</Text> : null}
          </div>
        </div>
        <div className={s.preview} aria-label="様式のプレビュー" role="region">
          {records === undefined ? (
            <Text>読み込み中…</Text>
          ) : !records || !model ? (
            <Text>発言の記録がある会議がまだないため、プレビューを表示できません。</Text>
          ) : (
            <>
              <Text size={200} block style={{ marginBottom: 6 }}>
                第{records.meeting.number}回の記録で表示しています（内部版）。
                {unrecorded
                  ? `発言者が記録されていない発言（${unrecorded}件）は「${UNKNOWN_SPEAKER_LABEL}」と表示しています。`
                  : ''}
              </Text>
              <MinutesPreview model={model} />
            </>
          )}
        </div>
      </div>
    </Section>
  );
}
