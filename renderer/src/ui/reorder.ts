/** Keyboard/mouse reordering of list rows (members, agenda items, materials, fields). */
import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { ShortcutGroup } from './shortcuts';

/** The keys of every reorderable list, for the shortcut list (collected in app/shortcuts.ts). */
export const REORDER_SHORTCUTS: ShortcutGroup = {
  title: '委員名簿・会議の次第・配布資料・分野',
  keys: [
    ['Alt+↑ / Alt+↓', '選んだ行（または行の入力欄）を上 / 下へ移動'],
    ['ドラッグ＆ドロップ', '行を別の位置へ移動'],
    ['Enter（入力欄で）', '入力した内容を保存'],
  ],
};

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

/**
 * Reordering a list by keyboard (Alt+↑ / Alt+↓ on a row) and by mouse (drag a row onto
 * another). `onMove(from, to)` does the write; focus follows the moved row.
 */
export function useReorder(
  count: number,
  onMove: (from: number, to: number) => void | Promise<void>,
  rowSelector = '[data-reorder-row]',
) {
  const dragFrom = useRef<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  // The row keeps its DOM node (keyed) but is re-rendered later (live query): wait until it has moved, then focus it.
  const followRow = (
    row: HTMLElement,
    target: HTMLElement,
    container: HTMLElement | null,
    index: number,
    frames = 30,
  ) => {
    if (!container) return;
    if (container.querySelectorAll<HTMLElement>(rowSelector)[index] === row || frames === 0) {
      target.focus();
      return;
    }
    requestAnimationFrame(() => followRow(row, target, container, index, frames - 1));
  };
  const startDrag = (index: number, e: DragEvent<HTMLElement>) => {
    dragFrom.current = index;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', String(index));
    const row = e.currentTarget.closest<HTMLElement>(rowSelector);
    if (row && row !== e.currentTarget) e.dataTransfer.setDragImage(row, 12, 12);
  };
  return {
    over,
    /** For rows with text fields: only this grip starts a drag, so selecting text never moves the row. */
    handleProps: (index: number) => ({
      draggable: true,
      'aria-hidden': true as const,
      style: { cursor: 'grab', display: 'inline-flex' },
      onDragStart: (e: DragEvent<HTMLElement>) => startDrag(index, e),
      onDragEnd: () => {
        dragFrom.current = null;
        setOver(null);
      },
    }),
    rowProps: (index: number, enabled = true, handleOnly = false) => ({
      'data-reorder-row': true,
      tabIndex: 0,
      draggable: enabled && !handleOnly,
      onKeyDown: async (e: KeyboardEvent<HTMLElement>) => {
        if (!enabled || !e.altKey || e.nativeEvent.isComposing || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown'))
          return;
        // From the row itself or a one-line text field in it (not from lists that use Alt+↓ to open).
        if (e.target !== e.currentTarget && (e.target as HTMLElement).tagName !== 'INPUT') return;
        e.preventDefault();
        const to = e.key === 'ArrowUp' ? index - 1 : index + 1;
        if (to < 0 || to >= count) return;
        const row = e.currentTarget.matches(rowSelector)
          ? e.currentTarget
          : e.currentTarget.closest<HTMLElement>(rowSelector)!;
        const container = row.parentElement;
        const typing = e.target !== e.currentTarget ? (e.target as HTMLElement) : null;
        await onMove(index, to);
        followRow(row, typing ?? row, container, to);
      },
      onDragStart: (e: DragEvent<HTMLElement>) => {
        if (e.target === e.currentTarget) startDrag(index, e);
      },
      onDragOver: (e: DragEvent<HTMLElement>) => {
        if (dragFrom.current !== null) {
          e.preventDefault();
          setOver(index);
        }
      },
      onDragLeave: () => setOver((o) => (o === index ? null : o)),
      onDrop: (e: DragEvent<HTMLElement>) => {
        e.preventDefault();
        const from = dragFrom.current;
        dragFrom.current = null;
        setOver(null);
        if (from !== null && from !== index) void onMove(from, index);
      },
      onDragEnd: () => {
        dragFrom.current = null;
        setOver(null);
      },
    }),
  };
}
