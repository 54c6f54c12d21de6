/** The keys of the opinion board, for the shortcut list. */
import type { ShortcutGroup } from '../../ui/shortcuts';

export const OPINIONS_SHORTCUTS: ShortcutGroup = {
  title: '意見ボード',
  keys: [
    ['Alt+↑ / Alt+↓', '選択中の意見を前 / 次の分野へ移動'],
    ['Enter / F2', '市の考え方を編集'],
    ['Ctrl+Enter', '市の考え方を確定'],
    ['Esc', '編集を取り消す'],
    ['Space', '意見を選択（統合用）'],
  ],
};
