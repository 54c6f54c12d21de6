import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { test, expect, loadSample, readStore, screenshot } from './fixtures';

async function docText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

test('minutes style: pick a preset, change settings, see the preview, export the minutes in it', async ({
  app: page,
  server,
}) => {
  await loadSample(page);
  const councilUrl = page.url();
  await page.getByRole('tab', { name: '設定' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '会議録の様式' })).toBeVisible();
  const section = page.getByRole('group', { name: '様式の設定' });
  const preview = page.getByRole('region', { name: '様式のプレビュー' });
  // The preview is a real meeting of the council, in the council's current style (和暦, 「会議録」).
  await expect(preview.getByRole('article')).toContainText('出席委員');
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText('会議録');
  await expect(preview.getByRole('article')).toContainText('令和');
  await expect(preview.getByRole('article')).not.toContainText(/20\d\d年\d+月\d+日/);

  // A preset as the starting point.
  await section.getByRole('combobox', { name: '基にする様式（プリセット）' }).click();
  await page.getByRole('option', { name: '発言者別（番号付き）' }).click();
  await expect(section.getByLabel('様式の名前')).toHaveValue('発言者別（番号付き）');
  await expect(preview.getByRole('article')).toContainText('13時30分');

  // Three settings: the title, the era, the members' speaker mark; and the punctuation rule.
  await section.getByLabel('表題', { exact: true }).fill('会議記録');
  await section.getByRole('radio', { name: '西暦', exact: true }).check();
  await section.getByLabel('委員の印').fill('◆');
  await section.getByRole('combobox', { name: '句読点' }).click();
  await page.getByRole('option', { name: '，。' }).click();
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText('会議記録');
  await expect(preview.getByRole('article')).toContainText(/20\d\d年\d+月\d+日/);
  await expect(preview.getByRole('article')).toContainText('◆');
  await expect(preview.getByRole('article')).toContainText('，');
  await section.getByRole('combobox', { name: '議題の番号' }).click();
  await page.getByRole('option', { name: '議題（１）' }).click();
  await expect(preview.getByRole('article')).toContainText(/議題[（(][1１][)）]/);
  // The page: a wider left margin (binding) and a document grid of 40 lines.
  await section.getByLabel('余白・左（mm）').fill('30');
  await section.getByRole('switch', { name: /文字数と行数を指定する/ }).check();
  await section.getByLabel('1ページの行数').fill('40');
  await screenshot(page, 'minutes-style-editor');

  // A style without a title is refused, with the reason.
  await section.getByLabel('表題', { exact: true }).fill('');
  await expect(section.getByText('保存できません：表題が空です。')).toBeVisible();
  await expect(section.getByRole('button', { name: '様式を保存' })).toBeDisabled();
  await section.getByLabel('表題', { exact: true }).fill('会議記録');

  // A bad style file: the Japanese reason, and nothing changes.
  await section.getByLabel('様式ファイル', { exact: true }).setInputFiles({
    name: 'bad.shingikai-style.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"shingikai-style","version":1,"style":{"name":""}}'),
  });
  await expect(section.getByLabel('様式ファイルの読み込みエラー')).toContainText('様式ファイルを読み込めませんでした');
  await expect(section.getByLabel('表題', { exact: true })).toHaveValue('会議記録');

  await section.getByRole('button', { name: '様式を保存' }).click();
  await expect(page.locator('.fui-ToastTitle', { hasText: '会議録の様式を保存しました' })).toBeVisible();

  // The minutes screen: the checks list what the punctuation rule changes, the Word file has the style.
  const meetingId = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('shingikai-desk');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = await new Promise<{ id: string; number: number }[]>((res) => {
      const r = db.transaction('meetings').objectStore('meetings').getAll();
      r.onsuccess = () => res(r.result as { id: string; number: number }[]);
    });
    db.close();
    return all.find((m) => m.number === 2)!.id;
  });
  await page.goto(councilUrl.replace(/#.*$/, '') + `#/meetings/${meetingId}/minutes`);
  await expect(page.getByRole('heading', { level: 1, name: '第2回 会議録' })).toBeVisible();
  await page.getByRole('tab', { name: /公用文チェック/ }).click();
  const changes = page.getByRole('table', { name: '出力時に変わる箇所' });
  await expect(changes).toBeVisible();
  await expect(changes).toContainText('，');
  await page.getByRole('button', { name: '内部版を出力' }).click();
  const bar = page.getByText(/^保存しました：(?:.+_)?第2回_会議録_内部版.*\.docx$/);
  await expect(bar).toBeVisible({ timeout: 30_000 });
  const file = path.join(server.exportDir, (await bar.textContent())!.replace('保存しました：', ''));
  const text = await docText(file);
  expect(text).toContain('会議記録');
  expect(text).toMatch(/20\d\d年7月\d+日/);
  expect(text).toContain('◆');
  expect(text).toContain('，');
  expect(text).toMatch(/議題[（(][1１][)）]/);
  expect(text).not.toMatch(/令和\d+年7月\d+日/);
  const xml = (await JSZip.loadAsync(readFileSync(file)).then((z) => z.file('word/document.xml')!.async('string')))!;
  const left = Number(/<w:pgMar [^>]*w:left="(\d+)"/.exec(xml)![1]);
  expect(Math.abs(left - (30 * 1440) / 25.4)).toBeLessThanOrEqual(1); // 30 mm in twips
  // 40 lines on the text height of the page.
  const [, top, bottom] = /<w:pgMar [^>]*w:top="(\d+)"[^>]*w:bottom="(\d+)"/.exec(xml)!;
  const pitch = Number(/<w:docGrid [^>]*w:linePitch="(\d+)"/.exec(xml)![1]);
  expect(pitch).toBe(Math.floor((16838 - Number(top) - Number(bottom)) / 40));
});

test('minutes style: a roster title typed by hand, other attendees of the meeting, both in the preview and the Word file', async ({
  app: page,
  server,
}) => {
  await loadSample(page);
  const councilPage = page.url();
  const councilUrl = councilPage.replace(/#.*$/, '');
  // 井澤 becomes 委員長: typed, not picked from a fixed list; the dialog says how it counts.
  await page.getByRole('tab', { name: '委員' }).click();
  await page.getByRole('button', { name: '井澤を編集' }).click();
  const dialog = page.getByRole('dialog', { name: '委員を編集' });
  await dialog.getByRole('combobox', { name: '役職' }).fill('委員長');
  await expect(dialog.getByText('会長（議長）として扱います')).toBeVisible();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  expect((await readStore<{ role: string }>(page, 'members', { name: '井澤' }))[0]!.role).toBe('委員長');

  // The meeting: 報道関係 2社 among the other attendees.
  const [meeting] = await readStore<{ id: string }>(page, 'meetings', { number: 2 });
  const councilId = /#\/councils\/([^/?]+)/.exec(councilPage)![1]!;
  await page.goto(`${councilUrl}#/councils/${councilId}/meetings/${meeting!.id}`);
  const others = page.getByRole('group', { name: 'その他の出席者' });
  await others.getByRole('button', { name: '出席者を追加' }).click();
  await others.getByRole('combobox', { name: '1人目の区分' }).fill('報道関係');
  await others.getByRole('textbox', { name: '1人目の所属・氏名' }).fill('2社');
  await others.getByRole('textbox', { name: '1人目の所属・氏名' }).press('Enter');
  await expect
    .poll(
      async () => (await readStore<{ otherAttendees?: unknown[] }>(page, 'meetings', { number: 2 }))[0]!.otherAttendees,
    )
    .toEqual([expect.objectContaining({ group: '報道関係', text: '2社' })]);

  // The style: ◎ marks, {記号}{姓}{役職}, a row per group of other attendees.
  await page.goto(councilPage);
  await page.getByRole('tab', { name: '設定' }).click();
  const section = page.getByRole('group', { name: '様式の設定' });
  const preview = page.getByRole('region', { name: '様式のプレビュー' });
  await section.getByRole('combobox', { name: '基にする様式（プリセット）' }).click();
  await page.getByRole('option', { name: '全文記録（見出し形式）' }).click();
  // Turns nobody was recorded for say so in the 内部版 preview.
  await expect(preview).toContainText('委員（発言者未設定）');
  await expect(preview).toContainText('発言者が記録されていない発言');
  await section.getByRole('combobox', { name: '会長・副会長' }).click();
  await page.getByRole('option', { name: '◎ ○ の印' }).click();
  await section.getByRole('combobox', { name: /^その他の出席者/ }).click();
  await page.getByRole('option', { name: '区分ごとに項目を立てる' }).click();
  await expect(preview.getByRole('article')).toContainText('◎井澤');
  await expect(preview.getByRole('article')).toContainText('報道関係');
  await section.getByRole('button', { name: '様式を保存' }).click();
  await expect(page.locator('.fui-ToastTitle', { hasText: '会議録の様式を保存しました' })).toBeVisible();

  await page.goto(`${councilUrl}#/meetings/${meeting!.id}/minutes`);
  await expect(page.getByRole('heading', { level: 1, name: '第2回 会議録' })).toBeVisible();
  await page.getByRole('button', { name: '内部版を出力' }).click();
  const bar = page.getByText(/^保存しました：(?:.+_)?第2回_会議録_内部版.*\.docx$/);
  await expect(bar).toBeVisible({ timeout: 30_000 });
  const text = await docText(path.join(server.exportDir, (await bar.textContent())!.replace('保存しました：', '')));
  expect(text).toContain('◎井澤');
  expect(text).toContain('【報道関係】2社');
});
