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
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${server.origin}/`, { headers: { cookie: cookie.split(';')[0]! } });
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
});
