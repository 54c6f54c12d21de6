/** The 委員名簿 table: one row per member with role and term badges; reorder (名簿順) or 50音順 view. */
import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import type { Member } from '../../../../shared/domain';
import { compareByReading } from '../../../../shared/people';
import { termWarning } from '../../../../shared/terms';
import { dateOrDash } from '../../ui/format';
import { move, useReorder } from '../../ui/reorder';
import { reorderPeople } from './data';

export function MemberTable({
  members,
  byReading,
  today,
  onEdit,
  onRemove,
  readOnly = false,
}: {
  members: Member[];
  /** 閲覧のみ (team use): rows are not reordered. */
  readOnly?: boolean;
  byReading: boolean;
  today: string;
  onEdit: (m: Member) => void;
  onRemove: (m: Member) => void;
}) {
  const list = members;
  const shown = byReading ? [...list].sort(compareByReading) : list;
  const reorder = useReorder(list.length, (from, to) =>
    reorderPeople(
      'members',
      move(list, from, to).map((m) => m.id),
    ),
  );
  return (
    <>
      <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
        {byReading
          ? 'よみがなの50音順で表示しています（並べ替えは名簿順の表示で行います）。'
          : readOnly
            ? '名簿順で表示しています。'
            : '行を選んで Alt+↑／Alt+↓、またはドラッグで名簿順を変更できます。'}
      </Text>
      <Table aria-label="委員名簿" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 44 }}>順</TableHeaderCell>
            <TableHeaderCell>氏名</TableHeaderCell>
            <TableHeaderCell>よみがな</TableHeaderCell>
            <TableHeaderCell style={{ width: 80 }}>役職</TableHeaderCell>
            <TableHeaderCell>区分</TableHeaderCell>
            <TableHeaderCell>所属</TableHeaderCell>
            <TableHeaderCell style={{ width: 300 }}>任期</TableHeaderCell>
            <TableHeaderCell style={{ width: 150 }}>操作</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((m) => {
            const i = list.indexOf(m);
            const w = termWarning(m, today);
            return (
              <TableRow
                key={m.id}
                {...reorder.rowProps(i, !byReading && !readOnly)}
                data-search-id={m.id}
                aria-label={`${m.name}${m.role}`}
                style={reorder.over === i ? { outline: `2px solid ${tokens.colorBrandStroke1}` } : undefined}
              >
                <TableCell>{i + 1}</TableCell>
                <TableCell>
                  <Text weight="semibold">{m.name}</Text>
                </TableCell>
                <TableCell>{m.reading || '—'}</TableCell>
                <TableCell>
                  {m.role === '委員' ? (
                    m.role
                  ) : (
                    <Badge appearance="tint" color={m.role === '会長' ? 'brand' : 'informative'}>
                      {m.role}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>{m.category || '—'}</TableCell>
                <TableCell>{m.affiliation || '—'}</TableCell>
                <TableCell>
                  {m.termStart || m.termEnd ? `${dateOrDash(m.termStart)}～${dateOrDash(m.termEnd)}` : '—'}{' '}
                  {w ? (
                    <Badge appearance="filled" color={w.ended ? 'danger' : 'warning'}>
                      {w.ended ? '任期終了' : `満了まで${w.days}日`}
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell>
                  {!byReading ? (
                    <>
                      <Tooltip content="上へ（Alt+↑）" relationship="label">
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<ArrowUpRegular />}
                          disabled={i === 0}
                          onClick={() =>
                            void reorderPeople(
                              'members',
                              move(list, i, i - 1).map((x) => x.id),
                            )
                          }
                        />
                      </Tooltip>
                      <Tooltip content="下へ（Alt+↓）" relationship="label">
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<ArrowDownRegular />}
                          disabled={i === list.length - 1}
                          onClick={() =>
                            void reorderPeople(
                              'members',
                              move(list, i, i + 1).map((x) => x.id),
                            )
                          }
                        />
                      </Tooltip>
                    </>
                  ) : null}
                  <Tooltip content={`${m.name}を編集`} relationship="label">
                    <Button size="small" appearance="subtle" icon={<EditRegular />} onClick={() => onEdit(m)} />
                  </Tooltip>
                  <Tooltip content={`${m.name}を削除`} relationship="label">
                    <Button size="small" appearance="subtle" icon={<DeleteRegular />} onClick={() => onRemove(m)} />
                  </Tooltip>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
