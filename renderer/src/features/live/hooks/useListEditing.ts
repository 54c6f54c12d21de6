/**
 * The remark list: selection, in-place editing, the edits of the selected remark (run one after
 * another, in the order the keys were pressed), undo, and keyboard navigation.
 */
import { useCallback, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Remark } from '../../../../../shared/domain';
import { randomId } from '../../../../../shared/factory';
import { useNotify } from '../../../app/notify';
import { remarkStore, type Change, type Edit, type Undo } from '../data';
import type { RemarkListHandle } from '../RemarkList';

interface Deps {
  remarksRef: RefObject<Remark[]>;
  entryRef: RefObject<HTMLTextAreaElement | null>;
  listRef: RefObject<RemarkListHandle | null>;
  applyLocal: (change: Change) => void;
  onSaveResult: (error: unknown | null) => void;
  clearError: () => void;
}

export function useListEditing({ remarksRef, entryRef, listRef, applyLocal, onSaveResult, clearError }: Deps) {
  const notify = useNotify();
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const undoStack = useRef<Undo[]>([]);
  const [lastUndo, setLastUndo] = useState<Undo | null>(null);
  // List edits run one after another, in the order the keys were pressed.
  const ops = useRef<Promise<void>>(Promise.resolve());
  const run = useCallback(
    (op: () => Promise<Edit | null>) => {
      ops.current = ops.current.then(async () => {
        try {
          const edit = await op();
          if (edit) {
            applyLocal(edit);
            undoStack.current.push(edit.undo);
            setLastUndo(edit.undo);
          }
          clearError();
        } catch (error) {
          onSaveResult(error);
        }
      });
      return ops.current;
    },
    [onSaveResult, applyLocal, clearError],
  );
  const undo = useCallback(async () => {
    const u = undoStack.current.pop();
    if (!u) {
      notify.info('元に戻す操作はありません');
      return;
    }
    try {
      applyLocal(await remarkStore.undo(u));
      setLastUndo(undoStack.current[undoStack.current.length - 1] ?? null);
      notify.info(`「${u.label}」を元に戻しました`);
    } catch (error) {
      undoStack.current.push(u);
      onSaveResult(error);
    }
  }, [notify, onSaveResult, applyLocal]);

  const focusEntry = useCallback(() => {
    setSelected(null);
    setEditing(false);
    entryRef.current?.focus();
  }, [entryRef]);
  const focusList = useCallback(() => {
    if (!remarksRef.current.length) return;
    setSelected((s) => s ?? remarksRef.current.length - 1);
    listRef.current?.focus();
  }, [remarksRef, listRef]);

  const onSaveEdit = useCallback(
    (index: number, text: string) => {
      const r = remarksRef.current[index];
      setEditing(false);
      listRef.current?.focus();
      if (!r || r.text === text) return;
      void run(() => remarkStore.update(r.id, { text }, '編集'));
    },
    [run, remarksRef, listRef],
  );
  const onSplit = useCallback(
    (index: number, text: string, at: number) => {
      setEditing(false);
      listRef.current?.focus();
      if (at <= 0 || at >= text.length) return;
      const r = remarksRef.current[index];
      if (!r) return;
      void run(() => remarkStore.split(r.id, remarksRef.current[index + 1]?.id ?? null, at, text, randomId()));
      setSelected(index + 1);
    },
    [run, remarksRef, listRef],
  );
  const onCancelEdit = useCallback(() => {
    setEditing(false);
    listRef.current?.focus();
  }, [listRef]);
  const onSelect = useCallback((i: number | null) => {
    setSelected(i);
    setEditing(false);
  }, []);

  const onListKey = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.nativeEvent.isComposing || e.target !== e.currentTarget) return;
      const list = remarksRef.current;
      const sel = selectedRef.current;
      const last = list.length - 1;
      const k = e.key;
      let handled = true;
      if (e.altKey && (k === 'ArrowUp' || k === 'ArrowDown')) {
        if (sel === null) return;
        const dir = k === 'ArrowUp' ? -1 : 1;
        const a = list[sel];
        const b = list[sel + dir];
        if (a && b) {
          void run(() => remarkStore.move(a.id, b.id));
          setSelected(sel + dir);
        }
      } else if (e.altKey && e.code === 'KeyM') {
        const a = sel !== null ? list[sel] : undefined;
        const b = sel !== null ? list[sel + 1] : undefined;
        if (a && b) void run(() => remarkStore.merge(a.id, b.id));
      } else if (e.ctrlKey && (k === 'z' || k === 'Z')) void undo();
      else if (e.altKey || e.ctrlKey || e.metaKey) handled = false;
      else if (k === 'ArrowUp') setSelected(sel === null ? last : Math.max(0, sel - 1));
      else if (k === 'ArrowDown') {
        if (sel !== null && sel >= last) focusEntry();
        else setSelected(sel === null ? last : sel + 1);
      } else if (k === 'Home') setSelected(0);
      else if (k === 'End') setSelected(last);
      else if (k === 'PageUp') setSelected(Math.max(0, (sel ?? last) - 10));
      else if (k === 'PageDown') setSelected(Math.min(last, (sel ?? last) + 10));
      else if (k === 'Enter' || k === 'F2') {
        if (sel !== null) setEditing(true);
      } else if (k === 'Delete' || k === 'Backspace') {
        const r = sel !== null ? list[sel] : undefined;
        if (r) {
          void run(() => remarkStore.remove(r.id));
          setSelected(list.length <= 1 ? null : Math.min(sel!, list.length - 2));
        }
      } else if (k === 'Escape' || k === 'Tab') focusEntry();
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    },
    [run, undo, focusEntry, remarksRef],
  );

  return {
    selected,
    setSelected,
    selectedRef,
    editing,
    lastUndo,
    run,
    undo,
    focusEntry,
    focusList,
    onSaveEdit,
    onSplit,
    onCancelEdit,
    onSelect,
    onListKey,
  };
}
