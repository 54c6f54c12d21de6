/**
 * The city's own Word template, from the council settings: download the starter of the
 * 会議録（公開版）, upload it back, and export the minutes 「テンプレートで出力」; the file
 * carries the meeting's name and not a remark marked 非公開. A file that is no template
 * is refused with a message and nothing is registered.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { test, expect, loadSample, screenshot } from './fixtures';

async function docText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

async function waitForFile(dir: string, name: string): Promise<string> {
  await expect.poll(() => readdirSync(dir).includes(name), { timeout: 30_000 }).toBe(true);
  return path.join(dir, name);
}

/** The sample's 第2回 meeting id, read from IndexedDB. */
async function secondMeetingId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('shingikai-desk');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const meetings = await new Promise<{ id: string; number: number }[]>((res) => {
      const r = db.transaction('meetings').objectStore('meetings').getAll();
      r.onsuccess = () => res(r.result as { id: string; number: number }[]);
    });
    db.close();
    return meetings.find((m) => m.number === 2)!.id;
  });
}

/** Marks the remark 「公用車が不足…」 非公開 as a facilitator does: select it in the live screen, Alt+N. */
async function hideRemark(page: Page, meetingId: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '') + `#/meetings/${meetingId}/live`);
  const list = page.getByRole('listbox', { name: '記録の一覧' });
  await expect(list).toBeVisible();
  // The list is virtualised: walk it with the keyboard from the top until the remark is selected.
  await list.getByRole('option').first().click();
  await page.keyboard.press('Home');
  const selected = list.getByRole('option', { selected: true });
  for (let i = 0; i < 300 && !((await selected.textContent()) ?? '').includes('公用車が不足'); i++)
    await page.keyboard.press('ArrowDown');
  await expect(selected).toContainText('公用車が不足');
  await page.keyboard.press('Alt+N');
  await expect(list.getByRole('option', { selected: true })).toContainText('非公開');
}

test('Word template: starter → upload → 「テンプレートで出力」 of the 会議録（公開版）', async ({
  app: page,
  server,
}) => {
  test.setTimeout(120_000);
  await loadSample(page);
  await page.getByRole('tab', { name: '設定' }).click();
  const section = page.getByRole('list', { name: 'Wordテンプレートの一覧' });
  const row = section.getByRole('listitem', { name: '会議録（公開版）' });
  await expect(row).toContainText('未登録');

  // A file that is not a Word document: refused with a message, nothing registered.
  const bad = path.join(server.exportDir, 'not-a-template.docx');
  writeFileSync(bad, 'this is not a zip');
  let chooser = page.waitForEvent('filechooser');
  await row.getByRole('button', { name: '会議録（公開版）のテンプレートをアップロード' }).click();
  await (await chooser).setFiles(bad);
  await expect(row.getByRole('alert')).toContainText('登録できませんでした');
  await expect(row).toContainText('未登録');

  // The starter, downloaded and uploaded back.
  await row.getByRole('button', { name: '会議録（公開版）のひな形をダウンロード' }).click();
  const starter = await waitForFile(server.exportDir, 'テンプレート_会議録（公開版）.docx');
  expect(await docText(starter)).toContain('{会議名}');
  chooser = page.waitForEvent('filechooser');
  await row.getByRole('button', { name: '会議録（公開版）のテンプレートをアップロード' }).click();
  await (await chooser).setFiles(starter);
  await expect(row).toContainText('テンプレート_会議録（公開版）.docx');
  await expect(row.getByRole('button', { name: '会議録（公開版）のテンプレートを差し替え' })).toBeVisible();
  await screenshot(page, 'templates-01-settings');

  // The guide lists the tags.
  await page.getByRole('button', { name: '作り方（タグ一覧）' }).click();
  await expect
    .poll(() => readdirSync(server.exportDir).some((f) => f.includes('作り方')), { timeout: 30_000 })
    .toBe(true);

  // 「テンプレートで出力」 on the minutes screen, with one remark made 非公開 first.
  const meetingId = await secondMeetingId(page);
  await hideRemark(page, meetingId);
  await page.goto(page.url().replace(/#.*$/, '') + `#/meetings/${meetingId}/minutes`);
  await expect(page.getByRole('region', { name: /３ 議題１/ }).getByText('非公開', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'テンプレートで出力（公開版）' }).click();
  // The same review as the built-in 公開版, then the checks' findings (the sample has some).
  await page
    .getByRole('dialog', { name: '会議録（公開版）の出力前の確認' })
    .getByRole('button', { name: '確認して出力する' })
    .click();
  await page
    .getByRole('dialog', { name: '公用文チェックの指摘があります' })
    .getByRole('button', { name: 'このまま出力する' })
    .click();
  const out = await waitForFile(server.exportDir, '飯塚市行政経営戦略推進審議会_第2回_会議録_公開版_テンプレート.docx');
  const text = await docText(out);
  expect(text).toContain('第2回 飯塚市行政経営戦略推進審議会');
  expect(text).not.toContain('公用車が不足');
  expect(text).not.toContain('{');

  // Removing asks first, then the row is empty again.
  await page
    .getByRole('navigation', { name: '現在の場所' })
    .getByRole('button', { name: /審議会/ })
    .click();
  await page.getByRole('tab', { name: '設定' }).click();
  await row.getByRole('button', { name: '会議録（公開版）のテンプレートを削除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '削除する' }).click();
  await expect(row).toContainText('未登録');
});
