/**
 * The end of a backup sent in parts checks the .part file as it reads it (never the whole
 * backup in memory): the same verdicts as the one-pass check of a whole buffer, however the
 * bytes are cut into chunks; a broken file is refused, the attachments named in it are kept
 * even when a name is cut between chunks, and a file over the limit is refused.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BackupUploads,
  checkBackupFile,
  isOneJsonObject,
  JsonObjectCheck,
  parseBackup,
  storedNamesIn,
} from '../../electron/services/backups';
import { dexieExportJson } from './dexie-export';

const FILE = '0f8fad5b-d9cb-469f-a165-70867728950e.pdf';
const OTHER = '1f8fad5b-d9cb-469f-a165-70867728950e.docx';

/** The check fed `bytes` in chunks of `size` bytes. */
function checkInChunks(bytes: Buffer, size: number): JsonObjectCheck {
  const check = new JsonObjectCheck();
  for (let at = 0; at < bytes.length; at += size) check.push(bytes.subarray(at, at + size));
  return check;
}

const CASES = [
  ' {"a":[1,{"b":"}\\"]"}],"c":"\\\\"} \n',
  '{"a":"\\\\\\"}"}',
  '{"a":"\\\\"}}',
  '{"a":"x}',
  '{"a":"\\"}',
  '{"a":[}',
  '{"a":]',
  '{}{}',
  '{} x',
  '"{}"',
  '[{}]',
  '',
  '   ',
  '{',
  '{}',
  '{"k":"\\\\\\\\"}',
  '{"k":"\\\\\\\\\\"}',
];

describe('checking a backup file as it is read', () => {
  it('gives the whole-buffer verdict for every way of cutting the bytes', () => {
    for (const text of CASES) {
      const bytes = Buffer.from(text);
      const whole = isOneJsonObject(bytes);
      for (const size of [1, 2, 3, 5, 7, 64])
        expect({ text, size, ok: checkInChunks(bytes, size).ok }).toEqual({ text, size, ok: whole });
    }
    // The verdicts that matter, spelled out: a cut-off string or an extra brace is refused.
    expect(checkInChunks(Buffer.from('{"a":"\\\\"}}'), 1).ok).toBe(false);
    expect(checkInChunks(Buffer.from('{"a":"\\"}'), 1).ok).toBe(false);
    expect(checkInChunks(Buffer.from('{"a":"\\\\"}'), 1).ok).toBe(true);
  });

  it('finds the attachments named in the bytes, also when a name is cut between chunks', () => {
    const bytes = Buffer.from(
      JSON.stringify({
        rows: [
          { file: { storedName: FILE } },
          { note: `"storedName":"${OTHER.replace('1f', '2f')}"` },
          { file: { storedName: OTHER } },
        ],
      }),
    );
    const expected = [...storedNamesIn(bytes)].sort();
    expect(expected).toEqual([FILE, OTHER]);
    for (const size of [1, 3, 10, 17, 50, 1000])
      expect([...checkInChunks(bytes, size).storedNames].sort()).toEqual(expected);
  });

  it('refuses a file over the limit, before reading it', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'backup-check-'));
    writeFileSync(path.join(d, 'x.part'), '{"a":"0123456789"}');
    await expect(checkBackupFile(path.join(d, 'x.part'), 10)).rejects.toThrow('大きすぎる');
    expect((await checkBackupFile(path.join(d, 'x.part'), 100)).ok).toBe(true);
  });

  it('writes a backup of several MB sent in parts, and refuses a broken one, leaving nothing behind', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'backup-stream-end-'));
    const backups = path.join(d, 'backups');
    const attachments = path.join(d, 'attachments');
    mkdirSync(attachments, { recursive: true });
    writeFileSync(path.join(attachments, FILE), 'the minutes as a PDF');
    const uploads = new BackupUploads(
      () => backups,
      () => 5,
      () => ({ attachmentsDir: attachments }),
    );
    const rows = Array.from({ length: 30_000 }, (_, i) => ({
      id: `r${i}`,
      text: `第${i}回 "発言" \\ の記録 {[ ${'あ'.repeat(40)}`,
      ...(i === 29_999 ? { file: { storedName: FILE } } : {}),
    }));
    const json = dexieExportJson({ remarks: rows });
    const bytes = Buffer.from(json);
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
    const send = async (payload: Buffer) => {
      const { id } = await uploads.begin('manual');
      for (let at = 0, index = 0; at < payload.length; at += 1024 * 1024)
        await uploads.part(id, index++, payload.subarray(at, at + 1024 * 1024));
      return uploads.end(id);
    };
    const info = await send(bytes);
    const written = readFileSync(path.join(backups, info.name));
    expect(written.length).toBe(info.bytes);
    const contents = parseBackup(info.name, written.toString('utf8'));
    expect(contents.tables.remarks).toHaveLength(30_000);
    expect(contents.tables.remarks![123]).toEqual(rows[123]);
    expect(contents.attachments).toEqual([{ storedName: FILE, size: 20 }]);
    expect(written.toString('utf8').endsWith(`,"db":${json}}`)).toBe(true);

    // One record's closing brace, in the middle of the third MB, lost: refused, nothing written.
    const broken = Buffer.from(bytes);
    broken[broken.indexOf('},{"id"', 2 * 1024 * 1024 + 100)] = 0x20;
    await expect(send(broken)).rejects.toThrow('バックアップの内容が正しい形式ではないため、保存しませんでした。');
    // Cut off at a part boundary: refused too.
    await expect(send(bytes.subarray(0, 2 * 1024 * 1024))).rejects.toThrow('正しい形式ではない');
    expect(readdirSync(backups).filter((n) => n.endsWith('.part') || n.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(backups).filter((n) => n.startsWith('backup-') && !n.includes('.attachments'))).toEqual([
      info.name,
    ]);
  });
});
