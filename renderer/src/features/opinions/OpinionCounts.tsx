/**
 * 分野・反映状況ごとの件数: a folded table of counts per field and status. The table (and its
 * counting of every opinion) is built only while it is unfolded: folded, it is not shown, and
 * building it would cost the open of a board of thousands. The folded line counts the active
 * opinions and the reflected ones (what countOpinions answers as total and reflected).
 */
import { useMemo, useState } from 'react';
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { Council, Opinion } from '../../../../shared/domain';
import { countOpinions, isReflected } from '../../../../shared/opinions';

const useStyles = makeStyles({
  counts: { marginBottom: '12px', overflowX: 'auto' },
});

interface Props {
  /** The council's opinions (merged duplicates too). */
  all: Opinion[];
  /** The active ones (not merged into another). */
  active: Opinion[];
  council: Council;
  statuses: string[];
}

export function OpinionCounts({ all, active, council, statuses }: Props) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const reflected = useMemo(() => active.reduce((n, o) => n + Number(isReflected(o.status)), 0), [active]);
  return (
    <details className={s.counts} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <Text weight="semibold">分野・反映状況ごとの件数</Text>（意見 {active.length}件・反映 {reflected}件）
      </summary>
      {open ? <CountsTable all={all} council={council} statuses={statuses} /> : null}
    </details>
  );
}

function CountsTable({ all, council, statuses }: Pick<Props, 'all' | 'council' | 'statuses'>) {
  const counts = useMemo(() => countOpinions(all, council), [all, council]);
  return (
    <Table size="extra-small" aria-label="分野・反映状況ごとの件数">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>分野</TableHeaderCell>
          <TableHeaderCell>計</TableHeaderCell>
          {statuses.map((st) => (
            <TableHeaderCell key={st}>{st}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {counts.byField
          .filter((f) => f.total || f.fieldId)
          .map((f) => (
            <TableRow key={f.fieldId ?? 'none'}>
              <TableCell>{f.name}</TableCell>
              <TableCell>{f.total}</TableCell>
              {statuses.map((st) => (
                <TableCell key={st}>{f.byStatus[st] || ''}</TableCell>
              ))}
            </TableRow>
          ))}
        <TableRow>
          <TableCell>
            <b>計</b>
          </TableCell>
          <TableCell>
            <b>{counts.total}</b>
          </TableCell>
          {statuses.map((st) => (
            <TableCell key={st}>
              <b>{counts.byStatus[st] || ''}</b>
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
}
