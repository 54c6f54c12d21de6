/** Committing the entry line: the row shows at once, the write follows in order. */
import { useCallback, type MutableRefObject } from 'react';
import type { Meeting, Remark } from '../../../../../shared/domain';
import { randomId } from '../../../../../shared/factory';
import { remarkStore, type Change } from '../data';
import { offsetBaseMs, offsetSecAt } from '../time';
import { UNKNOWN, type EntryDraftState, type EntryMeta } from './useEntryDraft';

interface Deps {
  meeting: Meeting;
  draft: EntryDraftState;
  remarksRef: MutableRefObject<Remark[]>;
  nextOrder: MutableRefObject<number>;
  setPending: (update: (p: Remark[]) => Remark[]) => void;
  applyLocal: (change: Change) => void;
  clearSelection: () => void;
}

export function useCommit({ meeting, draft, remarksRef, nextOrder, setPending, applyLocal, clearSelection }: Deps) {
  const meetingId = meeting.id;
  const { metaRef, itemRef, entryRef, saver, buildDraft, onSaveResult, resetMetaUnsaved } = draft;
  return useCallback(
    (raw: string) => {
      const text = raw.replace(/^\s+|\s+$/g, '');
      if (!text) return;
      const now = Date.now();
      const m = metaRef.current;
      const list = remarksRef.current;
      // An item discussed in closed session records every remark under it as 非公開.
      const closed = meeting.agenda.some((a) => a.id === itemRef.current && a.closed);
      const iso = new Date(now).toISOString();
      const remark: Remark = {
        id: randomId(),
        meetingId,
        agendaItemId: itemRef.current,
        order: nextOrder.current++,
        kind: m.kind,
        speaker: m.speaker,
        fieldId: m.fieldId,
        text,
        offsetSec: offsetSecAt(offsetBaseMs(meeting, list, now), now),
        nonPublic: m.nonPublic || closed,
        needsCheck: m.needsCheck,
        replyToId: null,
        createdAt: iso,
        updatedAt: iso,
      };
      // Next line: speaker, kind, 非公開 and 要確認 cleared (each flag is for one remark); the field stays.
      const next: EntryMeta = { ...m, speaker: UNKNOWN, kind: '発言', nonPublic: false, needsCheck: false };
      resetMetaUnsaved(next); // the commit transaction stores the emptied line itself
      setPending((p) => [...p, remark]);
      clearSelection();
      saver.cancel();
      const emptied = buildDraft('', next);
      saver
        .enqueue(() => remarkStore.commit(remark, emptied))
        .then(
          () => {
            applyLocal({ put: [remark], remove: [] });
            setPending((p) => p.filter((x) => x.id !== remark.id));
            onSaveResult(null);
          },
          (error: unknown) => {
            // Put the line back where it was typed, above whatever is being typed now.
            setPending((p) => p.filter((x) => x.id !== remark.id));
            const el = entryRef.current;
            if (el) el.value = el.value ? `${text}\n${el.value}` : text;
            onSaveResult(error);
          },
        );
    },
    [
      meetingId,
      meeting,
      saver,
      buildDraft,
      onSaveResult,
      applyLocal,
      metaRef,
      itemRef,
      entryRef,
      remarksRef,
      nextOrder,
      setPending,
      resetMetaUnsaved,
      clearSelection,
    ],
  );
}
