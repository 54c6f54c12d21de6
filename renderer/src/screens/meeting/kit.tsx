/**
 * Small pieces the council and meeting screens share: text fields that save when left,
 * keyboard/mouse reordering, file bytes for main, and the 「ファイルを開く」「フォルダを開く」
 * bar after an export.
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Badge, Input, Textarea, type InputProps } from '@fluentui/react-components';
import { SHORTCUT_GROUPS } from '../../app/ShortcutsDialog';
import type { Meeting } from '../../../../shared/domain';

SHORTCUT_GROUPS.push({
  title: '委員名簿・会議の次第・配布資料・分野',
  keys: [
    ['Alt+↑ / Alt+↓', '選んだ行（または行の入力欄）を上 / 下へ移動'],
    ['ドラッグ＆ドロップ', '行を別の位置へ移動'],
    ['Enter（入力欄で）', '入力した内容を保存'],
  ],
});

/** An input that keeps its own text while focused and saves on blur or Enter (never mid-IME). */
export function CommitInput({
  value,
  onCommit,
  multiline,
  ...rest
}: { value: string; onCommit: (v: string) => unknown; multiline?: boolean } & Omit<
  InputProps,
  'value' | 'onChange' | 'onBlur'
>) {
  const [text, setText] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(value);
  }, [value]);
  const commit = () => {
    if (text !== value) void onCommit(text);
  };
  if (multiline) {
    return (
      <Textarea
        value={text}
        resize="vertical"
        aria-label={rest['aria-label']}
        placeholder={rest.placeholder}
        style={rest.style}
        onFocus={() => {
          focused.current = true;
        }}
        onChange={(_, d) => setText(d.value)}
        onBlur={() => {
          focused.current = false;
          commit();
        }}
      />
    );
  }
  return (
    <Input
      {...rest}
      value={text}
      onFocus={() => {
        focused.current = true;
      }}
      onChange={(_, d) => setText(d.value)}
      onBlur={() => {
        focused.current = false;
        commit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) commit();
      }}
    />
  );
}

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

/** Bytes → base64 for the contract (in slices, so large arrays do not overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export { SavedFileBar, useExport } from '../../components/exporting';

export function Row({ children, gap = 8 }: { children: ReactNode; gap?: number }) {
  return <div style={{ display: 'flex', gap, alignItems: 'center', flexWrap: 'wrap' }}>{children}</div>;
}

const STATUS_COLOR: Record<
  Meeting['status'],
  'informative' | 'brand' | 'warning' | 'success' | 'subtle' | 'important'
> = {
  予定: 'subtle',
  開催済: 'informative',
  作成中: 'warning',
  確認中: 'important',
  確定: 'brand',
  公開済: 'success',
};

export function MeetingStatusBadge({ status }: { status: Meeting['status'] }) {
  return (
    <Badge appearance="tint" color={STATUS_COLOR[status]}>
      {status}
    </Badge>
  );
}

/** Splits a venues textarea: one venue per line. */
export const venueLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((v) => v.trim())
    .filter(Boolean);
