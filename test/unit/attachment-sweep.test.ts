/**
 * The start-up sweep of orphan attachments removes only what a backup can give back: a file no
 * record names, older than a few minutes, that a kept backup holds — and nothing at all without
 * a backup of the last day.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentsDir, backupsDir } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/main/handlers';
import { writeBackup } from '../../electron/services/backups';
import { sweepOrphanAttachments } from '../../electron/services/councils/attachment-sweep';
import { testServiceContext } from './service-context';

const ORPHAN = '11111111-1111-4111-8111-111111111111.pdf';
const KEPT = '22222222-2222-4222-8222-222222222222.docx';
const YOUNG = '33333333-3333-4333-8333-333333333333.pdf';
const NEVER_BACKED_UP = '44444444-4444-4444-8444-444444444444.xlsx';
const HOUR = 60 * 60_000;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data folder with four attachments; `backup` writes a backup whose records name the first three. */
function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sweep-'));
  dirs.push(dir);
  const ctx = testServiceContext(dir);
  const files = attachmentsDir(ctx);
  mkdirSync(files, { recursive: true });
  for (const n of [ORPHAN, KEPT, YOUNG, NEVER_BACKED_UP]) writeFileSync(path.join(files, n), `contents of ${n}`);
  writeFileSync(path.join(files, '.upload-5555.part'), 'half an upload');
  const backup = () =>
    writeBackup(
      backupsDir(ctx),
      JSON.stringify({
        meetings: [{ materials: [ORPHAN, KEPT, YOUNG].map((storedName) => ({ file: { storedName } })) }],
      }),
      'auto',
      20,
      new Date(),
      { attachmentsDir: files },
    );
  return { ctx, files, backup, has: (n: string) => existsSync(path.join(files, n)) };
}

describe('attachment sweep', () => {
  it('removes an orphan a backup holds; keeps referenced, recent and never backed-up files', async () => {
    const { ctx, files, backup, has } = setup();
    await backup();
    // The sweep runs an hour later; one file was written a minute before it (an upload in flight).
    const now = new Date(Date.now() + HOUR);
    utimesSync(path.join(files, YOUNG), now.getTime() / 1000 - 60, now.getTime() / 1000 - 60);

    const result = await sweepOrphanAttachments(files, backupsDir(ctx), [KEPT], { now });

    expect(result).toEqual({ removed: [ORPHAN], kept: [YOUNG, NEVER_BACKED_UP], refused: null });
    expect(has(ORPHAN)).toBe(false);
    expect(has(KEPT)).toBe(true);
    expect(has(YOUNG)).toBe(true);
    expect(has(NEVER_BACKED_UP)).toBe(true);
    expect(has('.upload-5555.part')).toBe(true);
    // The backup still holds the removed file's copy.
    expect(existsSync(path.join(backupsDir(ctx), 'attachments', ORPHAN))).toBe(true);
  });

  it('removes nothing without a backup, or when the latest backup is older than a day', async () => {
    const { ctx, files, backup, has } = setup();
    const later = new Date(Date.now() + HOUR);
    const none = await sweepOrphanAttachments(files, backupsDir(ctx), [], { now: later });
    expect(none.removed).toEqual([]);
    expect(none.refused).toContain('バックアップがない');
    for (const n of [ORPHAN, KEPT, YOUNG, NEVER_BACKED_UP]) expect(has(n)).toBe(true);

    await backup();
    const stale = await sweepOrphanAttachments(files, backupsDir(ctx), [], { now: new Date(Date.now() + 25 * HOUR) });
    expect(stale.removed).toEqual([]);
    expect(stale.refused).not.toBeNull();
    expect(has(ORPHAN)).toBe(true);
  });

  it('is reached through the validated channel, which refuses a name the app never writes', async () => {
    const { ctx, backup, has } = setup();
    const handlers = createHandlers(ctx);
    const bad = await dispatch(handlers, 'attachment:sweep:orphans', { referenced: ['../settings.json'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    await backup();
    // Just written: every orphan is younger than the minimum age, so the sweep at start keeps them.
    const res = await dispatch(handlers, 'attachment:sweep:orphans', { referenced: [KEPT] });
    expect(res).toEqual({ ok: true, value: { removed: [], kept: [ORPHAN, YOUNG, NEVER_BACKED_UP], refused: null } });
    expect(has(ORPHAN)).toBe(true);
  });
});
