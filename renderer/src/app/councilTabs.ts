import type { Council } from '../../../shared/domain';

/** A council's sections, in order: the tab bar and the left menu both list these. */
export const COUNCIL_TABS = [
  { key: 'overview', label: '概要' },
  { key: 'members', label: '委員' },
  { key: 'meetings', label: '会議' },
  { key: 'opinions', label: '意見' },
  { key: 'vision', label: 'ビジョン' },
  { key: 'actions', label: 'アクションプラン' },
  { key: 'settings', label: '設定' },
] as const;

/** What every council tab receives. */
export interface CouncilTabProps {
  council: Council;
}
