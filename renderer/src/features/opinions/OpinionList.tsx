/**
 * One field's cards on the board. Short lists render every card; long ones (years of
 * opinions) are virtualised against the page's scroller (<main id="main-content">), the
 * same pattern as the live screen's RemarkList: only the cards near the viewport exist
 * in the DOM, each measured after it renders.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Opinion } from '../../../../shared/domain';

/**
 * Above this many cards in one field, the list is virtualised. Boards of a few hundred
 * opinions keep every card in the DOM (find-in-page, tests and screen readers see them all).
 */
export const VIRTUALISE_ABOVE = 200;

interface ListProps {
  items: Opinion[];
  label: string;
  className: string;
  renderItem: (o: Opinion) => ReactNode;
}

export function OpinionList(props: ListProps) {
  return props.items.length > VIRTUALISE_ABOVE ? <VirtualOpinionList {...props} /> : <PlainOpinionList {...props} />;
}

function PlainOpinionList({ items, label, className, renderItem }: ListProps) {
  return (
    <div className={className} role="list" aria-label={label}>
      {items.map((o) => (
        <div role="listitem" key={o.id}>
          {renderItem(o)}
        </div>
      ))}
    </div>
  );
}

const scroller = () => document.getElementById('main-content');

function VirtualOpinionList({ items, label, renderItem }: ListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  // Where the list starts inside the scroller: the fields above it change height as they
  // are filtered or edited, so it is measured again after every render (it settles: the
  // state changes only when the offset does).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately after every render
  useLayoutEffect(() => {
    const el = scroller();
    const list = listRef.current;
    if (!el || !list) return;
    const top = Math.round(list.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop);
    if (top !== margin) setMargin(top);
  });
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: scroller,
    estimateSize: () => 180,
    overscan: 3,
    scrollMargin: margin,
    getItemKey: (i) => items[i]!.id,
  });
  const rows = virtualizer.getVirtualItems();
  return (
    <div
      ref={listRef}
      role="list"
      aria-label={label}
      style={{ position: 'relative', height: virtualizer.getTotalSize(), minHeight: 24 }}
    >
      {rows.map((v) => {
        const o = items[v.index]!;
        return (
          <div
            role="listitem"
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            aria-posinset={v.index + 1}
            aria-setsize={items.length}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              paddingBottom: 8,
              transform: `translateY(${v.start - virtualizer.options.scrollMargin}px)`,
            }}
          >
            {renderItem(o)}
          </div>
        );
      })}
    </div>
  );
}
