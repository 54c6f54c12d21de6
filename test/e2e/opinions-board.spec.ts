import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, loadSample, readStore } from './fixtures';

const ADDED = 150; // with the sample's 94: above the board's VIRTUALISE_ABOVE (200)
const TOTAL = 94 + ADDED;
const search = (page: Page) => page.getByRole('search', { name: '意見の絞り込み' });

/** The sample council with 150 more written opinions (財務), imported from an 意見シート as a user does. */
async function bigBoard(page: Page) {
  await loadSample(page);
  await page.getByRole('tab', { name: '意見' }).click();
  await expect(search(page)).toContainText('94 / 94件');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('意見シート');
  ws.addRow(['分野', '委員', '会議', '出典', '意見', '市の考え方', '反映状況']);
  for (let i = 1; i <= ADDED; i++) ws.addRow(['財務', '', '', '書面意見', `財務の書面意見その${i}番`, '', '']);
  const file = path.join(os.tmpdir(), `iken-board-${Date.now()}.xlsx`);
  await wb.xlsx.writeFile(file);
  await page.getByRole('button', { name: 'Excel から取り込む' }).click();
  const dialog = page.getByRole('dialog', { name: 'Excel（意見シート）から取り込む' });
  await dialog.getByLabel('取り込むファイル').setInputFiles(file);
  await dialog.getByRole('button', { name: `${ADDED}件を取り込む` }).click();
  // Reading and importing 150 rows takes a while on a loaded machine.
  await expect(search(page)).toContainText(`${TOTAL} / ${TOTAL}件`, { timeout: 90_000 });
}

test('a large board shows only the cards near the view, lands a search result far down, filters and edits by keyboard', async ({
  app: page,
}) => {
  test.setTimeout(180_000); // importing 150 rows and an axe run on a loaded machine
  await bigBoard(page);
  // Virtualised: far fewer cards in the page than opinions on the board.
  const inDom = await page.locator('[data-opinions-board] article').count();
  expect(inDom).toBeGreaterThan(0);
  expect(inDom).toBeLessThan(60);
  // The virtual board keeps its structure for assistive technology (headings, one named list per field).
  const axe = await new AxeBuilder({ page }).include('[data-opinions-board]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // A search result for the last opinion of 財務 (far below the view) lands on its card.
  const [target] = await readStore<{ id: string; councilId: string }>(page, 'opinions', {
    summary: `財務の書面意見その${ADDED}番`,
  });
  const url = new URL(page.url());
  url.hash = `#/councils/${target!.councilId}/opinions?highlight=${encodeURIComponent(target!.id)}`;
  await page.goto(url.toString());
  const landed = page.locator(`[data-opinion-id="${target!.id}"]`);
  await expect(landed).toBeInViewport();
  await expect(landed).toHaveAttribute('data-search-highlight', '');
  await expect(landed).toBeFocused();
  await expect(landed).toContainText(`財務の書面意見その${ADDED}番`);
  await expect(page.getByRole('list', { name: '財務の意見' }).getByRole('listitem').first()).toHaveAttribute(
    'aria-setsize',
    /\d+/,
  );

  // Keyboard: F2 opens the answer on the focused card; Ctrl+Enter stores it.
  await landed.press('F2');
  const answer = landed.getByRole('textbox', { name: /の市の考え方$/ });
  await answer.fill('返礼品の基準を見直します。');
  await answer.press('Control+Enter');
  await expect(landed).toContainText('⇒ 返礼品の基準を見直します。');
  await expect
    .poll(async () => (await readStore<{ response: string }>(page, 'opinions', { id: target!.id }))[0]?.response)
    .toBe('返礼品の基準を見直します。');
  await landed.getByRole('combobox', { name: /反映状況/ }).selectOption('反映する');
  await expect
    .poll(async () => (await readStore<{ status: string }>(page, 'opinions', { id: target!.id }))[0]?.status)
    .toBe('反映する');

  // The search box filters the whole board (a full-width query finds the half-width text too).
  await search(page).getByRole('textbox').fill('その１２３番');
  await expect(search(page)).toContainText(`1 / ${TOTAL}件`);
  await expect(page.locator('[data-opinions-board] article')).toHaveCount(1);
  await expect(page.locator('[data-opinions-board] article')).toContainText('財務の書面意見その123番');
  await search(page).getByRole('textbox').fill('');
  await expect(search(page)).toContainText(`${TOTAL} / ${TOTAL}件`);

  // The counts per field and status: the folded line counts the board; the table is built when unfolded.
  const counts = page.locator('details', { hasText: '分野・反映状況ごとの件数' });
  await expect(counts.locator('summary')).toContainText(`意見 ${TOTAL}件`);
  await expect(counts.getByRole('table')).toHaveCount(0);
  await counts.locator('summary').click();
  const table = counts.getByRole('table', { name: '分野・反映状況ごとの件数' });
  await expect(table.getByRole('row').last()).toContainText(`計${TOTAL}`);
});
