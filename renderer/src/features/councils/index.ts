/** 審議会: the home screen, the council list, and the council's own tabs (概要・委員・設定). */
export { HomeScreen } from './HomeScreen';
export { CouncilListScreen } from './CouncilListScreen';
export { CouncilOverview } from './CouncilOverview';
export { MembersTab } from './MembersTab';
export { CouncilSettingsTab } from './CouncilSettingsTab';
export { keepPublicLabels } from './data';
