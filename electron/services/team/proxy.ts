/**
 * The replication proxy (docs/ARCHITECTURE.md §7): the renderer's PouchDB replicates with
 * `<app>/team/<database>/…` on the app's own origin, and main forwards each request to the
 * configured CouchDB server with the user's credentials added here. So the password never
 * reaches the page (nor IndexedDB), the page's CSP stays `connect-src 'self'`, CouchDB needs no
 * CORS, and the page can reach nothing but the databases of the councils shared in the
 * settings, on the one configured server. Both Electron (the `app://` protocol handler) and
 * the browser-mode server (behind its per-run token) call `proxyTeamRequest`.
 */
import { councilDbName, filesDbName } from '../../../shared/contract/team';
import type { SecretBox } from '../../core/context';
import { joinUrl } from './http';
import { readTeam, teamEnabled } from './store';

/** The path the renderer's PouchDB uses, relative to the app's own address. */
export const TEAM_PROXY_PREFIX = '/team/';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);
const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'etag'];

function refuse(status: number, error: string, reason: string): Response {
  return new Response(JSON.stringify({ error, reason }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * Forwards one request. `subPath` is what follows `/team/` (`<database>/<rest>`, still
 * percent-encoded as PouchDB sent it), `search` the query string with its `?`.
 */
export async function proxyTeamRequest(
  dataDir: string,
  secrets: SecretBox | null | undefined,
  request: Request,
  subPath: string,
  search: string,
): Promise<Response> {
  const team = await readTeam(dataDir, secrets);
  if (!teamEnabled(team)) return refuse(503, 'not_configured', 'チームで使う設定がありません。');
  // PouchDB asks the server's welcome (its version) before replicating: nothing but that at the root.
  if (subPath === '' && request.method === 'GET') return forward(team, 'GET', request, '', '');
  // Who the user is on the server, with their roles (閲覧のみ, 確認者): read only, never a login or logout.
  if (subPath === '_session' && request.method === 'GET') return forward(team, 'GET', request, '_session', '');
  const [rawDb = '', ...rest] = subPath.split('/');
  let db: string;
  try {
    db = decodeURIComponent(rawDb);
  } catch {
    return refuse(400, 'bad_request', 'アドレスの形式が正しくありません。');
  }
  const allowed = new Set(team.councils.flatMap((c) => [councilDbName(c), filesDbName(c)]));
  if (!allowed.has(db)) return refuse(403, 'forbidden', 'この審議会は共有の対象になっていません。');
  const method = request.method.toUpperCase();
  if (!METHODS.has(method)) return refuse(405, 'method_not_allowed', 'この操作は使えません。');
  const first = rest[0] ?? '';
  // The database's rules stay the server administrator's: no security or design changes from a PC.
  if (first === '_security' || (method !== 'GET' && method !== 'HEAD' && first === '_design'))
    return refuse(403, 'forbidden', 'サーバーの設定は変更できません。');
  if (rest.some((p) => p === '..' || p === '.'))
    return refuse(400, 'bad_request', 'アドレスの形式が正しくありません。');

  return forward(team, method, request, [encodeURIComponent(db), ...rest].join('/'), search);
}

async function forward(
  team: { serverUrl: string; username: string; password: string | null },
  method: string,
  request: Request,
  path: string,
  search: string,
): Promise<Response> {
  const headers = new Headers();
  for (const h of FORWARDED_REQUEST_HEADERS) {
    const v = request.headers.get(h);
    if (v) headers.set(h, v);
  }
  headers.set('authorization', `Basic ${Buffer.from(`${team.username}:${team.password ?? ''}`).toString('base64')}`);
  const target = joinUrl(team.serverUrl, path) + search;
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : await request.arrayBuffer(),
      redirect: 'error',
      signal: request.signal,
    });
  } catch {
    return refuse(502, 'unreachable', 'サーバーに接続できません。');
  }
  const out = new Headers({ 'cache-control': 'no-store' });
  for (const h of FORWARDED_RESPONSE_HEADERS) {
    const v = upstream.headers.get(h);
    if (v) out.set(h, v);
  }
  return new Response(method === 'HEAD' ? null : upstream.body, { status: upstream.status, headers: out });
}
