/**
 * 記録（ライブ）: keyboard capture, IME safety, editing with undo, never losing a line
 * (the page is killed without unload handlers and reopened on the same profile), storage
 * failures shown at once, and the projector view following live.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { test, expect, loadSample, screenshot, readStore } from './fixtures';
import config from '../../playwright.config';

interface StoredRemark {
  id: string;
  text: string;
  order: number;
  kind: string;
  speaker: { type: string; memberId?: string };
  fieldId: string | null;
  agendaItemId: string | null;
  offsetSec: number | null;
  nonPublic: boolean;
  needsCheck: boolean;
}

async function meetingOf(page: Page, number: number) {
  const meetings = await readStore<{
    id: string;
    number: number;
    agenda: { id: string; title: string }[];
    councilId: string;
  }>(page, 'meetings');
  return meetings.find((m) => m.number === number)!;
}

async function remarksOf(page: Page, meetingId: string) {
  return (await readStore<StoredRemark & { meetingId: string }>(page, 'remarks'))
    .filter((r) => r.meetingId === meetingId)
    .sort((a, b) => a.order - b.order);
}

async function openLive(page: Page, meetingId: string) {
  await page.goto(page.url().replace(/#.*$/, '') + `#/meetings/${meetingId}/live`);
  await expect(page.getByRole('heading', { level: 1, name: '第2回 記録（ライブ）' })).toBeVisible();
  await expect(page.getByRole('listbox', { name: '記録の一覧' })).toBeVisible();
}

const entry = (page: Page) => page.getByRole('textbox', { name: '発言の入力' });
const list = (page: Page) => page.getByRole('listbox', { name: '記録の一覧' });

/** A browser on a profile folder that outlives it, so a relaunch sees the same IndexedDB. */
async function launchProfile(dir: string): Promise<BrowserContext> {
  const use = config.use!;
  return chromium.launchPersistentContext(dir, {
    ...(use.launchOptions ?? {}),
    locale: use.locale,
    timezoneId: use.timezoneId,
    viewport: use.viewport ?? null,
  });
}

/** Kills the page (renderer crash: no unload, pagehide or visibilitychange handler runs), then the browser. */
async function kill(ctx: BrowserContext, page: Page) {
  const cdp = await ctx.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => {}); // never answers: the page is gone
  await crashed;
  await ctx.close();
}

test('a remark is typed, its speaker, kind, field and flags picked by keys, and committed with Enter', async ({
  app: page,
}) => {
  await loadSample(page);
  const meeting = await meetingOf(page, 2);
  // From the meeting page, as the secretariat gets there.
  await page.goto(page.url().replace(/#.*$/, '') + `#/councils/${meeting.councilId}/meetings/${meeting.id}`);
  await page.getByRole('button', { name: '記録（ライブ）' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '第2回 記録（ライブ）' })).toBeVisible();
  const before = (await remarksOf(page, meeting.id)).length;
  await expect(entry(page)).toBeFocused();

  // Alt+PageDown twice: 開会 → 資料の説明 → 議題１
  await page.keyboard.press('Alt+PageDown');
  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByRole('navigation', { name: '次第' }).locator('[aria-current="step"]')).toContainText(
    '各分野の現状と課題及び想定される解決策について',
  );

  // Speaker by reading: おお → 大久保副会長
  await page.keyboard.press('Alt+S');
  const search = page.getByRole('combobox', { name: '発言者を選ぶ' });
  await expect(search).toBeFocused();
  await search.pressSequentially('おお');
  await expect(page.getByRole('option', { name: /大久保副会長/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '発言者', exact: true })).toHaveText('大久保副会長');
  await expect(entry(page)).toBeFocused();

  // Kind 5 = 意見, field 2 = DX推進, 要確認 on.
  await page.keyboard.press('Alt+T');
  await page.keyboard.press('5');
  await expect(page.getByRole('button', { name: '種別', exact: true })).toHaveText('意見');
  await page.keyboard.press('Alt+B');
  await page.keyboard.press('2');
  await expect(page.getByRole('button', { name: '分野', exact: true })).toHaveText('DX推進');
  await page.keyboard.press('Alt+Y');
  await entry(page).pressSequentially('ツール導入が目的になっている印象を受けた。');
  await page.keyboard.press('Enter');
  await expect(entry(page)).toHaveValue('');
  await expect(list(page).getByRole('option').last()).toContainText('ツール導入が目的になっている印象を受けた。');
  // The next line starts with the speaker cleared.
  await expect(page.getByRole('button', { name: '発言者', exact: true })).toHaveText('（発言者なし）');

  // Roster number: Alt+3 = 河委員; 事務局 by Alt+J; Shift+Enter makes a new line inside one remark.
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('button', { name: '発言者', exact: true })).toHaveText('河委員');
  await entry(page).pressSequentially('効果検証を行うべき。');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+J');
  await page.keyboard.press('Alt+N');
  await entry(page).pressSequentially('人事の件です。');
  await page.keyboard.press('Shift+Enter');
  await entry(page).pressSequentially('二行目。');
  await expect(entry(page)).toHaveValue('人事の件です。\n二行目。');
  await page.keyboard.press('Enter');
  // 非公開 was for that one remark: the next line starts public again, like 要確認.
  await expect(page.getByRole('button', { name: '非公開（Alt+N）' })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Alt+K');
  await entry(page).pressSequentially('次の議題に移ります。');
  await page.keyboard.press('Enter');

  await expect.poll(async () => (await remarksOf(page, meeting.id)).length).toBe(before + 4);
  const added = (await remarksOf(page, meeting.id)).slice(before);
  const members = await readStore<{ id: string; name: string }>(page, 'members');
  const councils = await readStore<{ id: string; fields: { id: string; name: string }[] }>(page, 'councils');
  const dx = councils[0]!.fields.find((f) => f.name === 'DX推進')!.id;
  const agenda1 = meeting.agenda[2]!.id;
  expect(added[0]).toMatchObject({
    text: 'ツール導入が目的になっている印象を受けた。',
    kind: '意見',
    fieldId: dx,
    needsCheck: true,
    nonPublic: false,
    agendaItemId: agenda1,
  });
  expect(added[0]!.speaker).toEqual({ type: 'member', memberId: members.find((m) => m.name === '大久保')!.id });
  expect(added[0]!.offsetSec).toEqual(expect.any(Number));
  expect(added[1]).toMatchObject({ text: '効果検証を行うべき。', kind: '発言', needsCheck: false, fieldId: dx });
  expect(added[1]!.speaker).toEqual({ type: 'member', memberId: members.find((m) => m.name === '河')!.id });
  expect(added[2]).toMatchObject({
    text: '人事の件です。\n二行目。',
    nonPublic: true,
    speaker: { type: 'secretariat' },
  });
  expect(added[3]).toMatchObject({ nonPublic: false, speaker: { type: 'chair' } });
  // Orders keep increasing and every remark knows its agenda item.
  expect(added.every((r, i) => i === 0 || r.order > added[i - 1]!.order)).toBe(true);
  expect(added.every((r) => r.agendaItemId === agenda1)).toBe(true);

  // Mid-meeting, with a half-typed line.
  await page.keyboard.press('Alt+5');
  await page.keyboard.press('Alt+T');
  await page.keyboard.press('3');
  await entry(page).pressSequentially('推進体制のところで市民参画というのは');
  await expect(page.getByLabel('開始からの経過時間')).toContainText(/経過 0:0\d:\d\d/);
  await screenshot(page, 'live-01-mid-meeting');
});

test('an agenda item marked 非公開で審議 is shown as such live, and its remarks are recorded non-public', async ({
  app: page,
}) => {
  await loadSample(page);
  const meeting = await meetingOf(page, 2);
  await page.goto(page.url().replace(/#.*$/, '') + `#/councils/${meeting.councilId}/meetings/${meeting.id}`);
  const item = meeting.agenda[2]!;
  const row = page.getByRole('list', { name: '次第の項目' }).getByRole('listitem').nth(2);
  await row.getByRole('checkbox', { name: 'この議題は非公開で審議' }).check();
  await expect
    .poll(async () => (await meetingOf(page, 2)).agenda.find((a) => a.id === item.id) as { closed?: boolean })
    .toMatchObject({ closed: true });

  await page.getByRole('button', { name: '記録（ライブ）' }).click();
  const before = (await remarksOf(page, meeting.id)).length;
  await page
    .getByRole('navigation', { name: '次第' })
    .getByRole('button', { name: new RegExp(item.title) })
    .click();
  await expect(page.getByRole('status').filter({ hasText: '非公開審議中' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '次第' })).toContainText('【非公開審議】');
  await entry(page).pressSequentially('人事案件について説明します。');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await remarksOf(page, meeting.id)).length).toBe(before + 1);
  expect((await remarksOf(page, meeting.id)).at(-1)).toMatchObject({
    text: '人事案件について説明します。',
    nonPublic: true,
    agendaItemId: item.id,
  });
  await screenshot(page, 'live-closed-item');

  // Back on an open item, remarks are public again.
  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByRole('status').filter({ hasText: '非公開審議中' })).toHaveCount(0);
  await entry(page).pressSequentially('公開の発言です。');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await remarksOf(page, meeting.id)).length).toBe(before + 2);
  expect((await remarksOf(page, meeting.id)).at(-1)).toMatchObject({ text: '公開の発言です。', nonPublic: false });
});

test('Enter while the IME is composing never commits; the confirmed text stays in the line', async ({ app: page }) => {
  await loadSample(page);
  const meeting = await meetingOf(page, 2);
  await openLive(page, meeting.id);
  const before = (await remarksOf(page, meeting.id)).length;
  await entry(page).pressSequentially('会議');
  // A conversion in progress: compositionstart/update, the confirming Enter (isComposing, keyCode 229), compositionend.
  await entry(page).evaluate((el: HTMLTextAreaElement) => {
    el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    el.dispatchEvent(new CompositionEvent('compositionupdate', { bubbles: true, data: 'ろく' }));
    el.dispatchEvent(
      new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter', code: 'Enter', isComposing: true }),
    );
    el.dispatchEvent(
      new KeyboardEvent('keydown', {
        bubbles: true,
        cancelable: true,
        key: 'Process',
        code: 'Enter',
        keyCode: 229,
      } as KeyboardEventInit),
    );
  });
  await page.waitForTimeout(100); // would-be commit time (this asserts an absence)
  expect((await remarksOf(page, meeting.id)).length).toBe(before);
  await entry(page).evaluate((el: HTMLTextAreaElement) => {
    // Enter pressed again while the composition is still open (isComposing not set by this IME).
    el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, key: 'Enter', code: 'Enter' }));
    el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '録' }));
  });
  await page.keyboard.insertText('録');
  await expect(entry(page)).toHaveValue('会議録');
  expect((await remarksOf(page, meeting.id)).length).toBe(before);
  // Through the real IME path too (CDP composition), then Enter after it is confirmed commits.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'です', selectionStart: 2, selectionEnd: 2 });
  await expect(entry(page)).toHaveValue('会議録です');
  await cdp.send('Input.insertText', { text: 'です' });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await remarksOf(page, meeting.id)).length).toBe(before + 1);
  expect((await remarksOf(page, meeting.id)).at(-1)!.text).toBe('会議録です');
});

test('earlier remarks are edited in place, split, merged, reordered and deleted, each undone with Ctrl+Z', async ({
  app: page,
}) => {
  await loadSample(page);
  const meeting = await meetingOf(page, 2);
  await openLive(page, meeting.id);
  const before = (await remarksOf(page, meeting.id)).length;
  for (const t of ['一つ目の発言。', '二つ目の発言。', '三つ目の発言。']) {
    await entry(page).pressSequentially(t);
    await page.keyboard.press('Enter');
  }
  await expect.poll(async () => (await remarksOf(page, meeting.id)).length).toBe(before + 3);
  const texts = async () => (await remarksOf(page, meeting.id)).slice(before).map((r) => r.text);

  // ↑ from the empty line selects the newest remark; ↑ again the one before.
  await page.keyboard.press('ArrowUp');
  await expect(list(page)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(list(page).getByRole('option', { selected: true })).toContainText('二つ目の発言。');

  // Edit in place.
  await page.keyboard.press('Enter');
  const edit = page.getByRole('textbox', { name: '記録を編集' });
  await expect(edit).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await edit.pressSequentially('（修正）。');
  await page.keyboard.press('Enter');
  await expect.poll(texts).toEqual(['一つ目の発言。', '二つ目の発言（修正）。', '三つ目の発言。']);

  // Split at the caret: Alt+Enter.
  await page.keyboard.press('F2');
  await expect(edit).toBeFocused();
  await edit.evaluate((el: HTMLTextAreaElement) => {
    el.selectionStart = el.selectionEnd = 6;
  });
  await page.keyboard.press('Alt+Enter');
  await expect.poll(texts).toEqual(['一つ目の発言。', '二つ目の発言', '（修正）。', '三つ目の発言。']);

  // Merge with the next: Alt+M on 二つ目.
  await expect(list(page)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(list(page).getByRole('option', { selected: true })).toContainText('二つ目の発言');
  await page.keyboard.press('Alt+M');
  await expect.poll(texts).toEqual(['一つ目の発言。', '二つ目の発言（修正）。', '三つ目の発言。']);

  // Reorder: Alt+↓ moves it below 三つ目.
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(texts).toEqual(['一つ目の発言。', '三つ目の発言。', '二つ目の発言（修正）。']);
  await page.keyboard.press('Control+z');
  await expect.poll(texts).toEqual(['一つ目の発言。', '二つ目の発言（修正）。', '三つ目の発言。']);

  // Delete, then undo.
  await list(page)
    .getByRole('option', { name: /一つ目の発言/ })
    .click();
  await page.keyboard.press('Delete');
  await expect.poll(texts).toEqual(['二つ目の発言（修正）。', '三つ目の発言。']);
  await expect(page.getByText('「削除」を行いました。')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect.poll(texts).toEqual(['一つ目の発言。', '二つ目の発言（修正）。', '三つ目の発言。']);
  // Undo the merge and the split too.
  await page.keyboard.press('Control+z');
  await expect.poll(texts).toEqual(['一つ目の発言。', '二つ目の発言', '（修正）。', '三つ目の発言。']);
  await page.keyboard.press('Control+z');
  await expect.poll(texts).toEqual(['一つ目の発言。', '二つ目の発言（修正）。', '三つ目の発言。']);

  // The selected remark's flags and speaker change by the same keys; Esc returns to the line.
  await list(page)
    .getByRole('option', { name: /三つ目の発言/ })
    .click();
  await page.keyboard.press('Alt+N');
  await page.keyboard.press('Alt+2');
  await expect.poll(async () => (await remarksOf(page, meeting.id)).at(-1)!.nonPublic).toBe(true);
  expect((await remarksOf(page, meeting.id)).at(-1)!.speaker.type).toBe('member');
  await expect(list(page).getByRole('option', { selected: true })).toContainText('非公開');
  await page.keyboard.press('Alt+T');
  await page.keyboard.press('4');
  await expect(list(page)).toBeFocused();
  await expect.poll(async () => (await remarksOf(page, meeting.id)).at(-1)!.kind).toBe('回答');
  await page.keyboard.press('Escape');
  await expect(entry(page)).toBeFocused();

  // Every shortcut is listed in the help overlay.
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'キーボードショートカット' });
  await expect(help.getByRole('table', { name: '記録（ライブ）' })).toContainText('Alt+PageDown');
  await expect(help.getByRole('table', { name: '記録（ライブ）' })).toContainText('カーソルの位置で記録を二つに分割');
  await screenshot(page, 'live-04-shortcuts');
});

test('a second window on the same meeting shows what the first one records', async ({ app: page }) => {
  await loadSample(page);
  const meeting = await meetingOf(page, 2);
  await openLive(page, meeting.id);
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(list(other)).toBeVisible();
  await page.bringToFront();
  await entry(page).pressSequentially('別の窓にも出る発言。');
  await page.keyboard.press('Enter');
  await expect(list(other).getByRole('option').last()).toContainText('別の窓にも出る発言。');
  await other.close();
});

test.describe('never losing a line', () => {
  let profile: string;
  test.beforeEach(() => {
    profile = mkdtempSync(path.join(os.tmpdir(), 'shingikai-live-profile-'));
  });
  test.afterEach(() => {
    rmSync(profile, { recursive: true, force: true });
  });

  test('the half-typed line survives the page being killed 400 ms after the last keystroke', async ({ server }) => {
    let ctx = await launchProfile(profile);
    let page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(server.url);
    await loadSample(page);
    const meeting = await meetingOf(page, 2);
    await openLive(page, meeting.id);
    await page.keyboard.press('Alt+2');
    const typed = '庁内のDXと住民サービスのDXは分けて考えるべき。\n成果は検証する必要がある。';
    await entry(page).pressSequentially('庁内のDXと住民サービスのDXは分けて考えるべき。');
    await page.keyboard.press('Shift+Enter');
    await entry(page).pressSequentially('成果は検証する必要がある。');
    await page.waitForTimeout(400); // the promise under test: stored within 300 ms of the last key
    await kill(ctx, page);

    ctx = await launchProfile(profile);
    page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(server.url);
    await openLive(page, meeting.id);
    await expect(entry(page)).toHaveValue(typed);
    await expect(page.getByRole('button', { name: '発言者', exact: true })).toHaveText('大久保副会長');
    await ctx.close();
  });

  test('mid-way through 200 quick remarks, every committed remark and the open line survive a kill', async ({
    server,
  }) => {
    test.setTimeout(240_000); // 6,000 keystrokes and a relaunch on a loaded machine
    let ctx = await launchProfile(profile);
    let page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(server.url);
    await loadSample(page);
    const meeting = await meetingOf(page, 2);
    await openLive(page, meeting.id);
    const before = (await remarksOf(page, meeting.id)).length;
    const line = (i: number) => `発言${String(i).padStart(3, '0')} 効果検証を行い、効果が出ていなければ廃止する。`;
    for (let i = 1; i <= 120; i++) {
      await entry(page).pressSequentially(line(i));
      await page.keyboard.press('Enter');
    }
    await entry(page).pressSequentially('発言121 途中まで');
    // The open line is saved within a fraction of a second: kill once it is stored.
    await expect
      .poll(async () => (await readStore<{ text: string }>(page, 'entryDrafts')).map((d) => d.text))
      .toContain('発言121 途中まで');
    await kill(ctx, page);

    ctx = await launchProfile(profile);
    page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(server.url);
    await openLive(page, meeting.id);
    await expect(entry(page)).toHaveValue('発言121 途中まで');
    const after = (await remarksOf(page, meeting.id)).slice(before).map((r) => r.text);
    expect(after).toEqual(Array.from({ length: 120 }, (_, i) => line(i + 1)));
    await expect(list(page).getByRole('option').last()).toContainText(line(120));
    // And the rest of the 200 go on from there.
    for (let i = 121; i <= 200; i++) {
      if (i > 121) await entry(page).pressSequentially(line(i));
      else {
        await entry(page).fill('');
        await entry(page).pressSequentially(line(i));
      }
      await page.keyboard.press('Enter');
    }
    await expect.poll(async () => (await remarksOf(page, meeting.id)).length).toBe(before + 200);
    const all = (await remarksOf(page, meeting.id)).slice(before).map((r) => r.text);
    expect(all).toEqual(Array.from({ length: 200 }, (_, i) => line(i + 1)));
    await ctx.close();
  });
});

test('when storage fails the screen says so at once and the text stays on screen', async ({ app: page }) => {
  await loadSample(page);
  const meeting = await meetingOf(page, 2);
  await openLive(page, meeting.id);
  const before = (await remarksOf(page, meeting.id)).length;
  // The disk is full from now on: every IndexedDB write fails as a quota error.
  await page.evaluate(() => {
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = fail;
    IDBObjectStore.prototype.add = fail;
  });
  await entry(page).pressSequentially('容量不足でも消えない行');
  const alert = page.getByRole('alert').filter({ hasText: '保存できません' });
  await expect(alert).toContainText(
    'ディスクの空き容量が不足しているため、記録を保存できません。入力した文字は画面に残っています。',
  );
  await expect(entry(page)).toHaveValue('容量不足でも消えない行');
  await page.keyboard.press('Enter');
  // The failed commit puts the line back.
  await expect(entry(page)).toHaveValue('容量不足でも消えない行');
  await expect(alert).toBeVisible();
  await expect(list(page)).not.toContainText('容量不足でも消えない行');
  await screenshot(page, 'live-03-storage-error');
  expect((await remarksOf(page, meeting.id)).length).toBe(before);
});

test('the projector shows the current agenda item in large type, labels by the council rule, hides 非公開, and follows live', async ({
  app: page,
}) => {
  await loadSample(page);
  const meeting = await meetingOf(page, 2);
  // This council publishes speakers as A委員, B委員 …
  await page.evaluate(
    (councilId) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('shingikai-desk');
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('councils', 'readwrite');
          const store = tx.objectStore('councils');
          const get = store.get(councilId);
          get.onsuccess = () => {
            store.put({ ...get.result, publication: { ...get.result.publication, speakerLabel: 'letter' } });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    meeting.councilId,
  );
  await openLive(page, meeting.id);
  await page.keyboard.press('Alt+PageDown');
  await page.keyboard.press('Alt+PageDown');
  await page.keyboard.press('Alt+PageDown'); // 議題２ ビジョン骨子案

  const [projector] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Alt+P')]);
  await projector.setViewportSize({ width: 1280, height: 720 });
  const view = projector.getByRole('main', { name: 'プロジェクター表示' });
  await expect(view).toContainText('飯塚市行政経営戦略推進審議会');
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('行政経営戦略推進ビジョン骨子案について');
  await expect(view).toContainText('推進体制のところで市民参画というのは何を想定しているか。'); // the sample's question under this item
  await expect(view).not.toContainText('今後の予定'); // other items stay off the wall

  await page.bringToFront();
  await page.keyboard.press('Alt+3');
  await entry(page).pressSequentially('骨子案の方向性に賛成です。');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+N');
  await page.keyboard.press('Alt+4');
  await entry(page).pressSequentially('ここだけの話ですが、人事の件。');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+J');
  await entry(page).pressSequentially('ご意見を踏まえて素案を作成します。');
  await page.keyboard.press('Enter');

  await expect(view).toContainText('骨子案の方向性に賛成です。');
  await expect(view).toContainText('ご意見を踏まえて素案を作成します。');
  await expect(view).not.toContainText('人事の件');
  const line = view.locator('div', { hasText: /^A委員骨子案の方向性に賛成です。$/ });
  await expect(line).toHaveCount(1);
  await expect(view).not.toContainText('河委員');
  // Its type is large enough for a room.
  const size = await view.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(28);
  await screenshot(projector, 'live-02-projector');

  // Moving on to the next item moves the wall with it.
  await page.keyboard.press('Alt+PageDown');
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('その他（今後の予定について）');
  await expect(view).not.toContainText('骨子案の方向性に賛成です。');
});

test('under the names rule the projector shows names, for the item under discussion only', async ({ app: page }) => {
  await loadSample(page);
  const meeting = await meetingOf(page, 2);
  await openLive(page, meeting.id);
  const [projector] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'プロジェクター表示（Alt+P）' }).click(),
  ]);
  const view = projector.getByRole('main', { name: 'プロジェクター表示' });
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('開会');
  // The sample's 開会 record is a メモ (an internal note): never projected.
  await expect(view).toContainText('この議題の記録はまだありません');
  await expect(view).not.toContainText('井澤会長欠席のため');
  await expect(view).not.toContainText('資料１ 飯塚市行政経営戦略推進ビジョン骨子案');
  await page.bringToFront();
  await entry(page).focus();
  await page.keyboard.press('Alt+3');
  await entry(page).pressSequentially('開会前に一言申し上げます。');
  await page.keyboard.press('Enter');
  await expect(view).toContainText('河委員開会前に一言申し上げます。');
});
