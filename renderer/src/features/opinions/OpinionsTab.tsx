/** 意見: the board, the field matrix and the 前回の主な意見と対応 handout, as nested routes. */
import { Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Tab, TabList } from '@fluentui/react-components';
import { NotFoundScreen } from '../../app/NotFoundScreen';
import { OpinionsBoard } from './OpinionsBoard';
import { MatrixView } from './MatrixView';
import { HandoutView } from './HandoutView';
import type { CouncilTabProps } from '../../app/councilTabs';

const VIEWS = [
  { key: '', label: '意見ボード' },
  { key: 'matrix', label: '分野別マトリクス' },
  { key: 'handout', label: '前回の主な意見と対応' },
] as const;

export function OpinionsTab({ council }: CouncilTabProps) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const base = `/councils/${council.id}/opinions`;
  const sub = pathname.split('/')[4] ?? '';
  return (
    <>
      <TabList
        size="small"
        selectedValue={VIEWS.some((v) => v.key === sub) ? sub : ''}
        onTabSelect={(_, d) => navigate(d.value ? `${base}/${String(d.value)}` : base)}
        aria-label="意見の表示"
        style={{ marginBottom: 12 }}
      >
        {VIEWS.map((v) => (
          <Tab key={v.key} value={v.key}>
            {v.label}
          </Tab>
        ))}
      </TabList>
      <Routes>
        <Route index element={<OpinionsBoard council={council} />} />
        <Route path="matrix" element={<MatrixView council={council} />} />
        <Route path="handout" element={<HandoutView council={council} />} />
        <Route path="*" element={<NotFoundScreen />} />
      </Routes>
    </>
  );
}
