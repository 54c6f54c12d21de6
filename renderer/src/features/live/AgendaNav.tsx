/** The agenda on the left of the live screen: the current item highlighted, remarks counted per item. */
import { useMemo } from 'react';
import { mergeClasses, Text } from '@fluentui/react-components';
import type { Meeting, Remark } from '../../../../shared/domain';
import { useLiveStyles } from './styles';

export function AgendaNav({
  meeting,
  remarks,
  itemId,
  onPick,
}: {
  meeting: Meeting;
  remarks: Remark[];
  itemId: string | null;
  onPick: (id: string) => void;
}) {
  const s = useLiveStyles();
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const r of remarks) if (r.agendaItemId) c.set(r.agendaItemId, (c.get(r.agendaItemId) ?? 0) + 1);
    return c;
  }, [remarks]);
  return (
    <nav className={s.agenda} aria-label="次第">
      <Text weight="semibold" size={300}>
        次第
      </Text>
      {meeting.agenda.length === 0 ? <Text size={200}>議題が登録されていません。</Text> : null}
      {meeting.agenda.map((a, i) => (
        <button
          key={a.id}
          type="button"
          tabIndex={-1}
          className={mergeClasses(s.agendaItem, a.id === itemId && s.agendaCurrent)}
          aria-current={a.id === itemId ? 'step' : undefined}
          onClick={() => onPick(a.id)}
        >
          <span>{i + 1}.</span>
          <span>
            {a.title}
            {a.closed ? <span className={s.closedMark}>【非公開審議】</span> : null}
          </span>
          <span className={s.agendaCount}>{counts.get(a.id) ?? 0}</span>
        </button>
      ))}
      <Text size={200} className={s.hint}>
        Alt+PageDown で次の議題へ
      </Text>
    </nav>
  );
}
