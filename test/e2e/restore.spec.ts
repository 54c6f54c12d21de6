/**
 * Data you can get back: back up, wipe the browser's database, restore — every record is
 * back (counts per table and a deep hash); a council exported as a package in one browser
 * profile is imported into another after the preview.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, loadSample, readStore, screenshot } from './fixtures';

interface StoredMeeting {
  id: string;
  councilId: string;
  number: number;
  materials?: { label: string; file: { storedName: string; originalName: string } | null }[];
}

/** Attaches a small PDF to a new material of the sample's first meeting; returns the stored file name and bytes. */
async function attachMaterial(page: Page): Promise<{ storedName: string; body: Buffer }> {
  const [meeting] = (await readStore<StoredMeeting>(page, 'meetings')).sort((a, b) => a.number - b.number);
  await page.goto(page.url().replace(/#.*$/, '') + `#/councils/${meeting!.councilId}/meetings/${meeting!.id}`);
  const before = meeting!.materials?.length ?? 0;
  await page.getByRole('button', { name: '資料を追加' }).click();
  const label = `資料${'０１２３４５６７８９'[before + 1]}`;
  await page.getByLabel(`${label}の名称`).fill('復元を確かめる資料');
  await page.getByLabel(`${label}の名称`).press('Enter');
  const body = Buffer.from('%PDF-1.4 復元を確かめる資料 ' + 'x'.repeat(2000));
  const source = path.join(mkdtempSync(path.join(os.tmpdir(), 'restore-')), '復元確認.pdf');
  writeFileSync(source, body);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: `${label}にファイルを添付` }).click(),
  ]);
  await chooser.setFiles(source);
  await expect(page.getByText('復元確認.pdf（')).toBeVisible({ timeout: 60_000 });
  const stored = (await readStore<StoredMeeting>(page, 'meetings', { id: meeting!.id }))[0]!.materials!.find(
    (m) => m.file?.originalName === '復元確認.pdf',
  )!.file!.storedName;
  return { storedName: stored, body };
}

/**
 * Every record of every table of the app's IndexedDB, read without the app: counts and a deep
 * hash of every store but `meta` and the change log (the revisions one per record, the remarks and
 * opinions one row each); of the log, its newest
 * line (a restore keeps only the lines still read: after team sync's cursor, and the newest).
 */
async function snapshot(page: Page): Promise<{
  counts: Record<string, number>;
  hash: string;
  lastChange: unknown;
  changes: number;
  revisionRows: number;
  ownRows: Record<string, number>;
  packRows: Record<string, number>;
}> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      // After a full restore the app works on a new database (the pointer names it).
      const req = indexedDB.open(localStorage.getItem('shingikai-desk:database') ?? 'shingikai-desk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const counts: Record<string, number> = {};
    const all: Record<string, unknown[]> = {};
    const log: { seq: number }[] = await new Promise((resolve, reject) => {
      const req = db.transaction('changes').objectStore('changes').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const name of [...db.objectStoreNames].filter((n) => n !== 'meta' && n !== 'changes').sort()) {
      const rows: unknown[] = await new Promise((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      all[name] = rows;
    }
    // Revisions as the app reads them (data/write.ts): a full restore writes them packed, many
    // records' to a row; a record's own row wins over its pack's entry.
    type Rev = { table: string; id: string; revisions?: Record<string, object> };
    const byKey = new Map<string, object>();
    const revisionRows = (all.revisions ?? []) as Rev[];
    const isPack = (r: Rev) => r.id.startsWith('\u0000pack:');
    for (const r of revisionRows.filter(isPack))
      for (const [id, rev] of Object.entries(r.revisions!))
        byKey.set(`${r.table}\u0000${id}`, { table: r.table, id, ...rev });
    for (const r of revisionRows.filter((r) => !isPack(r))) byKey.set(`${r.table}\u0000${r.id}`, r);
    all.revisions = [...byKey.keys()].sort().map((k) => byKey.get(k));
    // Remarks and opinions as the app reads them (data/recordPacks.ts): a full restore stores them
    // in packs of a meeting's or a council's records; a record's own row wins over its pack's entry.
    type Row = { id: string };
    const packRows: Record<string, number> = {};
    const ownRows: Record<string, number> = {};
    for (const [table, packs, directory] of [
      ['remarks', 'remarkPacks', 'remarkPackDirectory'],
      ['opinions', 'opinionPacks', 'opinionPackDirectory'],
    ] as const) {
      const own = (all[table] ?? []) as Row[];
      const packed = (all[packs] ?? []) as { records: Row[] }[];
      const records = new Map(packed.flatMap((p) => p.records).map((r) => [r.id, r]));
      for (const r of own) records.set(r.id, r);
      all[table] = [...records.keys()].sort().map((k) => records.get(k));
      ownRows[table] = own.length;
      packRows[table] = packed.length;
      delete all[packs];
      delete all[directory];
    }
    for (const [name, rows] of Object.entries(all)) counts[name] = rows.length;
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
    return {
      counts,
      hash: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''),
      lastChange: log.at(-1) ?? null,
      changes: log.length,
      revisionRows: revisionRows.length,
      ownRows,
      packRows,
    };
  });
}

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByText('データと設定').click();
}

test('back up, wipe the database and the attachment, restore: every record and the file are back', async ({
  app: page,
  server,
}) => {
  test.setTimeout(180_000);
  await loadSample(page);
  const attached = await attachMaterial(page);
  const attachmentFile = path.join(server.dataDir, 'attachments', attached.storedName);
  expect(readFileSync(attachmentFile).equals(attached.body)).toBe(true);
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
  rmSync(attachmentFile);
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
  // Searching at once finds the restored (packed) remarks: the index keeper, holding off for the
  // 「復元の前」 backup as for any backup, builds when a search waits for it.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: '検索' });
  await search.getByRole('combobox', { name: '検索語' }).fill('減免');
  await expect(
    search.getByRole('listbox', { name: '検索結果' }).getByRole('group', { name: '発言' }).getByRole('option'),
  ).toContainText(['施設の使用に関し、減免措置を見直してはどうか。'], { timeout: 30_000 });
  await page.keyboard.press('Escape');
  // The records were written into a new database; the previous one (the state before the
  // restore) is backed up with the reason 「復元の前」 and then deleted.
  await expect(page.getByRole('status').filter({ hasText: '復元前のデータをバックアップしました' })).toBeVisible({
    timeout: 30_000,
  });
  expect(readdirSync(path.join(server.dataDir, 'backups')).some((f) => f.includes('before-restore'))).toBe(true);
  // The screen's list of backups shows it too, without opening the screen again.
  await expect(page.getByText(/^backup-\d{8}-\d{6}-\d{3}-before-restore\.json$/)).toBeVisible();
  const databases = await page.evaluate(async () => ({
    pointer: localStorage.getItem('shingikai-desk:database'),
    names: (await indexedDB.databases()).map((d) => d.name),
  }));
  expect(databases.pointer).toMatch(/^shingikai-desk-\d+$/);
  expect(databases.names).toContain(databases.pointer);
  expect(databases.names).not.toContain('shingikai-desk');
  const after = await snapshot(page);
  expect(after.counts).toEqual(before.counts);
  expect(after.hash).toBe(before.hash);
  // The same revisions, in fewer rows: packed by the restore.
  expect(after.revisionRows).toBeLessThan(before.revisionRows);
  // The same remarks and opinions, stored in packs (none were before).
  expect(before.packRows).toEqual({ remarks: 0, opinions: 0 });
  expect(after.ownRows).toEqual({ remarks: 0, opinions: 0 });
  expect(after.packRows.remarks).toBeGreaterThan(0);
  expect(after.packRows.opinions).toBeGreaterThan(0);
  expect(before.changes).toBeGreaterThan(10);
  expect(after.lastChange).toEqual(before.lastChange);
  // The attached file is back, byte for byte, and the meeting lists it.
  expect(readFileSync(attachmentFile).equals(attached.body)).toBe(true);
  const [meeting] = (await readStore<StoredMeeting>(page, 'meetings')).sort((a, b) => a.number - b.number);
  await page.goto(page.url().replace(/#.*$/, '') + `#/councils/${meeting!.councilId}/meetings/${meeting!.id}`);
  await expect(page.getByText('復元確認.pdf（')).toBeVisible();
});

test('a council exported in one profile is imported into another after the preview', async ({
  app: page,
  server,
  browser,
}) => {
  await loadSample(page);
  // From the council's own header (the same package as 「データと設定」 writes).
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByText('審議会一覧').click();
  await page.getByText('飯塚市行政経営戦略推進審議会').first().click();
  await page.getByRole('button', { name: 'この審議会を書き出す' }).click();
  await expect(page.getByText('審議会データを書き出しました', { exact: true })).toBeVisible({ timeout: 30_000 });
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

/** Sets the council's 所管課 in its settings, the way a user does. */
async function setDepartment(page: Page, councilId: string, value: string) {
  await page.goto(page.url().replace(/#.*$/, '') + `#/councils/${councilId}/settings`);
  await page.getByLabel('所管課').fill(value);
  await page.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(page.getByRole('status').filter({ hasText: '基本情報を保存しました' })).toBeVisible();
}

async function exportFromSettings(page: Page, dir: string): Promise<string> {
  for (const f of readdirSync(dir)) if (f.endsWith('.shingikai')) rmSync(path.join(dir, f));
  await openSettings(page);
  await page.getByRole('button', { name: 'この審議会を書き出す' }).click();
  await expect(page.getByRole('status').filter({ hasText: '書き出しました' })).toBeVisible({ timeout: 30_000 });
  return path.join(
    dir,
    readdirSync(dir).find((f) => f.endsWith('.shingikai'))!,
  );
}

async function readPackage(page: Page, file: string) {
  await openSettings(page);
  await page.getByLabel('審議会データを読み込む').setInputFiles(file);
  return page.getByRole('table', { name: '読み込みの確認' });
}

test('a record changed on both PCs is a conflict: this PC’s is kept unless the user takes the package’s', async ({
  app: a,
  server,
  browser,
}) => {
  test.setTimeout(180_000);
  await loadSample(a);
  const [council] = await readStore<{ id: string }>(a, 'councils');
  const first = await exportFromSettings(a, server.exportDir);
  const other = await browser.newContext();
  const b = await other.newPage();
  await b.goto(server.url);
  await (await readPackage(b, first)).waitFor();
  await b.getByRole('button', { name: '選んだ審議会を読み込む' }).click();
  await expect(b.getByRole('status').filter({ hasText: '読み込みました' })).toBeVisible({ timeout: 30_000 });

  // Both PCs change the same record; A sends the council again.
  await setDepartment(b, council!.id, 'Bで直した課');
  await setDepartment(a, council!.id, 'Aで直した課');
  const second = await exportFromSettings(a, server.exportDir);
  let preview = await readPackage(b, second);
  const row = preview.getByRole('row', { name: /飯塚市行政経営戦略推進審議会/ });
  await expect(row).toContainText('競合あり');
  const choice = b.getByLabel('飯塚市行政経営戦略推進審議会の競合した記録の扱い');
  await expect(choice).toHaveValue('mine');
  await preview.scrollIntoViewIfNeeded();
  await screenshot(b, 'restore-package-conflict');
  await b.getByRole('checkbox', { name: '飯塚市行政経営戦略推進審議会を読み込む' }).check();
  await b.getByRole('button', { name: '選んだ審議会を読み込む' }).click();
  await expect(b.getByRole('status').filter({ hasText: '読み込みました' })).toBeVisible({ timeout: 30_000 });
  expect((await readStore<{ department: string }>(b, 'councils'))[0]!.department).toBe('Bで直した課');

  // The same package again: B's change is only B's now (no conflict); taking theirs on a new conflict writes A's.
  preview = await readPackage(b, second);
  await expect(preview.getByRole('row', { name: /飯塚市行政経営戦略推進審議会/ })).not.toContainText('競合あり');
  await b.getByRole('button', { name: 'やめる' }).click();
  await setDepartment(b, council!.id, 'Bで再度直した課');
  await setDepartment(a, council!.id, 'Aで再度直した課');
  preview = await readPackage(b, await exportFromSettings(a, server.exportDir));
  await expect(preview.getByRole('row', { name: /飯塚市行政経営戦略推進審議会/ })).toContainText('競合あり');
  await b.getByLabel('飯塚市行政経営戦略推進審議会の競合した記録の扱い').selectOption('theirs');
  await b.getByRole('checkbox', { name: '飯塚市行政経営戦略推進審議会を読み込む' }).check();
  await b.getByRole('button', { name: '選んだ審議会を読み込む' }).click();
  await expect(b.getByRole('status').filter({ hasText: '読み込みました' })).toBeVisible({ timeout: 30_000 });
  expect((await readStore<{ department: string }>(b, 'councils'))[0]!.department).toBe('Aで再度直した課');
  await other.close();
});
