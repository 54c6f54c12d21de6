/** The keys of the action list and the progress view, for the shortcut list (F1 / ?). */
import type { ShortcutGroup } from '../../ui/shortcuts';

export const ACTIONS_SHORTCUTS: ShortcutGroup = {
  title: 'アクションプラン・進捗管理',
  keys: [
    ['↑ / ↓（一覧で）', '前 / 次のアクションを選ぶ'],
    ['Enter（一覧で）', 'アクションを編集（進捗管理では進捗を記録）'],
    ['Alt+↑ / Alt+↓（一覧で）', 'アクションを上へ / 下へ移動（同じ項目・担当の中で）'],
    ['Ctrl+Enter（一覧で）', 'アクションを追加（選んだアクションと同じ項目に）'],
    ['Delete（一覧で）', 'アクションを削除'],
    ['Ctrl+Enter（入力画面で）', '保存（変換中の Enter では保存しません）'],
  ],
};
