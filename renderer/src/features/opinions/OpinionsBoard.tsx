/** The opinions board: grouped by field, filtered, counted; drag or Alt+↑/↓ to move between fields. */
import { PRINT_DOC, usePrintShortcut } from '../../ui/print';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowImportRegular, MergeRegular } from '@fluentui/react-icons';
import { useNotify } from '../../app/notify';
import { EmptyState } from '../../ui/EmptyState';
import type { Council, Opinion } from '../../../../shared/domain';
import {
  filterOpinions,
  groupByField,
  isActive,
  memberName,
  mergeOpinions,
  normalizeForSearch,
  sourceText,
  statusOrder,
  type OpinionFilter,
} from '../../../../shared/opinions';
import { OpinionCard } from './OpinionCard';
import { PromoteRemarksDialog } from './PromoteRemarksDialog';
import { ImportOpinionsDialog } from './ImportOpinionsDialog';
import { ExportMenu } from './ExportMenu';
import { OpinionFormDialog } from './OpinionFormDialog';
import { SectionLinkDialog, useSectionTitles } from './SectionLinkDialog';
import { ActionLinkDialog, useActionTitles } from './ActionLinkDialog';
import { MergeDialog } from './MergeDialog';
import { OpinionFilters } from './OpinionFilters';
import { OpinionCounts } from './OpinionCounts';
import { OpinionList, type BoardGroup } from './OpinionList';
import { ReadOnlyArea, ReadOnlyNotice, useConflictIds, useCouncilAccess } from '../sync';
import { useOpinionActions } from './useOpinionActions';
import { useCouncilMeetings, useCouncilMembers, useCouncilOpinions } from './data/index';
import { useSearchIndex, useStableOpinions } from './boardIndex';
import { useHighlightId } from '../search';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'end', marginBottom: '12px' },
  dropTarget: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '4px' },
});

const now = () => new Date().toISOString();
const NONE: { opinion: Opinion; source: string }[] = [];
const NO_OPINIONS: Opinion[] = [];

/** A reader's board: no field takes a dropped card. */
const noDrop = () => ({});

export function OpinionsBoard({ council }: { council: Council }) {
  const s = useStyles();
  const notify = useNotify();
  const live = useCouncilOpinions(council.id);
  const meetings = useCouncilMeetings(council.id);
  const members = useCouncilMembers(council.id);
  // The filters other than the text; the text as the search box last told it (a transition).
  const [filter, setFilter] = useState<OpinionFilter>({});
  const [text, setText] = useState('');
  const [clears, setClears] = useState(0);
  const clearFilters = useCallback(() => {
    setFilter({});
    setText('');
    setClears((n) => n + 1);
  }, []);
  usePrintShortcut();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Team sync: the board's opinions in conflict, read once for the board (not a query per card).
  const conflictIds = useConflictIds('opinions');
  // Team use: a member who only reads the council (閲覧のみ) adds, changes and merges no opinion.
  const { readOnly } = useCouncilAccess(council.id);
  const [dialog, setDialog] = useState<'promote' | 'import' | 'add' | 'merge' | null>(null);
  const [editing, setEditing] = useState<Opinion | null>(null);
  const [linking, setLinking] = useState<Opinion | null>(null);
  const sectionTitles = useSectionTitles(council.id);
  const actionTitles = useActionTitles(council.id);
  const [linkingActions, setLinkingActions] = useState<Opinion | null>(null);
  const [dropField, setDropField] = useState<string | null | undefined>(undefined);
  const all = useStableOpinions(live);
  const reveal = useRef<((id: string) => boolean) | null>(null);
  const actions = useOpinionActions(council, all, reveal);

  const lookup = useMemo(() => ({ meetings, members }), [meetings, members]);
  const active = useMemo(() => (all ?? []).filter(isActive), [all]);
  // Grouped and numbered once per change of the opinions; filtering keeps each field's order.
  const totals = useMemo(() => groupByField(active, council.fields), [active, council.fields]);
  const numbers = useMemo(() => new Map(totals.flatMap((g) => g.items).map((o, i) => [o.id, i + 1])), [totals]);
  const searchText = useSearchIndex(active, lookup);
  // The other filters, applied at once (the text arrives from the search box as a transition).
  const others = useMemo(() => {
    if (!Object.values(filter).some((v) => v)) return null;
    return new Set(filterOpinions(active, filter, lookup).map((o) => o.id));
  }, [active, filter, lookup]);
  // Typing narrows: when the search text extends the previous one (a character more), only the
  // opinions shown for the previous text are tested again.
  const last = useRef<{ query: string; totals: unknown; others: unknown; index: unknown; groups: BoardGroup[] } | null>(
    null,
  );
  const groups = useMemo(() => {
    const query = normalizeForSearch(text);
    const words = query.split(/\s+/).filter(Boolean);
    const shown = totals.filter((g) => g.fieldId || g.items.length);
    const prev = last.current;
    const from =
      prev &&
      prev.totals === totals &&
      prev.others === others &&
      prev.index === searchText &&
      query.startsWith(prev.query)
        ? prev.groups
        : null;
    const groups: BoardGroup[] =
      !words.length && !others
        ? shown.map((g) => ({ fieldId: g.fieldId, name: g.name, items: g.items, total: g.items.length }))
        : shown.map((g, i) => {
            const before = from?.[i];
            const items = (before?.items ?? g.items).filter(
              (o) => (!others || others.has(o.id)) && searchText.matches(o, words),
            );
            // A field the new character did not narrow keeps its group (and the list its rows).
            if (before && items.length === before.items.length) return before;
            return { fieldId: g.fieldId, name: g.name, total: g.items.length, items };
          });
    const same = from && groups.every((g, i) => g === from[i]) ? from : groups;
    last.current = { query, totals, others, index: searchText, groups: same };
    return same;
  }, [totals, searchText, others, text]);
  const shownCount = useMemo(() => groups.reduce((n, g) => n + g.items.length, 0), [groups]);
  const dupes = useMemo(() => {
    const m = new Map<string, { opinion: Opinion; source: string }[]>();
    for (const o of all ?? [])
      if (o.mergedIntoId)
        m.set(o.mergedIntoId, [...(m.get(o.mergedIntoId) ?? []), { opinion: o, source: sourceText(o, lookup) }]);
    return m;
  }, [all, lookup]);

  const onSelect = useCallback(
    (id: string, on: boolean) =>
      setSelected((c) => {
        const n = new Set(c);
        if (on) n.add(id);
        else n.delete(id);
        return n;
      }),
    [],
  );
  const onEdit = useCallback((o: Opinion) => setEditing(o), []);
  const onLink = useCallback((o: Opinion) => setLinking(o), []);
  const onLinkActions = useCallback((o: Opinion) => setLinkingActions(o), []);

  // A search result (?highlight=<opinionId>) brings its card into view, even far down a
  // virtualised board (the shell then marks and focuses it); a filter hiding it is cleared.
  const highlightId = useHighlightId();
  const landed = useRef<string | null>(null);
  useEffect(() => {
    if (!highlightId || landed.current === highlightId || !active.some((o) => o.id === highlightId)) return;
    if (groups.some((g) => g.items.some((o) => o.id === highlightId))) {
      landed.current = highlightId;
      reveal.current?.(highlightId);
    } else clearFilters();
  }, [highlightId, active, groups, reveal, clearFilters]);

  const filtered = !!text || Object.values(filter).some((v) => v);
  const dropProps = useCallback(
    (fieldId: string | null) => ({
      onDragOver: (e: DragEvent) => {
        if (e.dataTransfer.types.includes('application/x-opinion-id')) {
          e.preventDefault();
          setDropField(fieldId);
        }
      },
      onDragLeave: (e: DragEvent) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node)) setDropField(undefined);
      },
      onDrop: (e: DragEvent) => {
        setDropField(undefined);
        actions.onDrop(e, fieldId);
      },
      className: dropField === fieldId ? s.dropTarget : undefined,
    }),
    [actions, dropField, s],
  );
  const renderCard = useCallback(
    (o: Opinion) => (
      <OpinionCard
        opinion={o}
        no={numbers.get(o.id) ?? 0}
        council={council}
        source={sourceText(o, lookup)}
        member={memberName(o.memberId, lookup)}
        duplicates={dupes.get(o.id) ?? NONE}
        selected={selected.has(o.id)}
        inConflict={conflictIds.has(o.id)}
        onSelect={onSelect}
        onStatus={actions.onStatus}
        onResponse={actions.onResponse}
        onMove={actions.onMove}
        onStep={actions.onStep}
        onDelete={actions.onDelete}
        onEdit={onEdit}
        onLink={onLink}
        onLinkActions={onLinkActions}
        actionTitles={actionTitles}
        onTogglePublic={actions.onTogglePublic}
        sectionTitles={sectionTitles}
        onUnmerge={actions.onUnmerge}
        onDragStart={actions.onDragStart}
      />
    ),
    [
      actions,
      council,
      numbers,
      lookup,
      dupes,
      selected,
      conflictIds,
      onSelect,
      onEdit,
      onLink,
      onLinkActions,
      actionTitles,
      sectionTitles,
    ],
  );
  // The list re-renders when what it shows changes, not on every key in the search box.
  const board = useMemo(
    () => (
      // data-filter-text: the search text the list below is filtered by (the bench waits for it).
      <div {...PRINT_DOC} data-opinions-board="" data-filter-text={text}>
        <ReadOnlyArea readOnly={readOnly}>
          <OpinionList
            groups={groups}
            filtered={filtered}
            renderCard={renderCard}
            dropProps={readOnly ? noDrop : dropProps}
            revealRef={reveal}
          />
        </ReadOnlyArea>
      </div>
    ),
    [groups, text, filtered, renderCard, dropProps, reveal, readOnly],
  );

  const statuses = useMemo(() => statusOrder(council, active), [council, active]);
  const countsTable = useMemo(
    () => <OpinionCounts all={all ?? NO_OPINIONS} active={active} council={council} statuses={statuses} />,
    [all, active, council, statuses],
  );
  const mergeChoices = useMemo(() => active.filter((o) => selected.has(o.id)), [active, selected]);

  // The toolbar and the dialogs do not change with a key in the search box: built once per change of theirs.
  const toolbar = useMemo(
    () => (
      <div className={s.toolbar}>
        {readOnly ? null : (
          <>
            <Button icon={<ArrowImportRegular />} onClick={() => setDialog('promote')}>
              会議の記録から取り込む
            </Button>
            <Button icon={<ArrowImportRegular />} onClick={() => setDialog('import')}>
              Excel から取り込む
            </Button>
            <Button icon={<AddRegular />} onClick={() => setDialog('add')}>
              意見を追加
            </Button>
            <Button icon={<MergeRegular />} disabled={selected.size < 2} onClick={() => setDialog('merge')}>
              {selected.size >= 2 ? `選択した${selected.size}件を統合` : '重複を統合（2件以上選択）'}
            </Button>
          </>
        )}
        <div style={{ marginLeft: 'auto' }}>
          <ExportMenu councilId={council.id} />
        </div>
      </div>
    ),
    [s, selected.size, council.id, readOnly],
  );
  const dialogs = useMemo(
    () => (
      <>
        {/* Mounted only while open: closed, they would read the council's opinions and a meeting's remarks again. */}
        {dialog === 'promote' ? (
          <PromoteRemarksDialog councilId={council.id} open onClose={() => setDialog(null)} />
        ) : null}
        {dialog === 'import' ? <ImportOpinionsDialog council={council} open onClose={() => setDialog(null)} /> : null}
        <OpinionFormDialog
          council={council}
          open={dialog === 'add' || !!editing}
          opinion={editing}
          onClose={() => {
            setDialog(null);
            setEditing(null);
          }}
          meetings={meetings}
          members={members}
        />
        <ActionLinkDialog opinion={linkingActions} onClose={() => setLinkingActions(null)} />
        <SectionLinkDialog
          opinion={linking}
          open={!!linking}
          onClose={() => setLinking(null)}
          onSave={(o, sectionIds) => void actions.save([{ ...o, sectionIds, updatedAt: now() }])}
        />
        <MergeDialog
          open={dialog === 'merge'}
          opinions={mergeChoices}
          describe={(o) => `${numbers.get(o.id) ?? ''}. ${o.summary}（${sourceText(o, lookup)}）`}
          onClose={() => setDialog(null)}
          onMerge={(survivorId) => {
            try {
              const changed = mergeOpinions(all ?? [], survivorId, [...selected], now());
              void actions
                .save(changed)
                .then(() =>
                  notify.success(
                    `${changed.length - 1}件を統合しました`,
                    '統合した意見の出典は残り、「分離」で元に戻せます。',
                  ),
                );
              setSelected(new Set());
              setDialog(null);
            } catch (e) {
              notify.error(e);
            }
          }}
        />
      </>
    ),
    [
      dialog,
      council,
      editing,
      meetings,
      members,
      linkingActions,
      linking,
      actions,
      mergeChoices,
      numbers,
      lookup,
      all,
      selected,
      notify,
    ],
  );

  if (!all) return null;

  return (
    <>
      <ReadOnlyNotice readOnly={readOnly} what="意見" />
      {toolbar}

      <OpinionFilters
        filter={filter}
        setFilter={setFilter}
        onText={setText}
        clears={clears}
        onClear={clearFilters}
        filtered={filtered}
        lookup={lookup}
        statuses={statuses}
        shown={shownCount}
        total={active.length}
      />

      {active.length > 0 ? countsTable : null}

      {active.length === 0 ? (
        <EmptyState
          title="意見がまだありません"
          actions={
            readOnly ? null : (
              <Button appearance="primary" onClick={() => setDialog('promote')}>
                会議の記録から取り込む
              </Button>
            )
          }
        >
          会議の記録から委員の発言を意見として取り上げるか、各課インタビューや書面意見を分野ごとに登録します。意見ごとに市の考え方と反映状況を管理できます。
        </EmptyState>
      ) : (
        board
      )}

      {dialogs}
    </>
  );
}
