/**
 * Data you can get back: back up, wipe the browser's database, restore — every record is
 * back (counts per table and a deep hash); a council exported as a package in one browser
 * profile is imported into another after the preview.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, loadSample } from './fixtures';

/** Every record of every table of the app's IndexedDB, read without the app. */
async function snapshot(page: Page): Promise<{ counts: Record<string, number>; hash: string }> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('shingikai-desk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const counts: Record<string, number> = {};
    const all: Record<string, unknown[]> = {};
    for (const name of [...db.objectStoreNames].filter((n) => n !== 'meta').sort()) {
      const rows: unknown[] = await new Promise((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      counts[name] = rows.length;
      all[name] = rows;
    }
    db.close();
    const sorted = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sorted)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
            )
          : v;
    const bytes = new TextEncoder().encode(JSON.stringify(sorted(all)));
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    return { counts, hash: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') };
  });
}

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByText('データと設定').click();
}

test('back up, wipe the database, restore: every record is back', async ({ app: page }) => {
  await loadSample(page);
  await openSettings(page);
  await page.getByRole('button', { name: '今すぐバックアップ' }).click();
  await expect(page.getByText('バックアップを保存しました', { exact: true })).toBeVisible();
  const before = await snapshot(page);
  expect(before.counts.councils).toBe(1);
  expect(before.counts.remarks).toBeGreaterThan(10);

  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('shingikai-desk');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
  );
  await page.reload();
  await openSettings(page);
  await expect(page.getByText('審議会 0件')).toBeVisible();

  const select = page.getByLabel('復元するバックアップ');
  const value = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(value!);
  await expect(page.getByRole('table', { name: 'バックアップの内容' })).toContainText('飯塚市行政経営戦略推進審議会');
  await page.getByRole('button', { name: 'すべて復元' }).click();
  await page.getByRole('button', { name: '復元を実行' }).click();
  await expect(page.getByRole('status').filter({ hasText: '復元しました' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('審議会 1件')).toBeVisible();
  const after = await snapshot(page);
  expect(after.counts).toEqual(before.counts);
  expect(after.hash).toBe(before.hash);
});

test('a council exported in one profile is imported into another after the preview', async ({
  app: page,
  server,
  browser,
}) => {
  await loadSample(page);
  await openSettings(page);
  await page.getByRole('button', { name: 'この審議会を書き出す' }).click();
  await expect(page.getByRole('status').filter({ hasText: '書き出しました' })).toBeVisible({ timeout: 30_000 });
  const dir = server.exportDir;
  const file = readdirSync(dir).find((f) => f.endsWith('.shingikai'));
  expect(file).toBeTruthy();

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(server.url);
  await openSettings(fresh);
  await expect(fresh.getByText('審議会 0件')).toBeVisible();
  await fresh.getByLabel('審議会データを読み込む').setInputFiles(path.join(dir, file!));
  const preview = fresh.getByRole('table', { name: '読み込みの確認' });
  await expect(preview).toContainText('飯塚市行政経営戦略推進審議会');
  await expect(preview).toContainText('新規');
  // Nothing is written before the confirmation.
  await expect(fresh.getByText('審議会 0件')).toBeVisible();
  await fresh.getByRole('button', { name: '選んだ審議会を読み込む' }).click();
  await expect(fresh.getByRole('status').filter({ hasText: '読み込みました' })).toBeVisible({ timeout: 30_000 });
  await expect(fresh.locator('dd').filter({ hasText: '審議会 1件' })).toBeVisible();
  await fresh.goto(server.url + '#/');
  await expect(fresh.getByText('飯塚市行政経営戦略推進審議会').first()).toBeVisible();
  await other.close();
});
