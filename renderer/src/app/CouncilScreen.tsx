/** One council: header and its sections (概要 / 委員 / 会議 / 意見 / ビジョン) as tabs and routes. */
import { Suspense } from 'react';
import { Route, Routes, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Spinner, Tab, TabList } from '@fluentui/react-components';
import { useCouncil } from '../data/app';
import { PageHeader } from '../ui/PageHeader';
import { NotFoundScreen } from './NotFoundScreen';
import { COUNCIL_TABS } from './councilTabs';
import {
  ActionsTab,
  CouncilPackageButton,
  CouncilOverview,
  CouncilSettingsTab,
  MeetingsTab,
  MembersTab,
  OpinionsTab,
  Screen,
  VisionTab,
} from './lazyScreens';

export function CouncilScreen() {
  const { councilId = '' } = useParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const council = useCouncil(councilId);
  if (council === undefined) return <Spinner label="読み込み中…" />;
  if (council === null) return <NotFoundScreen what="審議会" />;

  const sub = pathname.split('/')[3] ?? 'overview';
  const tab = COUNCIL_TABS.find((t) => t.key === sub) ? sub : 'overview';
  const base = `/councils/${council.id}`;

  return (
    <>
      <PageHeader
        title={council.name}
        crumbs={[{ label: 'ホーム', to: '/' }, { label: '審議会一覧', to: '/councils' }, { label: council.name }]}
        subtitle={[council.municipality, council.department].filter(Boolean).join('　') || undefined}
        actions={
          <Suspense fallback={null}>
            <CouncilPackageButton councilId={council.id} />
          </Suspense>
        }
      />
      <TabList
        selectedValue={tab}
        onTabSelect={(_, d) => navigate(d.value === 'overview' ? base : `${base}/${String(d.value)}`)}
        style={{ marginBottom: 16 }}
        aria-label="審議会の項目"
      >
        {COUNCIL_TABS.map((t) => (
          <Tab key={t.key} value={t.key}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <Screen>
        <Routes>
          <Route index element={<CouncilOverview council={council} />} />
          <Route path="members/*" element={<MembersTab council={council} />} />
          <Route path="meetings/*" element={<MeetingsTab council={council} />} />
          <Route path="opinions/*" element={<OpinionsTab council={council} />} />
          <Route path="vision/*" element={<VisionTab council={council} />} />
          <Route path="actions/*" element={<ActionsTab council={council} />} />
          <Route path="settings" element={<CouncilSettingsTab council={council} />} />
          <Route path="*" element={<NotFoundScreen />} />
        </Routes>
      </Screen>
    </>
  );
}
