/** Per-paragraph editing of the minutes, with the remarks each paragraph comes from. */
import { useEffect, useRef, useState } from 'react';
import { Badge, Button, makeStyles, Text, Textarea, tokens, Tooltip } from '@fluentui/react-components';
import { ChangedElsewhereBar } from '../../ui/staleEdit';
import { Add16Regular, ArrowUndo16Regular, Edit16Regular } from '@fluentui/react-icons';
import type { Remark } from '../../../../shared/domain';
import type { MinutesModel, MinutesParagraph } from '../../../../shared/minutes/model';
import type { HeaderRowKey } from '../../../../shared/minutes/style';
import { PreviewParagraph } from './MinutesPreview';
import { AnswerLinkSelect } from './AnswerLinkSelect';
import { ParagraphList, VIRTUALISE_ABOVE } from './ParagraphList';
import { ConflictMark } from '../sync';

const useStyles = makeStyles({
  section: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: '10px 0' },
  heading: { display: 'flex', alignItems: 'center', gap: '8px', marginBottom: '6px' },
  row: {
    display: 'grid',
    gridTemplateColumns: '1fr 300px',
    gap: '12px',
    padding: '4px 6px',
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus': { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  sources: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'flex-start' },
  actions: { display: 'flex', gap: '6px', marginTop: '6px' },
  side: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'flex-start', alignContent: 'flex-start' },
  sideActions: { display: 'flex', gap: '4px' },
  text: { fontFamily: '"Yu Mincho", "MS Mincho", "Noto Serif CJK JP", serif', lineHeight: 1.7 },
});

/** Header rows filled from the meeting's records (not written in the minutes). */
const DATA_ROWS = new Set<HeaderRowKey>([
  'name',
  'datetime',
  'venue',
  'present',
  'absent',
  'staff',
  'observers',
  'agenda',
  'body',
  'materials',
  'disclosure',
]);

interface Props {
  model: MinutesModel;
  remarks: Remark[];
  locked: boolean;
  onSave(key: string, text: string, place: string): Promise<void>;
  onRevert(key: string, place: string): Promise<void>;
  /** Team sync: paragraph keys whose hand edits are in conflict, remarks in conflict, and where the 競合 list shows them. */
  conflicts?: ParagraphConflicts;
}

export interface ParagraphConflicts {
  keys: ReadonlySet<string>;
  remarks: ReadonlySet<string>;
  link(remarkId?: string): string;
}

function ParagraphConflictMark({ p, conflicts }: { p: MinutesParagraph; conflicts?: ParagraphConflicts }) {
  if (!conflicts) return null;
  if (conflicts.keys.has(p.key)) return <ConflictMark to={conflicts.link()} />;
  const remark = p.sourceIds.find((id) => conflicts.remarks.has(id));
  return remark ? <ConflictMark to={conflicts.link(remark)} /> : null;
}

function Sources({ p, byId }: { p: MinutesParagraph; byId: Map<string, Remark> }) {
  const s = useStyles();
  if (p.kind === 'group' || p.kind === 'field' || p.sourceIds.length === 0) {
    return (
      <div className={s.sources}>
        {p.kind === 'group' || p.kind === 'field' ? <Text size={200}>（{p.sourceIds.length}件の記録から）</Text> : null}
      </div>
    );
  }
  return (
    <div className={s.sources} aria-label="元の記録">
      {p.sourceIds.map((id) => {
        const r = byId.get(id);
        if (!r) return null;
        return (
          <Tooltip key={id} content={r.text} relationship="description">
            <Badge appearance="outline" color="informative" tabIndex={0}>
              記録{r.order}・{r.kind}
            </Badge>
          </Tooltip>
        );
      })}
      {p.sourceIds.some((id) => byId.get(id)?.nonPublic) ? (
        <Badge appearance="tint" color="danger">
          非公開
        </Badge>
      ) : null}
      {p.sourceIds.some((id) => byId.get(id)?.needsCheck) ? (
        <Badge appearance="tint" color="warning">
          要確認
        </Badge>
      ) : null}
      {p.edited ? (
        <Badge appearance="tint" color="brand">
          手直し済み
        </Badge>
      ) : null}
    </div>
  );
}

function ParagraphRow({
  p,
  place,
  byId,
  locked,
  onSave,
  onRevert,
  fieldMark,
  onEditing,
  conflicts,
}: {
  p: MinutesParagraph;
  place: string;
  byId: Map<string, Remark>;
  fieldMark?: string;
  /** Told while a draft is open (a virtualised list keeps the row rendered). */
  onEditing?: (editing: boolean) => void;
} & Omit<Props, 'model' | 'remarks'>) {
  const s = useStyles();
  const [draft, setDraft] = useState<string | null>(null);
  /** The paragraph's text when editing began: another window may change it meanwhile. */
  const [startText, setStartText] = useState('');
  const [busy, setBusy] = useState(false);
  const editing = draft !== null;
  const changedElsewhere = editing && !busy && p.text !== startText;
  const edit = () => {
    setDraft(p.text);
    setStartText(p.text);
  };
  const onEditingRef = useRef(onEditing);
  onEditingRef.current = onEditing;
  useEffect(() => onEditingRef.current?.(editing), [editing]);
  const save = async () => {
    if (draft === null || changedElsewhere) return;
    setBusy(true);
    try {
      await onSave(p.key, draft, place);
      setDraft(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={s.row} data-paragraph={p.key} tabIndex={-1}>
      <div className={s.text}>
        {draft === null ? (
          <PreviewParagraph p={p} fieldMark={fieldMark} />
        ) : (
          <>
            {changedElsewhere ? <ChangedElsewhereBar onReload={edit} onKeepMine={() => setStartText(p.text)} /> : null}
            <Textarea
              value={draft}
              resize="vertical"
              rows={Math.min(8, Math.max(2, Math.ceil(draft.length / 40)))}
              style={{ width: '100%' }}
              aria-label={`段落の文章（${place}）`}
              autoFocus
              onChange={(_, d) => setDraft(d.value)}
              onKeyDown={(e) => {
                if (e.nativeEvent.isComposing) return;
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void save();
                }
                if (e.key === 'Escape') {
                  e.preventDefault();
                  setDraft(null);
                }
              }}
            />
            <div className={s.actions}>
              <Button size="small" appearance="primary" disabled={busy || changedElsewhere} onClick={() => void save()}>
                保存（Ctrl+Enter）
              </Button>
              <Button size="small" onClick={() => setDraft(null)}>
                取消（Esc）
              </Button>
            </div>
          </>
        )}
      </div>
      <div className={s.side}>
        <ParagraphConflictMark p={p} conflicts={conflicts} />
        <Sources p={p} byId={byId} />
        <AnswerLinkSelect paragraph={p} />
        {p.editable && !locked && draft === null ? (
          <div className={s.sideActions}>
            <Button size="small" icon={<Edit16Regular />} onClick={edit} aria-label={`編集：${p.text.slice(0, 20)}`}>
              編集
            </Button>
            {p.edited ? (
              <Button size="small" icon={<ArrowUndo16Regular />} onClick={() => void onRevert(p.key, place)}>
                記録の文に戻す
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

export function MinutesEditor({ model, remarks, locked, onSave, onRevert, conflicts }: Props) {
  const s = useStyles();
  const byId = new Map(remarks.map((r) => [r.id, r]));
  const virtual = model.sections.reduce((n, sec) => n + sec.paragraphs.length, 0) > VIRTUALISE_ABOVE;
  // Header rows without data of their own (その他, 記録者, 次回予定 …) are written here as h:<key>.
  const freeRows = model.format.header.rows.filter((r) => !DATA_ROWS.has(r.key));
  if (!freeRows.some((r) => r.key === 'other')) freeRows.unshift({ key: 'other', label: 'その他' });
  return (
    <div>
      {model.sections.map((sec) => {
        const hasExtra = sec.paragraphs.some((p) => p.key === `x:${sec.key}`);
        return (
          <section key={sec.key} className={s.section} aria-label={sec.heading}>
            <div className={s.heading}>
              <Text as="h3" weight="semibold" size={400}>
                {sec.heading}
              </Text>
              {!locked && !hasExtra ? (
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<Add16Regular />}
                  onClick={() => void onSave(`x:${sec.key}`, '', sec.heading)}
                >
                  段落を追加
                </Button>
              ) : null}
            </div>
            {sec.paragraphs.length === 0 ? (
              <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
                （記録はありません）
              </Text>
            ) : null}
            <ParagraphList
              paragraphs={sec.paragraphs}
              virtual={virtual}
              render={(p, onEditing) => (
                <ParagraphRow
                  key={p.key}
                  p={p}
                  place={sec.heading}
                  fieldMark={model.format.texts.fieldMark}
                  byId={byId}
                  locked={locked}
                  onSave={onSave}
                  onRevert={onRevert}
                  onEditing={onEditing}
                  conflicts={conflicts}
                />
              )}
            />
          </section>
        );
      })}
      <section className={s.section} aria-label="その他（見出し項目）">
        <Text as="h3" weight="semibold" size={400}>
          その他（見出し項目）
        </Text>
        {freeRows.map((row) => (
          <div key={row.key}>
            {freeRows.length > 1 ? (
              <Text size={200} weight="semibold">
                {row.label}
              </Text>
            ) : null}
            <ParagraphRow
              p={{
                key: `h:${row.key}`,
                kind: 'text',
                prefix: '',
                text: model.header.find((h) => h.key === row.key)?.lines.join('\n') ?? '',
                suffix: '',
                sourceIds: [],
                edited: false,
                editable: true,
              }}
              place={row.label}
              byId={byId}
              locked={locked}
              onSave={onSave}
              onRevert={onRevert}
              conflicts={conflicts}
            />
          </div>
        ))}
      </section>
    </div>
  );
}
