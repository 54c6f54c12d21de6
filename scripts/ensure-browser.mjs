// Before the end-to-end tests: use Debian's Chromium where present; otherwise make sure
// Playwright's own Chromium is installed (downloads once, on a machine with internet).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!system && !existsSync(chromium.executablePath())) {
  console.log('Chromium が見つからないため、Playwright の Chromium をインストールします…');
  const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['playwright', 'install', 'chromium'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  process.exit(r.status ?? 1);
}
