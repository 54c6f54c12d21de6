import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { test, expect, loadSample, screenshot } from './fixtures';

async function docxText(file: string) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
  const underlined = [
    ...xml.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:u [^>]*\/>(?:(?!<\/w:r>)[\s\S])*?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g),
  ].map((m) => m[1]);
  return { xml, paragraphs, underlined };
}

async function waitForFile(dir: string, name: string) {
  await expect.poll(() => readdirSync(dir).includes(name), { message: `${name} in ${dir}` }).toBe(true);
  return path.join(dir, name);
}

const outlineItem = (page: Page, name: string) =>
  page.getByRole('tree', { name: '目次の項目' }).getByRole('treeitem', { name, exact: true });

async function typeHeading(page: Page, text: string) {
  await expect(page.getByRole('textbox', { name: '見出し' })).toBeFocused();
  await page.keyboard.type(text);
}

async function freeze(page: Page, stage: string, date: string, note: string) {
  await page.getByRole('button', { name: '版として確定' }).click();
  const dialog = page.getByRole('dialog', { name: '作業中の原稿を版として確定' });
  await expect(dialog.getByRole('combobox')).toHaveText(stage);
  await dialog.getByLabel('日付').fill(date);
  await dialog.getByLabel('備考').fill(note);
  await dialog.getByRole('button', { name: '確定', exact: true }).click();
  await expect(
    page.getByRole('table', { name: '版の一覧' }).getByRole('row', { name: new RegExp(note) }),
  ).toContainText(stage);
}

test('builds the seed-004 outline with the keyboard, freezes 骨子案 and 素案, and exports the 新旧対照表 and the 素案', async ({
  app: page,
  server,
}) => {
  test.setTimeout(240_000); // two frozen versions and two Word exports on a loaded machine
  await loadSample(page);
  await page.getByRole('tab', { name: 'ビジョン' }).click();
  await page.getByRole('button', { name: '新しい原稿' }).click();
  const dialog = page.getByRole('dialog', { name: '新しいビジョン・計画の原稿' });
  await dialog.getByLabel('表題').fill('テスト市行政経営戦略推進ビジョン');
  await dialog.getByRole('button', { name: '作成' }).click();
  await page.getByRole('button', { name: '最初の項目を追加' }).click();

  // The 目次 of reference 004's 資料１ (docs/CONVENTIONS.md §9), typed: Ctrl+Enter adds the next
  // item, Alt+→/← changes its level.
  await typeHeading(page, 'これまでの行財政改革の取り組みと現状');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Alt+ArrowRight');
  await typeHeading(page, 'これまでの取り組みと成果');
  await page.keyboard.press('Control+Enter');
  await typeHeading(page, '取り巻く環境');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Alt+ArrowLeft');
  await typeHeading(page, 'これからの行政経営の方向性');
  await page.keyboard.press('Control+Shift+Enter');
  await typeHeading(page, '目指す姿');
  await page.keyboard.press('Control+Enter');
  await typeHeading(page, '大事にする価値');
  await page.keyboard.press('Control+Enter');
  await typeHeading(page, '取り組みの方向性');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Alt+ArrowRight');
  await typeHeading(page, '人');
  await page.keyboard.press('Control+Enter');
  await typeHeading(page, '情報・デジタル化');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Alt+ArrowLeft');
  await typeHeading(page, '行政経営戦略推進の方法');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Alt+ArrowRight');
  await typeHeading(page, '期間');
  await page.keyboard.press('Control+Enter');
  await typeHeading(page, '進行管理');
  await page.keyboard.press('Control+Enter');
  await typeHeading(page, '推進体制');
  await page.keyboard.press('Alt+ArrowUp'); // 推進体制 goes before 進行管理, which renumbers
  await page.getByRole('button', { name: '段落を追加' }).click();
  await page
    .getByRole('textbox', { name: '段落（1）' })
    .fill('市長を本部長とする推進本部を中心に、ＤＸ推進課が事務局となって推進する。');

  const tree = page.getByRole('tree', { name: '目次の項目' });
  await expect(tree.getByRole('treeitem')).toHaveText([
    'Ⅰ．これまでの行財政改革の取り組みと現状',
    '１．これまでの取り組みと成果',
    '２．取り巻く環境',
    'Ⅱ．これからの行政経営の方向性',
    '１．目指す姿',
    '２．大事にする価値',
    '３．取り組みの方向性',
    '（１）人',
    '（２）情報・デジタル化',
    'Ⅲ．行政経営戦略推進の方法',
    '１．期間',
    '２．推進体制',
    '３．進行管理',
  ]);
  await screenshot(page, 'drafts-01-outline-built');

  await freeze(page, '骨子案', '2023-07-07', '第２回審議会資料１');

  // Edit: wording in three places, one section added, one deleted.
  await page.getByRole('tab', { name: '編集' }).click();
  await outlineItem(page, '１．期間').click();
  await page.getByRole('textbox', { name: '見出し' }).fill('位置づけと計画期間');
  await outlineItem(page, '２．推進体制').click();
  await page
    .getByRole('textbox', { name: '段落（1）' })
    .fill('市長を本部長とする推進本部を中心に、DX推進課が事務局となって推進する。');
  await outlineItem(page, '２．取り巻く環境').click();
  await page.getByRole('textbox', { name: '見出し' }).fill('行政経営を取り巻く環境');
  await outlineItem(page, '２．推進体制').click();
  await page.getByRole('textbox', { name: '見出し' }).press('Control+Enter');
  await typeHeading(page, '市民参画');
  await outlineItem(page, '（２）情報・デジタル化').focus();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog', { name: '項目を削除しますか' }).getByRole('button', { name: '削除' }).click();
  await expect(tree.getByRole('treeitem')).toHaveText([
    'Ⅰ．これまでの行財政改革の取り組みと現状',
    '１．これまでの取り組みと成果',
    '２．行政経営を取り巻く環境',
    'Ⅱ．これからの行政経営の方向性',
    '１．目指す姿',
    '２．大事にする価値',
    '３．取り組みの方向性',
    '（１）人',
    'Ⅲ．行政経営戦略推進の方法',
    '１．位置づけと計画期間',
    '２．推進体制',
    '３．市民参画',
    '４．進行管理',
  ]);
  await freeze(page, '素案', '2023-08-03', '第３回審議会資料１');
  await screenshot(page, 'drafts-02-versions');

  // Compare 骨子案 → 素案 and export the 新旧対照表.
  await page.getByRole('tab', { name: '比較・新旧対照表' }).click();
  const cmp = page.getByRole('table', { name: '新旧の比較' });
  await expect(cmp.getByRole('row', { name: '新設：市民参画' })).toContainText('（新設）');
  await expect(cmp.getByRole('row', { name: '削除：情報・デジタル化' })).toContainText('（削る）');
  await expect(cmp.getByRole('row', { name: '変更：推進体制' }).locator('[data-changed]')).toHaveText(['DX', 'ＤＸ']);
  await screenshot(page, 'drafts-03-compare');
  await page.getByRole('button', { name: '新旧対照表を出力' }).click();
  await expect(
    page
      .getByText('「テスト市行政経営戦略推進ビジョン_新旧対照表（素案・骨子案）.docx」を保存しました', { exact: true })
      .first(),
  ).toBeVisible();
  const table = await docxText(
    await waitForFile(server.exportDir, 'テスト市行政経営戦略推進ビジョン_新旧対照表（素案・骨子案）.docx'),
  );
  const head = table.paragraphs.indexOf('改正後（素案）');
  expect(head).toBeGreaterThan(0);
  expect(table.paragraphs[head + 1]).toBe('改正前（骨子案）');
  expect(table.paragraphs).toContain('（新設）');
  expect(table.paragraphs).toContain('（削る）');
  expect(table.underlined).toEqual(
    expect.arrayContaining(['３．市民参画', '（２）情報・デジタル化', 'DX', 'ＤＸ', '位置づけと計画', '行政経営を']),
  );
  expect(table.paragraphs).toContain('１．位置づけと計画期間');
  expect(table.paragraphs).toContain('１．期間');
  expect(table.xml).toContain('w:orient="landscape"');

  // Export the 素案 itself from the version list.
  await page.getByRole('tab', { name: '版の一覧' }).click();
  await page
    .getByRole('table', { name: '版の一覧' })
    .getByRole('row', { name: /^素案/ })
    .getByRole('button', { name: 'Word' })
    .click();
  const soan = await docxText(await waitForFile(server.exportDir, 'テスト市行政経営戦略推進ビジョン_素案.docx'));
  expect(soan.paragraphs.slice(0, 6)).toEqual(
    expect.arrayContaining(['テスト市行政経営戦略推進ビジョン', '素案', '令和5年8月']),
  );
  for (const h of [
    'Ⅰ．これまでの行財政改革の取り組みと現状',
    '２．行政経営を取り巻く環境',
    '（１）人',
    '１．位置づけと計画期間',
    '３．市民参画',
    '４．進行管理',
  ]) {
    expect(soan.paragraphs).toContain(h);
  }
  expect(soan.paragraphs.join('\n')).not.toContain('情報・デジタル化');
  expect(soan.paragraphs).toContain('市長を本部長とする推進本部を中心に、DX推進課が事務局となって推進する。');

  // Versions survive a reload; the 骨子案 is as it was frozen.
  await page.reload();
  await page
    .getByRole('table', { name: '版の一覧' })
    .getByRole('row', { name: /^骨子案/ })
    .getByRole('button', { name: '表示' })
    .click();
  const preview = page.getByRole('article', { name: 'プレビュー' });
  await expect(preview.getByRole('heading', { name: '１．期間' })).toBeVisible();
  await expect(preview.getByText('ＤＸ推進課が事務局')).toBeVisible();
  await expect(preview.getByRole('heading', { name: '（２）情報・デジタル化' })).toBeVisible();
});

test('the sample vision shows where opinions went, per version, and links an opinion to a section', async ({
  app: page,
}) => {
  await loadSample(page);
  await page.getByRole('tab', { name: 'ビジョン' }).click();
  await expect(page.getByText('素案（令和5年8月3日）')).toBeVisible();
  await screenshot(page, 'drafts-04-list');
  await page.getByRole('button', { name: '飯塚市行政経営戦略推進ビジョンを開く' }).click();
  await expect(page.getByRole('tree', { name: '目次の項目' }).getByRole('treeitem')).toHaveCount(23);
  await screenshot(page, 'drafts-05-editor');

  // 意見の反映状況 of the 素案: the 市民参画 question went to Ⅲ．３．
  // A key pressed while an IME is composing (converting kana) does nothing to the outline.
  const heading = page.getByRole('textbox', { name: '見出し' });
  await heading.evaluate((el) => {
    for (const init of [
      { key: 'Enter', ctrlKey: true },
      { key: 'ArrowRight', altKey: true },
    ]) {
      el.dispatchEvent(new KeyboardEvent('keydown', { ...init, isComposing: true, bubbles: true, cancelable: true }));
    }
  });
  await expect(page.getByRole('tree', { name: '目次の項目' }).getByRole('treeitem')).toHaveCount(23);
  await expect(outlineItem(page, 'Ⅱ．これからの行政経営の方向性')).toBeVisible();
  await heading.press('Control+Enter'); // the same keys without composition add an item
  await expect(page.getByRole('tree', { name: '目次の項目' }).getByRole('treeitem')).toHaveCount(24);
  await page
    .getByRole('tree', { name: '目次の項目' })
    .getByRole('treeitem', { name: /見出し未入力/ })
    .press('Delete');
  await page.getByRole('dialog', { name: '項目を削除しますか' }).getByRole('button', { name: '削除' }).click();
  await expect(page.getByRole('tree', { name: '目次の項目' }).getByRole('treeitem')).toHaveCount(23);

  await page.getByRole('tab', { name: '版の一覧' }).click();
  await page
    .getByRole('table', { name: '版の一覧' })
    .getByRole('row', { name: /^素案/ })
    .getByRole('button', { name: '表示' })
    .click();
  const reflection = page.getByRole('table', { name: '意見の反映状況' });
  await expect(reflection.getByRole('row', { name: /推進体制のところで市民参画/ })).toContainText('Ⅲ．３．市民参画');
  await expect(reflection.getByRole('row', { name: /歳入と歳出とそれぞれの戦略/ })).toContainText(
    'Ⅱ．３．（３）① 歳入の確保',
  );
  await screenshot(page, 'drafts-06-version-reflection');
  // The labelled boxes of the printed draft show as boxes under their label.
  await expect(
    page.getByRole('article', { name: 'プレビュー' }).getByRole('group', { name: '目指す姿', exact: true }),
  ).toContainText('市民サービスと市職員の働きがいがともに上昇する未来');
  // The 骨子案 had no 市民参画 section, so that opinion is not placed in it.
  await page.getByRole('tab', { name: '版の一覧' }).click();
  await page
    .getByRole('table', { name: '版の一覧' })
    .getByRole('row', { name: /^骨子案/ })
    .getByRole('button', { name: '表示' })
    .click();
  await expect(page.getByRole('table', { name: '意見の反映状況' })).not.toContainText('推進体制のところで市民参画');

  // In the editor the box is a setting of the paragraph: its label can be changed.
  await page.getByRole('tab', { name: '編集' }).click();
  await outlineItem(page, '１．目指す姿').click();
  const boxed = page.getByRole('group', { name: '段落（2）', exact: true });
  await expect(boxed.getByRole('checkbox', { name: '枠で囲む' })).toBeChecked();
  await expect(boxed.getByRole('textbox', { name: '段落（2）の枠の見出し' })).toHaveValue('目指す姿');
  await expect(
    page.getByRole('group', { name: '段落（1）', exact: true }).getByRole('checkbox', { name: '枠で囲む' }),
  ).not.toBeChecked();

  // Link an opinion from the section editor; the traceability list shows it.
  await outlineItem(page, '①働き方改革の推進').click();
  const linked = page.getByRole('region', { name: 'この項目に反映した意見' });
  await linked.getByRole('combobox').click();
  await linked.getByRole('combobox').pressSequentially('テレワーク');
  await page.getByRole('option', { name: /テレワークに関し/ }).click();
  await expect(linked).toContainText('テレワークに関し、現状を把握してはどうか。');
  await page.getByRole('tab', { name: '意見の反映' }).click();
  await expect(
    page
      .getByRole('table', { name: '意見の反映箇所' })
      .getByRole('row', { name: /テレワークに関し/ })
      .getByRole('combobox'),
  ).toHaveValue('Ⅱ．３．（１）①');
  await screenshot(page, 'drafts-07-trace');
});
