/**
 * Electron main process: lifecycle and the security checklist. The UI is served from
 * app://shingikai (registered before 'ready' as standard and secure, so IndexedDB
 * works and its data stays with one origin for good).
 */
import { app, BrowserWindow, Menu, net, protocol, safeStorage, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SecretBox, ServiceContext } from '../core/context';
import { proxyTeamRequest, TEAM_PROXY_PREFIX } from '../services/team/proxy';
import { createHandlers } from './handlers';
import { fixedExportDirFromEnv } from '../services/save-document';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY, isAppUrl, isSafeExternalUrl, safeJoin } from '../core/security';
import { createElectronPlatform, registerIpc } from './ipc';
import { buildMenu } from './menu';
import { createElectronStores } from './settings.electron';
import { createMainWindow, createWindowOpener } from './window';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

const log = (message: string, error?: unknown) => console.error(`[審議会デスク] ${message}`, error ?? '');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents: no navigation away, no new windows, no webviews.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  app
    .whenReady()
    .then(() => {
      const rendererRoot = path.join(__dirname, '..', 'renderer');
      // The team password is encrypted at rest by the OS keychain where one is available.
      const secrets: SecretBox | null = safeStorage.isEncryptionAvailable()
        ? {
            encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
            decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
          }
        : null;
      const dataDir = app.getPath('userData');
      protocol.handle(APP_SCHEME, async (request) => {
        const url = new URL(request.url);
        if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
        // Team replication goes through main, which adds the credentials (docs/ARCHITECTURE.md §7).
        if (url.pathname.startsWith(TEAM_PROXY_PREFIX))
          return proxyTeamRequest(dataDir, secrets, request, url.pathname.slice(TEAM_PROXY_PREFIX.length), url.search);
        const file = safeJoin(rendererRoot, url.pathname === '/' ? 'index.html' : url.pathname, path.join, path.sep);
        if (!file) return new Response('Not found', { status: 404 });
        const response = await net.fetch(pathToFileURL(file).toString());
        const headers = new Headers(response.headers);
        headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        headers.set('X-Content-Type-Options', 'nosniff');
        return new Response(response.body, { status: response.status, headers });
      });

      const ses = session.defaultSession;
      ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
      ses.setPermissionCheckHandler(() => false);
      ses.webRequest.onBeforeRequest((details, callback) => {
        // No remote content, ever: only the app's own scheme, inline data and devtools.
        const ok = isAppUrl(details.url) || /^(data|blob|devtools):/.test(details.url);
        callback({ cancel: !ok });
      });

      const stores = createElectronStores();
      const ctx: ServiceContext = {
        platform: createElectronPlatform(() => mainWindow, app.getPath('documents')),
        windows: createWindowOpener(() => mainWindow),
        settings: stores.settings,
        dataDir,
        appVersion: app.getVersion(),
        fixedExportDir: fixedExportDirFromEnv(process.env, app.isPackaged),
        savedPaths: new Set(),
        secrets,
      };
      registerIpc(createHandlers(ctx), log);
      Menu.setApplicationMenu(buildMenu());
      mainWindow = createMainWindow(stores.getWindowState(), stores.setWindowState);
      mainWindow.on('closed', () => {
        mainWindow = null;
      });

      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0)
          mainWindow = createMainWindow(stores.getWindowState(), stores.setWindowState);
      });
    })
    .catch((error) => {
      log('startup failed', error);
      app.quit();
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
