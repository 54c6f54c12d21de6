/** The 事務局職員 section of the 委員名簿 tab: the list with its 会議録 wording, reorder, edit, remove. */
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Tooltip,
} from '@fluentui/react-components';
import { Add24Regular, ArrowDownRegular, ArrowUpRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import type { Staff } from '../../../../shared/domain';
import { staffTitle } from '../../../../shared/people';
import { Section } from '../../ui/Section';
import { move, useReorder } from '../../ui/reorder';
import { reorderPeople } from './data';

export function StaffTable({
  staff,
  onAdd,
  onEdit,
  onRemove,
  readOnly = false,
}: {
  staff: Staff[];
  /** 閲覧のみ (team use): rows are not reordered. */
  readOnly?: boolean;
  onAdd: () => void;
  onEdit: (s: Staff) => void;
  onRemove: (s: Staff) => void;
}) {
  const reorder = useReorder(staff.length, (from, to) =>
    reorderPeople(
      'staff',
      move(staff, from, to).map((s) => s.id),
    ),
  );
  return (
    <Section
      title={`事務局職員（${staff.length}人）`}
      actions={
        <Button icon={<Add24Regular />} onClick={onAdd}>
          職員を追加
        </Button>
      }
    >
      {staff.length === 0 ? (
        <Text>事務局職員は会議録の「事務局職員」欄に【部署】氏名職名の形で載ります。</Text>
      ) : (
        <Table aria-label="事務局職員" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>部署</TableHeaderCell>
              <TableHeaderCell>職名</TableHeaderCell>
              <TableHeaderCell>氏名</TableHeaderCell>
              <TableHeaderCell>会議録での表記</TableHeaderCell>
              <TableHeaderCell style={{ width: 150 }}>操作</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {staff.map((s, i) => (
              <TableRow key={s.id} {...reorder.rowProps(i, !readOnly)} data-search-id={s.id} aria-label={staffTitle(s)}>
                <TableCell>{s.department}</TableCell>
                <TableCell>{s.title || '—'}</TableCell>
                <TableCell>{s.name}</TableCell>
                <TableCell>
                  {s.department ? `【${s.department}】` : ''}
                  {staffTitle(s)}
                </TableCell>
                <TableCell>
                  <Tooltip content="上へ（Alt+↑）" relationship="label">
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<ArrowUpRegular />}
                      disabled={i === 0}
                      onClick={() =>
                        void reorderPeople(
                          'staff',
                          move(staff, i, i - 1).map((x) => x.id),
                        )
                      }
                    />
                  </Tooltip>
                  <Tooltip content="下へ（Alt+↓）" relationship="label">
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<ArrowDownRegular />}
                      disabled={i === staff.length - 1}
                      onClick={() =>
                        void reorderPeople(
                          'staff',
                          move(staff, i, i + 1).map((x) => x.id),
                        )
                      }
                    />
                  </Tooltip>
                  <Tooltip content={`${s.name}を編集`} relationship="label">
                    <Button size="small" appearance="subtle" icon={<EditRegular />} onClick={() => onEdit(s)} />
                  </Tooltip>
                  <Tooltip content={`${s.name}を削除`} relationship="label">
                    <Button size="small" appearance="subtle" icon={<DeleteRegular />} onClick={() => onRemove(s)} />
                  </Tooltip>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
