import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, safeJoin, sameToken } from '../../electron/core/security';

describe('URL traps', () => {
  it.each([
    ['app://shingikai/index.html', true],
    ['app://shingikai/#/councils', true],
    ['app://evil/index.html', false],
    ['app://shingikai.evil.example/', false],
    ['app://user:pw@shingikai/', false],
    ['https://evil.example/?next=app://shingikai/', false],
    ['https://evil.example/#app://shingikai', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['http://127.0.0.1:1234/', false],
    ['not a url', false],
  ])('isAppUrl(%s) = %s', (url, ok) => expect(isAppUrl(url)).toBe(ok));

  it.each([
    ['https://www.city.iizuka.lg.jp/', true],
    ['http://www.city.iizuka.lg.jp/', false],
    ['https://user@evil.example/', false],
    ['https://127.0.0.1/', false],
    ['https://localhost/', false],
    ['file:///C:/Windows/system32/calc.exe', false],
    ['smb://server/share', false],
    ['javascript:alert(1)', false],
  ])('isSafeExternalUrl(%s) = %s', (url, ok) => expect(isSafeExternalUrl(url)).toBe(ok));
});

describe('static files stay inside their folder', () => {
  const root = path.resolve('/srv/app');
  const join = (p: string) => safeJoin(root, p, path.join, path.sep);
  it('allows files below the root', () => {
    expect(join('/assets/index.js')).toBe(path.join(root, 'assets', 'index.js'));
    expect(join('index.html')).toBe(path.join(root, 'index.html'));
  });
  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%5c..%5cwindows',
    '/C:/Windows',
    '/a%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (p) => {
    expect(join(p)).toBeNull();
  });
});

describe('tokens', () => {
  it('compares exactly', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abc', 'abd')).toBe(false);
    expect(sameToken('', '')).toBe(false);
    expect(sameToken('abc', 'abcd')).toBe(false);
  });
});
