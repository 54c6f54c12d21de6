/**
 * The question before something is deleted: 「『資料１ …』を削除しますか」, naming what goes
 * and what goes with it. `useConfirmDelete()` gives an async `confirm` and the dialog to render.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';

interface Question {
  /** What kind of thing: 分野, 議題, 資料 … */
  kind: string;
  /** Its name, quoted in the question. */
  name: string;
  /** What else happens (a file removed too, …). */
  detail?: string;
}

export function useConfirmDelete(): { confirm: (q: Question) => Promise<boolean>; dialog: ReactNode } {
  const [question, setQuestion] = useState<Question | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const confirm = useCallback(
    (q: Question) =>
      new Promise<boolean>((resolve) => {
        answer.current?.(false); // a question still open is answered no
        answer.current = resolve;
        setQuestion(q);
      }),
    [],
  );
  const close = (yes: boolean) => {
    answer.current?.(yes);
    answer.current = null;
    setQuestion(null);
  };
  const dialog = (
    <Dialog open={!!question} onOpenChange={(_, d) => (d.open ? undefined : close(false))}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{question ? `${question.kind}を削除しますか` : ''}</DialogTitle>
          <DialogContent>
            {question ? `${question.kind}「${question.name}」を削除します。` : ''}
            {question?.detail ?? ''}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => close(false)}>キャンセル</Button>
            <Button appearance="primary" onClick={() => close(true)}>
              削除する
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return { confirm, dialog };
}
