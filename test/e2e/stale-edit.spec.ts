/**
 * Two windows on one record: what one window is typing is never wiped by a save in the
 * other, and saving over the other's change is the user's choice.
 */
import type { Page } from '@playwright/test';
import { test, expect, loadSample, readStore, screenshot } from './fixtures';

interface StoredCouncil {
  id: string;
  department: string;
}
interface StoredMeeting {
  id: string;
  councilId: string;
  number: number;
  materials?: { id: string; title: string }[];
}

const base = (page: Page) => page.url().replace(/#.*$/, '');

test('a form keeps the typing when the council is saved in another window, and overwrites only when asked', async ({
  app: a,
}) => {
  test.setTimeout(120_000);
  await loadSample(a);
  const [council] = await readStore<StoredCouncil>(a, 'councils');
  const settings = `${base(a)}#/councils/${council!.id}/settings`;
  const b = await a.context().newPage();
  await b.goto(settings);
  await a.goto(settings);

  await a.getByLabel('所管課').fill('Aで入力中の課');
  await b.getByLabel('所管課').fill('Bで保存した課');
  await b.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(b.getByRole('status').filter({ hasText: '基本情報を保存しました' })).toBeVisible();

  const alert = a.getByRole('alert').filter({ hasText: '別の画面で変更されました' });
  await expect(alert).toBeVisible();
  await expect(a.getByLabel('所管課')).toHaveValue('Aで入力中の課');
  await expect(a.getByRole('button', { name: '保存', exact: true }).first()).toBeDisabled();
  await screenshot(a, 'stale-edit-form');
  await alert.getByRole('button', { name: '入力した内容で上書きする' }).click();
  await a.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect.poll(async () => (await readStore<StoredCouncil>(a, 'councils'))[0]!.department).toBe('Aで入力中の課');
  await expect(b.getByLabel('所管課')).toHaveValue('Aで入力中の課');

  // Nothing typed: the form simply follows the other window.
  await b.getByLabel('所管課').fill('Bで再度保存した課');
  await b.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(a.getByLabel('所管課')).toHaveValue('Bで再度保存した課');
  await expect(alert).toHaveCount(0);
  await b.close();
});

test('a field saved on leaving asks before it overwrites what another window saved meanwhile', async ({ app: a }) => {
  test.setTimeout(120_000);
  await loadSample(a);
  const [meeting] = (await readStore<StoredMeeting>(a, 'meetings')).sort((x, y) => x.number - y.number);
  const page = `${base(a)}#/councils/${meeting!.councilId}/meetings/${meeting!.id}`;
  const label = `資料${'０１２３４５６７８９'[(meeting!.materials?.length ?? 0) + 1]}`;
  await a.goto(page);
  await a.getByRole('button', { name: '資料を追加' }).click();
  await a.getByLabel(`${label}の名称`).fill('最初の名称');
  await a.getByLabel(`${label}の名称`).press('Enter');
  const b = await a.context().newPage();
  await b.goto(page);
  await expect(b.getByLabel(`${label}の名称`)).toHaveValue('最初の名称');

  await a.getByLabel(`${label}の名称`).fill('Aで入力中の名称');
  await b.getByLabel(`${label}の名称`).fill('Bで保存した名称');
  await b.getByLabel(`${label}の名称`).press('Enter');
  // A's window has received B's save (its list shows it), and A's typing stays.
  await expect(a.getByRole('listitem', { name: `${label} Bで保存した名称` })).toBeVisible();
  await expect(a.getByLabel(`${label}の名称`)).toHaveValue('Aで入力中の名称');
  await a.getByLabel(`${label}の名称`).press('Enter');
  const dialog = a.getByRole('alertdialog', { name: '別の画面で変更されました' });
  await expect(dialog).toContainText('「Bで保存した名称」');
  await expect(dialog).toContainText('「Aで入力中の名称」');
  await screenshot(a, 'stale-edit-field');
  await dialog.getByRole('button', { name: '別の画面の内容にする' }).click();
  await expect(a.getByLabel(`${label}の名称`)).toHaveValue('Bで保存した名称');
  const stored = (await readStore<StoredMeeting>(a, 'meetings', { id: meeting!.id }))[0]!.materials!;
  expect(stored.map((m) => m.title)).toContain('Bで保存した名称');
  expect(stored.map((m) => m.title)).not.toContain('Aで入力中の名称');
  await b.close();
});

test('a minutes paragraph being edited says so when another window saves it, and saves only after a choice', async ({
  app: a,
}) => {
  test.setTimeout(150_000);
  await loadSample(a);
  const [meeting] = await readStore<{ id: string }>(a, 'meetings', { number: 2 });
  const minutes = `${base(a)}#/meetings/${meeting!.id}/minutes`;
  await a.goto(minutes);
  // The sample's minutes are published: reopen them first.
  await a.getByRole('button', { name: '確定を解除する' }).click();
  const reopen = a.getByRole('dialog', { name: '確定を解除する' });
  await reopen.getByLabel('確定を解除する理由').fill('二つの画面で確かめるため');
  await reopen.getByRole('button', { name: '確定を解除する' }).click();
  await expect(a.getByLabel('会議録の状態')).toContainText('作成中');
  const b = await a.context().newPage();
  await b.goto(minutes);

  const region = (p: Page) => p.getByRole('region', { name: '２ 資料の説明' });
  await region(a)
    .getByRole('button', { name: /^編集：/ })
    .click();
  await region(a)
    .getByLabel(/段落の文章/)
    .fill('Aで書きかけの説明。');
  await region(b)
    .getByRole('button', { name: /^編集：/ })
    .click();
  await region(b)
    .getByLabel(/段落の文章/)
    .fill('Bで保存した説明。');
  await region(b)
    .getByLabel(/段落の文章/)
    .press('Control+Enter');
  await expect(region(b).getByText('Bで保存した説明。')).toBeVisible();

  const alert = region(a).getByRole('alert').filter({ hasText: '別の画面で変更されました' });
  await expect(alert).toBeVisible();
  await expect(region(a).getByLabel(/段落の文章/)).toHaveValue('Aで書きかけの説明。');
  await expect(region(a).getByRole('button', { name: '保存（Ctrl+Enter）' })).toBeDisabled();
  await screenshot(a, 'stale-edit-minutes');
  await alert.getByRole('button', { name: '入力した内容で上書きする' }).click();
  await region(a)
    .getByLabel(/段落の文章/)
    .press('Control+Enter');
  await expect(region(a).getByText('Aで書きかけの説明。')).toBeVisible();
  await expect(region(b).getByText('Aで書きかけの説明。')).toBeVisible();
  await b.close();
});

test('a member dialog open in one window says so when another window saves the member', async ({ app: a }) => {
  test.setTimeout(120_000);
  await loadSample(a);
  const [council] = await readStore<StoredCouncil>(a, 'councils');
  const members = `${base(a)}#/councils/${council!.id}/members`;
  await a.goto(members);
  const b = await a.context().newPage();
  await b.goto(members);

  await a.getByRole('table', { name: '委員名簿' }).getByRole('button', { name: '井澤を編集' }).click();
  await a.getByRole('dialog').getByLabel('所属').fill('Aで入力中の所属');
  await b.getByRole('table', { name: '委員名簿' }).getByRole('button', { name: '井澤を編集' }).click();
  await b.getByRole('dialog').getByLabel('よみがな').fill('いざわ（Bで保存）');
  await b.getByRole('dialog').getByRole('button', { name: '保存', exact: true }).click();
  await expect(b.getByRole('dialog')).toHaveCount(0);

  const alert = a.getByRole('dialog').getByRole('alert').filter({ hasText: '別の画面で変更されました' });
  await expect(alert).toBeVisible();
  await expect(a.getByRole('dialog').getByLabel('所属')).toHaveValue('Aで入力中の所属');
  await screenshot(a, 'stale-edit-member');
  // Reloading takes B's save and drops A's typing.
  await alert.getByRole('button', { name: '別の画面の内容を読み込む（入力を破棄）' }).click();
  await expect(a.getByRole('dialog').getByLabel('よみがな')).toHaveValue('いざわ（Bで保存）');
  await expect(a.getByRole('dialog').getByLabel('所属')).not.toHaveValue('Aで入力中の所属');
  await expect(alert).toHaveCount(0);
  await b.close();
});
