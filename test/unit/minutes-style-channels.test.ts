/** The minutes style channels through the real dispatcher and handlers (no dialogs). */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/main/handlers';
import { MINUTES_STYLE_PRESETS, styleFileText } from '../../shared/minutes/style';
import { testServiceContext } from './service-context';

function setup() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'style-ch-'));
  mkdirSync(path.join(root, 'exports'));
  const ctx = testServiceContext(root, { dataDir: path.join(root, 'data'), appVersion: 'test' });
  return { handlers: createHandlers(ctx) };
}

describe('minutes style channels', () => {
  it('write a style file that reads back as the same style', async () => {
    const { handlers } = setup();
    const style = MINUTES_STYLE_PRESETS[2]!;
    const saved = await dispatch(handlers, 'minutes:style:export', { style });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const file = saved.value as { path: string; name: string };
    expect(file.name).toBe('全文記録（見出し形式）.shingikai-style.json');
    const text = readFileSync(file.path, 'utf8');
    expect(await dispatch(handlers, 'minutes:style:parse', { text, fileName: file.name })).toEqual({
      ok: true,
      value: { style },
    });
  });

  it('refuse a bad file with the first bad field named, and a style without a title', async () => {
    const { handlers } = setup();
    const file = JSON.parse(styleFileText(MINUTES_STYLE_PRESETS[0]!));
    file.style.page.pageNumber = 'roman';
    const bad = await dispatch(handlers, 'minutes:style:parse', { text: JSON.stringify(file), fileName: 'x.json' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_FILE' } });
    expect(!bad.ok && bad.error.message).toMatch(/「様式のページのページ番号」が正しくありません/);
    const untitled = structuredClone(MINUTES_STYLE_PRESETS[0]!);
    untitled.title.text = '';
    const refused = await dispatch(handlers, 'minutes:style:export', { style: untitled });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(!refused.ok && refused.error.message).toMatch(/表題が空/);
  });
});
