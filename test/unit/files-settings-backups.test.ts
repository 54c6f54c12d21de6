import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileErrorToAppError, safeFileName, uniquePath, writeFileAtomic } from '../../electron/services/files';
import { JsonFileSettingsStore } from '../../electron/services/settings';
import { listBackups, writeBackup } from '../../electron/services/backups';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'sgd-files-'));

describe('atomic writes', () => {
  it('replaces a file whole and leaves no temporary file behind', async () => {
    const dir = tmp();
    const target = path.join(dir, '第2回_会議録.docx');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['第2回_会議録.docx']);
  });

  it('on failure keeps the old file intact and says why in Japanese', async () => {
    const dir = tmp();
    const target = path.join(dir, 'out.xlsx');
    writeFileSync(target, 'old');
    // The target is a directory here: the rename must fail.
    const blocked = path.join(dir, 'blocked.xlsx');
    mkdirSync(blocked);
    writeFileSync(path.join(blocked, 'x'), '');
    await expect(writeFileAtomic(blocked, 'new')).rejects.toMatchObject({ code: expect.stringMatching(/FILE_/) });
    expect(readdirSync(dir).sort()).toEqual(['blocked.xlsx', 'out.xlsx']);
    expect(readFileSync(target, 'utf8')).toBe('old');
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.docx'), 'x')).rejects.toMatchObject({
      code: 'FILE_NOT_WRITABLE',
      message: expect.stringMatching(/書き込めない/),
    });
  });

  it.skipIf(process.getuid?.() === 0)('a read-only folder gives FILE_NOT_WRITABLE', async () => {
    const dir = tmp();
    chmodSync(dir, 0o500);
    await expect(writeFileAtomic(path.join(dir, 'a.docx'), 'x')).rejects.toMatchObject({ code: 'FILE_NOT_WRITABLE' });
  });

  it('maps a file locked by Word (EBUSY/EPERM) to FILE_BUSY with the file name', () => {
    const e = fileErrorToAppError(Object.assign(new Error('x'), { code: 'EBUSY' }), 'C:/a/第2回_会議録.docx');
    expect(e.code).toBe('FILE_BUSY');
    expect(e.message).toContain('第2回_会議録.docx');
    expect(fileErrorToAppError(Object.assign(new Error('x'), { code: 'ENOSPC' }), '/a/b.docx').message).toMatch(
      /空き容量/,
    );
  });

  it('makes names Windows accepts and never overwrites in browser mode', async () => {
    expect(safeFileName('会議録: 第2回/公開版?.docx')).toBe('会議録_ 第2回_公開版_.docx');
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.docx'), '');
    expect(path.basename(await uniquePath(path.join(dir, 'a.docx')))).toBe('a (2).docx');
  });
});

describe('settings file', () => {
  it('survives a broken file by falling back field by field, and writes atomically', async () => {
    const dir = tmp();
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ backupKeep: -3, lastExportDir: '/exports' }));
    const store = new JsonFileSettingsStore(file);
    expect(store.get()).toEqual({ backupKeep: 20, lastExportDir: '/exports' });
    await store.update({ backupKeep: 5 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ backupKeep: 5, lastExportDir: '/exports' });
    writeFileSync(file, '{ not json');
    expect(new JsonFileSettingsStore(file).get().backupKeep).toBe(20);
  });
});

describe('backups', () => {
  it('keeps the newest N and refuses what is not JSON', async () => {
    const dir = path.join(tmp(), 'backups');
    for (let i = 0; i < 5; i++)
      await writeBackup(dir, JSON.stringify({ i }), 'auto', 3, new Date(Date.UTC(2023, 6, 7, 10, 0, i)));
    const list = await listBackups(dir);
    expect(list.map((b) => b.name)).toEqual([
      'backup-20230707-100004-000-auto.json',
      'backup-20230707-100003-000-auto.json',
      'backup-20230707-100002-000-auto.json',
    ]);
    await expect(writeBackup(dir, '{broken', 'manual', 3)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(existsSync(path.join(dir, 'backup-20230707-100001-000-auto.json'))).toBe(false);
  });
});
