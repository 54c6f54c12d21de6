/** Settings and window state in electron-store (main only; the renderer goes through the contract). */
import Store from 'electron-store';
import { AppSettings, DEFAULT_SETTINGS } from '../../shared/contract';
import { sanitizeSettings, type SettingsStore } from '../services/settings';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}
interface Schema {
  settings: AppSettings;
  window: WindowState;
}

export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 820, maximized: false };

export function createElectronStores() {
  const store = new Store<Schema>({
    name: 'shingikai-desk',
    defaults: { settings: DEFAULT_SETTINGS, window: DEFAULT_WINDOW },
  });
  const settings: SettingsStore = {
    get: () => sanitizeSettings(store.get('settings')),
    update: async (patch) => {
      const next = AppSettings.parse({ ...sanitizeSettings(store.get('settings')), ...patch });
      store.set('settings', next);
      return next;
    },
  };
  return {
    settings,
    getWindowState: (): WindowState => ({ ...DEFAULT_WINDOW, ...store.get('window') }),
    setWindowState: (s: WindowState) => store.set('window', s),
  };
}
