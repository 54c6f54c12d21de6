/** Frozen versions: the list, one version (preview, Word export, 意見の反映状況). */
import { useNavigate, useParams } from 'react-router-dom';
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
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowDown20Regular } from '@fluentui/react-icons';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/EmptyState';
import { dateOrDash } from '../../ui/format';
import { fontsOf, useExport } from './exporting';
import { Preview } from './Preview';
import { docOfVersion, newestFirst, placementsText, reflectionList } from '../../../../shared/drafts';
import { formatWarekiDateTime } from '../../../../shared/wareki';
import { OPINION_SOURCE_LABELS, type Council, type DraftVersion, type Opinion } from '../../../../shared/domain';
import { call } from '../../platform/bridge';

export function VersionList({ council, versions }: { council: Council; versions: DraftVersion[] }) {
  const navigate = useNavigate();
  const { busy, run } = useExport();
  const list = newestFirst(versions);
  if (list.length === 0) {
    return (
      <EmptyState title="確定した版はまだありません">
        編集画面の「版として確定」で、いまの原稿を骨子案・素案などの版として保存します。確定した版は変更されず、版どうしを比べて新旧対照表を出力できます。
      </EmptyState>
    );
  }
  return (
    <Section title="確定した版">
      <Table aria-label="版の一覧" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 100 }}>段階</TableHeaderCell>
            <TableHeaderCell style={{ width: 170 }}>日付</TableHeaderCell>
            <TableHeaderCell>備考</TableHeaderCell>
            <TableHeaderCell style={{ width: 170 }}>確定した日時</TableHeaderCell>
            <TableHeaderCell style={{ width: 330 }}>操作</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.map((v, i) => {
            const previous = list[i + 1];
            return (
              <TableRow key={v.id}>
                <TableCell>
                  <Badge appearance="tint" color="brand">
                    {v.stage}
                  </Badge>
                </TableCell>
                <TableCell>{dateOrDash(v.date)}</TableCell>
                <TableCell>{v.note}</TableCell>
                <TableCell>{formatWarekiDateTime(v.frozenAt)}</TableCell>
                <TableCell>
                  <div style={{ display: 'flex', gap: 4 }}>
                    <Button size="small" onClick={() => navigate(v.id)}>
                      表示
                    </Button>
                    <Button
                      size="small"
                      icon={<DocumentArrowDown20Regular />}
                      disabled={busy !== null}
                      onClick={() =>
                        void run(
                          'Word 文書',
                          () => call('drafts:export:docx', { doc: docOfVersion(v), fonts: fontsOf(council) }),
                          `v-${v.id}`,
                        )
                      }
                    >
                      {busy === `v-${v.id}` ? '出力中…' : 'Word'}
                    </Button>
                    {previous ? (
                      <Button size="small" onClick={() => navigate(`../compare?old=${previous.id}&new=${v.id}`)}>
                        {previous.stage}と比較
                      </Button>
                    ) : null}
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Section>
  );
}

export function VersionView({
  council,
  versions,
  opinions,
}: {
  council: Council;
  versions: DraftVersion[];
  opinions: Opinion[];
}) {
  const { versionId = '' } = useParams();
  const { busy, run } = useExport();
  const v = versions.find((x) => x.id === versionId);
  if (!v) return <EmptyState title="版が見つかりません" />;
  const doc = docOfVersion(v);
  return (
    <>
      <Section
        title={`${v.stage}（${dateOrDash(v.date)}）${v.note ? `　${v.note}` : ''}`}
        actions={
          <Button
            appearance="primary"
            icon={<DocumentArrowDown20Regular />}
            disabled={busy !== null}
            onClick={() =>
              void run('Word 文書', () => call('drafts:export:docx', { doc, fonts: fontsOf(council) }), 'doc')
            }
          >
            {busy ? '出力中…' : 'Word で出力'}
          </Button>
        }
      >
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
          確定した版は変更できません（確定：{formatWarekiDateTime(v.frozenAt)}）。
        </Text>
      </Section>
      <ReflectionTable council={council} version={v} opinions={opinions} />
      <Preview doc={doc} />
    </>
  );
}

/** 意見の反映状況: each opinion, its response, and the sections (numbers of this version) that reflect it. */
export function ReflectionTable({
  council,
  version,
  opinions,
}: {
  council: Council;
  version: DraftVersion;
  opinions: Opinion[];
}) {
  const rows = reflectionList(opinions, docOfVersion(version), { linkedOnly: true });
  const field = (id: string | null) => council.fields.find((f) => f.id === id)?.name ?? '—';
  return (
    <Section title={`意見の反映状況（${version.stage}）`}>
      {rows.length === 0 ? (
        <Text>この版の項目に関連付けられた意見はありません。</Text>
      ) : (
        <Table aria-label="意見の反映状況" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: 48 }}>番号</TableHeaderCell>
              <TableHeaderCell style={{ width: 90 }}>分野</TableHeaderCell>
              <TableHeaderCell>意見の概要</TableHeaderCell>
              <TableHeaderCell>市の考え方</TableHeaderCell>
              <TableHeaderCell style={{ width: 90 }}>反映状況</TableHeaderCell>
              <TableHeaderCell style={{ width: 200 }}>該当箇所</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r, i) => (
              <TableRow key={r.opinion.id}>
                <TableCell>{i + 1}</TableCell>
                <TableCell>{field(r.opinion.fieldId)}</TableCell>
                <TableCell>
                  {r.opinion.summary}
                  <br />
                  <Text size={100} style={{ color: tokens.colorNeutralForeground3 }}>
                    {OPINION_SOURCE_LABELS[r.opinion.source]}
                  </Text>
                </TableCell>
                <TableCell>{r.response || '—'}</TableCell>
                <TableCell>
                  <Badge appearance="tint" size="small">
                    {r.status}
                  </Badge>
                </TableCell>
                <TableCell>{placementsText(r.placements)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
