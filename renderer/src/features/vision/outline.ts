/** The outline editor's keys, and the pending saves that freezing and exporting wait for. */
import type { KeyboardEvent } from 'react';

export type OutlineAction = 'up' | 'down' | 'indent' | 'outdent' | 'sibling' | 'child';

export function outlineActionOf(e: KeyboardEvent): OutlineAction | null {
  if (e.nativeEvent.isComposing || e.key === 'Process') return null;
  if (e.altKey && !e.ctrlKey && !e.metaKey) {
    if (e.key === 'ArrowUp') return 'up';
    if (e.key === 'ArrowDown') return 'down';
    if (e.key === 'ArrowRight') return 'indent';
    if (e.key === 'ArrowLeft') return 'outdent';
  }
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') return e.shiftKey ? 'child' : 'sibling';
  return null;
}

/** Waits for the pending saves of an open editor (used before freezing and exporting). */
const flushers = new Map<string, () => Promise<void>>();
export function flushDraft(draftId: string): Promise<void> {
  return flushers.get(draftId)?.() ?? Promise.resolve();
}
/** An open editor tells how to wait for its saves; the returned function unregisters it. */
export function registerFlusher(draftId: string, flush: () => Promise<void>): () => void {
  flushers.set(draftId, flush);
  return () => {
    flushers.delete(draftId);
  };
}
