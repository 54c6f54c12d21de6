import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { test, expect, loadSample, screenshot, SCREENS_DIR, readStore } from './fixtures';

async function openMinutes(page: Page): Promise<string> {
  await loadSample(page);
  const [meeting] = await readStore<{ id: string }>(page, 'meetings', { number: 2 });
  await page.goto(page.url().replace(/#.*$/, '') + `#/meetings/${meeting!.id}/minutes`);
  await expect(page.getByRole('heading', { level: 1, name: '第2回 会議録' })).toBeVisible();
  return meeting!.id;
}

/** Waits for 「保存しました：…」 and answers the saved file's path (the export folder may already hold one). */
async function savedFile(page: Page, dir: string, stem: string): Promise<string> {
  const bar = page.getByText(new RegExp(`^保存しました：(?:.+_)?${stem.replace(/[()（）]/g, '.')}.*\\.docx$`));
  await expect(bar).toBeVisible({ timeout: 30_000 }); // the export runs in the server process: allow a busy machine
  const name = (await bar.textContent())!.replace('保存しました：', '');
  return path.join(dir, name);
}

async function docText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

test('minutes: reopen, edit a paragraph, switch styles, accept checks, approve, publish and export', async ({
  app: page,
  server,
}) => {
  const meetingId = await openMinutes(page);
  // The sample's minutes are published: locked until reopened with a reason.
  await expect(page.getByLabel('会議録の状態')).toContainText('公開済');
  await expect(page.getByText('確定済みのため編集できません')).toBeVisible();
  await expect(page.getByRole('button', { name: /^編集：/ })).toHaveCount(0);
  await page.getByRole('button', { name: '確定を解除する' }).click();
  const dialog = page.getByRole('dialog', { name: '確定を解除する' });
  await expect(dialog.getByRole('button', { name: '確定を解除する' })).toBeDisabled();
  await dialog.getByLabel('確定を解除する理由').fill('委員から誤字の指摘があったため');
  await dialog.getByRole('button', { name: '確定を解除する' }).click();
  await expect(page.getByLabel('会議録の状態')).toContainText('作成中');

  // Sections numbered in order, with the remarks behind each paragraph.
  const agenda1 = page.getByRole('region', { name: '３ 議題１ 各分野の現状と課題及び想定される解決策について' });
  await expect(agenda1.getByText('＜各委員から出された主な意見＞')).toBeVisible();
  await expect(agenda1.getByText('■DX推進')).toBeVisible();
  await expect(page.getByRole('region', { name: '２ 資料の説明' }).getByText('記録2・説明')).toBeVisible();
  await screenshot(page, 'minutes-01-editor');
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 2400 });
  await agenda1.screenshot({ path: path.join(SCREENS_DIR, 'minutes-01b-editor-section.png') });
  await page.setViewportSize(size);

  // Edit one paragraph: the minutes change, the remark does not.
  const explain = page.getByRole('region', { name: '２ 資料の説明' });
  await explain.getByRole('button', { name: /^編集：/ }).click();
  await explain.getByLabel(/段落の文章/).fill('事務局から資料１及び資料２について説明した。');
  await explain.getByLabel(/段落の文章/).press('Control+Enter');
  await expect(explain.getByText('事務局から資料１及び資料２について説明した。')).toBeVisible();
  await expect(explain.getByText('手直し済み')).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('region', { name: '２ 資料の説明' }).getByText('事務局から資料１及び資料２について説明した。'),
  ).toBeVisible();
  const [explainRemark] = await readStore<{ text: string }>(page, 'remarks', { meetingId, kind: '説明' });
  expect(explainRemark!.text).toBe(
    '資料１ 飯塚市行政経営戦略推進ビジョン骨子案、資料２ 各分野の現状と課題及び想定される解決策について説明',
  );

  // The other style, from the same remarks; the preview shows what Word will show.
  await page.getByRole('radio', { name: /発言者別/ }).click();
  await expect(page.getByRole('radio', { name: /発言者別/ })).toBeChecked();
  await page.getByRole('tab', { name: 'プレビュー' }).click();
  await expect(page.getByRole('article').getByText('○事務局', { exact: false }).first()).toBeVisible();
  await page.getByRole('radio', { name: /要点筆記/ }).click();
  await expect(page.getByRole('radio', { name: /要点筆記/ })).toBeChecked();
  await expect(
    page
      .getByRole('article')
      .getByText('⇒素案について市民意見の募集をする予定であり、市民参画の機会を設けたいということである。（市回答）'),
  ).toBeVisible();
  await page.getByRole('radio', { name: '公開版' }).check();
  await expect(page.getByRole('table', { name: '会議録の見出し項目' })).toContainText(
    '大久保副会長、河委員、河﨑委員、菅原委員、畠中委員',
  );
  await screenshot(page, 'minutes-02-preview');
  // The app scrolls inside its main pane: a tall window shows the whole document for the eye.
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height: 2600 });
  await page.getByRole('article').screenshot({ path: path.join(SCREENS_DIR, 'minutes-02b-preview-document.png') });
  await page.setViewportSize(viewport);

  // Publication checks: find ＫＰＩ, accept that one fix, and see it gone.
  await page.getByRole('tab', { name: /公用文チェック/ }).click();
  const findings = page.getByRole('table', { name: '公用文チェックの指摘' });
  await expect(findings).toContainText('ＫＰＩ');
  await screenshot(page, 'minutes-03-checks');
  // The place leads to the paragraph in the editor.
  await findings.getByRole('button', { name: /３ 議題１.*文字目/ }).click();
  await expect(page.getByRole('tab', { name: '編集' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-paragraph]:focus')).toContainText('ＫＰＩの設定が必要');
  await page.getByRole('tab', { name: /公用文チェック/ }).click();
  const before = await findings.getByRole('row').count();
  await findings.getByRole('button', { name: '適用：「ＫＰＩ」→「KPI」' }).click();
  await expect(findings.getByRole('row')).toHaveCount(before - 1);
  await expect(findings).not.toContainText('ＫＰＩ');
  const [minutes] = await readStore<{ edits: Record<string, string> }>(page, 'minutes', { id: meetingId });
  expect(Object.values(minutes!.edits).some((t) => t.includes('KPIの設定'))).toBe(true);

  // Regenerating asks first, then drops the hand edits.
  await page.getByRole('button', { name: '記録から作り直す' }).click();
  await page.getByRole('dialog', { name: '記録から作り直しますか？' }).getByRole('button', { name: 'やめる' }).click();
  await page.getByRole('tab', { name: '編集' }).click();
  await expect(page.getByText('事務局から資料１及び資料２について説明した。')).toBeVisible();

  // Workflow: 確認中 (with the 案 copy), 確定 (locked), 公開済 with a date.
  await page.getByRole('button', { name: '確認依頼へ進める' }).click();
  await expect(page.getByLabel('会議録の状態')).toContainText('確認中');
  await page.getByRole('button', { name: '確認用（案）を出力' }).click();
  const reviewFile = await savedFile(page, server.exportDir, '第2回_会議録_確認用（案）');
  await page.getByRole('button', { name: '確定する' }).click();
  await expect(page.getByLabel('会議録の状態')).toContainText('確定');
  await expect(page.getByRole('button', { name: /^編集：/ })).toHaveCount(0);
  await page.getByRole('button', { name: '公開済みにする' }).click();
  await page.getByRole('dialog').getByLabel('公開日').fill('2023-07-20');
  await page.getByRole('dialog').getByRole('button', { name: '公開済みにする' }).click();
  await expect(page.getByText('公開日：令和5年7月20日')).toBeVisible();

  // The 公開版: checks are offered first, then main writes the file.
  await page.getByRole('button', { name: '公開版を出力' }).click();
  const reviewDialog = page.getByRole('dialog', { name: '会議録（公開版）の出力前の確認' });
  await expect(reviewDialog.getByText(/氏名の置き換え（\d+件）/)).toBeVisible();
  await screenshot(page, 'minutes-publication-review');
  await reviewDialog.getByRole('button', { name: '確認して出力する' }).click();
  await page
    .getByRole('dialog', { name: '公用文チェックの指摘があります' })
    .getByRole('button', { name: 'このまま出力する' })
    .click();
  const publicFile = await savedFile(page, server.exportDir, '第2回_会議録_公開版');
  await page.getByRole('button', { name: '内部版を出力' }).click();
  const internalFile = await savedFile(page, server.exportDir, '第2回_会議録_内部版');

  expect(readdirSync(server.exportDir)).toEqual(
    expect.arrayContaining([path.basename(publicFile), path.basename(internalFile), path.basename(reviewFile)]),
  );
  const pub = await docText(publicFile);
  expect(pub).toContain('事務局から資料１及び資料２について説明した。');
  expect(pub).toContain('KPIの設定が必要');
  expect(pub).toContain('令和5年7月7日（金） 13:30～15:30');
  const review = await docText(reviewFile);
  expect(review).toContain('会議録（案）');

  // Who did what, when.
  await page.getByRole('tab', { name: /履歴/ }).click();
  const history = page.getByRole('table', { name: '会議録の履歴' });
  await expect(history).toContainText('委員から誤字の指摘があったため');
  await expect(history).toContainText('確定する（確認中→確定）');
  await expect(history).toContainText('事務局');
  await screenshot(page, 'minutes-04-history');
});

test('minutes: a 非公開 remark never reaches the 公開版, and the history names the operator', async ({
  app: page,
  server,
}) => {
  await loadSample(page);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByText('データと設定').click();
  await page.getByLabel('作業者名').fill('中嶋');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('作業者名を保存しました').first()).toBeVisible();
  const [meeting] = await readStore<{ id: string }>(page, 'meetings', { number: 2 });
  // Mark one opinion 非公開 directly in the records (the live-notes screen sets this flag).
  await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('shingikai-desk');
      r.onsuccess = () => res(r.result);
    });
    const store = db.transaction('remarks', 'readwrite').objectStore('remarks');
    const all = await new Promise<{ meetingId: string; kind: string; text: string; nonPublic: boolean }[]>((res) => {
      const r = store.getAll();
      r.onsuccess = () => res(r.result);
    });
    const target = all.find((r) => r.meetingId === id && r.text.startsWith('公用車が不足'))!;
    await new Promise((res) => {
      const r = store.put({ ...target, nonPublic: true });
      r.onsuccess = res;
    });
    db.close();
  }, meeting!.id);
  await page.goto(page.url().replace(/#.*$/, '') + `#/meetings/${meeting!.id}/minutes`);
  await expect(page.getByText('作業者：中嶋')).toBeVisible();
  await expect(page.getByRole('region', { name: /３ 議題１/ }).getByText('非公開', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'プレビュー' }).click();
  await page.getByRole('radio', { name: '公開版' }).check();
  await expect(page.getByRole('article')).not.toContainText('公用車が不足');
  await expect(page.getByRole('article')).toContainText('※この項目の一部は非公開のため掲載していません。');
  // Accept every proposed fix at once (reopened first: published minutes are locked).
  await page.getByRole('button', { name: '確定を解除する' }).click();
  await page.getByLabel('確定を解除する理由').fill('再確認のため');
  await page.getByRole('dialog').getByRole('button', { name: '確定を解除する' }).click();
  await page.getByRole('tab', { name: /公用文チェック/ }).click();
  await page.getByRole('button', { name: '修正案をすべて適用' }).click();
  await expect(page.getByText('公開版の文章に指摘はありません')).toBeVisible();
  // No findings left: after the name review, the 公開版 is written.
  await page.getByRole('button', { name: '公開版を出力' }).click();
  await page
    .getByRole('dialog', { name: /出力前の確認/ })
    .getByRole('button', { name: '確認して出力する' })
    .click();
  const file = await savedFile(page, server.exportDir, '第2回_会議録_公開版');
  const text = await docText(file);
  expect(text).toContain('※この項目の一部は非公開のため掲載していません。');
  expect(text).not.toContain('公用車が不足');
  expect(text).toContain('KPIの設定が必要');
  expect(text).not.toContain('ＫＰＩ');
  // The notes keep their own wording.
  const remarks = await readStore<{ text: string }>(page, 'remarks', { meetingId: meeting!.id, kind: '意見' });
  expect(remarks.some((r) => r.text.includes('ＫＰＩの設定が必要'))).toBe(true);
  await page.getByRole('tab', { name: /履歴/ }).click();
  await expect(page.getByRole('table', { name: '会議録の履歴' })).toContainText('中嶋');
  await expect(page.getByRole('table', { name: '会議録の履歴' })).toContainText('公用文チェックの修正をすべて適用');
});
