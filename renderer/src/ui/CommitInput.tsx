/** Text fields that save when left (blur or Enter, never mid-IME), and a simple row layout. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Input,
  Textarea,
  type InputProps,
} from '@fluentui/react-components';

/**
 * An input that keeps its own text while focused and saves on blur or Enter (never mid-IME).
 * When the stored value changes elsewhere while the user has typed here, saving asks which
 * to keep instead of silently overwriting the other edit (ui/staleEdit.tsx has the form version).
 */
export function CommitInput({
  value,
  onCommit,
  multiline,
  ...rest
}: { value: string; onCommit: (v: string) => unknown; multiline?: boolean } & Omit<
  InputProps,
  'value' | 'onChange' | 'onBlur'
>) {
  const [text, setText] = useState(value);
  const focused = useRef(false);
  /** The stored value the text was started from (or last saved as). */
  const base = useRef(value);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!focused.current || text === base.current || text === value) {
      setText(value);
      base.current = value;
    }
    // Only a new stored value decides; typing does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const save = (v: string) => {
    base.current = v;
    if (v !== value) void onCommit(v);
  };
  const commit = () => {
    if (text === base.current) return;
    if (value !== base.current) setAsking(true);
    else save(text);
  };
  const question = asking ? (
    <Dialog open modalType="alert">
      <DialogSurface aria-label="別の画面で変更されました">
        <DialogBody>
          <DialogTitle>別の画面で変更されました</DialogTitle>
          <DialogContent>
            入力している間に、同じ項目が別の画面で「{value}」に変更されました。入力した「{text}」で上書きしますか？
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => {
                setAsking(false);
                save(text);
              }}
            >
              入力した内容で上書きする
            </Button>
            <Button
              onClick={() => {
                setAsking(false);
                setText(value);
                base.current = value;
              }}
            >
              別の画面の内容にする
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  ) : null;
  /** The same for both kinds of field: track focus, keep the typing, save on leaving. */
  const editing = {
    onFocus: () => {
      focused.current = true;
    },
    onChange: (_: unknown, d: { value: string }) => setText(d.value),
    onBlur: () => {
      focused.current = false;
      commit();
    },
  };
  if (multiline) {
    return (
      <>
        <Textarea
          value={text}
          resize="vertical"
          aria-label={rest['aria-label']}
          placeholder={rest.placeholder}
          style={rest.style}
          {...editing}
        />
        {question}
      </>
    );
  }
  return (
    <>
      <Input
        {...rest}
        value={text}
        {...editing}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
          // The same Enter must not go on to press a button of the question it may open.
          e.preventDefault();
          commit();
        }}
      />
      {question}
    </>
  );
}

export function Row({ children, gap = 8 }: { children: ReactNode; gap?: number }) {
  return <div style={{ display: 'flex', gap, alignItems: 'center', flexWrap: 'wrap' }}>{children}</div>;
}
