/** The councils channels through the real dispatcher and handlers, with a recording platform (no dialogs). */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/main/handlers';
import type { ServiceContext } from '../../electron/core/context';
import { JsonFileSettingsStore } from '../../electron/services/settings';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

function setup(saveTo: (defaultPath: string) => string | null = (p) => p) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'councils-ch-'));
  const opened: string[] = [];
  mkdirSync(path.join(root, 'exports'));
  const ctx: ServiceContext = {
    platform: {
      mode: 'browser',
      defaultExportDir: () => path.join(root, 'exports'),
      chooseSavePath: async ({ defaultPath }) => saveTo(defaultPath),
      openPath: async (p) => {
        opened.push(p);
      },
      showInFolder: async () => {},
    },
    windows: null,
    settings: new JsonFileSettingsStore(path.join(root, 'settings.json')),
    dataDir: path.join(root, 'data'),
    appVersion: 'test',
    fixedExportDir: path.join(root, 'exports'),
    savedPaths: new Set(),
  };
  return { root, ctx, opened, handlers: createHandlers(ctx) };
}

describe('councils channels', () => {
  it('store an attachment under a new name and open that copy; a crafted name never reaches the file system', async () => {
    const { ctx, opened, handlers } = setup();
    const uploadId = '2b5e3c1e-8a5e-4f7a-9d41-3c0a6b2a9f10';
    const res = await dispatch(handlers, 'attachment:write:chunk', {
      uploadId,
      index: 0,
      base64: Buffer.from('資料').toString('base64'),
      last: true,
      originalName: '/home/me/資料1.docx',
    });
    expect(res).toMatchObject({
      ok: true,
      value: { file: { storedName: `${uploadId}.docx`, originalName: '/home/me/資料1.docx' } },
    });
    expect(await dispatch(handlers, 'attachment:open:file', { storedName: `${uploadId}.docx` })).toEqual({
      ok: true,
      value: {},
    });
    expect(opened).toEqual([path.join(ctx.dataDir, 'attachments', `${uploadId}.docx`)]);
    expect(await dispatch(handlers, 'attachment:open:file', { storedName: '../settings.json' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(
      await dispatch(handlers, 'attachment:open:file', { storedName: '3b5e3c1e-8a5e-4f7a-9d41-3c0a6b2a9f10.pdf' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(opened).toHaveLength(1);
    expect(await dispatch(handlers, 'attachment:remove:file', { storedName: `${uploadId}.docx` })).toEqual({
      ok: true,
      value: {},
    });
    expect(existsSync(path.join(ctx.dataDir, 'attachments', `${uploadId}.docx`))).toBe(false);
  });

  it('refuse a non-workbook roster with a Japanese INVALID_FILE message', async () => {
    const { handlers } = setup();
    const res = await dispatch(handlers, 'roster:parse:xlsx', {
      base64: Buffer.from('not a workbook').toString('base64'),
      fileName: '名簿.csv',
      existing: [],
    });
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_FILE',
        message: expect.stringContaining('「名簿.csv」は Excel ブック（.xlsx）として読み込めませんでした'),
      },
    });
  });

  it('save the 次第 under the user-style name; a folder that cannot be written gives a Japanese error', async () => {
    const bundle = buildSampleCouncil();
    const meeting = bundle.meetings.find((m) => m.number === 2)!;
    const { ctx, handlers } = setup();
    const res = await dispatch(handlers, 'meeting:export:agenda', { council: bundle.council, meeting });
    expect(res).toMatchObject({ ok: true, value: { name: '飯塚市行政経営戦略推進審議会_第2回_会議次第.docx' } });
    const saved = path.join(ctx.fixedExportDir!, '飯塚市行政経営戦略推進審議会_第2回_会議次第.docx');
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
    expect(ctx.savedPaths.has(saved)).toBe(true);

    const blocked = setup((p) => path.join(path.dirname(p), 'no-such-folder', path.basename(p)));
    const bad = await dispatch(blocked.handlers, 'attendance:export:xlsx', {
      council: bundle.council,
      members: bundle.members,
      meetings: bundle.meetings,
      fileLabel: '',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'FILE_NOT_WRITABLE',
        message: expect.stringContaining('「飯塚市行政経営戦略推進審議会_出欠表.xlsx」を保存できません'),
      },
    });
  });

  it('check exported records against the model before building anything', async () => {
    const bundle = buildSampleCouncil();
    const { handlers } = setup();
    const meeting = { ...bundle.meetings[1]!, date: '2023/07/07' };
    expect(await dispatch(handlers, 'meeting:export:agenda', { council: bundle.council, meeting })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });
});
