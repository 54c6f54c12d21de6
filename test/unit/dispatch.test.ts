import { describe, expect, it, vi } from 'vitest';
import { dispatch, type Handlers } from '../../electron/core/dispatch';
import { AppError } from '../../shared/errors';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const base = {
    'app:get:info': () => ({ name: '審議会デスク', version: '1', mode: 'browser', dataDir: '/d', exportDir: null }),
    'settings:get:all': () => ({ lastExportDir: null, backupKeep: 20 }),
    'settings:update': vi.fn((p) => ({ lastExportDir: null, backupKeep: 20, ...p })),
    'file:open:saved': () => ({}),
    'file:show:saved': () => ({}),
    'backup:list': () => [],
  } as unknown as Handlers;
  return { ...base, ...overrides } as Handlers;
}

describe('dispatch: the one door into main', () => {
  it('rejects an unknown channel without calling anything', async () => {
    expect(await dispatch(handlers(), 'fs:delete:all', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await dispatch(handlers(), { toString: () => 'app:get:info' }, {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await dispatch(handlers(), '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('validates arguments before the handler runs, with Japanese messages and where', async () => {
    const h = handlers();
    const res = await dispatch(h, 'settings:update', { backupKeep: 0, stray: true });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_ARGUMENT');
    expect(res.error.message).toBe('入力内容に誤りがあるため、処理を行いませんでした。');
    expect(res.error.details?.map((d) => d.path)).toEqual(expect.arrayContaining(['backupKeep']));
    expect(res.error.details?.some((d) => /[ぁ-んァ-ヶ一-龠]/.test(d.message))).toBe(true);
    expect(h['settings:update']).not.toHaveBeenCalled();
  });

  it('passes typed errors through and hides everything else', async () => {
    const log = vi.fn();
    const busy = await dispatch(
      handlers({
        'backup:list': () => {
          throw new AppError('FILE_BUSY', '使用中です');
        },
      }),
      'backup:list',
      {},
      log,
    );
    expect(busy).toEqual({ ok: false, error: { code: 'FILE_BUSY', message: '使用中です' } });
    const crash = await dispatch(
      handlers({
        'backup:list': () => {
          throw new Error('ENOENT /home/secret/path at foo.ts:12');
        },
      }),
      'backup:list',
      {},
      log,
    );
    expect(crash).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/予期しないエラー/) },
    });
    expect(JSON.stringify(crash)).not.toContain('secret');
    expect(log).toHaveBeenCalled();
  });

  it('checks results against the contract too', async () => {
    const res = await dispatch(handlers({ 'backup:list': () => [{ name: 1 }] as never }), 'backup:list', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_RESULT' } });
  });
});
