/** The minutes' change history: who did what, when, and why. */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Minutes } from '../../../../shared/domain';
import { formatWarekiDateTime } from '../../../../shared/wareki';

export function MinutesHistory({ history }: { history: Minutes['history'] }) {
  if (history.length === 0) return <Text>まだ履歴はありません。</Text>;
  return (
    <Table size="small" aria-label="会議録の履歴">
      <TableHeader>
        <TableRow>
          <TableHeaderCell style={{ width: 190 }}>日時</TableHeaderCell>
          <TableHeaderCell style={{ width: 140 }}>誰が</TableHeaderCell>
          <TableHeaderCell>何を</TableHeaderCell>
          <TableHeaderCell>理由・内容</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...history].reverse().map((h, i) => (
          <TableRow key={i}>
            <TableCell>{formatWarekiDateTime(h.at)}</TableCell>
            <TableCell>{h.who}</TableCell>
            <TableCell>{h.action}</TableCell>
            <TableCell>{h.reason}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
