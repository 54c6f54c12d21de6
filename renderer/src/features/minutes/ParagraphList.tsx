/**
 * A section's paragraphs in the minutes editor. Minutes of a few hundred paragraphs render
 * every one; longer ones (a 3,000-remark meeting) are virtualised against the page's
 * scroller (<main id="main-content">), the pattern of the opinions board's OpinionList and
 * the live screen's RemarkList: only the rows near the viewport exist, each measured after
 * it renders. A row being edited stays rendered while it scrolls out of view (its draft
 * is never dropped), and `revealParagraph` brings any paragraph into view (a check's place).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { MinutesParagraph } from '../../../../shared/minutes/model';
import { virtualRowStyle } from '../../ui/virtualRow';

/** Above this many paragraphs in the whole minutes, the editor's lists are virtualised. */
export const VIRTUALISE_ABOVE = 200;

interface ListProps {
  paragraphs: MinutesParagraph[];
  virtual: boolean;
  /** `onEditing(true)` while the row has an open draft. */
  render: (p: MinutesParagraph, onEditing: (editing: boolean) => void) => ReactNode;
}

const noop = () => {};

export function ParagraphList(props: ListProps) {
  if (props.virtual) return <VirtualParagraphList {...props} />;
  return <>{props.paragraphs.map((p) => props.render(p, noop))}</>;
}

/** Mounted virtual lists, so a paragraph scrolled out of the DOM can still be reached. */
const mounted = new Set<{ keys: () => string[]; reveal: (i: number) => void }>();

/**
 * Scrolls the paragraph `key` into view and focuses it; false when no list has it.
 * For plain lists the caller finds the element itself.
 */
export function revealParagraph(key: string): boolean {
  for (const list of mounted) {
    const i = list.keys().indexOf(key);
    if (i >= 0) {
      list.reveal(i);
      return true;
    }
  }
  return false;
}

const scroller = () => document.getElementById('main-content');

function VirtualParagraphList({ paragraphs, render }: ListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  const [editing, setEditing] = useState<ReadonlySet<string>>(new Set());
  // Where the list starts inside the scroller, measured again after every render (it
  // settles: the state changes only when the offset does).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately after every render
  useLayoutEffect(() => {
    const el = scroller();
    const list = listRef.current;
    if (!el || !list) return;
    const top = Math.round(list.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop);
    if (top !== margin) setMargin(top);
  });
  const pinned = useMemo(() => paragraphs.flatMap((p, i) => (editing.has(p.key) ? [i] : [])), [paragraphs, editing]);
  const rangeExtractor = useCallback(
    (range: Range) =>
      pinned.length
        ? [...new Set([...defaultRangeExtractor(range), ...pinned])].sort((a, b) => a - b)
        : defaultRangeExtractor(range),
    [pinned],
  );
  const virtualizer = useVirtualizer({
    count: paragraphs.length,
    getScrollElement: scroller,
    estimateSize: () => 56,
    overscan: 8,
    scrollMargin: margin,
    getItemKey: (i) => paragraphs[i]!.key,
    rangeExtractor,
  });
  const latest = useRef({ paragraphs, virtualizer });
  latest.current = { paragraphs, virtualizer };
  useEffect(() => {
    const entry = {
      keys: () => latest.current.paragraphs.map((p) => p.key),
      reveal: (i: number) => {
        const { paragraphs, virtualizer } = latest.current;
        virtualizer.scrollToIndex(i, { align: 'center' });
        // Once the row is rendered (and measured): bring it to the keyboard.
        let tries = 0;
        const focus = () => {
          const el = document.querySelector<HTMLElement>(`[data-paragraph="${CSS.escape(paragraphs[i]!.key)}"]`);
          if (el) {
            el.scrollIntoView({ block: 'center' });
            el.focus();
          } else if (++tries < 20) requestAnimationFrame(focus);
        };
        requestAnimationFrame(focus);
      },
    };
    mounted.add(entry);
    return () => void mounted.delete(entry);
  }, []);
  const onEditing = useCallback(
    (key: string) => (on: boolean) =>
      setEditing((cur) => {
        if (on === cur.has(key)) return cur;
        const next = new Set(cur);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      }),
    [],
  );
  return (
    <div ref={listRef} style={{ position: 'relative', height: virtualizer.getTotalSize(), minHeight: 24 }}>
      {virtualizer.getVirtualItems().map((v) => {
        const p = paragraphs[v.index]!;
        return (
          <div
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            style={virtualRowStyle(v.start - virtualizer.options.scrollMargin)}
          >
            {render(p, onEditing(p.key))}
          </div>
        );
      })}
    </div>
  );
}
