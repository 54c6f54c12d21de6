/**
 * End-to-end fixtures: each worker starts the built browser-mode server (the same
 * main services as Electron) with its own data and export folders; each test gets a
 * fresh browser context, so a fresh IndexedDB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface BrowserModeServer {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  exportDir: string;
}

export const SCREENS_DIR = path.join(process.cwd(), 'test', '.screens');

export async function startServer(): Promise<BrowserModeServer & { process: ChildProcess; root: string }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'shingikai-e2e-'));
  const dataDir = path.join(root, 'data');
  const exportDir = path.join(root, 'exports');
  mkdirSync(exportDir, { recursive: true });
  const child = spawn(
    process.execPath,
    ['dist/electron/browser-server.cjs', '--port', '0', '--data-dir', dataDir, '--export-dir', exportDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser server did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`browser server exited (${code}): ${out}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    dataDir,
    exportDir,
    process: child,
    root,
  };
}

export const test = base.extend<{ app: Page }, { server: BrowserModeServer }>({
  server: [
    async ({}, use) => {
      const s = await startServer();
      await use(s);
      s.process.kill();
      rmSync(s.root, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  app: async ({ page, server }, use) => {
    // The worker's server is shared; its export folder starts empty for each test, so a document
    // written by an earlier test never turns this test's file into 「… (2).docx」.
    for (const f of readdirSync(server.exportDir))
      rmSync(path.join(server.exportDir, f), { recursive: true, force: true });
    await page.goto(server.url);
    // The app is up when its content area is (on a narrow window the menu is folded away).
    await expect(page.getByRole('main')).toBeVisible();
    await use(page);
  },
});

/** Loads the sample council from the home screen and waits for its page. */
export async function loadSample(page: Page) {
  await page.goto(page.url().replace(/#.*$/, '') + '#/');
  await page.getByRole('button', { name: 'サンプルを読み込む' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '飯塚市行政経営戦略推進審議会' })).toBeVisible();
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

/**
 * Every record of one table of the app's IndexedDB, read straight from the store as the app wrote
 * it (what a test checks after a user's action), optionally only those whose fields equal `where`.
 */
export async function readStore<T>(page: Page, store: string, where: Record<string, unknown> = {}): Promise<T[]> {
  const all = await page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        // The app's database: the one a full restore switched to, or the default one.
        const req = indexedDB.open(localStorage.getItem('shingikai-desk:database') ?? 'shingikai-desk');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction(name).objectStore(name).getAll();
          get.onsuccess = () => {
            resolve(get.result as Record<string, unknown>[]);
            db.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    store,
  );
  return all.filter((x) => Object.entries(where).every(([k, v]) => x[k] === v)) as T[];
}

export { expect };
