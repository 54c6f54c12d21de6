/**
 * The HTML editions (公開版 for the city's website) of the sample: written by the same
 * builders as `npm run samples`, opened as files, checked by axe-core (WCAG 2 A and AA):
 * 0 violations; the report JSON and a full-page screenshot of each go under test-results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { htmlSamples } from '../../electron/services/html/samples';

const OUT = path.resolve('test-results', 'html-exports');

test.describe('HTML 公開版', () => {
  const bundle = buildSampleCouncil({ now: '2023-07-07T06:30:00.000Z' });
  const docs = htmlSamples(bundle);

  test('the sample writes the 会議録 and the 意見対応表 as HTML', () => {
    expect(docs.map((d) => d.fileName)).toEqual(
      expect.arrayContaining(['第2回_会議録_公開版.html', '意見対応表_公開版.html']),
    );
  });

  for (const doc of docs) {
    test(`${doc.fileName}: axe WCAG 2 A/AA has 0 violations`, async ({ page }) => {
      // axe over the whole 意見対応表 takes most of a minute on a loaded machine.
      test.setTimeout(180_000);
      mkdirSync(OUT, { recursive: true });
      const file = path.join(OUT, doc.fileName);
      writeFileSync(file, await doc.build());
      await page.goto(pathToFileURL(file).href);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      writeFileSync(path.join(OUT, `${doc.fileName}.axe.json`), JSON.stringify(results, null, 2));
      await page.screenshot({ path: path.join(OUT, `${doc.fileName}.png`), fullPage: true });
      expect(results.passes.length).toBeGreaterThan(5);
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  }
});
