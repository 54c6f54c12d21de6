/** The minutes screen's confirmations: regenerate, a status change that needs input, a public export with findings. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Textarea,
} from '@fluentui/react-components';
import type { Finding } from '../../../../shared/minutes/checks';
import { ACTION_LABELS, type MinutesAction } from '../../../../shared/minutes/workflow';

export function RegenerateDialog({
  open,
  editCount,
  onClose,
  onConfirm,
}: {
  open: boolean;
  editCount: number;
  onClose: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog open={open} onOpenChange={(_, d) => (d.open ? undefined : onClose())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>記録から作り直しますか？</DialogTitle>
          <DialogContent>
            手で直した {editCount} 件の段落が、記録から作った文章に置き換わります。元の記録（メモ）は変わりません。
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>やめる</Button>
            <Button appearance="primary" onClick={onConfirm}>
              手直しを破棄して作り直す
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function StatusActionDialog({
  action,
  reason,
  onReason,
  publishDate,
  onPublishDate,
  onClose,
  onRun,
}: {
  action: MinutesAction | null;
  reason: string;
  onReason: (v: string) => void;
  publishDate: string;
  onPublishDate: (v: string) => void;
  onClose: () => void;
  onRun: (a: MinutesAction) => void;
}) {
  return (
    <Dialog
      open={action !== null}
      onOpenChange={(_, d) => {
        if (!d.open) onClose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{action ? ACTION_LABELS[action] : ''}</DialogTitle>
          <DialogContent>
            {action === 'reopen' ? (
              <Field label="確定を解除する理由" required hint="履歴に残ります。">
                <Textarea value={reason} onChange={(_, d) => onReason(d.value)} aria-label="確定を解除する理由" />
              </Field>
            ) : (
              <Field label="公開日" required>
                <Input
                  type="date"
                  value={publishDate}
                  onChange={(_, d) => onPublishDate(d.value)}
                  aria-label="公開日"
                />
              </Field>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>やめる</Button>
            <Button
              appearance="primary"
              disabled={action === 'reopen' ? !reason.trim() : !publishDate}
              onClick={() => action && onRun(action)}
            >
              {action ? ACTION_LABELS[action] : ''}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function PublicExportDialog({
  open,
  findings,
  onClose,
  onReview,
  onExport,
}: {
  open: boolean;
  findings: Finding[];
  onClose: () => void;
  onReview: () => void;
  onExport: () => void;
}) {
  return (
    <Dialog open={open} onOpenChange={(_, d) => (d.open ? undefined : onClose())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>公用文チェックの指摘があります</DialogTitle>
          <DialogContent>
            公開版の文章に {findings.length} 件の指摘があります（
            {findings.filter((f) => f.rule === 'hiddenName').length
              ? '伏せるべき氏名は出力時に役職・記号に置き換えます。'
              : ''}
            非公開の記録は出力されません）。指摘を確認してから出力することをお勧めします。
          </DialogContent>
          <DialogActions>
            <Button onClick={onReview}>指摘を確認する</Button>
            <Button appearance="primary" onClick={onExport}>
              このまま出力する
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
