/** アクションプラン: the council's visions with their plans (index), and one plan's pages under `:draftId/*`. */
import { Route, Routes } from 'react-router-dom';
import { NotFoundScreen } from '../../app/NotFoundScreen';
import type { CouncilTabProps } from '../../app/councilTabs';
import { PlanIndex } from './PlanIndex';
import { PlanFrame } from './PlanFrame';

export function ActionsTab({ council }: CouncilTabProps) {
  return (
    <Routes>
      <Route index element={<PlanIndex council={council} />} />
      <Route path=":draftId/*" element={<PlanFrame council={council} />} />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
