/** 分野・反映状況ごとの件数: a folded table of counts per field and status. */
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
import type { OpinionCounts as Counts } from '../../../../shared/opinions';

const useStyles = makeStyles({
  counts: { marginBottom: '12px', overflowX: 'auto' },
});

export function OpinionCounts({ counts, statuses }: { counts: Counts; statuses: string[] }) {
  const s = useStyles();
  return (
    <details className={s.counts}>
      <summary>
        <Text weight="semibold">分野・反映状況ごとの件数</Text>（意見 {counts.total}件・反映 {counts.reflected}件）
      </summary>
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
    </details>
  );
}
