/**
 * From the opinions tab, an opinion on progress is linked to actions of the council's action
 * plan (Opinion.actionIds): the card says which, the record keeps it, and it can be undone.
 */
import type { Page } from '@playwright/test';
import { test, expect, loadSample, screenshot, readStore } from './fixtures';

const OPINION = '外部委託に関し、進捗をチェック';
const ACTION = '勤務場所以外でリモートワークできる環境の整備';

const linkedActions = async (page: Page) =>
  (await readStore<{ summary: string; actionIds?: string[] }>(page, 'opinions')).find((o) =>
    o.summary.startsWith(OPINION),
  )?.actionIds ?? [];

test('an opinion is linked to an action of the action plan from the opinions tab, and unlinked again', async ({
  app: page,
}) => {
  await loadSample(page);
  await page.getByRole('tab', { name: '意見' }).click();
  const card = page.locator('article', { hasText: OPINION });
  await card.getByRole('button', { name: /の操作$/ }).click();
  await page.getByRole('menuitem', { name: 'アクションに結び付ける（進行管理）' }).click();
  const dialog = page.getByRole('dialog', { name: 'アクションに結び付ける（進行管理）' });
  await expect(dialog).toContainText(OPINION);
  await dialog.getByRole('checkbox', { name: ACTION }).check();
  await screenshot(page, 'opinion-actions-01-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText(`アクション：${ACTION.slice(0, 10)}`);

  const action = (await readStore<{ id: string; what: string }>(page, 'actions')).find((a) => a.what === ACTION)!;
  await expect.poll(() => linkedActions(page)).toEqual([action.id]);

  // Reopened, the link is shown checked; unchecked and saved, it is gone from the card and the record.
  await card.getByRole('button', { name: /の操作$/ }).click();
  await page.getByRole('menuitem', { name: 'アクションに結び付ける（進行管理）' }).click();
  await expect(dialog.getByRole('checkbox', { name: ACTION })).toBeChecked();
  await dialog.getByRole('checkbox', { name: ACTION }).uncheck();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(card).not.toContainText('アクション：');
  await expect.poll(() => linkedActions(page)).toEqual([]);
});
