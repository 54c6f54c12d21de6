/**
 * The replication proxy in main (electron/services/team/proxy.ts): the page's PouchDB reaches
 * only the shared councils' databases on the configured server, with the credentials added in
 * main; and the team settings keep the password encrypted when a SecretBox (safeStorage) is given.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { councilDbName, filesDbName } from '../../shared/contract/team';
import { proxyTeamRequest } from '../../electron/services/team/proxy';
import { readTeam, saveTeam, teamFile } from '../../electron/services/team/store';

let dir: string;
let server: http.Server;
let url: string;
const seen: { method: string; url: string; auth: string; body: string }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'team-proxy-'));
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

const ask = (sub: string, init: RequestInit = {}, search = '') =>
  proxyTeamRequest(dir, null, new Request(`http://app.invalid/team/${sub}${search}`, init), sub, search);

describe('team replication proxy', () => {
  it('answers 503 while team use is not set up, and sends nothing', async () => {
    const res = await ask(`${councilDbName('c1')}/_changes`);
    expect(res.status).toBe(503);
    expect(seen).toHaveLength(0);
  });

  it("forwards a shared council's requests with main's credentials; refuses every other database and _security", async () => {
    await saveTeam(dir, { serverUrl: url, username: 'yamada', password: 'himitsu', councils: ['c1'] });
    const db = councilDbName('c1');
    const res = await ask(
      `${db}/_bulk_docs`,
      { method: 'POST', body: '{"docs":[]}', headers: { 'content-type': 'application/json' } },
      '?x=1',
    );
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      url: `/${db}/_bulk_docs?x=1`,
      auth: `Basic ${Buffer.from('yamada:himitsu').toString('base64')}`,
      body: '{"docs":[]}',
    });
    const before = seen.length;
    expect((await ask(`${councilDbName('c2')}/_changes`)).status).toBe(403);
    expect((await ask('_users/org.couchdb.user:yamada')).status).toBe(403);
    expect((await ask(`${db}/_security`, { method: 'PUT', body: '{}' })).status).toBe(403);
    expect((await ask(`${db}/_design/shingikai`, { method: 'PUT', body: '{}' })).status).toBe(403);
    expect(seen.length).toBe(before);
    const refused = (await (await ask(`${councilDbName('c2')}/x`)).json()) as { reason: string };
    expect(refused.reason).toBe('この審議会は共有の対象になっていません。');
  });

  it("forwards the shared council's files database (attachment PUT and GET); still refuses its _security and design", async () => {
    await saveTeam(dir, { serverUrl: url, username: 'yamada', password: 'himitsu', councils: ['c1'] });
    const files = filesDbName('c1');
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    const put = await ask(
      `${files}/file%3Aab.pdf/file`,
      {
        method: 'PUT',
        body: bytes,
        headers: { 'content-type': 'application/pdf' },
      },
      '?rev=1-a',
    );
    expect(put.status).toBe(200);
    expect(seen.at(-1)!.method).toBe('PUT');
    expect(seen.at(-1)!.url).toBe(`/${files}/file%3Aab.pdf/file?rev=1-a`);
    expect(seen.at(-1)!.body.length).toBeGreaterThan(0);
    expect((await ask(`${files}/file%3Aab.pdf/file`)).status).toBe(200);
    expect(seen.at(-1)!.method).toBe('GET');
    const before = seen.length;
    expect((await ask(`${files}/_security`, { method: 'PUT', body: '{}' })).status).toBe(403);
    expect((await ask(`${files}/_design/shingikai`, { method: 'PUT', body: '{}' })).status).toBe(403);
    expect((await ask(`${filesDbName('c2')}/file%3Aab.pdf`)).status).toBe(403);
    expect(seen.length).toBe(before);
  });

  it('says the server is unreachable in Japanese (502) when it is down', async () => {
    await saveTeam(dir, { serverUrl: 'http://127.0.0.1:9', username: 'yamada', councils: ['c1'] });
    const res = await ask(`${councilDbName('c1')}/`);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { reason: string }).reason).toBe('サーバーに接続できません。');
  });

  it('keeps the password encrypted on disk when a SecretBox is given', async () => {
    const box = {
      encrypt: (s: string) => Buffer.from(`enc:${s}`).toString('base64'),
      decrypt: (s: string) => Buffer.from(s, 'base64').toString().replace(/^enc:/, ''),
    };
    await saveTeam(dir, { serverUrl: url, username: 'suzuki', password: 'pass-123', councils: ['c1'] }, box);
    const onDisk = await readFile(teamFile(dir), 'utf8');
    expect(onDisk).not.toContain('pass-123');
    expect(JSON.parse(onDisk).password).toBeNull();
    expect((await readTeam(dir, box)).password).toBe('pass-123');
    // Another keychain cannot read it: asked again, never a wrong password sent.
    const other = {
      ...box,
      decrypt: () => {
        throw new Error('no');
      },
    };
    expect((await readTeam(dir, other)).password).toBeNull();
  });
});
