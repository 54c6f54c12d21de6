import { useLiveQuery } from 'dexie-react-hooks';
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { sortedMembers, sortedStaff } from '../../db/queries';
import { Section } from '../../components/Section';
import { EmptyState } from '../../components/EmptyState';
import { dateOrDash } from '../../components/format';
import type { CouncilTabProps } from './CouncilScreen';

export function MembersTab({ council }: CouncilTabProps) {
  const members = useLiveQuery(() => sortedMembers(council.id), [council.id]);
  const staff = useLiveQuery(() => sortedStaff(council.id), [council.id]);
  if (!members || !staff) return null;
  return (
    <>
      <Section title={`委員名簿（${members.length}人）`}>
        {members.length === 0 ? (
          <EmptyState title="委員が登録されていません">
            委員の氏名・よみがな・役職（会長／副会長／委員）・区分・所属・任期を登録します。名簿が Excel にある場合は、そのまま取り込めます。
          </EmptyState>
        ) : (
          <Table aria-label="委員名簿" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: 50 }}>順</TableHeaderCell>
                <TableHeaderCell>氏名</TableHeaderCell>
                <TableHeaderCell>よみがな</TableHeaderCell>
                <TableHeaderCell style={{ width: 90 }}>役職</TableHeaderCell>
                <TableHeaderCell>区分</TableHeaderCell>
                <TableHeaderCell>所属</TableHeaderCell>
                <TableHeaderCell>任期</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.map((m, i) => (
                <TableRow key={m.id}>
                  <TableCell>{i + 1}</TableCell>
                  <TableCell><Text weight="semibold">{m.name}</Text></TableCell>
                  <TableCell>{m.reading || '—'}</TableCell>
                  <TableCell>{m.role === '委員' ? m.role : <Badge appearance="tint" color={m.role === '会長' ? 'brand' : 'informative'}>{m.role}</Badge>}</TableCell>
                  <TableCell>{m.category || '—'}</TableCell>
                  <TableCell>{m.affiliation || '—'}</TableCell>
                  <TableCell>{m.termStart || m.termEnd ? `${dateOrDash(m.termStart)}～${dateOrDash(m.termEnd)}` : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      <Section title={`事務局職員（${staff.length}人）`}>
        {staff.length === 0 ? <Text>事務局職員は会議録の「事務局職員」欄に【部署】氏名職名の形で載ります。</Text> : (
          <Table aria-label="事務局職員" size="small">
            <TableHeader><TableRow><TableHeaderCell>部署</TableHeaderCell><TableHeaderCell>職名</TableHeaderCell><TableHeaderCell>氏名</TableHeaderCell><TableHeaderCell>会議録での表記</TableHeaderCell></TableRow></TableHeader>
            <TableBody>
              {staff.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>{s.department}</TableCell><TableCell>{s.title || '—'}</TableCell><TableCell>{s.name}</TableCell>
                  <TableCell>【{s.department}】{s.name}{s.title}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
    </>
  );
}
