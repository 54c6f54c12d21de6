// Finds the Electron binary without triggering the electron package's lazy download.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The path of a runnable Electron binary, or null with the reason. */
export function findElectronBinary() {
  const dir = electronPackageDir();
  if (!dir) return { path: null, reason: 'electron パッケージがインストールされていません' };
  const pathFile = path.join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      relative || (process.platform === 'win32' ? 'electron.exe' : 'electron'),
    );
    return existsSync(p)
      ? { path: p, reason: null }
      : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH に Electron がありません (${p})` };
  }
  if (relative && existsSync(path.join(dir, 'dist', relative)))
    return { path: path.join(dir, 'dist', relative), reason: null };
  return { path: null, reason: 'Electron の実行ファイルがダウンロードされていません' };
}
