/** ビジョン: the council's drafts (list) and one draft's pages, as nested routes under `vision/*`. */
import { Route, Routes } from 'react-router-dom';
import { NotFoundScreen } from '../NotFoundScreen';
import { SHORTCUT_GROUPS } from '../../app/ShortcutsDialog';
import { DraftList } from '../vision/DraftList';
import { DraftFrame } from '../vision/DraftFrame';
import { OUTLINE_SHORTCUTS } from '../vision/DraftEditor';
import type { CouncilTabProps } from './CouncilScreen';

const GROUP_TITLE = 'ビジョン・計画の編集（目次・見出し）';
if (!SHORTCUT_GROUPS.some((g) => g.title === GROUP_TITLE))
  SHORTCUT_GROUPS.push({ title: GROUP_TITLE, keys: OUTLINE_SHORTCUTS });

export function VisionTab({ council }: CouncilTabProps) {
  return (
    <Routes>
      <Route index element={<DraftList council={council} />} />
      <Route path=":draftId/*" element={<DraftFrame council={council} />} />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
