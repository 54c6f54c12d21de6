import type { CSSProperties, FormEvent, ReactElement, ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';

const COLUMN: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 12 };
/** Two columns of fields, for longer forms (委員, 会議). */
export const TWO_COLUMNS: CSSProperties = { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 };

/**
 * A dialog around a form: title, fields, キャンセル and the submit button. Enter in a
 * field submits (the browser does not submit while the IME is composing).
 */
export function FormDialog({
  open,
  onOpenChange,
  trigger,
  title,
  submitLabel = '保存',
  onSubmit,
  contentStyle = COLUMN,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opens the dialog, when the dialog owns it. */
  trigger?: ReactElement;
  title: ReactNode;
  submitLabel?: string;
  onSubmit: (e: FormEvent) => void;
  contentStyle?: CSSProperties;
  children: ReactNode;
}) {
  const surface = (
    <DialogSurface aria-describedby={undefined}>
      <form onSubmit={onSubmit} noValidate>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent style={contentStyle}>{children}</DialogContent>
          <DialogActions>
            <Button onClick={() => onOpenChange(false)}>キャンセル</Button>
            <Button appearance="primary" type="submit">
              {submitLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </form>
    </DialogSurface>
  );
  const change = (_: unknown, d: { open: boolean }) => onOpenChange(d.open);
  return trigger ? (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      {surface}
    </Dialog>
  ) : (
    <Dialog open={open} onOpenChange={change}>
      {surface}
    </Dialog>
  );
}
