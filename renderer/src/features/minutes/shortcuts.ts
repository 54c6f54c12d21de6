/** The keys of the minutes screen, for the shortcut list. */
import type { ShortcutGroup } from '../../ui/shortcuts';

export const MINUTES_SHORTCUTS: ShortcutGroup = {
  title: '会議録',
  keys: [
    ['Ctrl+Enter', '編集中の段落を保存'],
    ['Esc', '段落の編集を取り消す'],
    ['← →（タブ上で）', '編集・プレビュー・公用文チェック・履歴の切り替え'],
  ],
};
