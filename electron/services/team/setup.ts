/**
 * Setting a council up on the team's CouchDB (the IT side, `npm run cli -- team setup`), as a
 * server admin: the council's database, its `_security` (members = the council's editor and
 * reader roles; nobody else reads anything), the validation function that keeps readers
 * (閲覧のみ) from writing, and the council's records as documents `table:id`. Running it again
 * is safe: what exists is kept, records already on the server are left as they are.
 */
import { AppError } from '../../../shared/errors';
import {
  councilDbName,
  councilRoles,
  mirrorDocBody,
  TEAM_DESIGN_DOC,
  validateDocUpdateSource,
  validateFileUpdateSource,
  filesDbName,
} from '../../../shared/contract/team';
import { COUNCIL_TABLES, recordsByCouncil, type TableRecords } from '../../../shared/package';
import { couch, joinUrl, UnreachableError, type Credentials } from './http';

export interface CouncilSetup {
  councilId: string;
  name: string;
  database: string;
  editorRole: string;
  readerRole: string;
  created: boolean;
  uploaded: number;
  alreadyThere: number;
}

function failure(what: string, status: number, json: Record<string, unknown> | null): AppError {
  if (status === 401 || status === 403)
    return new AppError('FORBIDDEN', `${what}にはサーバー管理者（admin）のユーザー名とパスワードが必要です。`);
  const reason = typeof json?.reason === 'string' ? `：${json.reason}` : '';
  return new AppError('INTERNAL', `${what}に失敗しました（${status}${reason}）。`);
}

async function call(what: string, ...args: Parameters<typeof couch>) {
  try {
    return await couch(...args);
  } catch (e) {
    if (e instanceof UnreachableError)
      throw new AppError('NOT_FOUND', `サーバー ${args[0]} に接続できません。URL とサーバーの状態を確認してください。`);
    throw e;
  }
}

/** Creates a database (or keeps it), sets its members and its validation function; answers the creation. */
async function prepareDatabase(dbUrl: string, admin: Credentials, editor: string, reader: string, validate: string) {
  const put = await call('データベースの作成', dbUrl, { method: 'PUT', auth: admin });
  if (put.status !== 201 && put.status !== 202 && put.status !== 412)
    throw failure('データベースの作成', put.status, put.json);

  const security = {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [editor, reader] },
  };
  const sec = await call('権限の設定', joinUrl(dbUrl, '_security'), { method: 'PUT', auth: admin, body: security });
  if (sec.status !== 200) throw failure('権限（_security）の設定', sec.status, sec.json);

  const ddocUrl = joinUrl(dbUrl, TEAM_DESIGN_DOC);
  const existing = await call('検証関数の確認', ddocUrl, { auth: admin });
  const ddoc = {
    ...(existing.status === 200 && typeof existing.json?._rev === 'string' ? { _rev: existing.json._rev } : {}),
    validate_doc_update: validate,
  };
  const dd = await call('検証関数の設定', ddocUrl, { method: 'PUT', auth: admin, body: ddoc });
  if (dd.status !== 201 && dd.status !== 202)
    throw failure('検証関数（validate_doc_update）の設定', dd.status, dd.json);
  return put;
}

/** Creates (or completes) one council's database and its files database, and uploads its records. */
export async function setupCouncil(
  serverUrl: string,
  admin: Credentials,
  council: { id: string; name: string },
  tables: TableRecords,
  now = new Date().toISOString(),
): Promise<CouncilSetup> {
  const database = councilDbName(council.id);
  const dbUrl = joinUrl(serverUrl, encodeURIComponent(database));
  const { editor, reader } = councilRoles(database);

  const put = await prepareDatabase(dbUrl, admin, editor, reader, validateDocUpdateSource(database));
  // The files database (materials, templates): the same members and writers; PCs fill it on their first sync.
  await prepareDatabase(
    joinUrl(serverUrl, encodeURIComponent(filesDbName(council.id))),
    admin,
    editor,
    reader,
    validateFileUpdateSource(database),
  );

  const docs: Record<string, unknown>[] = [];
  for (const table of COUNCIL_TABLES)
    for (const record of tables[table] ?? [])
      docs.push({
        _id: `${table}:${String(record.id)}`,
        ...mirrorDocBody(table, council.id, record, 'team setup', now),
      });
  let uploaded = 0;
  let alreadyThere = 0;
  for (let i = 0; i < docs.length; i += 500) {
    const res = await call('記録の登録', joinUrl(dbUrl, '_bulk_docs'), {
      method: 'POST',
      auth: admin,
      body: { docs: docs.slice(i, i + 500) },
      timeoutMs: 60_000,
    });
    if (res.status !== 201 && res.status !== 200) throw failure('記録の登録', res.status, res.json);
    const rows = Array.isArray(res.data) ? (res.data as { error?: string }[]) : [];
    for (const r of rows) {
      if (!r.error) uploaded++;
      else if (r.error === 'conflict') alreadyThere++;
      else throw failure('記録の登録', 500, r as Record<string, unknown>);
    }
  }
  return {
    councilId: council.id,
    name: council.name,
    database,
    editorRole: editor,
    readerRole: reader,
    created: put.status !== 412,
    uploaded,
    alreadyThere,
  };
}

/** Every council of a package or backup, one database each. */
export async function setupCouncils(serverUrl: string, admin: Credentials, tables: TableRecords) {
  const out: CouncilSetup[] = [];
  for (const [councilId, recs] of recordsByCouncil(tables)) {
    const name = String(recs.councils?.[0]?.name ?? councilId);
    out.push(await setupCouncil(serverUrl, admin, { id: councilId, name }, recs));
  }
  return out;
}

/** Creates a user, or sets an existing one's password and roles (`_users`, as a server admin). */
export async function ensureUser(
  serverUrl: string,
  admin: Credentials,
  user: { name: string; password: string; roles: string[] },
): Promise<'created' | 'updated'> {
  const id = `org.couchdb.user:${user.name}`;
  const url = joinUrl(serverUrl, `_users/${encodeURIComponent(id)}`);
  // CouchDB 3 has no _users database until it is set up as a single node; create it if missing.
  await call('ユーザー用データベースの作成', joinUrl(serverUrl, '_users'), { method: 'PUT', auth: admin });
  const current = await call('ユーザーの確認', url, { auth: admin });
  const rev = current.status === 200 && typeof current.json?._rev === 'string' ? current.json._rev : undefined;
  const res = await call('ユーザーの登録', url, {
    method: 'PUT',
    auth: admin,
    body: {
      _id: id,
      ...(rev ? { _rev: rev } : {}),
      name: user.name,
      password: user.password,
      roles: user.roles,
      type: 'user',
    },
  });
  if (res.status !== 201 && res.status !== 202) throw failure('ユーザーの登録', res.status, res.json);
  return rev ? 'updated' : 'created';
}
