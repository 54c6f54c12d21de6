/**
 * Every shortcut group of the app, collected once: each feature declares its keys
 * statically in its shortcuts.ts (no module registers itself on import). They are imported
 * from shortcuts.ts itself, not the feature's index, so the features stay in their own chunks.
 */
import type { ShortcutGroup } from '../ui/shortcuts';
import { REORDER_SHORTCUTS } from '../ui/reorder';
import { OPINIONS_SHORTCUTS } from '../features/opinions/shortcuts';
import { VISION_SHORTCUTS } from '../features/vision/shortcuts';
import { MINUTES_SHORTCUTS } from '../features/minutes/shortcuts';
import { LIVE_SHORTCUTS } from '../features/live/shortcuts';
import { ACTIONS_SHORTCUTS } from '../features/actions/shortcuts';
import { SEARCH_SHORTCUTS } from '../features/search/shortcuts';

const GLOBAL_SHORTCUTS: ShortcutGroup = {
  title: '全体',
  keys: [
    ['F1 / ?', 'キーボードショートカットの一覧'],
    ['Alt+H', 'ホーム'],
    ['Alt+L', '審議会一覧'],
    ['Tab / Shift+Tab', '次 / 前の項目へ移動'],
    ['← → (タブ上で)', '委員・会議・意見・ビジョンの切り替え'],
    ['Ctrl+Shift+B', '今すぐバックアップ（アプリ版）'],
    ['Ctrl+Z (入力欄の外で)', '委員・次第・資料・設定の直前の変更を元に戻す'],
  ],
};

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  GLOBAL_SHORTCUTS,
  SEARCH_SHORTCUTS,
  REORDER_SHORTCUTS,
  OPINIONS_SHORTCUTS,
  VISION_SHORTCUTS,
  ACTIONS_SHORTCUTS,
  MINUTES_SHORTCUTS,
  LIVE_SHORTCUTS,
];
