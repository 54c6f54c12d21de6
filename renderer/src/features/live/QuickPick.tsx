/**
 * A small keyboard picker above the entry line: type to filter, a number to choose at once,
 * ↑↓ and Enter, Esc to close. Used for the speaker, the kind and the field.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { Input, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';

import type { PickOption } from './pickOption';

export type { PickOption };

const useStyles = makeStyles({
  root: {
    position: 'absolute',
    bottom: 'calc(100% + 6px)',
    left: 0,
    width: '420px',
    maxHeight: '360px',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow16,
    padding: '8px',
    gap: '6px',
    zIndex: 10,
  },
  list: { overflowY: 'auto', display: 'flex', flexDirection: 'column' },
  option: {
    display: 'flex',
    gap: '10px',
    alignItems: 'baseline',
    padding: '4px 8px',
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
  },
  active: { backgroundColor: tokens.colorBrandBackground2, outline: `1px solid ${tokens.colorBrandStroke1}` },
  num: {
    width: '1.6em',
    textAlign: 'right',
    color: tokens.colorNeutralForeground3,
    fontVariantNumeric: 'tabular-nums',
  },
  hint: { color: tokens.colorNeutralForeground3, marginLeft: 'auto' },
});

export function QuickPick({
  title,
  options,
  filter,
  digitsPick,
  onPick,
  onClose,
}: {
  title: string;
  options: PickOption[];
  /** Filters by what is typed (speaker); without it the box only takes numbers and arrows. */
  filter?: (query: string) => PickOption[];
  /** A digit chooses the option with that number at once. */
  digitsPick: boolean;
  onPick: (o: PickOption) => void;
  onClose: () => void;
}) {
  const s = useStyles();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => (filter ? filter(query) : options), [filter, options, query]);
  const current = shown[Math.min(active, shown.length - 1)];

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, shown.length - 1));
      return;
    }
    if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
      return;
    }
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      if (current) onPick(current);
      return;
    }
    if (digitsPick && !e.altKey && !e.ctrlKey && /^Digit\d$/.test(e.code)) {
      // A digit chooses at once when no longer number could still be meant.
      const n = Number((query + e.code.slice(5)).replace(/\D/g, ''));
      const exact = options.find((o) => o.number === n);
      const longer = options.some((o) => o.number !== null && o.number > n && String(o.number).startsWith(String(n)));
      if (exact && !longer) {
        e.preventDefault();
        onPick(exact);
      } else if (!filter) e.preventDefault();
    } else if (!filter && e.key.length === 1 && !e.ctrlKey) {
      e.preventDefault();
    }
  };

  return (
    <div className={s.root} role="dialog" aria-label={title}>
      <Input
        autoFocus
        size="small"
        aria-label={title}
        placeholder={filter ? 'よみ・氏名の一部、または名簿の番号' : '番号を押すか、↑↓ と Enter で選ぶ'}
        value={query}
        onChange={(_, d) => {
          if (filter) {
            setQuery(d.value);
            setActive(0);
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={onClose}
        role="combobox"
        aria-expanded
        aria-controls="quick-pick-list"
        aria-activedescendant={current ? `pick-${current.key}` : undefined}
      />
      <div className={s.list} role="listbox" id="quick-pick-list" aria-label={title}>
        {shown.length === 0 ? (
          <Text size={200} style={{ padding: 8 }}>
            該当する候補がありません
          </Text>
        ) : null}
        {shown.map((o) => (
          <div
            key={o.key}
            id={`pick-${o.key}`}
            role="option"
            aria-selected={o === current}
            className={mergeClasses(s.option, o === current && s.active)}
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(o);
            }}
          >
            <span className={s.num}>{o.number ?? ''}</span>
            <Text weight={o === current ? 'semibold' : 'regular'}>{o.label}</Text>
            {o.hint ? (
              <Text size={200} className={s.hint}>
                {o.hint}
              </Text>
            ) : null}
          </div>
        ))}
      </div>
    </div>
  );
}
