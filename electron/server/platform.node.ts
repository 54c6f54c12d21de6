/** The Platform of browser mode: no native dialogs; files go to the export folder. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Platform } from '../core/platform';
import { uniquePath } from '../services/files';

function openWithSystem(target: string) {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['explorer.exe', [target]]
      : process.platform === 'darwin'
        ? ['open', [target]]
        : ['xdg-open', [target]];
  const child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => {}); // no desktop opener (a server, CI): nothing to do
  child.unref();
}

export function defaultBrowserDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'shingikai-desk-browser');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'shingikai-desk-browser');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'shingikai-desk-browser');
}

export function createNodePlatform(dataDir: string): Platform {
  return {
    mode: 'browser',
    defaultExportDir: () => {
      const docs = path.join(os.homedir(), 'Documents');
      return existsSync(docs) ? path.join(docs, '審議会デスク') : path.join(dataDir, 'exports');
    },
    // No dialog in a browser: save under the proposed name, never over an existing file.
    chooseSavePath: async ({ defaultPath }) => {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(path.dirname(defaultPath), { recursive: true });
      return uniquePath(defaultPath);
    },
    openPath: async (target) => openWithSystem(target),
    showInFolder: async (target) => openWithSystem(path.dirname(target)),
  };
}
