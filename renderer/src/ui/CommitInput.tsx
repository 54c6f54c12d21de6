/** Text fields that save when left (blur or Enter, never mid-IME), and a simple row layout. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Input, Textarea, type InputProps } from '@fluentui/react-components';

/** An input that keeps its own text while focused and saves on blur or Enter (never mid-IME). */
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
  useEffect(() => {
    if (!focused.current) setText(value);
  }, [value]);
  const commit = () => {
    if (text !== value) void onCommit(text);
  };
  if (multiline) {
    return (
      <Textarea
        value={text}
        resize="vertical"
        aria-label={rest['aria-label']}
        placeholder={rest.placeholder}
        style={rest.style}
        onFocus={() => {
          focused.current = true;
        }}
        onChange={(_, d) => setText(d.value)}
        onBlur={() => {
          focused.current = false;
          commit();
        }}
      />
    );
  }
  return (
    <Input
      {...rest}
      value={text}
      onFocus={() => {
        focused.current = true;
      }}
      onChange={(_, d) => setText(d.value)}
      onBlur={() => {
        focused.current = false;
        commit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) commit();
      }}
    />
  );
}

export function Row({ children, gap = 8 }: { children: ReactNode; gap?: number }) {
  return <div style={{ display: 'flex', gap, alignItems: 'center', flexWrap: 'wrap' }}>{children}</div>;
}
