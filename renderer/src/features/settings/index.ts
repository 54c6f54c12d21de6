/** 設定: the settings screen and the 作業者名 (who is working). */
export { SettingsScreen } from './SettingsScreen';
export { useOperatorName } from './operator';
export { CouncilPackageButton } from './CouncilPackageButton';
