/**
 * Accessibility of every screen: axe-core (WCAG 2 A/AA) on the empty state and on each screen
 * with the sample loaded, each main dialog open. 0 serious or critical violations; the axe JSON
 * of each screen goes under test-results/a11y/. Also: F1 → Esc gives focus back so the live
 * screen's Alt shortcuts work again, and the live screen and the meeting page at 1366×768 and
 * at 200% zoom (screenshots under test/.screens/, nothing wraps mid-word).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, loadSample, screenshot } from './fixtures';

const OUT = path.resolve('test-results', 'a11y');

interface Finding {
  screen: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is now, saves the JSON, returns the serious/critical findings. */
async function audit(page: Page, screen: string, findings: Finding[]) {
  mkdirSync(OUT, { recursive: true });
  // Let Fluent's motion settle so colours are measured at their final values: a notice fading out
  // (4 s after it came, 10 s for an error) would be measured half transparent.
  await expect(page.locator('.fui-Toast')).toHaveCount(0, { timeout: 15_000 });
  await page.waitForTimeout(300);
  // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>) pass focus on at once;
  // axe reads them as focusable hidden content.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-tabster-dummy]')
    .analyze();
  writeFileSync(path.join(OUT, `${screen}.axe.json`), JSON.stringify(results, null, 2));
  for (const name of await englishNames(page))
    findings.push({
      screen,
      id: 'japanese-name',
      impact: 'serious',
      help: 'an English accessible name',
      targets: [name],
    });
  expect(results.passes.length, `${screen}: axe ran`).toBeGreaterThan(5);
  for (const v of results.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    findings.push({
      screen,
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`),
    });
  }
}

/**
 * Accessible names a Japanese screen reader user would hear in English (a library's default such
 * as "Clear selection" or "Close"): names of controls made of Latin letters only. Product and file
 * words (Word, Excel, PDF, CSV, KPI) are fine.
 */
async function englishNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const allowed = /^(Word|Excel|PDF|CSV|HTML|KPI|OK|DX|Ctrl\+\w+|F\d+)$/;
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], input, select, textarea, [role="button"], [role="tab"], [role="combobox"], [role="option"], [role="menuitem"], [role="checkbox"], [role="switch"], [role="radio"], [role="dialog"]',
    );
    const names: string[] = [];
    for (const el of controls) {
      if (el.closest('[aria-hidden="true"], [data-tabster-dummy]')) continue;
      const labelled = el.getAttribute('aria-labelledby');
      const name = (
        el.getAttribute('aria-label') ??
        (labelled
          ? labelled
              .split(/\s+/)
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ')
          : null) ??
        el.getAttribute('title') ??
        el.textContent ??
        ''
      ).trim();
      if (name && /^[A-Za-z][A-Za-z\s.'-]*$/.test(name) && !allowed.test(name))
        names.push(`${el.tagName.toLowerCase()}: ${name}`);
    }
    return [...new Set(names)];
  });
}

function report(findings: Finding[], name: string) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, `${name}.summary.json`), JSON.stringify(findings, null, 2));
  expect(findings.map((f) => `${f.screen} ${f.id} (${f.impact}): ${f.help}\n  ${f.targets.join('\n  ')}`)).toEqual([]);
}

async function closeDialog(page: Page, dialog: Locator) {
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

test.describe('axe on every screen', () => {
  test('empty state: home and the new council dialog', async ({ app: page }) => {
    test.setTimeout(240_000); // several axe runs, each after the notices have gone
    const findings: Finding[] = [];
    await expect(page.getByRole('heading', { name: 'ようこそ、審議会デスクへ' })).toBeVisible();
    await audit(page, '00-home-empty', findings);
    await page.getByRole('button', { name: '新しい審議会' }).first().click();
    const dialog = page.getByRole('dialog', { name: '新しい審議会を作成' });
    await expect(dialog).toBeVisible();
    await audit(page, '01-new-council-dialog', findings);
    await closeDialog(page, dialog);
    report(findings, 'empty');
  });

  test('with the sample: council, members, meetings, live notes, minutes', async ({ app: page }) => {
    test.setTimeout(240_000); // several axe runs, each after the notices have gone
    const findings: Finding[] = [];
    await loadSample(page);
    await audit(page, '10-council-overview', findings);

    await page.getByRole('tab', { name: '委員' }).click();
    await expect(page.getByRole('table', { name: '委員名簿' })).toBeVisible();
    await audit(page, '11-members', findings);
    await page.getByRole('button', { name: '委員を追加' }).first().click();
    const memberForm = page.getByRole('dialog', { name: '委員を追加' });
    await expect(memberForm).toBeVisible();
    await audit(page, '12-member-form', findings);
    await closeDialog(page, memberForm);

    await page.getByRole('tab', { name: '会議' }).click();
    const meetings = page.getByRole('table', { name: '会議一覧' });
    await expect(meetings).toBeVisible();
    await audit(page, '13-meetings', findings);
    await meetings.getByRole('row', { name: /第2回/ }).click();
    await expect(page.getByRole('button', { name: '記録（ライブ）' })).toBeVisible();
    await audit(page, '19-meeting-page', findings);
    await page.getByRole('button', { name: '記録（ライブ）' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '第2回 記録（ライブ）' })).toBeVisible();
    await audit(page, '20-live-notes', findings);
    await page.keyboard.press('F1');
    const shortcuts = page.getByRole('dialog', { name: 'キーボードショートカット' });
    await expect(shortcuts).toBeVisible();
    await audit(page, '21-shortcuts-dialog', findings);
    await closeDialog(page, shortcuts);
    await page.goBack();
    await page.getByRole('button', { name: '会議録' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '第2回 会議録' })).toBeVisible();
    await audit(page, '22-minutes', findings);
    report(findings, 'sample-meetings');
  });

  test('with the sample: opinions board and matrix', async ({ app: page }) => {
    test.setTimeout(240_000); // several axe runs, each after the notices have gone
    const findings: Finding[] = [];
    await loadSample(page);
    await page.getByRole('tab', { name: '意見' }).click();
    await expect(page.getByRole('search', { name: '意見の絞り込み' })).toBeVisible();
    await audit(page, '14-opinions-board', findings);
    await page.getByRole('tab', { name: '分野別マトリクス' }).click();
    await expect(page.getByRole('tab', { name: '分野別マトリクス', selected: true })).toBeVisible();
    await audit(page, '15-matrix', findings);
    report(findings, 'sample-opinions');
  });

  test('with the sample: vision, council list, home, settings', async ({ app: page }) => {
    test.setTimeout(240_000); // several axe runs, each after the notices have gone
    const findings: Finding[] = [];
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await loadSample(page);

    await page.getByRole('tab', { name: 'ビジョン' }).click();
    await expect(page.getByRole('heading', { name: '飯塚市行政経営戦略推進ビジョン' })).toBeVisible();
    await audit(page, '16-vision-list', findings);
    await page
      .getByRole('button', { name: /を開く$/ })
      .first()
      .click();
    await expect(page.getByRole('tab', { name: '比較・新旧対照表' })).toBeVisible();
    await audit(page, '17-vision-editor', findings);
    await page.getByRole('tab', { name: '比較・新旧対照表' }).click();
    await expect(page.getByRole('tab', { name: '比較・新旧対照表', selected: true })).toBeVisible();
    await audit(page, '18-vision-compare', findings);

    await nav.getByText('審議会一覧').click();
    await expect(page.getByRole('table', { name: '審議会一覧' })).toBeVisible();
    await audit(page, '23-council-list', findings);
    await nav.getByText('ホーム', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '担当している審議会' })).toBeVisible();
    await audit(page, '24-home', findings);
    await page.getByRole('button', { name: '新しい審議会' }).first().click();
    const newCouncil = page.getByRole('dialog', { name: '新しい審議会を作成' });
    await expect(newCouncil).toBeVisible();
    await audit(page, '25-new-council-dialog', findings);
    await closeDialog(page, newCouncil);
    await nav.getByText('データと設定').click();
    await expect(page.getByText('ブラウザーモード（バージョン')).toBeVisible();
    await audit(page, '26-settings', findings);
    report(findings, 'sample-vision-settings');
  });
});

test('F1 → Esc gives focus back to the entry line, and the Alt shortcuts work again', async ({ app: page }) => {
  await loadSample(page);
  await page.getByRole('tab', { name: '会議' }).click();
  await page.getByRole('table', { name: '会議一覧' }).getByRole('row', { name: /第2回/ }).click();
  await page.getByRole('button', { name: '記録（ライブ）' }).click();
  const entry = page.getByRole('textbox', { name: '発言の入力' });
  await entry.click();
  await page.keyboard.press('F1');
  const shortcuts = page.getByRole('dialog', { name: 'キーボードショートカット' });
  await expect(shortcuts).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await expect(entry).toBeFocused();
  await page.keyboard.press('Alt+T');
  await page.keyboard.press('5');
  await expect(page.getByRole('button', { name: '種別', exact: true })).toHaveText('意見');
});

/** Buttons with a short label broken over lines (「開／く」). */
async function wrappedButtons(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .filter((b) => b.offsetParent !== null)
      .filter((b) => {
        const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = (n.textContent ?? '').trim();
          // Short labels (開く, 項目を追加) must stay on one line; long titles may wrap.
          if (text.length < 2 || text.length > 10) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
          if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 4) return true;
        }
        return false;
      })
      .map((b) => (b.textContent ?? '').trim()),
  );
}

for (const size of [
  { name: '1366x768', viewport: { width: 1366, height: 768 }, zoom: 1 },
  { name: 'zoom200', viewport: { width: 683, height: 384 }, zoom: 2 },
]) {
  test.describe(`layout at ${size.name}`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.zoom });
    test('the meeting page and the live screen: no button wraps mid-word', async ({ app: page }) => {
      await loadSample(page);
      await page.getByRole('tab', { name: '会議' }).click();
      await page.getByRole('table', { name: '会議一覧' }).getByRole('row', { name: /第2回/ }).click();
      await expect(page.getByRole('button', { name: '記録（ライブ）' })).toBeVisible();
      await screenshot(page, `a11y-meeting-${size.name}`);
      expect(await wrappedButtons(page)).toEqual([]);
      // Nothing is pushed out sideways: the page does not scroll horizontally.
      expect(await page.evaluate(() => document.getElementById('main-content')!.scrollLeft)).toBe(0);
      if (size.zoom === 2) {
        // The menu is folded into a button and opens over the page.
        await page.getByRole('button', { name: 'メニューを開く' }).click();
        await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeVisible();
        await screenshot(page, `a11y-menu-${size.name}`);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeHidden();
      }
      await page.getByRole('button', { name: '記録（ライブ）' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '第2回 記録（ライブ）' })).toBeVisible();
      await page.screenshot({ path: path.join('test', '.screens', `a11y-live-${size.name}.png`) });
      expect(await wrappedButtons(page)).toEqual([]);
    });
  });
}
