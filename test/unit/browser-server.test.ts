import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../electron/server/browser-server';
import type { Handlers } from '../../electron/core/dispatch';

const update = vi.fn((p: object) => ({ lastExportDir: null, backupKeep: 20, ...p }));
const handlers = {
  'settings:update': update,
  'settings:get:all': () => ({ lastExportDir: null, backupKeep: 20 }),
} as unknown as Handlers;

let server: BrowserServer;
beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sgd-static-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>審議会デスク</title>');
  server = await startBrowserServer({ handlers, staticDir: dir });
});
afterAll(() => server.close());

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 with a random port and token', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses requests without the token, and does nothing', async () => {
    expect((await fetch(`${server.origin}/`)).status).toBe(403);
    const api = await fetch(`${server.origin}/api/settings:update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"backupKeep":3}',
    });
    expect(api.status).toBe(403);
    expect(update).not.toHaveBeenCalled();
  });

  it('exchanges the URL token for an HttpOnly SameSite=Strict cookie and strips it from the address', async () => {
    const res = await fetch(server.url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(server.appPath);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${server.origin}${server.appPath}`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('審議会デスク');
  });

  it('runs the contract for a token holder and validates arguments', async () => {
    const headers = { 'content-type': 'application/json', 'x-shingikai-token': server.token };
    const ok = await fetch(`${server.origin}/api/settings:update`, {
      method: 'POST',
      headers,
      body: '{"backupKeep":5}',
    });
    expect(await ok.json()).toEqual({ ok: true, value: { lastExportDir: null, backupKeep: 5 } });
    const bad = await fetch(`${server.origin}/api/settings:update`, {
      method: 'POST',
      headers,
      body: '{"backupKeep":"x"}',
    });
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INVALID_ARGUMENT');
    const notJson = await fetch(`${server.origin}/api/settings:update`, { method: 'POST', headers, body: '{' });
    expect(notJson.status).toBe(400);
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('refuses a foreign Host header and a cross-site form post', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/',
          headers: { host: 'attacker.example', 'x-shingikai-token': server.token },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(status).toBe(403);
    const form = await fetch(`${server.origin}/api/settings:update`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-shingikai-token': server.token },
      body: '{"backupKeep":2}',
    });
    expect(form.status).toBe(415);
  });

  it('scopes the session cookie to a random per-run path, so other local ports never receive it', async () => {
    // Browsers send a 127.0.0.1 cookie to every port; only the Path keeps it to this app.
    const res = await fetch(server.url, { redirect: 'manual' });
    const cookie = res.headers.get('set-cookie')!;
    expect(server.appPath).toMatch(/^\/s\/[0-9a-f]{24}\/$/);
    expect(cookie).toContain(`Path=${server.appPath}`);
    expect(cookie).not.toMatch(/Path=\/(;|$)/);
    expect(cookie).toMatch(new RegExp(`^shingikai_${server.port}=`));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sgd-static-'));
    writeFileSync(path.join(dir, 'index.html'), 'x');
    const other = await startBrowserServer({ handlers, staticDir: dir });
    expect(other.appPath).not.toBe(server.appPath);
    await other.close();
    // The app and its API work under that path with the cookie (the renderer uses relative URLs).
    const api = await fetch(`${server.origin}${server.appPath}api/settings:get:all`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0]! },
      body: '{}',
    });
    expect(await api.json()).toMatchObject({ ok: true });
  });

  it('answers 413 from Content-Length before reading an oversized body', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sgd-static-'));
    writeFileSync(path.join(dir, 'index.html'), 'x');
    const small = await startBrowserServer({ handlers, staticDir: dir, maxBodyBytes: 1024 });
    try {
      const http = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({
          host: '127.0.0.1',
          port: small.port,
          method: 'POST',
          path: '/api/settings:update',
          headers: {
            host: `127.0.0.1:${small.port}`,
            'content-type': 'application/json',
            'content-length': String(500 * 1024 * 1024),
            'x-shingikai-token': small.token,
          },
        });
        req.on('response', (r) => resolve(r.statusCode ?? 0));
        req.on('error', reject);
        req.write('{"backupKeep":'); // the rest never comes: the answer must not wait for it
      });
      expect(status).toBe(413);
      const chunked = await fetch(`${small.origin}/api/settings:update`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-shingikai-token': small.token },
        body: JSON.stringify({ backupKeep: 3, pad: 'x'.repeat(4096) }),
      });
      expect(chunked.status).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('gives 400, not 500, for malformed percent-encoding', async () => {
    const headers = { 'x-shingikai-token': server.token };
    expect((await fetch(`${server.origin}/%E0%A4%A`, { headers })).status).toBe(400);
    const api = await fetch(`${server.origin}/api/settings%E0%A4%A:update`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(400);
    expect(((await api.json()) as { error: { message: string } }).error.message).toMatch(/アドレスの形式/);
  });
});
