/** The keys of search, for the shortcut list. */
import type { ShortcutGroup } from '../../ui/shortcuts';

export const SEARCH_SHORTCUTS: ShortcutGroup = {
  title: '検索',
  keys: [
    ['Ctrl+K', '検索を開く（すべての審議会）'],
    ['Ctrl+F (審議会の中で)', 'その審議会の中を検索'],
    ['↑ / ↓', '検索結果を選ぶ'],
    ['Enter', '選んだ結果の場所を開く'],
    ['Esc', '検索を閉じる'],
  ],
};
