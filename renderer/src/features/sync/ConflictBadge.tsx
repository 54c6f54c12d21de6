/**
 * The 競合 marker of a record in conflict (team sync): a small badge that links to the 競合
 * list at that record; nothing when the record is not in conflict (and always nothing in
 * solo use, where no conflict is ever listed).
 */
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { Link } from 'react-router-dom';
import type { TrackedTable } from '../../data/write';
import { useConflict } from './data';

const useStyles = makeStyles({
  link: {
    textDecoration: 'none',
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

export const conflictLink = (table: TrackedTable, id: string) =>
  `/conflicts?record=${encodeURIComponent(`${table}-${id}`)}`;

export function ConflictBadge({ table, id }: { table: TrackedTable; id: string }) {
  const s = useStyles();
  const conflict = useConflict(table, id);
  if (!conflict) return null;
  return <ConflictMark to={conflictLink(table, id)} className={s.link} />;
}

/** The marker itself (for a place that knows already that there is a conflict). */
export function ConflictMark({ to, className }: { to: string; className?: string }) {
  return (
    <Link
      to={to}
      className={className}
      title="同じ記録がほかの PC でも変更されています。競合の一覧で残す版を選んでください。"
    >
      <Badge appearance="filled" color="danger" aria-label="競合あり（競合の一覧を開く）">
        競合
      </Badge>
    </Link>
  );
}
