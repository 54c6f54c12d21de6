/** The keyboard-shortcut list (F1 / ?), so every key the app uses can be learned. */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { SHORTCUT_GROUPS } from './shortcuts';
import { OPEN_EVENT } from '../ui/shortcuts';

export { openShortcutsDialog } from '../ui/shortcuts';

export function ShortcutsDialog() {
  const [open, setOpenState] = useState(false);
  // Where focus was when the list opened (the live screen's entry line, say): it goes back
  // there on close, so the screen's own Alt shortcuts work again without a click.
  const returnTo = useRef<HTMLElement | null>(null);
  const setOpen = useCallback((next: boolean) => {
    if (next) {
      const active = document.activeElement;
      if (returnTo.current === null && active instanceof HTMLElement && active !== document.body)
        returnTo.current = active;
    } else {
      const target = returnTo.current;
      returnTo.current = null;
      if (target) setTimeout(() => target.isConnected && target.focus(), 0);
    }
    setOpenState(next);
  }, []);
  useEffect(() => {
    const onOpen = () => setOpen(true);
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (e.isComposing) return;
      if (e.key === 'F1' || (e.key === '?' && !typing)) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener(OPEN_EVENT, onOpen);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener(OPEN_EVENT, onOpen);
      window.removeEventListener('keydown', onKey);
    };
  }, [setOpen]);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>キーボードショートカット</DialogTitle>
          <DialogContent tabIndex={0} aria-label="ショートカットの一覧">
            {SHORTCUT_GROUPS.map((g) => (
              <Table key={g.title} size="small" aria-label={g.title} style={{ marginBottom: 12 }}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell style={{ width: 180 }}>{g.title}</TableHeaderCell>
                    <TableHeaderCell>操作</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {g.keys.map(([k, v]) => (
                    <TableRow key={k}>
                      <TableCell>
                        <kbd>{k}</kbd>
                      </TableCell>
                      <TableCell>{v}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ))}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => setOpen(false)}>
              閉じる
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
