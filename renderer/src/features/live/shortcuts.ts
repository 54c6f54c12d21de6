/** Every key of the live-notes screen, shown in the shortcut list (F1 / ?). */
import type { ShortcutGroup } from '../../ui/shortcuts';

export const LIVE_SHORTCUTS: ShortcutGroup = {
  title: '記録（ライブ）',
  keys: [
    ['Enter', '入力した行を記録する（変換中の Enter では記録しません）'],
    ['Shift+Enter', '改行'],
    ['Alt+1 … Alt+9', '発言者：名簿順の委員'],
    ['Alt+0', '発言者なし（不明・記録のみ）'],
    ['Alt+K', '発言者：会長（議事進行）'],
    ['Alt+J', '発言者：事務局'],
    ['Alt+S', '発言者を検索（よみ・氏名の一部、数字で名簿順）'],
    ['Alt+T', '種別を選ぶ（1 発言 … 8 メモ）'],
    ['Alt+B', '分野を選ぶ（0 なし、1 … 分野の順）'],
    ['Alt+N', '非公開の切り替え'],
    ['Alt+Y', '要確認の切り替え'],
    ['Alt+PageDown', '次の議題へ進む'],
    ['Alt+PageUp', '前の議題へ戻る'],
    ['Alt+P', 'プロジェクター表示を開く'],
    ['↑（空の入力行で） / Ctrl+↑', '記録の一覧へ移動'],
    ['↑ ↓ / Home End（一覧で）', '記録を選ぶ'],
    ['Enter / F2（一覧で）', '選んだ記録をその場で編集（Enter で保存、Esc で取り消し）'],
    ['Alt+Enter（編集中）', 'カーソルの位置で記録を二つに分割'],
    ['Alt+M（一覧で）', '次の記録と結合'],
    ['Alt+↑ / Alt+↓（一覧で）', '記録を上へ / 下へ移動'],
    ['Delete（一覧で）', '記録を削除'],
    ['Ctrl+Z（一覧で）', '削除・結合・分割・移動・編集を元に戻す'],
    ['Esc（一覧で）', '入力行へ戻る'],
    ['Alt+1 … / Alt+T / Alt+B / Alt+N / Alt+Y（一覧で）', '選んだ記録の発言者・種別・分野・非公開・要確認を変更'],
    ['Alt+R（一覧で、回答の記録）', 'どの質問への回答かを選ぶ（0 自動：直前の質問、1 … 近い順の質問）'],
  ],
};
