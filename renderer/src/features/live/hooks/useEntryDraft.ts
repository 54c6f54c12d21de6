/**
 * The entry line's draft: what is chosen for it (speaker, kind, field, flags, agenda item) and its
 * saving. The text itself lives in the textarea, not in React state; it is saved within a
 * fraction of a second, at once on blur, when the tab is hidden and when the screen is left.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Meeting, Remark, Speaker } from '../../../../../shared/domain';
import { DraftSaver, remarkStore, storageErrorMessage, type LiveDraft } from '../data';

export interface EntryMeta {
  speaker: Speaker;
  kind: Remark['kind'];
  fieldId: string | null;
  nonPublic: boolean;
  needsCheck: boolean;
}
export const UNKNOWN: Speaker = { type: 'unknown' };

export function useEntryDraft(meeting: Meeting, initialDraft: LiveDraft | null) {
  const meetingId = meeting.id;
  const [meta, setMeta] = useState<EntryMeta>(() => ({
    speaker: initialDraft?.speaker ?? UNKNOWN,
    kind: initialDraft?.kind ?? '発言',
    fieldId: initialDraft?.fieldId ?? null,
    nonPublic: initialDraft?.nonPublic ?? false,
    needsCheck: initialDraft?.needsCheck ?? false,
  }));
  const [itemId, setItemId] = useState<string | null>(() => {
    const saved = initialDraft?.agendaItemId;
    if (saved && meeting.agenda.some((a) => a.id === saved)) return saved;
    return meeting.agenda[0]?.id ?? null;
  });
  const metaRef = useRef(meta);
  metaRef.current = meta;
  const itemRef = useRef(itemId);
  itemRef.current = itemId;
  const entryRef = useRef<HTMLTextAreaElement>(null);

  // ---- saving and errors
  const [storageError, setStorageError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const onSaveResult = useCallback((error: unknown | null) => {
    if (error) {
      console.error(error);
      setStorageError(storageErrorMessage(error));
    } else {
      setStorageError(null);
      setSavedAt(new Date().toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo' }));
    }
  }, []);
  const buildDraft = useCallback(
    (text: string, m: EntryMeta = metaRef.current, item = itemRef.current): LiveDraft => ({
      meetingId,
      text,
      updatedAt: new Date().toISOString(),
      ...m,
      agendaItemId: item,
    }),
    [meetingId],
  );
  const saver = useMemo(() => new DraftSaver((d) => remarkStore.saveDraft(d), onSaveResult, 150), [onSaveResult]);
  const scheduleDraft = useCallback(
    () => saver.schedule(buildDraft(entryRef.current?.value ?? '')),
    [saver, buildDraft],
  );
  const flushDraft = useCallback(() => {
    if (!saver.pending) saver.schedule(buildDraft(entryRef.current?.value ?? ''));
    void saver.flush();
  }, [saver, buildDraft]);
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    const onPageHide = () => void saver.flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void saver.flush(); // leaving the screen: keep the line
    };
  }, [saver]);
  // Meta and agenda changes are saved with the line (the projector follows the agenda item).
  const firstMeta = useRef(true);
  useEffect(() => {
    if (firstMeta.current) {
      firstMeta.current = false;
      return;
    }
    saver.schedule(buildDraft(entryRef.current?.value ?? ''));
    void saver.flush();
  }, [meta, itemId, saver, buildDraft]);

  /** Sets the meta of the next line without saving it (the commit transaction stores the emptied line itself). */
  const resetMetaUnsaved = useCallback((next: EntryMeta) => {
    metaRef.current = next;
    firstMeta.current = true;
    setMeta(next);
  }, []);

  return {
    meta,
    setMeta,
    metaRef,
    itemId,
    setItemId,
    itemRef,
    entryRef,
    storageError,
    setStorageError,
    savedAt,
    onSaveResult,
    buildDraft,
    saver,
    scheduleDraft,
    flushDraft,
    resetMetaUnsaved,
  };
}

export type EntryDraftState = ReturnType<typeof useEntryDraft>;
