import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { actionTitle, type Action } from '../../../../shared/actions';

/** Asks before an action (and its recorded progress) is deleted. */
export function ConfirmDelete({
  action,
  progressCount,
  onClose,
  onConfirm,
}: {
  action: Action | null;
  progressCount: number;
  onClose: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog open={!!action} onOpenChange={(_, d) => (d.open ? undefined : onClose())}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>アクションを削除しますか</DialogTitle>
          <DialogContent>
            「{action ? actionTitle(action) : ''}」を削除します。
            {progressCount > 0 ? `記録した進捗（${progressCount}年度分）も削除されます。` : ''}
            このアクションに結び付いた意見は残り、結び付きだけが外れます。
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>キャンセル</Button>
            <Button appearance="primary" onClick={onConfirm}>
              削除
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
