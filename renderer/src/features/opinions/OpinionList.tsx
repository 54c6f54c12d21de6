/**
 * The board's cards, field by field. A board of a few hundred opinions renders every card
 * (find-in-page, tests and screen readers see them all). A larger one (years of opinions)
 * is ONE virtual list over the whole board, against the page's scroller
 * (<main id="main-content">): the field headings are rows of it, and only the rows near the
 * viewport exist in the DOM, each measured after it renders. Each field's cards stay in a
 * list of their own (role="list", 「〇〇の意見」) that spans the field's rows, so the field
 * keeps its name, its drop zone and its item count (aria-setsize) for assistive technology.
 */
import {
  Fragment,
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import {
  defaultRangeExtractor,
  measureElement as measureRow,
  useVirtualizer,
  type Range,
} from '@tanstack/react-virtual';
import { CounterBadge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Opinion } from '../../../../shared/domain';
import { Section } from '../../ui/Section';
import { virtualRowStyle } from '../../ui/virtualRow';
import { assignSlots } from '../../ui/virtualSlots';

/** Above this many shown cards, the board is virtualised. */
export const VIRTUALISE_ABOVE = 200;

export interface BoardGroup {
  fieldId: string | null;
  name: string;
  /** The shown (filtered) opinions of the field. */
  items: Opinion[];
  /** All the field's opinions. */
  total: number;
}

export interface BoardListProps {
  groups: BoardGroup[];
  filtered: boolean;
  renderCard: (o: Opinion) => ReactNode;
  /** Drag-and-drop props of a field's drop zone. */
  dropProps: (fieldId: string | null) => Record<string, unknown>;
  /** Where the list is told to bring an opinion into view and to the keyboard. */
  revealRef: { current: ((id: string) => boolean) | null };
}

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '8px', minHeight: '24px' },
  hint: { color: tokens.colorNeutralForeground3 },
  head: {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    margin: 0,
    padding: '16px 0 10px',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const label = (g: BoardGroup) => `${g.name}の意見`;

function Title({ g, filtered }: { g: BoardGroup; filtered: boolean }) {
  return (
    <>
      {g.name}{' '}
      <CounterBadge count={g.items.length} appearance="ghost" color="informative" overflowCount={99999} showZero />
      {filtered ? <Text size={200}> / {g.total}件</Text> : null}
    </>
  );
}

function EmptyHint() {
  const s = useStyles();
  return (
    <Text size={200} className={s.hint}>
      （ここへドラッグして移動できます）
    </Text>
  );
}

/** Memoised: a key in the search box that leaves the shown groups as they were renders no list. */
export const OpinionList = memo(function OpinionList(props: BoardListProps) {
  const shown = props.groups.reduce((n, g) => n + g.items.length, 0);
  return shown > VIRTUALISE_ABOVE ? <VirtualBoard {...props} /> : <PlainBoard {...props} />;
});

function PlainBoard({ groups, filtered, renderCard, dropProps, revealRef }: BoardListProps) {
  const s = useStyles();
  useEffect(() => {
    revealRef.current = (id) => {
      const el = document.querySelector<HTMLElement>(`[data-opinion-id="${CSS.escape(id)}"]`);
      el?.focus();
      return !!el;
    };
    return () => void (revealRef.current = null);
  }, [revealRef]);
  return (
    <>
      {groups.map((g) => (
        <div key={g.fieldId ?? 'none'} {...dropProps(g.fieldId)} data-field-drop={g.name}>
          <Section title={<Title g={g} filtered={filtered} />}>
            <div className={s.list} role="list" aria-label={label(g)}>
              {g.items.length === 0 ? (
                <EmptyHint />
              ) : (
                g.items.map((o) => (
                  <div role="listitem" key={o.id}>
                    {renderCard(o)}
                  </div>
                ))
              )}
            </div>
          </Section>
        </div>
      ))}
    </>
  );
}

/**
 * Work done by the virtual board, counted for bench/opinions-board.bench.ts (window.__opinionsBoardWork):
 * its renders, the rows the virtualizer keyed while (re)building its measurements, and the rows
 * whose height was read from the page as they mounted (each read lays the page out at once).
 */
export const boardWork = { renders: 0, keyed: 0, read: 0 };
(globalThis as { __opinionsBoardWork?: typeof boardWork }).__opinionsBoardWork = boardWork;

type Row =
  | { kind: 'head'; key: string; group: number }
  | { kind: 'card'; key: string; group: number; opinion: Opinion; pos: number }
  | { kind: 'empty'; key: string; group: number };

const scroller = () => document.getElementById('main-content');

function VirtualBoard({ groups, filtered, renderCard, dropProps, revealRef }: BoardListProps) {
  const s = useStyles();
  boardWork.renders++;
  const boardRef = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  // The rows: each field's heading, then its cards (or the hint of an empty field).
  const { rows, spans } = useMemo(() => {
    const rows: Row[] = [];
    const spans: { head: number; first: number; last: number }[] = [];
    groups.forEach((g, group) => {
      const head = rows.length;
      rows.push({ kind: 'head', key: `head:${g.fieldId ?? ''}`, group });
      if (!g.items.length) rows.push({ kind: 'empty', key: `empty:${g.fieldId ?? ''}`, group });
      g.items.forEach((opinion, pos) => rows.push({ kind: 'card', key: opinion.id, group, opinion, pos }));
      spans.push({ head, first: head + 1, last: rows.length - 1 });
    });
    return { rows, spans };
  }, [groups]);
  // Where the board starts inside the scroller: measured as the board mounts, then again when
  // something that holds it changes size (what is above it grew or shrank, the window was
  // resized). Not after every render: reading it after a render that changed the page (a key
  // in the search box) would lay the page out at once, before the frame would.
  useLayoutEffect(() => {
    const el = scroller();
    const board = boardRef.current;
    if (!el || !board) return;
    const measure = () => {
      const top = Math.round(board.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop);
      setMargin((m) => (m === top ? m : top));
    };
    measure();
    // Its callbacks come after the browser's layout, so the reading lays nothing out again.
    const ro = new ResizeObserver(measure);
    for (let n = board.parentElement; n && n !== el; n = n.parentElement) ro.observe(n);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // The row holding the keyboard focus stays rendered while it scrolls out of view (an open
  // text area keeps its draft, a focused card its focus).
  const [pinnedKey, setPinnedKey] = useState<string | null>(null);
  const pinned = useMemo(() => (pinnedKey ? rows.findIndex((r) => r.key === pinnedKey) : -1), [rows, pinnedKey]);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const list = defaultRangeExtractor(range);
      return pinned >= 0 && !list.includes(pinned) ? [...list, pinned].sort((a, b) => a - b) : list;
    },
    [pinned],
  );
  // Both change only with the rows: a new getItemKey makes the virtualizer rebuild the
  // measurements of every row, so a render that shows the same rows (a scroll, a measured
  // row, a key that does not change the result) must keep it. Measured sizes are kept by
  // row key (the opinion's id), so a filter change keeps them too.
  const getItemKey = useCallback((i: number) => (boardWork.keyed++, rows[i]!.key), [rows]);
  // The height of every row seen, by key. The virtualizer keeps only the heights that differ
  // from its estimate, and reads the height of any other row from the page as it mounts again
  // (a layout of the page, at once); with these, a row seen before is placed at its height
  // without reading it (its ResizeObserver still reports a change), and a heading or hint not
  // seen yet is estimated at the height of one that was.
  const [sizes] = useState(() => new Map<string, number>());
  const estimateSize = useCallback(
    (i: number) => {
      const row = rows[i]!;
      return (
        sizes.get(row.key) ?? (row.kind === 'card' ? 110 : (sizes.get(row.kind) ?? (row.kind === 'head' ? 56 : 32)))
      );
    },
    [rows, sizes],
  );
  const measureElement = useCallback<typeof measureRow>(
    (el, entry, v) => {
      const key = el.getAttribute('data-row-key') ?? '';
      if (!entry) {
        const known = v.itemSizeCache.get(key) ?? sizes.get(key);
        if (known !== undefined) return known;
        boardWork.read++;
      }
      const size = measureRow(el, entry, v);
      sizes.set(key, size);
      const kind = el.getAttribute('data-row-kind');
      if (kind && kind !== 'card') sizes.set(kind, size);
      return size;
    },
    [sizes],
  );
  // The first frame of new rows (the board opening, a filter key) draws only the rows in view;
  // the rows around them (for a smooth scroll) follow once that frame is shown.
  const [overscanned, setOverscanned] = useState<Row[] | null>(null);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => setOverscanned(rows))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: scroller,
    estimateSize,
    measureElement,
    overscan: overscanned === rows ? 4 : 0,
    scrollMargin: margin,
    getItemKey,
    rangeExtractor,
  });
  // The React key of each shown card row, per field (see assignSlots), kept between renders.
  const slotsRef = useRef(new Map<number, Map<string, string>>());
  const slotCount = useRef(0);
  // A reused row element is measured again under its new row: each row has a ref of its own, so
  // React calls the new one. The virtualizer keeps elements by row key: the row the element
  // showed before is forgotten there.
  const shownAs = useRef(new WeakMap<Element, string>());
  const refs = useMemo(() => new Map<string, (el: HTMLElement | null) => void>(), []);
  const refFor = (key: string) => {
    let ref = refs.get(key);
    if (!ref) {
      ref = (el) => {
        if (el) {
          const before = shownAs.current.get(el);
          if (before !== undefined && before !== key && virtualizer.elementsCache.get(before) === el)
            virtualizer.elementsCache.delete(before);
          shownAs.current.set(el, key);
        }
        virtualizer.measureElement(el);
      };
      if (refs.size > 1000) refs.clear();
      refs.set(key, ref);
    }
    return ref;
  };
  const latest = useRef({ rows, virtualizer });
  latest.current = { rows, virtualizer };
  useEffect(() => {
    revealRef.current = (id) => {
      const { rows, virtualizer } = latest.current;
      const i = rows.findIndex((r) => r.kind === 'card' && r.key === id);
      if (i < 0) return false;
      virtualizer.scrollToIndex(i, { align: 'center' });
      let tries = 0;
      const focus = () => {
        const el = document.querySelector<HTMLElement>(`[data-opinion-id="${CSS.escape(id)}"]`);
        if (el) el.focus();
        else if (++tries < 30) requestAnimationFrame(focus);
      };
      requestAnimationFrame(focus);
      return true;
    };
    return () => void (revealRef.current = null);
  }, [revealRef]);

  const items = virtualizer.getVirtualItems();
  const at = virtualizer.measurementsCache;
  const offset = virtualizer.options.scrollMargin;
  const byGroup = new Map<number, typeof items>();
  for (const v of items) {
    const g = rows[v.index]!.group;
    byGroup.set(g, [...(byGroup.get(g) ?? []), v]);
  }
  // Each field's card slots, from the ones last committed (a render React drops changes nothing).
  const slots = new Map<number, Map<string, string>>();
  for (const [g, list] of byGroup) {
    const cards = list.filter((v) => rows[v.index]!.kind === 'card').map((v) => rows[v.index]!.key);
    slots.set(
      g,
      assignSlots(slotsRef.current.get(g) ?? new Map(), cards, pinnedKey, () => `slot${slotCount.current++}`),
    );
  }
  useLayoutEffect(() => {
    slotsRef.current = slots;
  });
  return (
    <div
      ref={boardRef}
      style={{ position: 'relative', height: virtualizer.getTotalSize() }}
      onFocus={(e) => {
        const row = (e.target as HTMLElement).closest<HTMLElement>('[data-row-key]');
        setPinnedKey(row?.dataset.rowKey ?? null);
      }}
    >
      {groups.map((g, gi) => {
        const span = spans[gi]!;
        const visible = byGroup.get(gi) ?? [];
        const head = visible.find((v) => v.index === span.head);
        const top = (at[span.first]?.start ?? 0) - offset;
        const bottom = (at[span.last]?.end ?? 0) - offset;
        return (
          <Fragment key={g.fieldId ?? 'none'}>
            {head ? (
              <div
                data-index={head.index}
                data-row-key={rows[head.index]!.key}
                data-row-kind="head"
                ref={virtualizer.measureElement}
                style={virtualRowStyle(head.start - offset)}
              >
                <h2 className={s.head}>
                  <Title g={g} filtered={filtered} />
                </h2>
              </div>
            ) : null}
            <div
              role="list"
              aria-label={label(g)}
              {...dropProps(g.fieldId)}
              data-field-drop={g.name}
              style={{ position: 'absolute', left: 0, width: '100%', top, height: Math.max(0, bottom - top) }}
            >
              {visible
                .filter((v) => v.index !== span.head)
                .map((v) => {
                  const row = rows[v.index]!;
                  const style = virtualRowStyle(v.start - offset - top, { paddingBottom: 8 });
                  if (row.kind !== 'card')
                    return (
                      <div
                        key={v.key}
                        data-index={v.index}
                        data-row-key={row.key}
                        data-row-kind="empty"
                        ref={virtualizer.measureElement}
                        style={style}
                      >
                        <EmptyHint />
                      </div>
                    );
                  return (
                    <div
                      role="listitem"
                      key={slots.get(gi)?.get(row.key) ?? row.key}
                      data-index={v.index}
                      data-row-key={row.key}
                      ref={refFor(row.key)}
                      aria-posinset={row.pos + 1}
                      aria-setsize={g.items.length}
                      style={style}
                    >
                      {renderCard(row.opinion)}
                    </div>
                  );
                })}
            </div>
          </Fragment>
        );
      })}
    </div>
  );
}
