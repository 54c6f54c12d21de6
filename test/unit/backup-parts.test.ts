/**
 * A backup sent in parts (backup:write:begin → part… → end): the file written is the same as
 * the one a single write makes; parts out of order, too large, or for an unknown id are
 * refused in Japanese and leave nothing behind; a crash mid-upload leaves no backup and its
 * .part is swept at the next start.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../electron/server/browser-server';
import { createHandlers } from '../../electron/main/handlers';
import { backupsDir } from '../../electron/core/context';
import { BackupUploads, listBackups, parseBackup, writeBackup } from '../../electron/services/backups';
import { cleanAtStart } from '../../electron/services/datasafe-handlers';
import { backupParts } from '../../renderer/src/data/backupUpload';
import { testServiceContext } from './service-context';
import { dexieExportJson } from './dexie-export';

function dexieExport(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => ({ id: `m${i}`, title: `第${i}回 "会議" の記録 {[ 発言` }));
  return dexieExportJson({ meetings: rows });
}

let server: BrowserServer;
let dir: string;
let backups: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'backup-parts-'));
  const ctx = testServiceContext(dir);
  backups = backupsDir(ctx);
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), 'x');
  server = await startBrowserServer({ handlers: createHandlers(ctx), staticDir });
});
afterAll(() => server.close());

type Envelope = { ok: boolean; value?: Record<string, unknown>; error?: { message: string; details?: unknown } };
const headers = (type: string) => ({ 'content-type': type, 'x-shingikai-token': server.token });
const call = async (channel: string, arg: unknown): Promise<Envelope> =>
  (await (
    await fetch(`${server.origin}/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: headers('application/json'),
      body: JSON.stringify(arg),
    })
  ).json()) as Envelope;
const part = async (id: string, index: number, bytes: Uint8Array): Promise<Envelope> =>
  (await (
    await fetch(`${server.origin}/api/backup%3Awrite%3Apart?id=${id}&index=${index}`, {
      method: 'POST',
      headers: headers('application/octet-stream'),
      body: bytes,
    })
  ).json()) as Envelope;
const partFiles = () => readdirSync(backups).filter((n) => n.endsWith('.part'));

describe('a backup sent in parts', () => {
  it('writes the same backup as one write, part by part in order', async () => {
    const json = dexieExport(2000);
    const parts = [...backupParts([json.slice(0, 1000), json.slice(1000)], 16 * 1024)];
    expect(parts.length).toBeGreaterThan(3);
    const begun = await call('backup:write:begin', { reason: 'manual' });
    const id = String(begun.value!.id);
    for (let i = 0; i < parts.length; i++) expect((await part(id, i, parts[i]!)).ok).toBe(true);
    const end = await call('backup:write:end', { id });
    expect(end.ok).toBe(true);
    const name = String(end.value!.name);
    expect(name).toMatch(/^backup-\d{8}-\d{6}-\d{3}-manual\.json$/);
    expect(partFiles()).toEqual([]);

    const other = mkdtempSync(path.join(os.tmpdir(), 'backup-single-'));
    const single = await writeBackup(other, json, 'manual', 5, new Date());
    const a = parseBackup(name, readFileSync(path.join(backups, name), 'utf8'));
    const b = parseBackup(single.name, readFileSync(path.join(other, single.name), 'utf8'));
    expect(a.tables.meetings).toHaveLength(2000);
    expect(a.tables).toEqual(b.tables);
    // The records' bytes are the ones sent, as in a single write.
    const records = (file: string) => {
      const text = readFileSync(file, 'utf8');
      return text.slice(text.indexOf(',"db":'));
    };
    expect(records(path.join(backups, name))).toBe(records(path.join(other, single.name)));
    expect(records(path.join(backups, name))).toBe(`,"db":${json}}`);
    // The id was used once: a further part or end is refused.
    expect((await part(id, parts.length, new Uint8Array([1]))).error?.message).toContain('見つかりません');
    expect((await call('backup:write:end', { id })).error?.message).toContain('見つかりません');
  });

  it('refuses a part out of order and drops the upload', async () => {
    const before = (await listBackups(backups)).length;
    const id = String((await call('backup:write:begin', { reason: 'auto' })).value!.id);
    expect((await part(id, 0, new TextEncoder().encode('{"formatName":'))).ok).toBe(true);
    const skipped = await part(id, 2, new TextEncoder().encode('"dexie"}'));
    expect(skipped.ok).toBe(false);
    expect(skipped.error?.message).toBe('バックアップの送信の順序が正しくないため、保存を中止しました。');
    expect(partFiles()).toEqual([]);
    expect((await call('backup:write:end', { id })).ok).toBe(false);
    expect((await listBackups(backups)).length).toBe(before);
  });

  it('refuses a part over 8 MB, an unknown id and a broken whole, in Japanese', async () => {
    const id = String((await call('backup:write:begin', { reason: 'auto' })).value!.id);
    const big = await part(id, 0, new Uint8Array(8 * 1024 * 1024 + 1));
    expect(big.ok).toBe(false);
    expect(JSON.stringify(big.error?.details)).toContain('8MB まで');
    const unknown = await part('0f8fad5b-d9cb-469f-a165-70867728950e', 0, new Uint8Array([0x7b]));
    expect(unknown.error?.message).toBe('バックアップの送信が見つかりません。もう一度お試しください。');
    expect((await call('backup:write:begin', { reason: 'whatever' })).ok).toBe(false);
    // A cut-off backup is refused at the end, and its .part removed.
    expect((await part(id, 0, new TextEncoder().encode(dexieExport(3).slice(0, -5)))).ok).toBe(true);
    const end = await call('backup:write:end', { id });
    expect(end.error?.message).toBe('バックアップの内容が正しい形式ではないため、保存しませんでした。');
    expect(partFiles()).toEqual([]);
  });

  it('a total over the limit is refused', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'backup-limit-'));
    const uploads = new BackupUploads(
      () => d,
      () => 5,
      () => ({}),
      10,
    );
    const { id } = await uploads.begin('auto');
    await uploads.part(id, 0, new Uint8Array(6));
    await expect(uploads.part(id, 1, new Uint8Array(6))).rejects.toThrow('大きすぎる');
    expect(readdirSync(d)).toEqual([]);
  });

  it('a crash mid-upload leaves no backup, and its .part is swept at start', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'backup-crash-'));
    const ctx = testServiceContext(d);
    const uploads = new BackupUploads(
      () => backupsDir(ctx),
      () => 5,
    );
    const { id } = await uploads.begin('auto');
    await uploads.part(id, 0, new TextEncoder().encode(dexieExport(10).slice(0, 100)));
    // The app stops here: no end.
    expect(await listBackups(backupsDir(ctx))).toEqual([]);
    const left = path.join(backupsDir(ctx), `.backup-${id}.part`);
    expect(readdirSync(backupsDir(ctx))).toEqual([`.backup-${id}.part`]);
    const old = new Date(Date.now() - 60 * 60_000);
    utimesSync(left, old, old);
    expect(await cleanAtStart(ctx)).toContain(`.backup-${id}.part`);
    expect(readdirSync(backupsDir(ctx))).toEqual([]);
  });
});

describe('parts of a backup', () => {
  it('are the UTF-8 of the pieces in order, none over the size, no character cut in two', () => {
    const pieces = ['{"a":"', '審議会デスク'.repeat(50), '𠮷野家と髙橋', 'ｺﾐｭﾆﾃｨ'.repeat(30), '"}', ''];
    const size = 64;
    const parts = [...backupParts(pieces, size)];
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.every((p) => p.length > 0 && p.length <= size)).toBe(true);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const p of parts) expect(() => decoder.decode(p)).not.toThrow();
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) joined.set(p, (at += p.length) - p.length);
    expect(decoder.decode(joined)).toBe(pieces.join(''));
  });
});
