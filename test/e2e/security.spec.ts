import { test, expect } from './fixtures';

test.describe('the loopback server refuses what it must', () => {
  test('no token → 403 and nothing done', async ({ request, server }) => {
    const page = await request.get(`${server.origin}/`);
    expect(page.status()).toBe(403);
    const api = await request.post(`${server.origin}/api/settings:update`, { data: { backupKeep: 3 } });
    expect(api.status()).toBe(403);
    expect((await api.json()).error.code).toBe('FORBIDDEN');
    const wrong = await request.get(`${server.origin}/?token=not-the-token`);
    expect(wrong.status()).toBe(403);
    // Nothing was written: the setting still has its default.
    const check = await request.post(`${server.origin}/api/settings:get:all`, {
      data: {},
      headers: { 'x-shingikai-token': server.token },
    });
    expect((await check.json()).value.backupKeep).toBe(20);
  });

  test('unknown channel → rejected; bad arguments → typed error in Japanese, nothing written', async ({
    request,
    server,
  }) => {
    const headers = { 'x-shingikai-token': server.token };
    const unknown = await request.post(`${server.origin}/api/fs:delete:everything`, { data: {}, headers });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe('UNKNOWN_CHANNEL');

    const bad = await request.post(`${server.origin}/api/settings:update`, {
      data: { backupKeep: 'many', extra: 1 },
      headers,
    });
    const body = await bad.json();
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('INVALID_ARGUMENT');
    expect(body.error.message).toMatch(/入力内容に誤り/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js|cjs):\d+/); // no stack trace
    const after = await request.post(`${server.origin}/api/settings:get:all`, { data: {}, headers });
    expect((await after.json()).value.backupKeep).toBe(20);

    const openAnything = await request.post(`${server.origin}/api/file:open:saved`, {
      data: { path: '/etc/passwd' },
      headers,
    });
    expect((await openAnything.json()).error.code).toBe('FORBIDDEN');
  });

  test('another host name is refused (DNS rebinding)', async ({ request, server }) => {
    const res = await request.get(`${server.origin}/`, {
      headers: { Host: 'evil.example', 'x-shingikai-token': server.token },
    });
    expect(res.status()).toBe(403);
  });

  test('the page is served with a strict CSP', async ({ app: page, server }) => {
    const res = await page.request.get(`${server.origin}/`, { headers: { 'x-shingikai-token': server.token } });
    const csp = res.headers()['content-security-policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("default-src 'none'");
  });
});
