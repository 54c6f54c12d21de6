/**
 * The stream of remarks: virtualised (a two-hour meeting may hold thousands of lines),
 * rows memoised, one focusable list with an active row, editing in place.
 */
import {
  forwardRef,
  memo,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { Badge, Button, makeStyles, mergeClasses, Text, Textarea, tokens } from '@fluentui/react-components';
import type { Remark } from '../../../../shared/domain';
import { formatOffset } from './time';

export interface RowInfo {
  speakerLabel: (r: Remark) => string;
  agendaTitle: (id: string | null) => string;
  fieldName: (id: string | null) => string;
}

export interface RemarkListHandle {
  focus(): void;
}

const useStyles = makeStyles({
  scroller: {
    flex: 1,
    minHeight: 0,
    overflowY: 'auto',
    position: 'relative',
    outlineStyle: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    top: 0,
    display: 'grid',
    gridTemplateColumns: '64px 150px 1fr',
    columnGap: '10px',
    padding: '6px 12px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    boxSizing: 'border-box',
    cursor: 'default',
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}` },
  nonPublic: { backgroundColor: tokens.colorPaletteRedBackground1 },
  time: {
    fontVariantNumeric: 'tabular-nums',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    paddingTop: '2px',
  },
  who: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  none: { color: tokens.colorNeutralForeground4, fontWeight: tokens.fontWeightRegular },
  body: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.6 },
  tags: { display: 'flex', gap: '4px', flexWrap: 'wrap', alignItems: 'center' },
  answerTo: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  agendaHead: {
    gridColumn: '1 / -1',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: '2px',
  },
  empty: { padding: '24px', color: tokens.colorNeutralForeground3 },
});

interface RowProps {
  remark: Remark;
  index: number;
  start: number;
  showAgenda: boolean;
  selected: boolean;
  editing: boolean;
  info: RowInfo;
  measure: (el: HTMLElement | null) => void;
  onSelect: (index: number) => void;
  onSave: (index: number, text: string) => void;
  onSplit: (index: number, text: string, at: number) => void;
  onCancel: () => void;
  /** For a 回答: which question it answers (「回答先：…」). */
  answerTo?: string;
  onPickAnswer?: (index: number) => void;
}

const Row = memo(function Row({
  remark: r,
  index,
  start,
  showAgenda,
  selected,
  editing,
  info,
  measure,
  onSelect,
  onSave,
  onSplit,
  onCancel,
  answerTo,
  onPickAnswer,
}: RowProps) {
  const s = useStyles();
  const label = info.speakerLabel(r);
  const field = info.fieldName(r.fieldId);
  return (
    <div
      ref={measure}
      data-index={index}
      id={`remark-${r.id}`}
      role="option"
      aria-selected={selected}
      className={mergeClasses(s.row, r.nonPublic && s.nonPublic, selected && s.selected)}
      style={{ transform: `translateY(${start}px)` }}
      onMouseDown={() => onSelect(index)}
    >
      {showAgenda ? <div className={s.agendaHead}>▶ {info.agendaTitle(r.agendaItemId)}</div> : null}
      <span className={s.time}>{formatOffset(r.offsetSec)}</span>
      <span className={mergeClasses(s.who, !label && s.none)}>{label || '（発言者なし）'}</span>
      <div className={s.body}>
        {editing ? (
          <EditBox
            initial={r.text}
            onSave={(t) => onSave(index, t)}
            onSplit={(t, at) => onSplit(index, t, at)}
            onCancel={onCancel}
          />
        ) : (
          <span className={s.text}>{r.text}</span>
        )}
        {r.kind !== '発言' || field || r.nonPublic || r.needsCheck ? (
          <span className={s.tags}>
            {r.kind !== '発言' ? (
              <Badge size="small" appearance="tint" color="informative">
                {r.kind}
              </Badge>
            ) : null}
            {field ? (
              <Badge size="small" appearance="outline" color="brand">
                {field}
              </Badge>
            ) : null}
            {r.nonPublic ? (
              <Badge size="small" appearance="filled" color="danger">
                非公開
              </Badge>
            ) : null}
            {r.needsCheck ? (
              <Badge size="small" appearance="filled" color="warning">
                要確認
              </Badge>
            ) : null}
            {answerTo ? <span className={s.answerTo}>↳ {answerTo}</span> : null}
            {answerTo && selected && onPickAnswer ? (
              <Button size="small" appearance="subtle" tabIndex={-1} onClick={() => onPickAnswer(index)}>
                回答先を変更（Alt+R）
              </Button>
            ) : null}
          </span>
        ) : null}
      </div>
    </div>
  );
});

function EditBox({
  initial,
  onSave,
  onSplit,
  onCancel,
}: {
  initial: string;
  onSave: (t: string) => void;
  onSplit: (t: string, at: number) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
      return;
    }
    if (e.key === 'Enter' && e.altKey) {
      e.preventDefault();
      e.stopPropagation();
      onSplit(text, e.currentTarget.selectionStart);
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      e.stopPropagation();
      onSave(text);
      return;
    }
    e.stopPropagation(); // typing keys belong to the text, not the list
  };
  return (
    <Textarea
      autoFocus
      aria-label="記録を編集"
      resize="vertical"
      value={text}
      onChange={(_, d) => setText(d.value)}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const el = e.currentTarget;
        el.selectionStart = el.selectionEnd = el.value.length;
      }}
    />
  );
}

/** The visible range plus the newest row, so a committed remark is on screen before any scroll event. */
function withNewest(range: Range): number[] {
  const indexes = defaultRangeExtractor(range);
  const last = range.count - 1;
  if (last >= 0 && indexes[indexes.length - 1] !== last) indexes.push(last);
  return indexes;
}

export interface RemarkListProps {
  remarks: Remark[];
  info: RowInfo;
  selected: number | null;
  editing: boolean;
  onSelect: (index: number | null) => void;
  onKey: (e: KeyboardEvent<HTMLDivElement>) => void;
  onSave: (index: number, text: string) => void;
  onSplit: (index: number, text: string, at: number) => void;
  onCancelEdit: () => void;
  /** answer id → 「回答先：…」 for every 回答 (answerLink.ts). */
  answers?: Map<string, string>;
  onPickAnswer?: (index: number) => void;
}

export const RemarkList = memo(
  forwardRef<RemarkListHandle, RemarkListProps>(function RemarkList(
    { remarks, info, selected, editing, onSelect, onKey, onSave, onSplit, onCancelEdit, answers, onPickAnswer },
    ref,
  ) {
    const s = useStyles();
    const scrollRef = useRef<HTMLDivElement>(null);
    const virtualizer = useVirtualizer({
      count: remarks.length,
      getScrollElement: () => scrollRef.current,
      estimateSize: () => 58,
      overscan: 6,
      getItemKey: (i) => remarks[i]!.id,
      rangeExtractor: withNewest,
    });
    useImperativeHandle(ref, () => ({ focus: () => scrollRef.current?.focus() }), []);

    // Follow the newest line while nothing is selected, in the same frame as the commit
    // (the newest row is always rendered, see withNewest); otherwise keep the selection in view.
    const count = remarks.length;
    const total = virtualizer.getTotalSize();
    const following = selected === null;
    useLayoutEffect(() => {
      const el = scrollRef.current;
      if (following && el) el.scrollTop = el.scrollHeight;
    }, [following, count, total]);
    useEffect(() => {
      if (selected !== null) virtualizer.scrollToIndex(selected, { align: 'auto' });
    }, [selected, virtualizer]);

    const items = virtualizer.getVirtualItems();
    const active = selected !== null ? remarks[selected] : undefined;
    return (
      <div
        ref={scrollRef}
        className={s.scroller}
        tabIndex={0}
        role="listbox"
        aria-label="記録の一覧"
        aria-activedescendant={active ? `remark-${active.id}` : undefined}
        onKeyDown={onKey}
        onFocus={(e) => {
          if (e.target === e.currentTarget && selected === null && count > 0) onSelect(count - 1);
        }}
      >
        {count === 0 ? (
          <Text className={s.empty} as="p">
            まだ記録がありません。下の入力行に入力して Enter で記録します。
          </Text>
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = remarks[v.index]!;
            const prev = v.index > 0 ? remarks[v.index - 1] : undefined;
            return (
              <Row
                key={v.key}
                remark={r}
                index={v.index}
                start={v.start}
                showAgenda={!prev || prev.agendaItemId !== r.agendaItemId}
                selected={v.index === selected}
                editing={editing && v.index === selected}
                info={info}
                measure={virtualizer.measureElement}
                onSelect={onSelect}
                onSave={onSave}
                onSplit={onSplit}
                onCancel={onCancelEdit}
                answerTo={answers?.get(r.id)}
                onPickAnswer={onPickAnswer}
              />
            );
          })}
        </div>
      </div>
    );
  }),
);
