/**
 * The outline editor: 目次 pane on the left (navigation and structure), the selected
 * section on the right (heading, body blocks, the opinions it reflects). Every edit is
 * stored at once; section ids never change, so versions compare section by section.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import {
  Badge,
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
  Text,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import {
  Add20Regular,
  ArrowDown20Regular,
  ArrowUp20Regular,
  Delete20Regular,
  TextBulletList20Regular,
  TextIndentDecreaseLtr20Regular,
  TextIndentIncreaseLtr20Regular,
  TextParagraph20Regular,
  Table20Regular,
} from '@fluentui/react-icons';
import { db } from '../../data/db';
import { useNotify } from '../../app/notify';
import { EmptyState } from '../../ui/EmptyState';
import { saveDraftInfo, saveSections, setOpinionLink } from './data';
import { BlockEditor, newBlock } from './BlockEditor';
import { NUMBERING_NAMES } from './DraftList';
import {
  addChild,
  addSibling,
  indent,
  moveDown,
  moveUp,
  newSection,
  numberedHeading,
  opinionsOfSection,
  outdent,
  outline,
  removeSection,
  subtreeIds,
  updateSection,
  type OutlineEntry,
} from '../../../../shared/drafts';
import { randomId } from '../../../../shared/factory';
import type { Block, Draft, Opinion, Section } from '../../../../shared/domain';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(240px, 320px) 1fr', gap: '16px', alignItems: 'start' },
  pane: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '10px',
    position: 'sticky',
    top: '8px',
    maxHeight: 'calc(100vh - 120px)',
    overflowY: 'auto',
  },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    padding: '4px 6px',
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    lineHeight: 1.5,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    fontWeight: 600,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '16px 20px',
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
  },
  toolbar: { display: 'flex', gap: '4px', flexWrap: 'wrap', alignItems: 'center' },
  settings: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr) 170px minmax(0, 220px)',
    gap: '8px',
    marginBottom: '12px',
  },
});

type OutlineAction = 'up' | 'down' | 'indent' | 'outdent' | 'sibling' | 'child';

export { OUTLINE_SHORTCUTS } from './shortcuts';

export function outlineActionOf(e: KeyboardEvent): OutlineAction | null {
  if (e.nativeEvent.isComposing || e.key === 'Process') return null;
  if (e.altKey && !e.ctrlKey && !e.metaKey) {
    if (e.key === 'ArrowUp') return 'up';
    if (e.key === 'ArrowDown') return 'down';
    if (e.key === 'ArrowRight') return 'indent';
    if (e.key === 'ArrowLeft') return 'outdent';
  }
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') return e.shiftKey ? 'child' : 'sibling';
  return null;
}

export function DraftEditor({ draft, opinions }: { draft: Draft; opinions: Opinion[] }) {
  const s = useStyles();
  const notify = useNotify();
  const [sections, setSections] = useState<Section[]>(draft.sections);
  const latest = useRef(sections);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [selectedId, setSelectedId] = useState<string | null>(
    () => outline(draft.sections, draft.numbering)[0]?.section.id ?? null,
  );
  const [focusHeading, setFocusHeading] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const outlineRefs = useRef(new Map<string, HTMLButtonElement>());

  const entries = useMemo(() => outline(sections, draft.numbering), [sections, draft.numbering]);
  const selected = entries.find((e) => e.section.id === selectedId) ?? null;

  const commit = useCallback(
    (next: Section[]) => {
      if (next === latest.current) return;
      latest.current = next;
      setSections(next);
      queue.current = queue.current
        .then(() => saveSections(db, draft.id, next))
        .catch((err) => notify.error(err, '原稿を保存できませんでした'));
    },
    [draft.id, notify],
  );

  // Pending saves finish before freezing or exporting (the parent asks through this).
  useEffect(() => {
    flushers.set(draft.id, () => queue.current);
    return () => {
      flushers.delete(draft.id);
    };
  }, [draft.id]);

  const act = useCallback(
    (action: OutlineAction, id: string | null): boolean => {
      const cur = latest.current;
      if (action === 'sibling' || action === 'child' || id === null) {
        const sec = newSection(randomId());
        const next = action === 'child' && id ? addChild(cur, id, sec) : addSibling(cur, id, sec);
        commit(next);
        setSelectedId(sec.id);
        setFocusHeading((n) => n + 1);
        return true;
      }
      const op = { up: moveUp, down: moveDown, indent, outdent }[action];
      const next = op(cur, id);
      if (next === cur) return false;
      commit(next);
      return true;
    },
    [commit],
  );

  const onOutlineKey = (e: KeyboardEvent<HTMLButtonElement>, id: string) => {
    const action = outlineActionOf(e);
    if (action) {
      e.preventDefault();
      act(action, id);
      requestAnimationFrame(() => {
        if (action !== 'sibling' && action !== 'child') outlineRefs.current.get(id)?.focus();
      });
      return;
    }
    if (e.nativeEvent.isComposing) return;
    const i = entries.findIndex((x) => x.section.id === id);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const to = entries[i + (e.key === 'ArrowDown' ? 1 : -1)];
      if (to) {
        setSelectedId(to.section.id);
        outlineRefs.current.get(to.section.id)?.focus();
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      setSelectedId(id);
      setFocusHeading((n) => n + 1);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      setConfirmDelete(id);
    }
  };

  const doDelete = () => {
    if (!confirmDelete) return;
    const i = entries.findIndex((x) => x.section.id === confirmDelete);
    const gone = subtreeIds(latest.current, confirmDelete);
    const next = removeSection(latest.current, confirmDelete);
    commit(next);
    const after = outline(next, draft.numbering);
    setSelectedId(after[Math.min(i, after.length - 1)]?.section.id ?? null);
    setConfirmDelete(null);
    notify.info('項目を削除しました', gone.size > 1 ? `下の項目 ${gone.size - 1} 件も削除しました。` : undefined);
  };

  const deleting = confirmDelete ? entries.find((x) => x.section.id === confirmDelete) : null;
  const deletingCount = confirmDelete ? subtreeIds(sections, confirmDelete).size : 0;

  return (
    <>
      <DraftSettings draft={draft} />
      <div className={s.layout}>
        <nav className={s.pane} aria-label="目次">
          <div style={{ display: 'flex', alignItems: 'center', marginBottom: 6 }}>
            <Text weight="semibold" style={{ flex: 1 }}>
              目次
            </Text>
            <Tooltip content="項目を末尾に追加" relationship="label">
              <Button
                size="small"
                appearance="subtle"
                icon={<Add20Regular />}
                onClick={() => act('sibling', entries.filter((e) => e.level === 0).at(-1)?.section.id ?? null)}
              />
            </Tooltip>
          </div>
          {entries.length === 0 ? (
            <Button appearance="primary" icon={<Add20Regular />} onClick={() => act('sibling', null)}>
              最初の項目を追加
            </Button>
          ) : (
            <ul role="tree" aria-label="目次の項目" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {entries.map((e) => (
                <li key={e.section.id} role="none">
                  <button
                    ref={(el) => {
                      if (el) outlineRefs.current.set(e.section.id, el);
                      else outlineRefs.current.delete(e.section.id);
                    }}
                    role="treeitem"
                    aria-level={e.level + 1}
                    aria-selected={e.section.id === selectedId}
                    tabIndex={e.section.id === (selectedId ?? entries[0]?.section.id) ? 0 : -1}
                    className={`${s.item} ${e.section.id === selectedId ? s.selected : ''}`}
                    style={{ paddingLeft: 6 + e.level * 16 }}
                    onClick={() => setSelectedId(e.section.id)}
                    onKeyDown={(ev) => onOutlineKey(ev, e.section.id)}
                  >
                    {numberedHeading(e, e.section.heading || '（見出し未入力）')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        {selected ? (
          <SectionPanel
            key={selected.section.id}
            entry={selected}
            focusToken={focusHeading}
            opinions={opinions}
            onAction={(a) => act(a, selected.section.id)}
            onChange={(patch) => commit(updateSection(latest.current, selected.section.id, patch))}
            onDelete={() => setConfirmDelete(selected.section.id)}
          />
        ) : (
          <EmptyState title="項目がありません">
            目次の「最初の項目を追加」から章を作ります。見出しを入力して Ctrl+Enter で次の項目、Alt+→ で一段下げます。
          </EmptyState>
        )}
      </div>
      <Dialog
        open={!!deleting}
        onOpenChange={(_, d) => {
          if (!d.open) setConfirmDelete(null);
        }}
      >
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>項目を削除しますか</DialogTitle>
            <DialogContent>
              「{deleting ? numberedHeading(deleting, deleting.section.heading || '（見出し未入力）') : ''}」
              {deletingCount > 1 ? `とその下の項目 ${deletingCount - 1} 件` : ''}
              を作業中の原稿から削除します。確定した版には残ります。
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirmDelete(null)}>
                キャンセル
              </Button>
              <Button appearance="primary" onClick={doDelete}>
                削除
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

/** Waits for the pending saves of an open editor (used before freezing and exporting). */
const flushers = new Map<string, () => Promise<void>>();
export function flushDraft(draftId: string): Promise<void> {
  return flushers.get(draftId)?.() ?? Promise.resolve();
}

function DraftSettings({ draft }: { draft: Draft }) {
  const s = useStyles();
  const notify = useNotify();
  const [title, setTitle] = useState(draft.title);
  const [issuer, setIssuer] = useState(draft.issuer);
  const save = (patch: Parameters<typeof saveDraftInfo>[2]) =>
    void saveDraftInfo(db, draft.id, patch).catch((e) => notify.error(e, '保存できませんでした'));
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

function SectionPanel({
  entry,
  focusToken,
  opinions,
  onAction,
  onChange,
  onDelete,
}: {
  entry: OutlineEntry;
  focusToken: number;
  opinions: Opinion[];
  onAction: (a: OutlineAction) => void;
  onChange: (patch: Partial<Pick<Section, 'heading' | 'blocks'>>) => void;
  onDelete: () => void;
}) {
  const s = useStyles();
  const headingRef = useRef<HTMLInputElement>(null);
  const section = entry.section;
  useEffect(() => {
    if (focusToken) headingRef.current?.focus();
  }, [focusToken]);
  const blocks = section.blocks;
  const setBlock = (i: number, b: Block) => onChange({ blocks: blocks.map((x, j) => (j === i ? b : x)) });
  const moveBlock = (i: number, delta: -1 | 1) => {
    const next = [...blocks];
    const j = i + delta;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange({ blocks: next });
  };
  const tool = (label: string, icon: ReactElement, a: OutlineAction) => (
    <Tooltip content={label} relationship="label">
      <Button
        size="small"
        appearance="subtle"
        icon={icon}
        onClick={() => {
          onAction(a);
          if (a !== 'sibling' && a !== 'child') headingRef.current?.focus();
        }}
      />
    </Tooltip>
  );
  return (
    <section className={s.panel} aria-label="項目の編集">
      <div className={s.toolbar}>
        <Badge appearance="tint" size="large">
          {entry.path}
        </Badge>
        <Text size={200} style={{ color: tokens.colorNeutralForeground3, marginLeft: 4 }}>
          第{entry.level + 1}階層
        </Text>
        <span style={{ flex: 1 }} />
        {tool('上へ移動（Alt+↑）', <ArrowUp20Regular />, 'up')}
        {tool('下へ移動（Alt+↓）', <ArrowDown20Regular />, 'down')}
        {tool('一段上げる（Alt+←）', <TextIndentDecreaseLtr20Regular />, 'outdent')}
        {tool('一段下げる（Alt+→）', <TextIndentIncreaseLtr20Regular />, 'indent')}
        <Button size="small" icon={<Add20Regular />} onClick={() => onAction('sibling')}>
          同じ階層に追加
        </Button>
        <Button size="small" icon={<Add20Regular />} onClick={() => onAction('child')}>
          下の階層に追加
        </Button>
        <Tooltip content="この項目を削除" relationship="label">
          <Button size="small" appearance="subtle" icon={<Delete20Regular />} onClick={onDelete} />
        </Tooltip>
      </div>
      <Field label={`見出し（${entry.label}）`} hint="Ctrl+Enter で次の項目、Alt+→ / Alt+← で階層を変更">
        <Input
          ref={headingRef}
          value={section.heading}
          onChange={(_, d) => onChange({ heading: d.value })}
          onKeyDown={(e) => {
            const a = outlineActionOf(e);
            if (a) {
              e.preventDefault();
              onAction(a);
            }
          }}
          placeholder="例：これまでの取り組みと成果"
          aria-label="見出し"
        />
      </Field>
      {blocks.map((b, i) => (
        <BlockEditor
          key={i}
          block={b}
          index={i}
          count={blocks.length}
          onChange={(nb) => setBlock(i, nb)}
          onMove={(d) => moveBlock(i, d)}
          onRemove={() => onChange({ blocks: blocks.filter((_, j) => j !== i) })}
        />
      ))}
      <div className={s.toolbar}>
        <Button
          size="small"
          icon={<TextParagraph20Regular />}
          onClick={() => onChange({ blocks: [...blocks, newBlock('paragraph')] })}
        >
          段落を追加
        </Button>
        <Button
          size="small"
          icon={<TextBulletList20Regular />}
          onClick={() => onChange({ blocks: [...blocks, newBlock('bullets')] })}
        >
          箇条書きを追加
        </Button>
        <Button
          size="small"
          icon={<Table20Regular />}
          onClick={() => onChange({ blocks: [...blocks, newBlock('table')] })}
        >
          表を追加
        </Button>
      </div>
      <LinkedOpinions sectionId={section.id} opinions={opinions} />
    </section>
  );
}

/** The opinions this section reflects (Opinion.sectionIds), with linking and unlinking. */
function LinkedOpinions({ sectionId, opinions }: { sectionId: string; opinions: Opinion[] }) {
  const notify = useNotify();
  const [query, setQuery] = useState('');
  const linked = opinionsOfSection(opinions, sectionId);
  const candidates = opinions
    .filter((o) => !o.sectionIds.includes(sectionId) && (!query || o.summary.includes(query)))
    .slice(0, 50);
  const link = (id: string, on: boolean) =>
    void setOpinionLink(db, id, sectionId, on).catch((e) => notify.error(e, '意見の関連付けを保存できませんでした'));
  return (
    <div
      role="region"
      aria-label="この項目に反映した意見"
      style={{
        borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
        paddingTop: 10,
        display: 'flex',
        flexDirection: 'column',
        gap: 6,
      }}
    >
      <Text weight="semibold">
        この項目に反映した意見 <Badge appearance="ghost">{linked.length}</Badge>
      </Text>
      {linked.length === 0 ? (
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
          まだ関連付けられた意見はありません。
        </Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {linked.map((o) => (
            <li key={o.id} style={{ marginBottom: 4 }}>
              <Text size={300}>{o.summary}</Text>{' '}
              <Badge size="small" appearance="tint" color={o.status ? 'brand' : 'warning'}>
                {o.status || '未対応'}
              </Badge>{' '}
              <Button
                size="small"
                appearance="transparent"
                onClick={() => link(o.id, false)}
                aria-label={`関連付けを外す：${o.summary.slice(0, 20)}`}
              >
                外す
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Field label="意見を関連付ける">
        <Combobox
          placeholder="意見の内容で検索"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => {
            if (d.optionValue) link(d.optionValue, true);
            setQuery('');
          }}
          freeform
        >
          {candidates.map((o) => (
            <Option key={o.id} value={o.id} text={o.summary}>
              {o.summary}
            </Option>
          ))}
        </Combobox>
      </Field>
    </div>
  );
}
