/** Shared by benches that drive the UI: the built browser-mode server and Chromium via playwright-core. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** The app's loopback server over `dataDir`; `root`: the checkout whose build it serves (an A/B bench's other build). */
export async function startBrowserServer(
  dataDir: string,
  port = 0,
  root = process.cwd(),
): Promise<{ url: string; origin: string; process: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'dist/electron/browser-server.cjs'),
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--export-dir',
      `${dataDir}/exports`,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return { url, origin: new URL(url).origin, process: child };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...(systemChromium ? { executablePath: systemChromium } : {}), args: CHROMIUM_ARGS });
}

/**
 * A page as a Japanese office PC shows the app: ja-JP, Tokyo time, 1366×860. Bench files run
 * through tsx, whose helper for function names is not defined in the page: it is stubbed.
 */
export async function newBenchPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1366, height: 860 },
  });
  await context.addInitScript('window.__name = (f) => f;');
  return { context, page: await context.newPage() };
}

export async function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    ...(systemChromium ? { executablePath: systemChromium } : {}),
    args: CHROMIUM_ARGS,
    locale: 'ja-JP',
    viewport: { width: 1366, height: 860 },
  });
}

/** Starts the page's CPU profiler (sampling every `intervalUs` µs). */
export async function startCpuProfile(cdp: CDPSession, intervalUs = 200): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

/** Stops it and writes `<dir>/<name>.cpuprofile` (open it in Chrome DevTools' Performance panel). */
export async function saveCpuProfile(cdp: CDPSession, dir: string, name: string): Promise<void> {
  const { profile } = await cdp.send('Profiler.stop');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
}
