/**
 * The outline editor: 目次 pane on the left (navigation and structure), the selected
 * section on the right (heading, body blocks, the opinions it reflects). Every edit is
 * stored at once; section ids never change, so versions compare section by section.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useNotify } from '../../app/notify';
import { EmptyState } from '../../ui/EmptyState';
import { useHighlightId } from '../search';
import { ReadOnlyArea, ReadOnlyNotice, useCouncilAccess } from '../sync';
import { appDrafts } from './data';
import { DraftSettings } from './DraftSettings';
import { SectionPanel } from './SectionPanel';
import { outlineActionOf, registerFlusher, type OutlineAction } from './outline';
import {
  addChild,
  addSibling,
  indent,
  moveDown,
  moveUp,
  newSection,
  numberedHeading,
  outdent,
  outline,
  removeSection,
  subtreeIds,
  updateSection,
} from '../../../../shared/drafts';
import { randomId } from '../../../../shared/factory';
import type { Draft, Opinion, Section } from '../../../../shared/domain';

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
});

export { OUTLINE_SHORTCUTS } from './shortcuts';
export { flushDraft, outlineActionOf } from './outline';

export function DraftEditor({ draft, opinions }: { draft: Draft; opinions: Opinion[] }) {
  const s = useStyles();
  const notify = useNotify();
  const [sections, setSections] = useState<Section[]>(draft.sections);
  const latest = useRef(sections);
  const queue = useRef<Promise<void>>(Promise.resolve());
  // a search result (?highlight=<sectionId>) opens on its section
  const highlight = useHighlightId();
  const [selectedId, setSelectedId] = useState<string | null>(() =>
    highlight && draft.sections.some((x) => x.id === highlight)
      ? highlight
      : (outline(draft.sections, draft.numbering)[0]?.section.id ?? null),
  );
  const [focusHeading, setFocusHeading] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const outlineRefs = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    if (highlight && latest.current.some((x) => x.id === highlight)) setSelectedId(highlight);
  }, [highlight]);

  const entries = useMemo(() => outline(sections, draft.numbering), [sections, draft.numbering]);
  const selected = entries.find((e) => e.section.id === selectedId) ?? null;

  // Team use: a member who only reads the council (閲覧のみ) reads the draft; nothing is saved.
  const { readOnly } = useCouncilAccess(draft.councilId);
  const commit = useCallback(
    (next: Section[]) => {
      if (next === latest.current || readOnly) return;
      latest.current = next;
      setSections(next);
      queue.current = queue.current
        .then(() => appDrafts.saveSections(draft.id, next))
        .catch((err) => notify.error(err, '原稿を保存できませんでした'));
    },
    [draft.id, notify, readOnly],
  );

  // Pending saves finish before freezing or exporting (the parent asks through this).
  useEffect(() => registerFlusher(draft.id, () => queue.current), [draft.id]);

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
      <ReadOnlyNotice readOnly={readOnly} what="原稿" />
      <ReadOnlyArea readOnly={readOnly}>
        <DraftSettings draft={draft} />
      </ReadOnlyArea>
      <div className={s.layout}>
        <nav className={s.pane} aria-label="目次">
          <div style={{ display: 'flex', alignItems: 'center', marginBottom: 6 }}>
            <Text weight="semibold" style={{ flex: 1 }}>
              目次
            </Text>
            {readOnly ? null : (
              <Tooltip content="項目を末尾に追加" relationship="label">
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<Add20Regular />}
                  onClick={() => act('sibling', entries.filter((e) => e.level === 0).at(-1)?.section.id ?? null)}
                />
              </Tooltip>
            )}
          </div>
          {entries.length === 0 ? (
            readOnly ? null : (
              <Button appearance="primary" icon={<Add20Regular />} onClick={() => act('sibling', null)}>
                最初の項目を追加
              </Button>
            )
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
          <ReadOnlyArea readOnly={readOnly}>
            <SectionPanel
              key={selected.section.id}
              entry={selected}
              focusToken={focusHeading}
              opinions={opinions}
              onAction={(a) => act(a, selected.section.id)}
              onChange={(patch) => commit(updateSection(latest.current, selected.section.id, patch))}
              onDelete={() => setConfirmDelete(selected.section.id)}
            />
          </ReadOnlyArea>
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
