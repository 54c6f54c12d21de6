import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/main/handlers';
import type { ServiceContext } from '../../electron/core/context';
import { JsonFileSettingsStore } from '../../electron/services/settings';

const root = mkdtempSync(path.join(os.tmpdir(), 'live-window-'));
const ctx: ServiceContext = {
  platform: {
    mode: 'browser',
    defaultExportDir: () => root,
    chooseSavePath: async () => null,
    openPath: async () => {},
    showInFolder: async () => {},
  },
  windows: null,
  settings: new JsonFileSettingsStore(path.join(root, 'settings.json')),
  dataDir: path.join(root, 'data'),
  appVersion: 'test',
  fixedExportDir: null,
  savedPaths: new Set(),
};

describe('window:open:projector', () => {
  it('answers opened=false where no window can be opened (browser mode)', async () => {
    expect(await dispatch(createHandlers(ctx), 'window:open:projector', { meetingId: 'm1' })).toEqual({
      ok: true,
      value: { opened: false },
    });
  });

  it('opens the projector through the opener main put in the context, for that meeting', async () => {
    const opened: string[] = [];
    const withWindows: ServiceContext = { ...ctx, windows: { openProjector: (id) => opened.push(id) } };
    expect(await dispatch(createHandlers(withWindows), 'window:open:projector', { meetingId: 'm1' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(opened).toEqual(['m1']);
  });

  it('refuses arguments beyond the meeting id', async () => {
    const r = await dispatch(createHandlers(ctx), 'window:open:projector', {
      meetingId: 'm1',
      url: 'https://evil.example/',
    });
    expect(r.ok).toBe(false);
  });
});
