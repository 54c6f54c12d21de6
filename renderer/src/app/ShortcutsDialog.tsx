/** The keyboard-shortcut list (F1 / ?), so every key the app uses can be learned. */
import { useEffect, useState } from 'react';
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

export interface ShortcutGroup {
  title: string;
  keys: [string, string][];
}

/** Screens add their own groups here (the live-notes screen lists its keys, for example). */
export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: '全体',
    keys: [
      ['F1 / ?', 'キーボードショートカットの一覧'],
      ['Alt+H', 'ホーム'],
      ['Alt+L', '審議会一覧'],
      ['Tab / Shift+Tab', '次 / 前の項目へ移動'],
      ['← → (タブ上で)', '委員・会議・意見・ビジョンの切り替え'],
      ['Ctrl+Shift+B', '今すぐバックアップ（アプリ版）'],
    ],
  },
];

const OPEN_EVENT = 'shingikai:shortcuts';
export function openShortcutsDialog() {
  window.dispatchEvent(new Event(OPEN_EVENT));
}

export function ShortcutsDialog() {
  const [open, setOpen] = useState(false);
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
  }, []);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>キーボードショートカット</DialogTitle>
          <DialogContent>
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
