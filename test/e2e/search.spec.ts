/**
 * Search (issue 15): Ctrl+K opens the search over everything; a 2-character word and a
 * half-width katakana query find a remark of the sample; Enter lands on it in its meeting's
 * live page, selected and marked. The index follows a new write and survives a reload.
 */
import { test, expect, loadSample, screenshot } from './fixtures';
import type { Page } from '@playwright/test';

async function openSearch(page: Page) {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: '検索' });
  await expect(dialog).toBeVisible();
  return {
    dialog,
    input: dialog.getByRole('combobox', { name: '検索語' }),
    results: dialog.getByRole('listbox', { name: '検索結果' }),
  };
}

test('Ctrl+K finds a remark by a 2-character word and by half-width katakana; Enter lands on it', async ({ app }) => {
  await loadSample(app);

  // a 2-character word
  const first = await openSearch(app);
  const { dialog, input, results } = first;
  await input.fill('減免');
  const remarks = results.getByRole('group', { name: '発言' });
  await expect(remarks.getByRole('option')).toHaveCount(1);
  await expect(remarks.getByRole('option')).toContainText('施設の使用に関し、減免措置を見直してはどうか。');
  await expect(remarks.locator('mark')).toHaveText(['減免']);
  // the same words as an opinion and an interview note: grouped by kind
  await expect(results.getByRole('group', { name: '意見' }).getByRole('option')).toHaveCount(2);
  await screenshot(app, 'search-results');
  // Its opening motion over, the dialog and its backdrop hold no animation: one held at its last
  // frame keeps them composited, each frame redrawn in full where there is no GPU (app/settleAnimations.ts)
  await expect
    .poll(() =>
      dialog.evaluate(
        (surface) =>
          document.getAnimations().filter((a) => {
            const target = (a.effect as KeyframeEffect | null)?.target;
            return target && (surface.contains(target) || target.classList.contains('fui-DialogSurface__backdrop'));
          }).length,
      ),
    )
    .toBe(0);
  await expect(dialog).toHaveCSS('opacity', '1');
  await input.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app).toHaveURL(/#\/meetings\/[^/?]+\/live\?highlight=/);
  let row = app.getByRole('listbox', { name: '記録の一覧' }).getByRole('option', { selected: true });
  await expect(row).toContainText('減免措置を見直してはどうか');
  await expect(row).toHaveAttribute('data-search-highlight', '');

  // half-width katakana finds the full-width word, highlighted where it is written
  const second = await openSearch(app);
  await second.input.fill('ｲﾝｾﾝﾃｨﾌﾞ');
  const hit = second.results.getByRole('group', { name: '発言' }).getByRole('option');
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark')).toHaveText(['インセンティブ']);
  await second.input.press('Enter');
  await expect(second.dialog).toBeHidden();
  row = app.getByRole('listbox', { name: '記録の一覧' }).getByRole('option', { selected: true });
  await expect(row).toContainText('手当等のインセンティブの設定');
  await expect(row).toHaveAttribute('data-search-highlight', '');
});

test('the index follows a new remark, survives a reload, and Ctrl+F inside a council scopes to it', async ({ app }) => {
  await loadSample(app);
  // a new line in the live page of 第２回
  const toMeeting = await openSearch(app);
  await toMeeting.input.fill('減免');
  // Enter opens the chosen result: wait until there is one (the search answers asynchronously).
  await expect(toMeeting.results.getByRole('group', { name: '発言' }).getByRole('option')).toHaveCount(1);
  await toMeeting.input.press('Enter');
  await expect(toMeeting.dialog).toBeHidden();
  // a second window with the search open: it shows the remark once it is recorded in the first
  const other = await app.context().newPage();
  await other.goto(app.url());
  await expect(other.getByRole('textbox', { name: '発言の入力' })).toBeVisible();
  const waiting = await openSearch(other);
  await waiting.input.fill('ガイドライン 倉庫');
  await expect(waiting.dialog.getByText('見つかりませんでした。')).toBeVisible();
  await app.bringToFront();
  const entry = app.getByRole('textbox', { name: '発言の入力' });
  await entry.fill('防災倉庫のｶﾞｲﾄﾞﾗｲﾝを見直すべき。');
  await entry.press('Enter');
  await expect(app.getByRole('listbox', { name: '記録の一覧' })).toContainText('防災倉庫のｶﾞｲﾄﾞﾗｲﾝを見直すべき。');

  await expect(waiting.results.getByRole('group', { name: '発言' }).getByRole('option')).toContainText('防災倉庫');
  await other.close();

  const live = await openSearch(app);
  await live.input.fill('ガイドライン 倉庫');
  await expect(live.results.getByRole('group', { name: '発言' }).getByRole('option')).toContainText('防災倉庫');
  await app.keyboard.press('Escape');

  // after a reload the stored index answers (and still has the new remark)
  await app.reload();
  await expect(
    app.getByRole('navigation', { name: 'メインメニュー' }).getByText('飯塚市行政経営戦略推進審議会'),
  ).toBeVisible();
  const reloaded = await openSearch(app);
  await reloaded.input.fill('ｶﾞｲﾄﾞﾗｲﾝ');
  await expect(reloaded.results.getByRole('group', { name: '発言' }).getByRole('option')).toContainText('防災倉庫');
  await app.keyboard.press('Escape');

  // Ctrl+F inside the council: the council filter is set
  await app.getByRole('navigation', { name: 'メインメニュー' }).getByText('飯塚市行政経営戦略推進審議会').click();
  await expect(app.getByRole('heading', { level: 1, name: '飯塚市行政経営戦略推進審議会' })).toBeVisible();
  await app.keyboard.press('Control+f');
  await expect(app.getByRole('dialog', { name: '検索' }).getByRole('combobox', { name: '審議会' })).toHaveValue(/.+/);
});

test('Enter on a draft section, a frozen version section and a member lands on it, in view, marked and focused', async ({
  app,
}) => {
  await loadSample(app);

  // the working copy of the vision: the section is selected in the editor
  const draft = await openSearch(app);
  await draft.input.fill('包括委託');
  await draft.dialog.getByRole('combobox', { name: '種類' }).selectOption('draft');
  // the answer for the kind, not the one for the words alone (it has a 原案 group too): one group
  await expect(draft.results.getByRole('group')).toHaveCount(1);
  await expect(draft.results.getByRole('group', { name: '原案' }).getByRole('option')).toHaveCount(1);
  await draft.input.press('Enter');
  await expect(draft.dialog).toBeHidden();
  await expect(app).toHaveURL(/#\/councils\/[^/]+\/vision\/[^/?]+\?highlight=/);
  const panel = app.getByRole('region', { name: '項目の編集' });
  await expect(panel.getByRole('textbox', { name: '見出し' })).toHaveValue('歳出の抑制');
  await expect(panel).toHaveAttribute('data-search-highlight', '');
  await expect(panel).toBeFocused();
  await expect(panel).toBeInViewport();
  await expect(app.getByRole('treeitem', { selected: true })).toContainText('歳出の抑制');
  await screenshot(app, 'search-landed-draft');

  // a frozen version (骨子案 / 素案): its printed heading
  const version = await openSearch(app);
  await version.input.fill('包括委託');
  await version.dialog.getByRole('combobox', { name: '種類' }).selectOption('draft-version');
  await expect(version.results.getByRole('group')).toHaveCount(1);
  await expect(version.results.getByRole('group', { name: '原案（確定版）' }).getByRole('option')).toHaveCount(2);
  await version.input.press('Enter');
  await expect(version.dialog).toBeHidden();
  await expect(app).toHaveURL(/#\/councils\/[^/]+\/vision\/[^/?]+\/versions\/[^/?]+\?highlight=/);
  const heading = app.getByRole('article', { name: 'プレビュー' }).getByRole('heading', { name: /歳出の抑制/ });
  await expect(heading).toHaveAttribute('data-search-highlight', '');
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();

  // a member by the new form of the name's character (﨑 is written, 崎 is typed)
  const member = await openSearch(app);
  await member.input.fill('河崎');
  await member.dialog.getByRole('combobox', { name: '種類' }).selectOption('member');
  await expect(member.results.getByRole('group')).toHaveCount(1);
  await expect(member.results.getByRole('group', { name: '委員' }).getByRole('option')).toHaveCount(1);
  await member.input.press('Enter');
  await expect(member.dialog).toBeHidden();
  await expect(app).toHaveURL(/#\/councils\/[^/]+\/members\?highlight=/);
  const row = app.getByRole('row', { name: '河﨑委員' });
  await expect(row).toHaveAttribute('data-search-highlight', '');
  await expect(row).toBeFocused();
  await expect(row).toBeInViewport();
  // the mark is a moment's pointer, not a state: it goes after a few seconds
  await expect(row).not.toHaveAttribute('data-search-highlight', '', { timeout: 10_000 });
  await expect(row).toBeFocused();
});

test('↓ past the rows in view scrolls the chosen result into view, and Enter opens that one', async ({ app }) => {
  await loadSample(app);
  const { dialog, input, results } = await openSearch(app);
  await input.fill('の');
  await expect(results).toHaveAttribute('data-result-for', 'の', { timeout: 30_000 });
  const options = results.getByRole('option');
  await expect(options.first()).toBeVisible();
  // the 16th result: below the box's first view (rows are 74 px, the box shows about seven)
  for (let i = 0; i < 15; i++) await input.press('ArrowDown');
  const chosen = results.getByRole('option', { selected: true });
  await expect(chosen).toHaveCount(1);
  await expect(chosen).toHaveAttribute('id', 'search-hit-15');
  await expect(chosen).toBeInViewport();
  const text = (await chosen.textContent()) ?? '';
  expect(text.length).toBeGreaterThan(5);
  // scrolled to the end, the last result of the last group is there, with its text
  await results.evaluate((box) => box.scrollTo(0, box.scrollHeight));
  const lastGroup = results.getByRole('group').last();
  await expect(lastGroup.getByRole('option').last()).toBeInViewport();
  await expect(lastGroup.getByRole('option').last().locator('span').last()).not.toBeEmpty();
  // back to the chosen one: Enter opens it (the dialog closes and the address carries the highlight)
  await input.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app).toHaveURL(/\?highlight=/);
});
