import { useLiveQuery } from 'dexie-react-hooks';
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { db } from '../../db';
import { Section } from '../../components/Section';
import { EmptyState } from '../../components/EmptyState';
import { dateOrDash } from '../../components/format';
import type { CouncilTabProps } from './CouncilScreen';

export function VisionTab({ council }: CouncilTabProps) {
  const drafts = useLiveQuery(() => db.drafts.where('councilId').equals(council.id).toArray(), [council.id]);
  const versions = useLiveQuery(async () => {
    const ids = (await db.drafts.where('councilId').equals(council.id).primaryKeys());
    return db.draftVersions.where('draftId').anyOf(ids).sortBy('frozenAt');
  }, [council.id]);
  if (!drafts || !versions) return null;
  if (drafts.length === 0) {
    return (
      <EmptyState title="ビジョン・計画の案がありません">
        審議会で検討するビジョンや計画の骨子を章・節の構成で作成します。骨子案・素案・案の段階ごとに版を確定し、新旧対照表を出力できます。
      </EmptyState>
    );
  }
  return (
    <>
      {drafts.map((d) => {
        const top = d.sections.filter((s) => s.parentId === null).sort((a, b) => a.order - b.order);
        return (
          <Section key={d.id} title={d.title}>
            <Text block style={{ marginBottom: 8 }}>{d.issuer}　{dateOrDash(d.date)}　章 {top.length}・項目 {d.sections.length}</Text>
            <ol style={{ margin: '0 0 12px', paddingLeft: 22 }}>{top.map((s) => <li key={s.id}>{s.heading}</li>)}</ol>
            <Table size="small" aria-label={`${d.title}の版`}>
              <TableHeader><TableRow><TableHeaderCell style={{ width: 100 }}>段階</TableHeaderCell><TableHeaderCell style={{ width: 200 }}>日付</TableHeaderCell><TableHeaderCell>備考</TableHeaderCell></TableRow></TableHeader>
              <TableBody>
                {versions.filter((v) => v.draftId === d.id).map((v) => (
                  <TableRow key={v.id}><TableCell><Badge appearance="tint">{v.stage}</Badge></TableCell><TableCell>{dateOrDash(v.date)}</TableCell><TableCell>{v.note}</TableCell></TableRow>
                ))}
              </TableBody>
            </Table>
          </Section>
        );
      })}
    </>
  );
}
