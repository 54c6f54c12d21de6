/** What the board's cards do to an opinion (status, response, field, delete …), each saved at once. */
import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import { useNotify } from '../../app/notify';
import type { Council, Opinion } from '../../../../shared/domain';
import { adjacentField, moveToField, setResponse, setStatus, unmergeOpinion } from '../../../../shared/opinions';
import { deleteOpinion, putOpinions } from './data/index';

const now = () => new Date().toISOString();

export function useOpinionActions(
  council: Council,
  all: Opinion[] | undefined,
  /** Brings a card that is not in the DOM (a virtualised board) into view and focuses it. */
  reveal?: { current: ((id: string) => boolean) | null },
) {
  const notify = useNotify();
  const focusAfter = useRef<string | null>(null);

  // A moved card keeps the focus after the board re-renders.
  useEffect(() => {
    const id = focusAfter.current;
    if (!id) return;
    focusAfter.current = null;
    const card = document.querySelector<HTMLElement>(`[data-opinion-id="${CSS.escape(id)}"]`);
    if (card) card.focus();
    else reveal?.current?.(id);
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
  const onTogglePublic = useCallback(
    (o: Opinion) => void save([{ ...o, nonPublic: !o.nonPublic, updatedAt: now() }]),
    [save],
  );
  const onUnmerge = useCallback((o: Opinion) => void save([unmergeOpinion(o, now())]), [save]);
  const onDragStart = useCallback((e: DragEvent, o: Opinion) => {
    e.dataTransfer.setData('application/x-opinion-id', o.id);
    e.dataTransfer.effectAllowed = 'move';
  }, []);
  /** A card dropped on a field (before the card it was dropped on, if any). */
  const onDrop = useCallback(
    (e: DragEvent, fieldId: string | null) => {
      e.preventDefault();
      const id = e.dataTransfer.getData('application/x-opinion-id');
      const o = (all ?? []).find((x) => x.id === id);
      if (!o) return;
      const before = (e.target as HTMLElement).closest<HTMLElement>('[data-opinion-id]')?.dataset.opinionId;
      onMove(o, fieldId, before && before !== id ? before : null);
    },
    [all, onMove],
  );

  // The same object while nothing it holds changes, so the board's lists need not re-render.
  return useMemo(
    () => ({ save, onStatus, onResponse, onMove, onStep, onDelete, onTogglePublic, onUnmerge, onDragStart, onDrop }),
    [save, onStatus, onResponse, onMove, onStep, onDelete, onTogglePublic, onUnmerge, onDragStart, onDrop],
  );
}
