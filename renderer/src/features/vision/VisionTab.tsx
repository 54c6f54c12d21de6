/** ビジョン: the council's drafts (list) and one draft's pages, as nested routes under `vision/*`. */
import { Route, Routes } from 'react-router-dom';
import { NotFoundScreen } from '../../app/NotFoundScreen';
import { DraftList } from './DraftList';
import { DraftFrame } from './DraftFrame';
import type { CouncilTabProps } from '../../app/councilTabs';

export function VisionTab({ council }: CouncilTabProps) {
  return (
    <Routes>
      <Route index element={<DraftList council={council} />} />
      <Route path=":draftId/*" element={<DraftFrame council={council} />} />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
