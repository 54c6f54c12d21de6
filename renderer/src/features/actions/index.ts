/** アクションプラン: per vision (draft), its actions and their yearly progress (進行管理). */
export { ActionsTab } from './ActionsTab';
export { ACTIONS_SHORTCUTS } from './shortcuts';
