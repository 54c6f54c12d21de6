/**
 * 「接続テスト」: reaches the server and says in Japanese what is wrong, in the order a user
 * can fix it — the server is not reachable, it is not CouchDB, the user name or password is
 * wrong (401), the user has no right to the council's database (403; CouchDB 3 answers 403,
 * express-pouchdb 401 after a valid login), the database does not exist yet.
 */
import type { TeamConnectionResult } from '../../../shared/contract/team';
import { councilDbName } from '../../../shared/contract/team';
import { couch, joinUrl, UnreachableError, type Credentials } from './http';

const result = (
  code: TeamConnectionResult['code'],
  message: string,
  extra: Partial<TeamConnectionResult> = {},
): TeamConnectionResult => ({ ok: code === 'ok', code, message, server: null, user: null, roles: [], ...extra });

export async function testConnection(
  serverUrl: string,
  auth: Credentials,
  councilId?: string,
  timeoutMs = 8000,
): Promise<TeamConnectionResult> {
  const host = (() => {
    try {
      return new URL(serverUrl).host;
    } catch {
      return serverUrl;
    }
  })();
  try {
    const root = await couch(serverUrl, { timeoutMs });
    const welcome = root.json;
    const vendor = welcome?.vendor as { name?: unknown; version?: unknown } | undefined;
    const isCouch =
      !!welcome && (typeof welcome.couchdb === 'string' || typeof welcome['express-pouchdb'] === 'string');
    if (root.status !== 200 || !isCouch)
      return result(
        'not-couchdb',
        `${host} は応答しましたが、CouchDB サーバーではありません。URL（ポート番号を含む）を確認してください。CouchDB の標準のポートは 5984 です。`,
      );
    const server =
      `${typeof vendor?.name === 'string' ? vendor.name : 'CouchDB'} ${String(welcome.version ?? '')}`.trim();

    const session = await couch(joinUrl(serverUrl, '_session'), { auth, timeoutMs });
    const ctx = session.json?.userCtx as { name?: unknown; roles?: unknown } | undefined;
    if (session.status === 401 || (session.status === 200 && !ctx?.name))
      return result(
        'unauthorized',
        'ユーザー名またはパスワードが正しくありません。入力を確かめるか、IT 担当者に確認してください。',
        {
          server,
        },
      );
    const user = typeof ctx?.name === 'string' ? ctx.name : auth.username;
    const roles = Array.isArray(ctx?.roles) ? ctx.roles.filter((r): r is string => typeof r === 'string') : [];
    if (!councilId) return result('ok', `${server} に ${user} として接続できました。`, { server, user, roles });

    const db = await couch(joinUrl(serverUrl, encodeURIComponent(councilDbName(councilId))), { auth, timeoutMs });
    // The login itself was accepted above: a 401 here is the database refusing this user.
    if (db.status === 401 || db.status === 403)
      return result(
        'forbidden',
        `${user} にはこの審議会のデータベースを使う権限がありません。IT 担当者に、この審議会のメンバーに加えるよう依頼してください。`,
        { server, user, roles },
      );
    if (db.status === 404)
      return result(
        'no-database',
        'サーバーにこの審議会のデータベースがありません。IT 担当者に「npm run cli -- team setup」での作成を依頼してください。',
        { server, user, roles },
      );
    if (db.status !== 200)
      return result('not-couchdb', `サーバーが予期しない応答（${db.status}）を返しました。`, { server, user, roles });
    return result('ok', `${server} に ${user} として接続でき、この審議会のデータベースを使えます。`, {
      server,
      user,
      roles,
    });
  } catch (e) {
    if (e instanceof UnreachableError)
      return result(
        'unreachable',
        `サーバー ${host} に接続できません。URL、ネットワーク（庁内LAN）への接続、サーバーが動いているかを確認してください。`,
      );
    throw e;
  }
}
