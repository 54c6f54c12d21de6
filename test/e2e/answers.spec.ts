/**
 * Which question an answer (回答) answers: changed in the live screen (Alt+R on the selected
 * answer) and in the minutes editor (「どの質問への回答か」), and printed under that question
 * in the 要点筆記 the user exports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { test, expect, loadSample, screenshot, SCREENS_DIR, readStore } from './fixtures';

const SAMPLE_QUESTION = '推進体制のところで市民参画というのは何を想定しているか。';
const SAMPLE_ANSWER = '素案について市民意見の募集をする予定であり、市民参画の機会を設けたいということである。';
const NEW_QUESTION = '市民参画の周知はどの媒体で行うのか。';
const NEW_ANSWER = 'パブリックコメントの実施時期は素案の確定後を予定している。';

interface StoredRemark {
  id: string;
  meetingId: string;
  text: string;
  kind: string;
  replyToId: string | null;
}

async function remarkByText(page: Page, text: string): Promise<StoredRemark> {
  return (await readStore<StoredRemark>(page, 'remarks')).find((r) => r.text === text)!;
}

/** The minutes' 内部版 written from the minutes screen; answers the text of word/document.xml. */
async function exportInternal(page: Page, exportDir: string): Promise<string> {
  await page.getByRole('button', { name: '内部版を出力' }).click();
  const bar = page.getByText(/^保存しました：.*会議録_内部版.*\.docx$/);
  await expect(bar).toBeVisible({ timeout: 30_000 });
  const name = (await bar.textContent())!.replace('保存しました：', '');
  const zip = await JSZip.loadAsync(readFileSync(path.join(exportDir, name)));
  const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  await page.getByRole('button', { name: '閉じる' }).first().click(); // the next export's bar is then new
  return text;
}

/** In 議題２ of the sample's 第2回: 河委員 asks, 事務局 answers (linked automatically to that question). */
async function recordQuestionAndAnswer(page: Page): Promise<string> {
  await loadSample(page);
  const meeting = (await readStore<{ id: string; number: number }>(page, 'meetings')).find((m) => m.number === 2)!;
  await page.goto(page.url().replace(/#.*$/, '') + `#/meetings/${meeting.id}/live`);
  await expect(page.getByRole('heading', { level: 1, name: '第2回 記録（ライブ）' })).toBeVisible();
  await page
    .getByRole('navigation', { name: '次第' })
    .getByRole('button', { name: /行政経営戦略推進ビジョン骨子案について/ })
    .click();
  const entry = page.getByRole('textbox', { name: '発言の入力' });
  await expect(entry).toBeFocused();
  await page.keyboard.press('Alt+3'); // 河委員
  await page.keyboard.press('Alt+T');
  await page.keyboard.press('3'); // 質問
  await entry.pressSequentially(NEW_QUESTION);
  await page.keyboard.press('Enter');
  await expect(entry).toHaveValue('');
  await page.keyboard.press('Alt+J'); // 事務局
  await page.keyboard.press('Alt+T');
  await page.keyboard.press('4'); // 回答
  await expect(page.getByRole('button', { name: '種別', exact: true })).toHaveText('回答');
  await entry.pressSequentially(NEW_ANSWER);
  await page.keyboard.press('Enter');
  await expect(entry).toHaveValue('');
  return meeting.id;
}

test('live: Alt+R links the selected answer to an earlier question; the 要点筆記 prints it under that question', async ({
  app: page,
  server,
}) => {
  const meetingId = await recordQuestionAndAnswer(page);
  const list = page.getByRole('listbox', { name: '記録の一覧' });
  const answerRow = list.getByRole('option').filter({ hasText: NEW_ANSWER });
  // Recorded right after 河委員's question: linked to it automatically, and the row says so.
  await expect(answerRow).toContainText('回答先（自動）：河委員：市民参画の周知はどの媒体で行うのか。');

  // ↑ from the empty entry line selects the newest row (the answer); Alt+R opens the choice.
  await page.keyboard.press('ArrowUp');
  await expect(answerRow).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+R');
  const picker = page.getByRole('listbox', { name: 'どの質問への回答か' });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('option').nth(0)).toContainText('自動（直前の質問）');
  await expect(picker.getByRole('option').nth(1)).toContainText(NEW_QUESTION);
  await expect(picker.getByRole('option').nth(2)).toContainText(SAMPLE_QUESTION);
  await screenshot(page, 'answers-01-live-picker');
  await page.keyboard.press('2'); // the sample's earlier question (市民参画)
  await expect(picker).toBeHidden();
  await expect(answerRow).toContainText('回答先：（発言者なし）：推進体制のところで市民参画というのは');
  await expect(list).toBeFocused();
  const question = await remarkByText(page, SAMPLE_QUESTION);
  await expect.poll(async () => (await remarkByText(page, NEW_ANSWER)).replyToId).toBe(question.id);
  await screenshot(page, 'answers-02-live-linked');

  // A remark that is not an answer has no question to choose: the user is told what to do.
  await page.keyboard.press('ArrowUp'); // 河委員's question
  await page.keyboard.press('Alt+R');
  await expect(page.getByText('回答の記録を一覧で選んでから Alt+R を押してください', { exact: true })).toBeVisible();
  await expect(picker).toBeHidden();

  // The exported 要点筆記: the answer sits under the question it was linked to, before 河委員's question.
  await page.goto(page.url().replace(/#.*$/, '') + `#/meetings/${meetingId}/minutes`);
  await expect(page.getByRole('heading', { level: 1, name: '第2回 会議録' })).toBeVisible();
  const text = await exportInternal(page, server.exportDir);
  expect(text).toContain('＜各委員から出された主な意見＞');
  const at = (s: string) => text.indexOf(s);
  expect(at(SAMPLE_QUESTION)).toBeGreaterThan(-1);
  expect(at(NEW_QUESTION)).toBeGreaterThan(-1);
  expect(at(SAMPLE_QUESTION)).toBeLessThan(at(SAMPLE_ANSWER));
  expect(at(SAMPLE_ANSWER)).toBeLessThan(at(NEW_ANSWER));
  expect(at(NEW_ANSWER)).toBeLessThan(at(NEW_QUESTION));
  expect(text).toContain(`⇒${NEW_ANSWER}（市回答）`);

  // Alt+R again and 0: back to automatic (the question right before it).
  await page.goto(page.url().replace(/#.*$/, '') + `#/meetings/${meetingId}/live`);
  await expect(answerRow).toBeVisible();
  await list.focus();
  await page.keyboard.press('End');
  await expect(answerRow).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+R');
  await page.keyboard.press('0');
  await expect(answerRow).toContainText('回答先（自動）：河委員：市民参画の周知はどの媒体で行うのか。');
  await expect.poll(async () => (await remarkByText(page, NEW_ANSWER)).replyToId).toBeNull();
});

test('minutes editor: 「どの質問への回答か」 moves an answer under the chosen question in the preview and the export', async ({
  app: page,
  server,
}) => {
  const meetingId = await recordQuestionAndAnswer(page);
  await page.goto(page.url().replace(/#.*$/, '') + `#/meetings/${meetingId}/minutes`);
  await expect(page.getByRole('heading', { level: 1, name: '第2回 会議録' })).toBeVisible();
  // The sample's minutes are published: locked (the choice too) until reopened.
  const select = page.getByRole('combobox', { name: `どの質問への回答か：${NEW_ANSWER.slice(0, 20)}` });
  await expect(select).toBeDisabled();
  await page.getByRole('button', { name: '確定を解除する' }).click();
  await page.getByLabel('確定を解除する理由').fill('回答の位置を直すため');
  await page.getByRole('dialog').getByRole('button', { name: '確定を解除する' }).click();
  await expect(select).toBeEnabled();
  await expect(select).toHaveValue('');
  await expect(select.locator('option:checked')).toHaveText(/^自動（直前の質問：河委員：/);

  const question = await remarkByText(page, SAMPLE_QUESTION);
  await select.selectOption(question.id);
  await expect.poll(async () => (await remarkByText(page, NEW_ANSWER)).replyToId).toBe(question.id);
  await expect(select).toHaveValue(question.id);
  await page
    .getByRole('region', { name: /議題２/ })
    .screenshot({ path: path.join(SCREENS_DIR, 'answers-03-minutes-select.png') });

  // The preview prints the answer under the sample's question, before 河委員's question.
  await page.getByRole('tab', { name: 'プレビュー' }).click();
  const article = (await page.getByRole('article').textContent())!;
  expect(article.indexOf(SAMPLE_QUESTION)).toBeLessThan(article.indexOf(NEW_ANSWER));
  expect(article.indexOf(NEW_ANSWER)).toBeLessThan(article.indexOf(NEW_QUESTION));

  const text = await exportInternal(page, server.exportDir);
  expect(text.indexOf(SAMPLE_ANSWER)).toBeLessThan(text.indexOf(NEW_ANSWER));
  expect(text.indexOf(NEW_ANSWER)).toBeLessThan(text.indexOf(NEW_QUESTION));

  // Back to 自動: the answer follows 河委員's question again, in the document too.
  await page.getByRole('tab', { name: '編集' }).click();
  await select.selectOption('');
  await expect.poll(async () => (await remarkByText(page, NEW_ANSWER)).replyToId).toBeNull();
  const again = await exportInternal(page, server.exportDir);
  expect(again.indexOf(NEW_QUESTION)).toBeLessThan(again.indexOf(NEW_ANSWER));
  await page.getByRole('tab', { name: /履歴/ }).click();
  const history = page.getByRole('table', { name: '会議録の履歴' });
  await expect(history).toContainText(`回答先を変更：${SAMPLE_QUESTION}`);
  await expect(history).toContainText('回答先を自動（直前の質問）に戻す');
});
