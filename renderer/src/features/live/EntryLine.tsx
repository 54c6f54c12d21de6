/** The entry line and its status: the textarea, the meeting clock, the save status. */
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { formatOffset, offsetSecAt } from './time';
import { useLiveStyles } from './styles';

/** Time since the meeting started, ticking on its own so nothing else re-renders. */
export const Clock = memo(function Clock({
  base,
  start,
  onStartNow,
}: {
  base: number | null;
  /** HH:MM the clock counts from (the meeting's start, or its actual start). */
  start?: string | null;
  onStartNow?: () => void;
}) {
  const s = useLiveStyles();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <>
      <Text className={s.metaLabel} aria-label="開始からの経過時間" style={{ fontVariantNumeric: 'tabular-nums' }}>
        経過 {base === null ? '—' : formatOffset(offsetSecAt(base, now))}
        {start ? `（${start} 開始から）` : ''}
      </Text>
      {onStartNow && (
        <Button size="small" appearance="subtle" onClick={onStartNow} title="遅れて始まった会議の開始時刻を今にします">
          今から開始
        </Button>
      )}
    </>
  );
});

export const SaveStatus = memo(function SaveStatus({ error, savedAt }: { error: boolean; savedAt: string | null }) {
  const s = useLiveStyles();
  return (
    <Text className={s.status} aria-live="polite">
      {error ? '未保存の入力があります' : savedAt ? `保存済み ${savedAt}` : '自動保存'}
    </Text>
  );
});

/**
 * The entry line. Uncontrolled on purpose: a keystroke changes the textarea only, so the
 * rest of the screen never re-renders while the typist types.
 */
export const EntryLine = memo(function EntryLine({
  inputRef,
  initialText,
  onCommit,
  onChange,
  onBlur,
  onLeave,
}: {
  inputRef: React.RefObject<HTMLTextAreaElement | null>;
  initialText: string;
  onCommit: (text: string) => void;
  onChange: () => void;
  onBlur: () => void;
  onLeave: () => void;
}) {
  const s = useLiveStyles();
  const composing = useRef(false);
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter that confirms an IME conversion must never commit the line.
    if (e.nativeEvent.isComposing || composing.current || e.keyCode === 229) return;
    const el = e.currentTarget;
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const text = el.value;
      if (!text.trim()) return;
      el.value = '';
      onCommit(text);
    } else if (e.key === 'ArrowUp' && !e.shiftKey && !e.altKey && (e.ctrlKey || el.value === '')) {
      e.preventDefault();
      onLeave();
    }
  };
  return (
    <textarea
      ref={inputRef}
      className={s.text}
      aria-label="発言の入力"
      placeholder="発言を入力して Enter（Shift+Enter で改行）"
      defaultValue={initialText}
      rows={2}
      onKeyDown={onKeyDown}
      onChange={onChange}
      onBlur={onBlur}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={() => {
        composing.current = false;
      }}
    />
  );
});
