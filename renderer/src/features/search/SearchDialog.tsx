/**
 * The search panel (Ctrl+K): a query field, the filters, results grouped by kind with
 * highlighted snippets. ↑↓ choose a result, Enter opens it (never while the IME is composing).
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import {
  Dialog,
  DialogBody,
  DialogSurface,
  DialogTitle,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Search20Regular } from '@fluentui/react-icons';
import type { SearchHit, SearchResult, SearchSort } from '../../../../shared/search/types';
import { formatWareki } from '../../../../shared/wareki';
import { SearchFilterBar, toSearchFilters, type FilterValues } from './SearchFilters';
import { sameRow } from './shown';
import { SnippetText } from './Snippet';
import { useSearch } from './useSearch';

/** A result row's height: padding 6 + meta line 16 + gap 2 + two snippet lines of 22 + padding 6. */
const ROW_HEIGHT = 74;

const useStyles = makeStyles({
  // its own layer: a keystroke repaints the panel, not the page under the backdrop
  surface: { width: 'min(960px, 94vw)', maxWidth: 'min(960px, 94vw)', padding: '16px 20px', willChange: 'transform' },
  // a fixed size: the panel does not grow, shrink and move (centred) with each keystroke's results,
  // so a new answer lays out and paints the results box only (contained below)
  body: { display: 'flex', flexDirection: 'column', gap: '10px', height: 'min(80vh, 760px)' },
  top: { display: 'flex', gap: '12px', alignItems: 'center' },
  input: { flex: 1 },
  results: {
    flex: '1 1 0',
    minHeight: '120px',
    overflowY: 'auto',
    contain: 'strict',
    // its own layer: new results repaint this box, not the page and the panel around it
    willChange: 'transform',
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
  },
  group: { display: 'flex', flexDirection: 'column' },
  groupHead: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    padding: '4px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  // rows of one fixed height, each its own layout and paint island: a new answer lays out and
  // paints the rows that changed, not the whole list, and rows out of the box are skipped
  hit: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    boxSizing: 'border-box',
    height: `${ROW_HEIGHT}px`,
    flexShrink: 0,
    overflow: 'hidden',
    contain: 'strict',
    contentVisibility: 'auto',
    containIntrinsicSize: `auto ${ROW_HEIGHT}px`,
    padding: '6px 8px',
    cursor: 'pointer',
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    '& mark': { backgroundColor: tokens.colorPaletteYellowBackground3, color: 'inherit', padding: 0 },
  },
  active: { backgroundColor: tokens.colorBrandBackground2, boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}` },
  meta: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: '16px',
    height: '16px',
    color: tokens.colorNeutralForeground3,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  // two lines at most (the snippet is ~90 characters: two lines of the panel)
  text: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    lineHeight: '22px',
    maxHeight: '44px',
    overflow: 'hidden',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
  },
  // the rows of a group not drawn yet (below the box's view): their height, so the scroll bar is right
  spacer: { flexShrink: 0 },
  note: { color: tokens.colorNeutralForeground3, padding: '8px 0' },
  private: { color: tokens.colorPaletteRedForeground1 },
});

export interface SearchDialogProps {
  open: boolean;
  onClose: () => void;
  /** Filters to start with (Ctrl+F inside a council: that council). */
  initial: FilterValues;
  onOpenHit: (hit: SearchHit) => void;
}

export function SearchDialog({ open, onClose, initial, onOpenHit }: SearchDialogProps) {
  const s = useStyles();
  const surface = useRef<HTMLDivElement>(null);
  // A screen that moves focus on its own (the live page focuses its entry line when it has
  // loaded) must not take the keyboard from the open search: focus comes back to the field.
  useEffect(() => {
    if (!open) return;
    const onFocus = (e: FocusEvent) => {
      const inside = surface.current;
      if (inside && e.target instanceof Node && !inside.contains(e.target))
        inside.querySelector<HTMLInputElement>('input[aria-label="検索語"]')?.focus();
    };
    document.addEventListener('focusin', onFocus, true);
    return () => document.removeEventListener('focusin', onFocus, true);
  }, [open]);
  return (
    <Dialog open={open} onOpenChange={(_, d) => (d.open ? undefined : onClose())}>
      <DialogSurface aria-label="検索" className={s.surface} ref={surface}>
        {open ? <SearchPanel initial={initial} onOpenHit={onOpenHit} /> : null}
      </DialogSurface>
    </Dialog>
  );
}

const count = new Intl.NumberFormat('ja-JP');
/** Rows drawn before the results box is measured (its height is fixed, measured once before the first paint). */
const FIRST_ROWS = 14;
/**
 * Rows drawn for a box scrolled `scrollTop` px and `height` px high: every row that can be in
 * view (a row's top is at least its index × ROW_HEIGHT, the group heads only push it further
 * down) and one more. The rest of each group is a spacer of their height: a new answer draws
 * the rows the box shows, in the keystroke's frame, and nothing else — no rows drawn at an idle
 * moment after it and removed again by the next answer.
 */
const rowsToFill = (scrollTop: number, height: number) => Math.max(3, Math.ceil((scrollTop + height) / ROW_HEIGHT) + 1);

function hitMeta(hit: SearchHit): string {
  const d = hit.doc;
  const parts: string[] = [];
  if (d.date) parts.push(formatWareki(d.date, { weekday: false }));
  const who = d.texts.speaker || (d.kind === 'opinion' ? d.texts.source : '');
  if (who) parts.push(who);
  if (d.status) parts.push(d.status);
  return parts.join('　');
}

function SearchPanel({ initial, onOpenHit }: Pick<SearchDialogProps, 'initial' | 'onOpenHit'>) {
  const s = useStyles();
  const [query, setQuery] = useState('');
  const [filterValues, setFilterValues] = useState(initial);
  const [sort, setSort] = useState<SearchSort>('newest');
  const filters = useMemo(() => toSearchFilters(filterValues), [filterValues]);
  const { result, answered, error, status } = useSearch(query, filters, sort);
  const flat = useMemo(() => result?.groups.flatMap((g) => g.hits) ?? [], [result]);
  const [active, setActive] = useState(0);
  const [shownFor, setShownFor] = useState(result);
  // the rows drawn follow the box's scroll (see rowsToFill)
  const resultsBox = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(FIRST_ROWS);
  const measure = useCallback(() => {
    const box = resultsBox.current;
    if (box?.clientHeight) setDrawn(rowsToFill(box.scrollTop, box.clientHeight));
  }, []);
  useLayoutEffect(measure, [measure]);
  const scrollFrame = useRef(0);
  const onScroll = useCallback(() => {
    cancelAnimationFrame(scrollFrame.current);
    scrollFrame.current = requestAnimationFrame(measure);
  }, [measure]);
  useEffect(() => () => cancelAnimationFrame(scrollFrame.current), []);
  if (shownFor !== result) {
    setShownFor(result);
    setActive(0);
  }

  const openHit = useRef(onOpenHit);
  openHit.current = onOpenHit;
  const open = useCallback((hit: SearchHit) => openHit.current(hit), []);

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return; // the IME owns these keys
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!flat.length) return;
      const next = (active + (e.key === 'ArrowDown' ? 1 : -1) + flat.length) % flat.length;
      if (next >= drawn) flushSync(() => setDrawn(next + 1));
      setActive(next);
      document.getElementById(`search-hit-${next}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = flat[active];
      if (hit) onOpenHit(hit);
    }
  };

  return (
    <DialogBody className={s.body}>
      <DialogTitle>検索</DialogTitle>
      <div className={s.top}>
        <Input
          className={s.input}
          size="large"
          autoFocus
          contentBefore={<Search20Regular />}
          placeholder="発言・会議録・意見・原案・委員・会議を検索（2文字から。スペースで区切ると AND、”…” で語句）"
          aria-label="検索語"
          role="combobox"
          aria-expanded={flat.length > 0}
          aria-controls="search-results"
          aria-activedescendant={flat.length ? `search-hit-${active}` : undefined}
          value={query}
          onChange={(_, d) => setQuery(d.value)}
          onKeyDown={onKey}
        />
        <RadioGroup
          layout="horizontal"
          aria-label="並び順"
          value={sort}
          onChange={(_, d) => setSort(d.value as SearchSort)}
        >
          <Radio value="newest" label="新しい順" />
          <Radio value="relevance" label="関連度順" />
        </RadioGroup>
      </div>
      <SearchFilterBar value={filterValues} onChange={setFilterValues} />
      <div
        ref={resultsBox}
        onScroll={onScroll}
        className={s.results}
        id="search-results"
        role="listbox"
        aria-label="検索結果"
        data-result-for={answered ?? ''}
      >
        {status.state === 'building' ? <Spinner size="tiny" label="検索の索引を作成しています…" /> : null}
        {error ? <Text role="alert">{error}</Text> : null}
        <ResultList result={result} rows={drawn} active={active} onHover={setActive} onOpen={open} />
      </div>
    </DialogBody>
  );
}

/**
 * The results, memoised: a keystroke renders the field only; the rows render again when the
 * answer for the new text arrives (and a row only when its hit or its selection changed).
 */
const ResultList = memo(function ResultList({
  result,
  rows,
  active,
  onHover,
  onOpen,
}: {
  result: SearchResult | null;
  /** Rows drawn (the first ones, in order); the group heads are all drawn, the other rows are spacers. */
  rows: number;
  active: number;
  onHover: (i: number) => void;
  onOpen: (hit: SearchHit) => void;
}) {
  const s = useStyles();
  if (result === null) return <Text className={s.note}>検索語を入力してください。Enter で開き、↑↓ で選びます。</Text>;
  if (result.total === 0) return <Text className={s.note}>見つかりませんでした。</Text>;
  let index = 0;
  return (
    <>
      <Text className={s.note} aria-live="polite">
        {count.format(result.total)} 件
      </Text>
      {result.groups.map((g) => (
        <div key={g.kind} className={s.group} role="group" aria-label={g.label}>
          <div className={s.groupHead}>
            {g.label}（{count.format(g.count)} 件{g.count > g.hits.length ? `、上位 ${g.hits.length} 件を表示` : ''}）
          </div>
          {g.hits.map((hit) => {
            const i = index++;
            if (i >= rows) return null;
            // keyed by place: a new answer updates the rows in place (their text) instead of
            // removing them and creating new ones
            return <HitRow key={i} hit={hit} index={i} active={i === active} onHover={onHover} onOpen={onOpen} />;
          })}
          {index > rows ? (
            <div
              className={s.spacer}
              style={{ height: (index - Math.max(rows, index - g.hits.length)) * ROW_HEIGHT }}
            />
          ) : null}
        </div>
      ))}
    </>
  );
});

/**
 * A row renders again only when what it shows changed: a new answer brings new hit objects, and
 * a row whose hit has the same key, meta line and snippet (sameRow) is kept as it is.
 */
const HitRow = memo(
  function HitRow({
    hit,
    index,
    active,
    onHover,
    onOpen,
  }: {
    hit: SearchHit;
    index: number;
    active: boolean;
    onHover: (i: number) => void;
    onOpen: (hit: SearchHit) => void;
  }) {
    const s = useStyles();
    return (
      <div
        id={`search-hit-${index}`}
        role="option"
        aria-selected={active}
        className={mergeClasses(s.hit, active && s.active)}
        onMouseMove={active ? undefined : () => onHover(index)}
        onClick={() => onOpen(hit)}
      >
        <span className={s.meta}>
          {hitMeta(hit)}
          {hit.doc.isPublic ? '' : <span className={s.private}>　非公開</span>}
        </span>
        <span className={s.text}>
          <SnippetText snippet={hit.snippet} />
        </span>
      </div>
    );
  },
  (a, b) =>
    a.index === b.index &&
    a.active === b.active &&
    a.onHover === b.onHover &&
    a.onOpen === b.onOpen &&
    sameRow(a.hit, b.hit),
);
