/**
 * A backup travels serialized once: the worker's bytes are the browser-mode request body (the
 * reason in the query) and main writes them after a one-pass check, without parsing; a
 * restore fetches the file's bytes raw and parses them where the records are written.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../electron/server/browser-server';
import { createHandlers } from '../../electron/main/handlers';
import { attachmentsDir, backupsDir } from '../../electron/core/context';
import { isOneJsonObject, listBackups, parseBackup, storedNamesIn } from '../../electron/services/backups';
import { testServiceContext } from './service-context';
import { dexieExportJson } from './dexie-export';

const FILE = '0f8fad5b-d9cb-469f-a165-70867728950e.pdf';

const dexieExport = (rows: Record<string, unknown>[]) => dexieExportJson({ meetings: rows });

let server: BrowserServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'backup-bytes-'));
  const ctx = testServiceContext(dir);
  mkdirSync(attachmentsDir(ctx), { recursive: true });
  writeFileSync(path.join(attachmentsDir(ctx), FILE), 'the minutes as a PDF');
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), 'x');
  server = await startBrowserServer({ handlers: createHandlers(ctx), staticDir });
});
afterAll(() => server.close());

const api = (channel: string, query = '') => `${server.origin}/api/${encodeURIComponent(channel)}${query}`;
type Envelope = { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
const jsonCall = async (channel: string, arg: unknown): Promise<Envelope> =>
  (await (
    await fetch(api(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shingikai-token': server.token },
      body: JSON.stringify(arg),
    })
  ).json()) as Envelope;

/** The backup's bytes as the app sends them: begin, the bytes as one raw part, end. */
async function sendBackup(body: string | Uint8Array, reason = 'manual'): Promise<Envelope> {
  const begun = await jsonCall('backup:write:begin', { reason });
  if (!begun.ok) return begun;
  const id = String(begun.value!.id);
  const part = (await (
    await fetch(api('backup:write:part', `?id=${id}&index=0`), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-shingikai-token': server.token },
      body,
    })
  ).json()) as Envelope;
  if (!part.ok) return part;
  return jsonCall('backup:write:end', { id });
}

describe('a backup sent as its bytes', () => {
  it('is written as sent, with its attachments kept, and read back raw for the restore', async () => {
    const json = dexieExport([
      { id: 'm1', title: '第1回 "会議" \\ の記録 {[', materials: [{ file: { storedName: FILE } }] },
      { id: 'm2', title: '"storedName":"1e8fad5b-d9cb-469f-a165-70867728950e.pdf" と書いた発言' },
    ]);
    const envelope = (await sendBackup(new TextEncoder().encode(json))) as {
      ok: boolean;
      value: { name: string; bytes: number };
    };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.name).toMatch(/^backup-\d{8}-\d{6}-\d{3}-manual\.json$/);
    const file = path.join(backupsDir(testServiceContext(dir)), envelope.value.name);
    const written = readFileSync(file, 'utf8');
    expect(envelope.value.bytes).toBe(Buffer.byteLength(written));
    const read = parseBackup(envelope.value.name, written);
    expect(read.tables.meetings![0]!.title).toBe('第1回 "会議" \\ の記録 {[');
    // The file the records name is kept; the name inside a remark's text is not a reference.
    expect(read.attachments).toEqual([{ storedName: FILE, size: 20 }]);

    const raw = await fetch(api('backup:read:file'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shingikai-token': server.token },
      body: JSON.stringify({ name: envelope.value.name }),
    });
    expect(raw.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await raw.arrayBuffer()).toString('utf8')).toBe(written);
  });

  it('refuses a cut-off or unbalanced body, a bad reason, and a raw body on other channels', async () => {
    const headers = { 'content-type': 'application/octet-stream', 'x-shingikai-token': server.token };
    const json = dexieExport([{ id: 'm1', title: 'x' }]);
    const before = (await listBackups(backupsDir(testServiceContext(dir)))).length;
    for (const body of [json.slice(0, -3), `${json.slice(0, -1)}]}`, `${json}{}`, `[${json}]`]) {
      const envelope = await sendBackup(body);
      expect(envelope.ok).toBe(false);
      expect(envelope.error!.message).toMatch(/正しい形式ではないため、保存しませんでした/);
    }
    expect((await sendBackup(json, 'whatever')).error!.code).toBe('INVALID_ARGUMENT');
    const other = await fetch(api('settings:update'), { method: 'POST', headers, body: '{"backupKeep":3}' });
    expect(other.status).toBe(415);
    expect(await listBackups(backupsDir(testServiceContext(dir)))).toHaveLength(before);
    const missing = await fetch(api('backup:read:file'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shingikai-token': server.token },
      body: JSON.stringify({ name: 'backup-20990101-000000-000-manual.json' }),
    });
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/見つかりません/);
  });

  it('checks the structure in one pass and finds the attachments named in the bytes', () => {
    const ok = (s: string) => isOneJsonObject(Buffer.from(s));
    expect(ok(' {"a":[1,{"b":"}\\"]"}],"c":"\\\\"} \n')).toBe(true);
    expect(ok('{"a":"\\\\"}}')).toBe(false);
    expect(ok('{"a":"x}')).toBe(false);
    expect(ok('{"a":[}')).toBe(false);
    expect(ok('{}{}')).toBe(false);
    expect(ok('"{}"')).toBe(false);
    const names = storedNamesIn(
      Buffer.from(JSON.stringify([{ storedName: FILE }, { note: `"storedName":"${FILE.replace('0f', '1f')}"` }])),
    );
    expect([...names]).toEqual([FILE]);
  });
});
