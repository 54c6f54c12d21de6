/** A group of keys in the shortcut list (F1 / ?). Features declare theirs statically; app/shortcuts.ts collects them. */
export interface ShortcutGroup {
  title: string;
  keys: [string, string][];
}

export const OPEN_EVENT = 'shingikai:shortcuts';
/** Opens the shortcut list (app/ShortcutsDialog listens). */
export function openShortcutsDialog() {
  window.dispatchEvent(new Event(OPEN_EVENT));
}
