/**
 * The notice of the last change on a screen with 「元に戻す」 (data/undo.ts), like the live
 * list's: it stays at the bottom of the window until dismissed or undone, and Ctrl+Z does the
 * same — except while typing in a text field (which has its own undo) or composing with the IME.
 * One bar per screen; it is the screen's notice of the change (no toast besides it).
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { undoHistory, type UndoEntry } from '../data/undo';
import { useNotify } from '../app/notify';

const useStyles = makeStyles({
  bar: {
    position: 'fixed',
    bottom: '16px',
    left: '50%',
    transform: 'translateX(-50%)',
    zIndex: 1000,
    minWidth: '360px',
    maxWidth: 'min(720px, calc(100vw - 32px))',
    boxShadow: tokens.shadow16,
  },
});

/** A field where Ctrl+Z belongs to the text (its own undo). */
function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}

/** Undoes the scope's newest change and says what happened. */
export function useUndoAction(scope: string) {
  const notify = useNotify();
  return useCallback(
    async (seq?: number) => {
      try {
        const entry = await undoHistory.undo(scope, seq);
        if (entry) notify.info('元に戻しました', `取り消した操作：${entry.label}`);
        else notify.info('元に戻す操作はありません');
      } catch (error) {
        notify.error(error, '元に戻せませんでした');
      }
    },
    [notify, scope],
  );
}

export function UndoBar({ scope }: { scope: string }) {
  const s = useStyles();
  const latest = useSyncExternalStore(undoHistory.subscribe, () => undoHistory.latest(scope));
  const [dismissed, setDismissed] = useState<UndoEntry | null>(null);
  const undo = useUndoAction(scope);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.keyCode === 229) return;
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || (e.key !== 'z' && e.key !== 'Z')) return;
      if (editsText(e.target) || document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      if (!undoHistory.latest(scope)) return;
      e.preventDefault();
      void undo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [scope, undo]);

  if (!latest || latest === dismissed) return null;
  return (
    <div className={s.bar} role="status" aria-live="polite">
      <MessageBar intent="success">
        <MessageBarBody>{latest.label}</MessageBarBody>
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label="閉じる"
              icon={<DismissRegular />}
              onClick={() => setDismissed(latest)}
            />
          }
        >
          <Button size="small" onClick={() => void undo(latest.seq)}>
            元に戻す（Ctrl+Z）
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
