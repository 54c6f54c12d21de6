/**
 * Browser mode: the renderer in an ordinary browser, with main's services on loopback.
 *
 * - Listens on 127.0.0.1 only; the Host header must name that address and port
 *   (a DNS-rebinding page cannot reach it under another name).
 * - A random per-run token is required on every request. The printed URL carries it
 *   once (?token=…); the server answers with an HttpOnly, SameSite=Strict cookie and
 *   a redirect that removes it from the address bar. Scripts may send it as a header.
 * - Cookies are not separated by port: a cookie for 127.0.0.1 is sent to every local
 *   service on any port. So the app is served under a random per-run path
 *   (/s/<id>/, the renderer uses relative URLs) and the cookie carries that Path and a
 *   per-port name: the browser sends it only to /s/<id>/…, a path no other local
 *   service is ever asked for. (`__Host-` cookies need Secure, i.e. https, which a
 *   loopback server without a certificate cannot offer.)
 * - A body larger than the limit is refused with 413 from its Content-Length, before
 *   a byte is read; malformed percent-encoding in a path is 400.
 * - POST /api/<channel> runs the same dispatcher as Electron's IPC. A raw-body channel
 *   (RAW_BODY_CHANNELS: a backup) may instead be sent as application/octet-stream, the
 *   payload as it is and the other arguments in the query; the contract checks both alike.
 *   A raw-result channel (RAW_RESULT_CHANNELS: a backup file) answers its bytes as they are.
 * Never part of a packaged build: electron-builder does not ship this entry.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { dispatch, type Handlers, type Logger } from '../core/dispatch';
import { RAW_BODY_CHANNELS } from '../../shared/contract/app';
import { RAW_RESULT_CHANNELS } from '../../shared/contract/datasafe';
import { CONTENT_SECURITY_POLICY, MIME_TYPES, safeJoin, sameToken } from '../core/security';

export const TOKEN_HEADER = 'x-shingikai-token';
const MAX_BODY_BYTES = 600 * 1024 * 1024;

export interface BrowserServer {
  url: string; // entry URL including the token
  origin: string;
  /** The random path the app is served under; the session cookie is scoped to it. */
  appPath: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface BrowserServerOptions {
  handlers: Handlers;
  staticDir: string;
  port?: number;
  token?: string;
  log?: Logger;
  /** Largest request body (tests lower it). */
  maxBodyBytes?: number;
  /**
   * The team replication proxy (electron/services/team/proxy.ts): requests under `/team/`
   * (token-checked like every other) are handed to it as web Requests; `subPath` is what follows.
   */
  teamProxy?: (request: Request, subPath: string, search: string) => Promise<Response>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Uint8Array,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown) {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

class TooLarge extends Error {}
const tooLargeError = () => new AppError('INVALID_ARGUMENT', '送信されたデータが大きすぎます。');

async function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Hands a request under /team/ to the proxy and streams its answer back (a long-poll stays open). */
async function forwardTeam(
  proxy: NonNullable<BrowserServerOptions['teamProxy']>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  route: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, MAX_BODY_BYTES);
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  const headers = new Headers();
  for (const h of ['content-type', 'accept']) {
    const v = req.headers[h];
    if (typeof v === 'string') headers.set(h, v);
  }
  const request = new Request(url, { method, headers, body, signal: abort.signal });
  const answer = await proxy(request, route.slice('/team/'.length), url.search);
  const out: Record<string, string> = { ...SECURITY_HEADERS };
  answer.headers.forEach((v, k) => (out[k] = v));
  res.writeHead(answer.status, out);
  if (!answer.body) return void res.end();
  try {
    for await (const chunk of answer.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  } catch {
    /* the server or the page went away mid-answer: the page's PouchDB retries */
  }
  res.end();
}

export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const log = opts.log ?? (() => {});
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const staticRoot = path.resolve(opts.staticDir);
  let port = 0;
  const cookieName = () => `shingikai_${port}`;
  const appPath = `/s/${randomBytes(12).toString('hex')}/`;

  const server = http.createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
        return send(res, 403, '許可されていないホスト名です。', 'text/plain; charset=utf-8');
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      try {
        decodeURIComponent(url.pathname);
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: new AppError('INVALID_ARGUMENT', 'アドレスの形式が正しくありません。').toShape(),
        });
      }
      // The app's own path prefix is transparent below.
      const underApp = url.pathname.startsWith(appPath);
      const route = underApp ? url.pathname.slice(appPath.length - 1) : url.pathname;

      // One-time entry: exchange the token in the URL for a cookie and drop it from the address bar.
      const queryToken = url.searchParams.get('token');
      if (req.method === 'GET' && queryToken !== null) {
        if (!sameToken(queryToken, token))
          return send(
            res,
            403,
            'アクセスが拒否されました（トークンが正しくありません）。',
            'text/plain; charset=utf-8',
          );
        url.searchParams.delete('token');
        return send(res, 303, '', 'text/plain; charset=utf-8', {
          'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=${appPath}`,
          Location: appPath + route.replace(/^\//, '') + (url.search || '') + url.hash,
        });
      }

      const presented =
        (req.headers[TOKEN_HEADER] as string | undefined) ?? cookieValue(req.headers.cookie, cookieName());
      if (!presented || !sameToken(presented, token)) {
        if (route.startsWith('/api/'))
          return sendJson(res, 403, {
            ok: false,
            error: new AppError('FORBIDDEN', 'アクセスが拒否されました（トークンがありません）。').toShape(),
          });
        return send(
          res,
          403,
          'アクセスが拒否されました。起動時に表示された URL から開いてください。',
          'text/plain; charset=utf-8',
        );
      }

      if (route.startsWith('/api/')) {
        if (req.method !== 'POST')
          return sendJson(res, 405, {
            ok: false,
            error: new AppError('FORBIDDEN', 'POST のみ受け付けます。').toShape(),
          });
        const channel = decodeURIComponent(route.slice('/api/'.length));
        const contentType = req.headers['content-type'] ?? '';
        // A raw-body channel's payload is the body as sent (bytes), its other arguments the query.
        const rawField = contentType.startsWith('application/octet-stream') ? RAW_BODY_CHANNELS[channel] : undefined;
        if (!rawField && !contentType.startsWith('application/json')) {
          return sendJson(res, 415, {
            ok: false,
            error: new AppError('INVALID_ARGUMENT', 'JSON で送信してください。').toShape(),
          });
        }
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > maxBody) {
          // Refused before reading: the connection closes with the rest of the body unread.
          res.setHeader('Connection', 'close');
          return sendJson(res, 413, { ok: false, error: tooLargeError().toShape() });
        }
        let arg: unknown;
        try {
          const body = await readBody(req, maxBody);
          if (rawField) arg = { ...Object.fromEntries(url.searchParams), [rawField]: body };
          else arg = body.length ? JSON.parse(body.toString('utf8')) : undefined;
        } catch (error) {
          if (error instanceof TooLarge) {
            res.setHeader('Connection', 'close');
            return sendJson(res, 413, { ok: false, error: tooLargeError().toShape() });
          }
          const shape =
            error instanceof AppError
              ? error.toShape()
              : new AppError('INVALID_ARGUMENT', '送信されたデータを読み取れません。').toShape();
          return sendJson(res, 400, { ok: false, error: shape });
        }
        const envelope = await dispatch(opts.handlers, channel, arg, log);
        const rawResult = RAW_RESULT_CHANNELS[channel];
        if (rawResult && envelope.ok) {
          const bytes = (envelope.value as Record<string, unknown>)[rawResult] as Uint8Array;
          // Its length lets the reader show how far it is.
          return send(res, 200, bytes, 'application/octet-stream', { 'Content-Length': String(bytes.byteLength) });
        }
        const status = !envelope.ok && envelope.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200;
        return sendJson(res, status, envelope);
      }

      if (opts.teamProxy && route.startsWith('/team/')) return await forwardTeam(opts.teamProxy, req, res, url, route);

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '', 'text/plain');
      const rel = route === '/' ? 'index.html' : route;
      const file = safeJoin(staticRoot, rel, path.join, path.sep);
      if (!file) return send(res, 404, 'Not found', 'text/plain');
      let data: Buffer;
      try {
        data = await fs.readFile(file);
      } catch {
        // Unknown paths fall back to the app (client-side routes use the hash, so this is rare).
        data = await fs.readFile(path.join(staticRoot, 'index.html'));
        return send(res, 200, data, MIME_TYPES['.html']!);
      }
      return send(res, 200, data, MIME_TYPES[path.extname(file)] ?? 'application/octet-stream');
    } catch (error) {
      log('browser server request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: new AppError('INTERNAL').toShape() });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    // The printed entry URL stays at the root; it redirects to the per-run path.
    url: `${origin}/?token=${token}`,
    appPath,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
