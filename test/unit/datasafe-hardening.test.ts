/**
 * Import and file hardening (issue: data you can get back). Each case is what an audit
 * found; each assertion is what the user would see.
 */
import { randomUUID } from 'node:crypto';
import fsSync, {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRosterWorkbook, ROSTER_MAX_ROWS } from '../../electron/services/councils/roster-import';
import { parseRosterOffThread, runWorkbookTask } from '../../electron/services/xlsx-off-thread';
import { cellText } from '../../electron/services/xlsx-read';
import { cleanStaleTemps, fitFileName, writeFileAtomic } from '../../electron/services/files';
import { checkSettingsPatch, fixedExportDirFromEnv, saveDocument } from '../../electron/services/save-document';
import { AttachmentStore } from '../../electron/services/councils/attachments';
import { councilsHandlers } from '../../electron/services/councils/handlers';
import { cleanAtStart } from '../../electron/services/datasafe-handlers';
import { createNodePlatform } from '../../electron/server/platform.node';
import type { ServiceContext } from '../../electron/core/context';
import { testServiceContext } from './service-context';
import { AppError } from '../../shared/errors';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'sgd-harden-'));

function ctxFor(dir: string, openPath = vi.fn(async () => {})): ServiceContext {
  return testServiceContext(dir, { platform: { ...createNodePlatform(dir), openPath } });
}

async function rosterBook(rows: unknown[][], build?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名簿');
  for (const r of rows) ws.addRow(r);
  build?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const SMALL_LIMITS = { maxTotalBytes: 8 * 1024 * 1024, maxEntryBytes: 8 * 1024 * 1024, maxEntries: 100 };

/** A small .xlsx-looking zip whose sheet inflates to `mb` MB of zeros (made once per size). */
const bombs = new Map<number, Uint8Array>();
function bomb(mb: number): Uint8Array {
  if (!bombs.has(mb)) bombs.set(mb, makeBomb(mb));
  return bombs.get(mb)!.slice();
}
function makeBomb(mb: number): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(mb * 1024 * 1024),
    },
    { level: 6 },
  );
}

describe('zip bombs in workbooks users bring', { timeout: 60_000 }, () => {
  it('stops at the declared size of an entry, quickly, with a Japanese reason', async () => {
    const data = bomb(40);
    expect(data.byteLength).toBeLessThan(200 * 1024);
    const started = Date.now();
    const e = await parseRosterWorkbook(data, [], '名簿.xlsx', { limits: SMALL_LIMITS }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/「名簿\.xlsx」は展開すると大きすぎる/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops at the actual size when the declared size lies', async () => {
    const data = bomb(40);
    // Patch the sheet's local header: declared uncompressed size 1000 bytes.
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    for (let i = 0; i < data.length - 30; i++) {
      if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 3 && data[i + 3] === 4) {
        const nameLen = data[i + 26]! | (data[i + 27]! << 8);
        if (nameLen === name.length && name.every((b, k) => data[i + 30 + k] === b)) {
          new DataView(data.buffer, data.byteOffset).setUint32(i + 22, 1000, true);
        }
      }
    }
    const e = await parseRosterWorkbook(data, [], '名簿.xlsx', { limits: SMALL_LIMITS }).catch((x: unknown) => x);
    expect((e as AppError).message).toMatch(/大きすぎる.*(申告より大きな|実際の大きさ)/);
  });

  it('parses rosters in a worker thread, with a time limit that stops a slow file', async () => {
    const data = await rosterBook([
      ['氏名', 'よみがな'],
      ['井澤 太郎', 'いざわ たろう'],
    ]);
    const preview = await parseRosterOffThread(data, [], '名簿.xlsx');
    expect(preview.rows.map((r) => r.member.name)).toEqual(['井澤 太郎']);
    const bombed = await parseRosterOffThread(bomb(40), [], '爆弾.xlsx', { limits: SMALL_LIMITS }).catch(
      (x: unknown) => x,
    );
    expect((bombed as AppError).code).toBe('INVALID_FILE');
    expect((bombed as AppError).message).toMatch(/大きすぎる/);
    const slow = await runWorkbookTask(
      { kind: 'roster', data, existing: [], fileName: '名簿.xlsx', opts: {} },
      1,
    ).catch((x: unknown) => x);
    expect((slow as AppError).message).toMatch(/時間がかかりすぎる/);
  });

  it('refuses a roster with more rows than any council has members', async () => {
    expect(ROSTER_MAX_ROWS).toBeLessThanOrEqual(5000);
    const rows: unknown[][] = [['氏名']];
    for (let i = 0; i < 30; i++) rows.push([`委員 ${i}`]);
    const e = await parseRosterWorkbook(await rosterBook(rows), [], '名簿.xlsx', { maxRows: 20 }).catch(
      (x: unknown) => x,
    );
    expect((e as AppError).message).toMatch(/20 行を超えている/);
  });
});

describe('formula cells without a saved result', () => {
  it('never import as "[object Object]": the row is reported', async () => {
    const data = await rosterBook(
      [
        ['氏名', '所属'],
        ['井澤 太郎', '九州工業大学'],
        [null, '商工会議所'],
      ],
      (ws) => {
        ws.getCell('A3').value = { formula: 'CONCATENATE("大久保","花子")' } as ExcelJS.CellFormulaValue;
      },
    );
    const preview = await parseRosterWorkbook(data, [], '名簿.xlsx');
    expect(JSON.stringify(preview)).not.toContain('[object Object]');
    expect(preview.rows.map((r) => r.member.name)).toEqual(['井澤 太郎']);
    expect(preview.problems).toEqual([
      expect.objectContaining({ rowNumber: 3, column: '氏名', message: expect.stringMatching(/数式に計算結果/) }),
    ]);
    expect(cellText({ formula: 'A1' } as ExcelJS.CellFormulaValue)).toBe('');
    expect(cellText({ formula: 'A1', result: '山田' } as ExcelJS.CellFormulaValue)).toBe('山田');
  });
});

describe('file names limited by UTF-8 bytes', () => {
  it('a 90-kanji draft title saves, shortened on a character boundary, and the user is told', async () => {
    const dir = tmp();
    const title = '飯塚市'.repeat(30); // 90 kanji = 270 bytes
    const saved = await saveDocument(ctxFor(dir), {
      fileName: `${title}.docx`,
      filter: { name: 'Word 文書', extensions: ['docx'] },
      data: new TextEncoder().encode('x'),
    });
    expect(Buffer.byteLength(saved.name)).toBeLessThanOrEqual(180);
    expect(saved.name).toMatch(/^飯塚市飯塚市.*…\.docx$/);
    expect(saved.notice).toMatch(/ファイル名が長すぎるため.*短くして保存しました/);
    expect(readFileSync(saved.path, 'utf8')).toBe('x');
  });

  it('never splits a grapheme (emoji sequences, combining marks)', () => {
    const family = '👨‍👩‍👧';
    const { name, shortened } = fitFileName(`${family.repeat(20)}.xlsx`, 100);
    expect(shortened).toBe(true);
    expect(
      name
        .replace(/\.xlsx$/, '')
        .replace(/…$/, '')
        .split(family)
        .join(''),
    ).toBe('');
    const ga = 'か\u3099';
    const cut = fitFileName(`${ga.repeat(40)}.docx`, 50).name;
    expect(
      cut
        .replace(/\.docx$/, '')
        .replace(/…$/, '')
        .split(ga)
        .join(''),
    ).toBe('');
    expect(fitFileName('会議録: 第2回/公開版?.docx')).toEqual({ name: '会議録_ 第2回_公開版_.docx', shortened: false });
  });
});

describe('leftovers of a crash', () => {
  it('temp files of atomic writes and unfinished uploads are removed at start; young ones and documents stay', async () => {
    const dir = tmp();
    const old = Date.now() / 1000 - 3600;
    const stale = ['.第2回_会議録.docx.0123456789ab.tmp', `.upload-${randomUUID()}.part`];
    for (const n of stale) {
      writeFileSync(path.join(dir, n), 'half');
      utimesSync(path.join(dir, n), old, old);
    }
    writeFileSync(path.join(dir, '.young.docx.aaaaaaaaaaaa.tmp'), 'writing now');
    writeFileSync(path.join(dir, '第2回_会議録.docx'), 'doc');
    expect((await cleanStaleTemps(dir)).sort()).toEqual([...stale].sort());
    expect(readdirSync(dir).sort()).toEqual(['.young.docx.aaaaaaaaaaaa.tmp', '第2回_会議録.docx']);

    const data = tmp();
    mkdirSync(path.join(data, 'attachments'));
    const part = path.join(data, 'attachments', `.upload-${randomUUID()}.part`);
    writeFileSync(part, 'half');
    utimesSync(part, old, old);
    await cleanAtStart(ctxFor(data));
    expect(existsSync(part)).toBe(false);
  });
});

describe('attachments', () => {
  const chunk = (uploadId: string, text: string, originalName = '資料1.pdf') => ({
    uploadId,
    index: 0,
    base64: Buffer.from(text).toString('base64'),
    last: true,
    originalName,
  });

  it('an upload id cannot be reused to overwrite a stored attachment', async () => {
    const dir = tmp();
    const store = new AttachmentStore(dir);
    const id = randomUUID();
    const first = await store.writeChunk(chunk(id, 'original'));
    const again = await store.writeChunk(chunk(id, 'replaced')).catch((x: unknown) => x);
    expect((again as AppError).message).toMatch(/使用済み/);
    expect(readFileSync(path.join(dir, first.file!.storedName), 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual([first.file!.storedName]);
  });

  it('only documents and pictures are opened with the system (never executables)', async () => {
    const dir = tmp();
    const openPath = vi.fn(async () => {});
    const ctx = ctxFor(dir, openPath);
    const handlers = councilsHandlers(ctx);
    const exe = await handlers['attachment:write:chunk'](chunk(randomUUID(), 'MZ', 'setup.exe'));
    const pdf = await handlers['attachment:write:chunk'](chunk(randomUUID(), '%PDF', '資料1.pdf'));
    const refused = await Promise.resolve(handlers['attachment:open:file']({ storedName: exe.file!.storedName })).catch(
      (x: unknown) => x,
    );
    expect((refused as AppError).code).toBe('FORBIDDEN');
    expect((refused as AppError).message).toMatch(/\.exe.*開けません/);
    await handlers['attachment:open:file']({ storedName: pdf.file!.storedName });
    expect(openPath).toHaveBeenCalledTimes(1);
    expect(openPath).toHaveBeenCalledWith(path.join(dir, 'attachments', pdf.file!.storedName));
  });
});

describe('settings and export folders', () => {
  it('lastExportDir accepts only absolute, existing, writable folders', async () => {
    const dir = tmp();
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, '');
    for (const bad of ['relative/folder', path.join(dir, 'missing'), file]) {
      await expect(checkSettingsPatch({ lastExportDir: bad })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringMatching(/使えません/),
      });
    }
    await expect(checkSettingsPatch({ lastExportDir: dir })).resolves.toEqual({ lastExportDir: dir });
    await expect(checkSettingsPatch({ lastExportDir: null })).resolves.toEqual({ lastExportDir: null });
  });

  it('SHINGIKAI_EXPORT_DIR is ignored in a packaged build', () => {
    expect(fixedExportDirFromEnv({ SHINGIKAI_EXPORT_DIR: '/tmp/out' }, true)).toBeNull();
    expect(fixedExportDirFromEnv({ SHINGIKAI_EXPORT_DIR: '/tmp/out' }, false)).toBe(path.resolve('/tmp/out'));
    expect(fixedExportDirFromEnv({}, false)).toBeNull();
  });

  it('the packaged build turns the grantFileProtocolExtraPrivileges fuse off', () => {
    const yml = readFileSync(path.resolve('electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^\s+grantFileProtocolExtraPrivileges: false$/m);
    expect(yml).toMatch(/dist\/electron\/xlsx-worker\.cjs/);
  });
});

describe('durable renames', () => {
  afterEach(() => vi.restoreAllMocks());
  it.skipIf(process.platform === 'win32')('the folder is flushed after the rename', async () => {
    const dir = tmp();
    const open = vi.spyOn(fsSync.promises, 'open');
    await writeFileAtomic(path.join(dir, 'a.docx'), 'x');
    expect(open.mock.calls.map((c) => [c[0], c[1]])).toContainEqual([dir, 'r']);
  });
});
