/** The opinions board: grouped by field, filtered, counted; drag or Alt+↑/↓ to move between fields. */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useLiveQuery } from '../../data/live';
import {
  Button,
  CounterBadge,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowImportRegular, MergeRegular, SearchRegular } from '@fluentui/react-icons';
import { sortedMeetings, sortedMembers } from '../../data/queries';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/EmptyState';
import { meetingTitle } from '../../ui/format';
import { OPINION_SOURCE_LABELS, OPINION_SOURCES, type Council, type Opinion } from '../../../../shared/domain';
import {
  adjacentField,
  countOpinions,
  filterOpinions,
  groupByField,
  isActive,
  memberName,
  mergeOpinions,
  moveToField,
  setResponse,
  setStatus,
  sourceText,
  statusOrder,
  unmergeOpinion,
  type OpinionFilter,
  type OpinionSource,
} from '../../../../shared/opinions';
import { OpinionCard } from './OpinionCard';
import { PromoteRemarksDialog } from './PromoteRemarksDialog';
import { ImportOpinionsDialog } from './ImportOpinionsDialog';
import { ExportMenu } from './ExportMenu';
import { OpinionFormDialog } from './OpinionFormDialog';
import { SectionLinkDialog, useSectionTitles } from './SectionLinkDialog';
import { councilOpinions, deleteOpinion, putOpinions } from './data/index';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'end', marginBottom: '12px' },
  filters: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'end', marginBottom: '12px' },
  list: { display: 'flex', flexDirection: 'column', gap: '8px', minHeight: '24px' },
  dropTarget: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '4px' },
  counts: { marginBottom: '12px', overflowX: 'auto' },
});

const now = () => new Date().toISOString();

export function OpinionsBoard({ council }: { council: Council }) {
  const s = useStyles();
  const notify = useNotify();
  const all = useLiveQuery(() => councilOpinions(council.id), [council.id]);
  const meetings = useLiveQuery(() => sortedMeetings(council.id), [council.id]) ?? [];
  const members = useLiveQuery(() => sortedMembers(council.id), [council.id]) ?? [];
  const [filter, setFilter] = useState<OpinionFilter>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'promote' | 'import' | 'add' | 'merge' | null>(null);
  const [editing, setEditing] = useState<Opinion | null>(null);
  const [linking, setLinking] = useState<Opinion | null>(null);
  const sectionTitles = useSectionTitles(council.id);
  const [dropField, setDropField] = useState<string | null | undefined>(undefined);
  const focusAfter = useRef<string | null>(null);

  const lookup = useMemo(() => ({ meetings, members }), [meetings, members]);
  const active = useMemo(() => (all ?? []).filter(isActive), [all]);
  const shown = useMemo(() => filterOpinions(active, filter, lookup), [active, filter, lookup]);
  const groups = useMemo(() => groupByField(shown, council.fields), [shown, council.fields]);
  const totals = useMemo(() => groupByField(active, council.fields), [active, council.fields]);
  const counts = useMemo(() => countOpinions(all ?? [], council), [all, council]);
  const numbers = useMemo(
    () =>
      new Map(
        groupByField(active, council.fields)
          .flatMap((g) => g.items)
          .map((o, i) => [o.id, i + 1]),
      ),
    [active, council.fields],
  );
  const dupes = useMemo(() => {
    const m = new Map<string, { opinion: Opinion; source: string }[]>();
    for (const o of all ?? [])
      if (o.mergedIntoId)
        m.set(o.mergedIntoId, [...(m.get(o.mergedIntoId) ?? []), { opinion: o, source: sourceText(o, lookup) }]);
    return m;
  }, [all, lookup]);

  useEffect(() => {
    const id = focusAfter.current;
    if (!id) return;
    focusAfter.current = null;
    document.querySelector<HTMLElement>(`[data-opinion-id="${CSS.escape(id)}"]`)?.focus();
  });

  const save = useCallback(
    (changed: Opinion[]) => putOpinions(changed).catch((e) => notify.error(e, '保存できませんでした')),
    [notify],
  );
  const onStatus = useCallback(
    (o: Opinion, status: string) => {
      try {
        void save([setStatus(o, status, council, now())]);
      } catch (e) {
        notify.error(e);
      }
    },
    [council, save, notify],
  );
  const onResponse = useCallback(
    (o: Opinion, response: string) => void save([setResponse(o, response, now())]),
    [save],
  );
  const onMove = useCallback(
    (o: Opinion, fieldId: string | null, beforeId?: string | null) => {
      focusAfter.current = o.id;
      void save(moveToField(all ?? [], o.id, fieldId, now(), beforeId));
    },
    [all, save],
  );
  const onStep = useCallback(
    (o: Opinion, step: -1 | 1) => {
      const next = adjacentField(council.fields, o.fieldId, step);
      if (next) onMove(o, next.fieldId);
    },
    [council.fields, onMove],
  );
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
  const onDelete = useCallback(
    (o: Opinion) => {
      if (!window.confirm(`意見「${o.summary.slice(0, 40)}」を削除しますか。`)) return;
      deleteOpinion(o.id).then(
        () => notify.success('意見を削除しました'),
        (e) => notify.error(e, '削除できませんでした'),
      );
    },
    [notify],
  );
  const onEdit = useCallback((o: Opinion) => setEditing(o), []);
  const onLink = useCallback((o: Opinion) => setLinking(o), []);
  const onTogglePublic = useCallback(
    (o: Opinion) => void save([{ ...o, nonPublic: !o.nonPublic, updatedAt: now() }]),
    [save],
  );
  const onUnmerge = useCallback((o: Opinion) => void save([unmergeOpinion(o, now())]), [save]);
  const onDragStart = useCallback((e: DragEvent, o: Opinion) => {
    e.dataTransfer.setData('application/x-opinion-id', o.id);
    e.dataTransfer.effectAllowed = 'move';
  }, []);
  const drop = (e: DragEvent, fieldId: string | null) => {
    e.preventDefault();
    setDropField(undefined);
    const id = e.dataTransfer.getData('application/x-opinion-id');
    const o = (all ?? []).find((x) => x.id === id);
    if (!o) return;
    const before = (e.target as HTMLElement).closest<HTMLElement>('[data-opinion-id]')?.dataset.opinionId;
    onMove(o, fieldId, before && before !== id ? before : null);
  };

  if (!all) return null;
  const statuses = statusOrder(council, active);
  const filtered = Object.values(filter).some((v) => v);

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

      <div className={s.filters} role="search" aria-label="意見の絞り込み">
        <Field label="検索">
          <Input
            contentBefore={<SearchRegular />}
            value={filter.text ?? ''}
            onChange={(_, d) => setFilter((f) => ({ ...f, text: d.value }))}
            placeholder="意見・市の考え方"
          />
        </Field>
        <Field label="会議">
          <Select
            value={filter.meetingId ?? ''}
            onChange={(_, d) => setFilter((f) => ({ ...f, meetingId: d.value || null }))}
          >
            <option value="">すべて</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {meetingTitle(m)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="委員">
          <Select
            value={filter.memberId ?? ''}
            onChange={(_, d) => setFilter((f) => ({ ...f, memberId: d.value || null }))}
          >
            <option value="">すべて</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {memberName(m.id, lookup)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="出典">
          <Select
            value={filter.source ?? ''}
            onChange={(_, d) => setFilter((f) => ({ ...f, source: (d.value || null) as OpinionSource | null }))}
          >
            <option value="">すべて</option>
            {OPINION_SOURCES.map((x) => (
              <option key={x} value={x}>
                {OPINION_SOURCE_LABELS[x]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="反映状況">
          <Select
            value={filter.status ?? ''}
            onChange={(_, d) => setFilter((f) => ({ ...f, status: d.value || null }))}
          >
            <option value="">すべて</option>
            {statuses.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </Select>
        </Field>
        {filtered ? (
          <Button appearance="subtle" onClick={() => setFilter({})}>
            条件をクリア
          </Button>
        ) : null}
        <Text aria-live="polite" style={{ paddingBottom: 6 }}>
          {shown.length} / {active.length}件
        </Text>
      </div>

      {active.length > 0 ? (
        <details className={s.counts}>
          <summary>
            <Text weight="semibold">分野・反映状況ごとの件数</Text>（意見 {counts.total}件・反映 {counts.reflected}件）
          </summary>
          <Table size="extra-small" aria-label="分野・反映状況ごとの件数">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>分野</TableHeaderCell>
                <TableHeaderCell>計</TableHeaderCell>
                {statuses.map((st) => (
                  <TableHeaderCell key={st}>{st}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {counts.byField
                .filter((f) => f.total || f.fieldId)
                .map((f) => (
                  <TableRow key={f.fieldId ?? 'none'}>
                    <TableCell>{f.name}</TableCell>
                    <TableCell>{f.total}</TableCell>
                    {statuses.map((st) => (
                      <TableCell key={st}>{f.byStatus[st] || ''}</TableCell>
                    ))}
                  </TableRow>
                ))}
              <TableRow>
                <TableCell>
                  <b>計</b>
                </TableCell>
                <TableCell>
                  <b>{counts.total}</b>
                </TableCell>
                {statuses.map((st) => (
                  <TableCell key={st}>
                    <b>{counts.byStatus[st] || ''}</b>
                  </TableCell>
                ))}
              </TableRow>
            </TableBody>
          </Table>
        </details>
      ) : null}

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
        groups.map((g, gi) => {
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
              onDrop={(e) => drop(e, g.fieldId)}
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
                <div className={s.list} role="list" aria-label={`${g.name}の意見`}>
                  {g.items.length === 0 ? (
                    <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
                      （ここへドラッグして移動できます）
                    </Text>
                  ) : (
                    g.items.map((o) => (
                      <div role="listitem" key={o.id}>
                        <OpinionCard
                          opinion={o}
                          no={numbers.get(o.id) ?? 0}
                          council={council}
                          source={sourceText(o, lookup)}
                          member={memberName(o.memberId, lookup)}
                          duplicates={dupes.get(o.id) ?? []}
                          selected={selected.has(o.id)}
                          onSelect={onSelect}
                          onStatus={onStatus}
                          onResponse={onResponse}
                          onMove={onMove}
                          onStep={onStep}
                          onDelete={onDelete}
                          onEdit={onEdit}
                          onLink={onLink}
                          onTogglePublic={onTogglePublic}
                          sections={o.sectionIds.map((id) => sectionTitles.get(id)).filter((x): x is string => !!x)}
                          onUnmerge={onUnmerge}
                          onDragStart={onDragStart}
                        />
                      </div>
                    ))
                  )}
                </div>
              </Section>
            </div>
          );
        })
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
      <SectionLinkDialog
        opinion={linking}
        open={!!linking}
        onClose={() => setLinking(null)}
        onSave={(o, sectionIds) => void save([{ ...o, sectionIds, updatedAt: now() }])}
      />
      <MergeDialog
        open={dialog === 'merge'}
        opinions={active.filter((o) => selected.has(o.id))}
        describe={(o) => `${numbers.get(o.id) ?? ''}. ${o.summary}（${sourceText(o, lookup)}）`}
        onClose={() => setDialog(null)}
        onMerge={(survivorId) => {
          try {
            const changed = mergeOpinions(all, survivorId, [...selected], now());
            void save(changed).then(() =>
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

function MergeDialog({
  open,
  opinions,
  describe,
  onClose,
  onMerge,
}: {
  open: boolean;
  opinions: Opinion[];
  describe: (o: Opinion) => string;
  onClose: () => void;
  onMerge: (survivorId: string) => void;
}) {
  const [survivor, setSurvivor] = useState('');
  useEffect(() => {
    if (open) setSurvivor(opinions[0]?.id ?? '');
  }, [open, opinions]);
  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (!d.open) onClose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>重複する意見を統合</DialogTitle>
          <DialogContent>
            <Text block style={{ marginBottom: 8 }}>
              残す意見を選んでください。ほかの意見は統合され、出典（会議・委員・インタビュー）は残す意見に引き継がれます。
            </Text>
            <RadioGroup value={survivor} onChange={(_, d) => setSurvivor(d.value)} aria-label="残す意見">
              {opinions.map((o) => (
                <Radio key={o.id} value={o.id} label={describe(o)} />
              ))}
            </RadioGroup>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>キャンセル</Button>
            <Button appearance="primary" disabled={!survivor} onClick={() => onMerge(survivor)}>
              統合する
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
