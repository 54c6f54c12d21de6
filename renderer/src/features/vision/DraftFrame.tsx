/** One draft: its own tabs (編集 / プレビュー / 版 / 比較 / 意見の反映) as nested routes. */
import { Route, Routes, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Button, Spinner, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular, DocumentArrowDown20Regular } from '@fluentui/react-icons';
import { NotFoundScreen } from '../../app/NotFoundScreen';
import { dateOrDash } from '../../ui/format';
import { DraftEditor, flushDraft } from './DraftEditor';
import { useCouncilAccess } from '../sync';
import { FreezeDialog } from './FreezeDialog';
import { Preview } from './Preview';
import { VersionList, VersionView } from './Versions';
import { ComparePage } from './ComparePage';
import { TracePage } from './TracePage';
import { fontsOf, useExport } from './exporting';
import { docOfDraft, newestFirst } from '../../../../shared/drafts';
import type { Council } from '../../../../shared/domain';
import { call } from '../../platform/bridge';
import { readDraft, useActiveOpinions, useDraft, useDraftVersions } from './data';

const TABS = [
  { key: '', label: '編集' },
  { key: 'preview', label: 'プレビュー' },
  { key: 'versions', label: '版の一覧' },
  { key: 'compare', label: '比較・新旧対照表' },
  { key: 'opinions', label: '意見の反映' },
] as const;

export function DraftFrame({ council }: { council: Council }) {
  const { draftId = '' } = useParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { busy, run } = useExport();
  const draft = useDraft(draftId);
  const versions = useDraftVersions(draftId);
  const opinions = useActiveOpinions(council.id);
  // Team use: a member who only reads the council (閲覧のみ) freezes no version.
  const { readOnly } = useCouncilAccess(council.id);
  if (draft === undefined || !versions || !opinions) return <Spinner label="読み込み中…" />;
  if (draft === null || draft.councilId !== council.id) return <NotFoundScreen what="原稿" />;
  const base = `/councils/${council.id}/vision/${draft.id}`;
  const sub = pathname.slice(base.length).split('/')[1] ?? '';
  const newest = newestFirst(versions)[0];
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 8 }}>
        <Button
          appearance="subtle"
          icon={<ArrowLeft20Regular />}
          onClick={() => navigate(`/councils/${council.id}/vision`)}
        >
          原稿の一覧
        </Button>
        <Text as="h2" size={500} weight="semibold">
          {draft.title}
        </Text>
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
          {newest ? `最新の版：${newest.stage}（${dateOrDash(newest.date)}）` : '確定した版なし'}
        </Text>
        <span style={{ flex: 1 }} />
        {readOnly ? null : (
          <FreezeDialog
            council={council}
            draftId={draft.id}
            versions={versions}
            beforeFreeze={() => flushDraft(draft.id)}
            onFrozen={() => navigate(`${base}/versions`)}
          />
        )}
        <Button
          icon={<DocumentArrowDown20Regular />}
          disabled={busy !== null}
          onClick={async () => {
            await flushDraft(draft.id);
            const d = await readDraft(draft.id);
            if (d)
              await run(
                'Word 文書',
                () => call('drafts:export:docx', { doc: docOfDraft(d), fonts: fontsOf(council) }),
                'working',
              );
          }}
        >
          {busy ? '出力中…' : '作業中の原稿を Word で出力'}
        </Button>
      </div>
      <TabList
        size="small"
        selectedValue={TABS.some((t) => t.key === sub) ? sub : ''}
        onTabSelect={(_, d) => navigate(d.value ? `${base}/${String(d.value)}` : base)}
        style={{ marginBottom: 12 }}
        aria-label="原稿の項目"
      >
        {TABS.map((t) => (
          <Tab key={t.key} value={t.key}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <Routes>
        <Route index element={<DraftEditor key={draft.id} draft={draft} opinions={opinions} />} />
        <Route path="preview" element={<Preview doc={docOfDraft(draft)} />} />
        <Route path="versions" element={<VersionList council={council} versions={versions} />} />
        <Route
          path="versions/:versionId"
          element={<VersionView council={council} versions={versions} opinions={opinions} />}
        />
        <Route path="compare" element={<ComparePage council={council} draft={draft} versions={versions} />} />
        <Route path="opinions" element={<TracePage council={council} draft={draft} opinions={opinions} />} />
        <Route path="*" element={<NotFoundScreen />} />
      </Routes>
    </>
  );
}
