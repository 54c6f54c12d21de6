/** The opinions board: grouped by field, filtered, counted; drag or Alt+↑/↓ to move between fields. */
import { PRINT_DOC, usePrintShortcut } from '../../ui/print';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Button, CounterBadge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowImportRegular, MergeRegular } from '@fluentui/react-icons';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/EmptyState';
import type { Council, Opinion } from '../../../../shared/domain';
import {
  countOpinions,
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
import { OpinionList } from './OpinionList';
import { useOpinionActions } from './useOpinionActions';
import { useCouncilMeetings, useCouncilMembers, useCouncilOpinions } from './data/index';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'end', marginBottom: '12px' },
  list: { display: 'flex', flexDirection: 'column', gap: '8px', minHeight: '24px' },
  dropTarget: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '4px' },
});

const now = () => new Date().toISOString();

export function OpinionsBoard({ council }: { council: Council }) {
  const s = useStyles();
  const notify = useNotify();
  const all = useCouncilOpinions(council.id);
  const meetings = useCouncilMeetings(council.id);
  const members = useCouncilMembers(council.id);
  const [filter, setFilter] = useState<OpinionFilter>({});
  usePrintShortcut();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'promote' | 'import' | 'add' | 'merge' | null>(null);
  const [editing, setEditing] = useState<Opinion | null>(null);
  const [linking, setLinking] = useState<Opinion | null>(null);
  const sectionTitles = useSectionTitles(council.id);
  const actionTitles = useActionTitles(council.id);
  const [linkingActions, setLinkingActions] = useState<Opinion | null>(null);
  const [dropField, setDropField] = useState<string | null | undefined>(undefined);
  const actions = useOpinionActions(council, all);

  const lookup = useMemo(() => ({ meetings, members }), [meetings, members]);
  const active = useMemo(() => (all ?? []).filter(isActive), [all]);
  // Grouped and numbered once per change of the opinions; filtering keeps each field's order.
  const totals = useMemo(() => groupByField(active, council.fields), [active, council.fields]);
  const numbers = useMemo(() => new Map(totals.flatMap((g) => g.items).map((o, i) => [o.id, i + 1])), [totals]);
  // The search text is normalised once per opinion (not once per key and opinion), side by
  // side with the grouped lists.
  const haystacks = useMemo(
    () =>
      totals.map((g) =>
        g.items.map((o) =>
          normalizeForSearch([o.summary, o.response, o.sourceLabel, memberName(o.memberId, lookup)].join('\n')),
        ),
      ),
    [totals, lookup],
  );
  // The search box answers each key at once; the list follows as a deferred render that a
  // newer key interrupts (the other filters apply at once).
  const text = useDeferredValue(filter.text ?? '');
  const others = useMemo(() => {
    const rest = { ...filter, text: '' };
    if (!Object.values(rest).some((v) => v)) return null;
    return new Set(filterOpinions(active, rest, lookup).map((o) => o.id));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filter.text is applied through its deferred copy
  }, [active, filter.meetingId, filter.memberId, filter.source, filter.status, filter.fieldId, lookup]);
  const groups = useMemo(() => {
    const words = normalizeForSearch(text).split(/\s+/).filter(Boolean);
    if (!words.length && !others) return totals;
    return totals.map((g, gi) => {
      const hay = haystacks[gi]!;
      return {
        ...g,
        items: g.items.filter((o, i) => (!others || others.has(o.id)) && words.every((w) => hay[i]!.includes(w))),
      };
    });
  }, [totals, haystacks, others, text]);
  const shownCount = useMemo(() => groups.reduce((n, g) => n + g.items.length, 0), [groups]);
  const counts = useMemo(() => countOpinions(all ?? [], council), [all, council]);
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

  const filtered = Object.values(filter).some((v) => v);
  // The lists re-render when what they show changes, not on every key in the search box.
  const board = useMemo(
    () => (
      // data-filter-text: the search text the list below is filtered by (the bench waits for it).
      <div {...PRINT_DOC} data-opinions-board="" data-filter-text={text}>
        {groups.map((g, gi) => {
          const total = totals[gi]!.items.length;
          if (!g.fieldId && !total) return null;
          return (
            <div
              key={g.fieldId ?? 'none'}
              onDragOver={(e) => {
                if (e.dataTransfer.types.includes('application/x-opinion-id')) {
                  e.preventDefault();
                  setDropField(g.fieldId);
                }
              }}
              onDragLeave={(e) => {
                if (!e.currentTarget.contains(e.relatedTarget as Node)) setDropField(undefined);
              }}
              onDrop={(e) => {
                setDropField(undefined);
                actions.onDrop(e, g.fieldId);
              }}
              className={dropField === g.fieldId ? s.dropTarget : undefined}
              data-field-drop={g.name}
            >
              <Section
                title={
                  <>
                    {g.name}{' '}
                    <CounterBadge
                      count={g.items.length}
                      appearance="ghost"
                      color="informative"
                      overflowCount={99999}
                      showZero
                    />
                    {filtered ? <Text size={200}> / {total}件</Text> : null}
                  </>
                }
              >
                {g.items.length === 0 ? (
                  <div className={s.list} role="list" aria-label={`${g.name}の意見`}>
                    <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
                      （ここへドラッグして移動できます）
                    </Text>
                  </div>
                ) : (
                  <OpinionList
                    items={g.items}
                    label={`${g.name}の意見`}
                    className={s.list}
                    renderItem={(o) => (
                      <OpinionCard
                        opinion={o}
                        no={numbers.get(o.id) ?? 0}
                        council={council}
                        source={sourceText(o, lookup)}
                        member={memberName(o.memberId, lookup)}
                        duplicates={dupes.get(o.id) ?? []}
                        selected={selected.has(o.id)}
                        onSelect={onSelect}
                        onStatus={actions.onStatus}
                        onResponse={actions.onResponse}
                        onMove={actions.onMove}
                        onStep={actions.onStep}
                        onDelete={actions.onDelete}
                        onEdit={onEdit}
                        onLink={onLink}
                        onLinkActions={onLinkActions}
                        actions={(o.actionIds ?? []).map((id) => actionTitles.get(id)).filter((x): x is string => !!x)}
                        onTogglePublic={actions.onTogglePublic}
                        sections={o.sectionIds.map((id) => sectionTitles.get(id)).filter((x): x is string => !!x)}
                        onUnmerge={actions.onUnmerge}
                        onDragStart={actions.onDragStart}
                      />
                    )}
                  />
                )}
              </Section>
            </div>
          );
        })}
      </div>
    ),
    [
      groups,
      totals,
      text,
      filtered,
      dropField,
      s,
      actions,
      council,
      numbers,
      lookup,
      dupes,
      selected,
      onSelect,
      onEdit,
      onLink,
      onLinkActions,
      actionTitles,
      sectionTitles,
    ],
  );

  if (!all) return null;
  const statuses = statusOrder(council, active);

  return (
    <>
      <div className={s.toolbar}>
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
        <div style={{ marginLeft: 'auto' }}>
          <ExportMenu councilId={council.id} />
        </div>
      </div>

      <OpinionFilters
        filter={filter}
        setFilter={setFilter}
        lookup={lookup}
        statuses={statuses}
        shown={shownCount}
        total={active.length}
      />

      {active.length > 0 ? <OpinionCounts counts={counts} statuses={statuses} /> : null}

      {active.length === 0 ? (
        <EmptyState
          title="意見がまだありません"
          actions={
            <Button appearance="primary" onClick={() => setDialog('promote')}>
              会議の記録から取り込む
            </Button>
          }
        >
          会議の記録から委員の発言を意見として取り上げるか、各課インタビューや書面意見を分野ごとに登録します。意見ごとに市の考え方と反映状況を管理できます。
        </EmptyState>
      ) : (
        board
      )}

      <PromoteRemarksDialog councilId={council.id} open={dialog === 'promote'} onClose={() => setDialog(null)} />
      <ImportOpinionsDialog council={council} open={dialog === 'import'} onClose={() => setDialog(null)} />
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
        opinions={active.filter((o) => selected.has(o.id))}
        describe={(o) => `${numbers.get(o.id) ?? ''}. ${o.summary}（${sourceText(o, lookup)}）`}
        onClose={() => setDialog(null)}
        onMerge={(survivorId) => {
          try {
            const changed = mergeOpinions(all, survivorId, [...selected], now());
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
  );
}
