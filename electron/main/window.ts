/** The main window: hardened web preferences, remembered size and position. */
import { BrowserWindow, screen } from 'electron';
import path from 'node:path';
import { APP_ENTRY_URL } from '../core/security';
import type { WindowOpener } from '../core/context';
import type { WindowState } from './settings.electron';

/** The hardened preferences every window of the app gets (the Electron security checklist). */
const SECURE_PREFERENCES = {
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
} as const;

let projector: BrowserWindow | null = null;

/**
 * The projector view of a meeting's live notes: full screen on a display other than the
 * main window's when one is connected, else an ordinary window. It reads IndexedDB
 * itself (same origin) and needs no bridge, so it gets no preload script.
 */
export function openProjectorWindow(owner: BrowserWindow | null, meetingId: string): void {
  const url = `${APP_ENTRY_URL}#/projector/${encodeURIComponent(meetingId)}`;
  if (projector && !projector.isDestroyed()) {
    void projector.loadURL(url);
    projector.show();
    return;
  }
  const ownerDisplay =
    !owner || owner.isDestroyed() ? screen.getPrimaryDisplay() : screen.getDisplayMatching(owner.getBounds());
  const external = screen.getAllDisplays().find((d) => d.id !== ownerDisplay.id);
  const win = new BrowserWindow({
    ...(external
      ? {
          x: external.bounds.x,
          y: external.bounds.y,
          width: external.bounds.width,
          height: external.bounds.height,
          fullscreen: true,
        }
      : { width: 1280, height: 720 }),
    title: '審議会デスク — プロジェクター表示',
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#101418',
    webPreferences: { ...SECURE_PREFERENCES },
  });
  win.setMenu(null);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (projector === win) projector = null;
  });
  projector = win;
  void win.loadURL(url);
}

/**
 * The window opener of the service context: it places the projector next to whichever
 * main window is current when a handler asks (the main window may be recreated).
 */
export function createWindowOpener(mainWindow: () => BrowserWindow | null): WindowOpener {
  return { openProjector: (meetingId) => openProjectorWindow(mainWindow(), meetingId) };
}

export function createMainWindow(state: WindowState, saveState: (s: WindowState) => void): BrowserWindow {
  const visible =
    state.x !== undefined &&
    state.y !== undefined &&
    screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return (
        state.x! < a.x + a.width - 100 &&
        state.x! + state.width > a.x + 100 &&
        state.y! >= a.y - 10 &&
        state.y! < a.y + a.height - 100
      );
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
    webPreferences: { preload: path.join(__dirname, 'preload.cjs'), ...SECURE_PREFERENCES },
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
    // The projector belongs to the main window's session of work.
    if (projector && !projector.isDestroyed()) projector.close();
    const b = win.getNormalBounds();
    saveState({ x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
