/** The main window: hardened web preferences, remembered size and position. */
import { BrowserWindow, screen } from 'electron';
import path from 'node:path';
import { APP_ENTRY_URL } from '../core/security';
import type { WindowState } from './settings.electron';

export function createMainWindow(state: WindowState, saveState: (s: WindowState) => void): BrowserWindow {
  const visible = state.x !== undefined && state.y !== undefined &&
    screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return state.x! < a.x + a.width - 100 && state.x! + state.width > a.x + 100 && state.y! >= a.y - 10 && state.y! < a.y + a.height - 100;
    });
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(visible ? { x: state.x, y: state.y } : {}),
    minWidth: 960,
    minHeight: 600,
    title: '審議会デスク',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // A middle click must not open links in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let timer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (win.isDestroyed() || win.isMinimized()) return;
      const b = win.getNormalBounds();
      saveState({ x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
    }, 300);
  };
  win.on('resize', remember);
  win.on('move', remember);
  win.on('close', () => {
    clearTimeout(timer);
    const b = win.getNormalBounds();
    saveState({ x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
