// `npm start`: launch the Electron app. Where no Electron binary can be had (no
// network to download it), say so in one line and start browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronPackageDir, findElectronBinary } from './electron-binary.mjs';

let found = findElectronBinary();
if (!found.path && electronPackageDir() && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  // First start on a machine with internet: fetch the binary (electron's own installer).
  const install = spawnSync(process.execPath, [path.join(electronPackageDir(), 'install.js')], {
    stdio: 'ignore',
    timeout: 300_000,
  });
  found = findElectronBinary();
  if (!found.path && install.status !== 0)
    found.reason = 'Electron の実行ファイルを入手できません（ネットワークに接続できないため）';
}

if (found.path) {
  const child = spawn(found.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`${found.reason}。ブラウザーモードで起動します。`);
  const child = spawn(process.execPath, ['dist/electron/browser-server.cjs', ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
