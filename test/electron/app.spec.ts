/**
 * The real Electron app: starts it with Playwright's _electron and checks the window,
 * the security settings and a round trip through the contract. Runs wherever an
 * Electron binary exists (ELECTRON_OVERRIDE_DIST_PATH or a downloaded one) and is
 * skipped with a clear message where none can be had. Nothing here fakes Electron.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error -- plain ESM helper shared with scripts/start.mjs
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const found = findElectronBinary() as { path: string | null; reason: string | null };

test('the Electron app starts hardened and answers through the contract', async () => {
  test.skip(
    !found.path,
    `Electron の実行ファイルがないため、実機 Electron のテストを省略しました（${found.reason}）。`,
  );
  const userData = mkdtempSync(path.join(os.tmpdir(), 'shingikai-electron-'));
  const app = await electron.launch({
    executablePath: found.path!,
    args: ['.', `--user-data-dir=${userData}`],
    env: { ...process.env, SHINGIKAI_EXPORT_DIR: path.join(userData, 'exports') },
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('審議会デスク');
    expect(page.url()).toBe('app://shingikai/index.html');
    // No Node, no ipcRenderer in the page; only the one frozen bridge.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { shingikai: object }).shingikai).sort()),
    ).toEqual(['invoke', 'mode', 'onMenuCommand']);
    const info = await page.evaluate(() =>
      (window as unknown as { shingikai: { invoke: (c: string, a: unknown) => Promise<unknown> } }).shingikai.invoke(
        'app:get:info',
        {},
      ),
    );
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', name: '審議会デスク' } });
    const bad = await page.evaluate(() =>
      (window as unknown as { shingikai: { invoke: (c: string, a: unknown) => Promise<unknown> } }).shingikai.invoke(
        'settings:update',
        { backupKeep: -1 },
      ),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents;
      return (wc as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    await page.getByRole('button', { name: 'サンプルを読み込む' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: '飯塚市行政経営戦略推進審議会' })).toBeVisible();
  } finally {
    await app.close();
  }
});
