/** The keys of the draft editor (目次・見出し), for the shortcut list. */
import type { ShortcutGroup } from '../../ui/shortcuts';

/** Alt+↑/↓ move, Alt+→/← indent/outdent, Ctrl+Enter add sibling, Ctrl+Shift+Enter add child. */
export const OUTLINE_SHORTCUTS: [string, string][] = [
  ['Alt+↑ / Alt+↓', '項目を上へ / 下へ移動'],
  ['Alt+→ / Alt+←', '項目を一段下げる / 一段上げる'],
  ['Ctrl+Enter', '同じ階層に項目を追加'],
  ['Ctrl+Shift+Enter', '下の階層に項目を追加'],
  ['↑ / ↓（目次で）', '前 / 次の項目を選ぶ'],
  ['Enter（目次で）', '見出しの編集へ'],
  ['Delete（目次で）', '項目を削除'],
];

export const VISION_SHORTCUTS: ShortcutGroup = {
  title: 'ビジョン・計画の編集（目次・見出し）',
  keys: OUTLINE_SHORTCUTS,
};
