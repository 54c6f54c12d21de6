/**
 * Team use against a CouchDB-compatible server with users and rights (express-pouchdb in its
 * full mode: _users, _session, _security and validate_doc_update): the IT command that sets a
 * council up, the connection test of 「チームで使う」 with its Japanese reasons, and what a
 * reader (閲覧のみ) and a user without rights get through the mirror.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/main/handlers';
import { writePackage } from '../../electron/services/package';
import {
  councilDbName,
  councilRoles,
  filesDbName,
  TEAM_DESIGN_DOC,
  type TeamConnectionResult,
} from '../../shared/contract/team';
import { bundlesToTables } from '../../shared/package';
import { updateRemark } from '../../renderer/src/features/live/data';
import { addMember } from '../../renderer/src/features/councils/data';
import { randomUUID } from 'node:crypto';
import { proxyTeamRequest } from '../../electron/services/team/proxy';
import { publicConfig, readTeam, saveTeam } from '../../electron/services/team/store';
import { loadTeamSession } from '../../renderer/src/data/sync/session';
import { councilAccess } from '../../renderer/src/features/sync/people';
import { teamName } from '../../renderer/src/data/write';
import { applyAction, emptyMinutes } from '../../shared/minutes/workflow';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { runCli } from '../../scripts/cli';
import { CouchServer, SyncClient, until } from './sync-server';
import { testServiceContext } from './service-context';

const ADMIN = { username: 'admin', password: 'kanri-pass' };
let dir: string;
let server: CouchServer;
const bundle = buildSampleCouncil();
const councilId = bundle.council.id;
const database = councilDbName(councilId);
const records = Object.values(bundlesToTables([bundle])).reduce((n, rows) => n + rows.length, 0);

async function asUser(method: string, url: string, auth?: { username: string; password: string }, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const res = await fetch(`${server.url}${url}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function cli(...args: string[]) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  try {
    return { code: await runCli(args), out: out.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sync-team-'));
  server = new CouchServer(dir, 'full');
  await server.start();
  // Leave the "admin party": from here on only the admin may create databases and users.
  await fetch(`${server.url}/_config/admins/${ADMIN.username}`, {
    method: 'PUT',
    body: JSON.stringify(ADMIN.password),
  });
  process.env.COUCHDB_USER = ADMIN.username;
  process.env.COUCHDB_PASSWORD = ADMIN.password;
}, 30_000);
afterAll(async () => {
  delete process.env.COUCHDB_USER;
  delete process.env.COUCHDB_PASSWORD;
  await server.kill();
  await rm(dir, { recursive: true, force: true });
});

describe('team setup, rights and the connection test', () => {
  it('`team setup` creates the council database with its rights and records; `team user` adds users', async () => {
    const file = path.join(dir, 'council.shingikai');
    await writePackage(file, {
      tables: bundlesToTables([bundle]),
      schemaVersion: 4,
      appVersion: '0.1.0',
      dataDir: dir,
      attachmentsDir: dir,
    });
    const first = await cli('team', 'setup', server.url, file);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain(`データベース: ${database}（作成しました）`);
    expect(first.out).toContain(`記録: ${records} 件を登録`);

    const info = await asUser('GET', `/${database}`, ADMIN);
    expect(info.json.doc_count).toBe(records + 1); // every record, and the design document
    const remark = await asUser('GET', `/${database}/remarks:${bundle.remarks[0]!.id}`, ADMIN);
    expect((remark.json.record as { text: string }).text).toBe(bundle.remarks[0]!.text);
    const roles = councilRoles(database);
    const sec = await asUser('GET', `/${database}/_security`, ADMIN);
    expect(sec.json).toMatchObject({ members: { roles: [roles.editor, roles.reader] } });
    expect((await asUser('GET', `/${database}/${TEAM_DESIGN_DOC}`, ADMIN)).json.validate_doc_update).toContain(
      roles.editor,
    );

    // The files database (materials, templates): the same members, its own validation function.
    const files = filesDbName(councilId);
    expect((await asUser('GET', `/${files}/_security`, ADMIN)).json).toMatchObject({
      members: { roles: [roles.editor, roles.reader] },
    });
    expect((await asUser('GET', `/${files}/${TEAM_DESIGN_DOC}`, ADMIN)).json.validate_doc_update).toContain(
      '閲覧のみの権限のため、この審議会のファイルは変更できません。',
    );

    // Again: nothing is duplicated or overwritten.
    const again = await cli('team', 'setup', server.url, file);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain('（既にありました）');
    expect(again.out).toContain(`記録: 0 件を登録、${records} 件は登録済み`);

    for (const [name, grant] of <[string, string][]>[
      ['yamada', `editor:${councilId}`],
      ['suzuki', `reader:${councilId}`],
      ['tanaka', 'reviewer'],
    ])
      expect((await cli('team', 'user', server.url, name, 'pass-1234', grant)).code).toBe(0);
    // Without the admin's password nothing is created, and the reason says so.
    delete process.env.COUCHDB_PASSWORD;
    const refused = await cli('team', 'setup', server.url, file);
    process.env.COUCHDB_PASSWORD = ADMIN.password;
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('COUCHDB_PASSWORD');
  }, 60_000);

  it('the connection test answers in Japanese: connected, wrong password, no rights, no database, unreachable, not CouchDB', async () => {
    const ctx = testServiceContext(dir);
    const handlers = createHandlers(ctx);
    const test = async (arg: Record<string, unknown>) => {
      const res = await dispatch(handlers, 'team:test:connection', arg);
      if (!res.ok) throw new Error(res.error.message);
      return res.value as TeamConnectionResult;
    };
    const base = { serverUrl: server.url, username: 'yamada', password: 'pass-1234', councilId };
    const ok = await test(base);
    expect(ok).toMatchObject({ ok: true, code: 'ok', user: 'yamada' });
    expect(ok.message).toContain('この審議会のデータベースを使えます');
    expect(ok.roles).toContain(councilRoles(database).editor);

    const wrong = await test({ ...base, password: 'machigai' });
    expect(wrong).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(wrong.message).toContain('ユーザー名またはパスワードが正しくありません');

    const outsider = await test({ ...base, username: 'tanaka' });
    expect(outsider).toMatchObject({ ok: false, code: 'forbidden' });
    expect(outsider.message).toContain('tanaka にはこの審議会のデータベースを使う権限がありません');

    const missing = await test({ ...base, username: 'admin', password: ADMIN.password, councilId: 'other-council' });
    expect(missing).toMatchObject({ ok: false, code: 'no-database' });

    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const unreachable = await test({ ...base, serverUrl: `http://127.0.0.1:${freePort}` });
    expect(unreachable).toMatchObject({ ok: false, code: 'unreachable' });
    expect(unreachable.message).toContain(`サーバー 127.0.0.1:${freePort} に接続できません`);

    const web = http.createServer((_req, res) => res.end('<html><body>庁内ポータル</body></html>'));
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    const notCouch = await test({ ...base, serverUrl: `http://127.0.0.1:${(web.address() as AddressInfo).port}` });
    await new Promise((r) => web.close(r));
    expect(notCouch).toMatchObject({ ok: false, code: 'not-couchdb' });
    expect(notCouch.message).toContain('CouchDB サーバーではありません');

    // Arguments are checked: no credentials inside the URL, no unknown fields.
    const withUserInUrl = await dispatch(handlers, 'team:test:connection', {
      ...base,
      serverUrl: server.url.replace('http://', 'http://yamada:pass@'),
    });
    expect(withUserInUrl.ok).toBe(false);
    expect((await dispatch(handlers, 'team:test:connection', { ...base, extra: 1 })).ok).toBe(false);

    // The password is kept in main: the renderer learns only that there is one; the test uses it.
    const saved = await dispatch(handlers, 'team:save:config', {
      serverUrl: server.url,
      username: 'yamada',
      password: 'pass-1234',
      councils: [councilId],
    });
    expect(saved).toEqual({
      ok: true,
      value: {
        serverUrl: server.url,
        username: 'yamada',
        hasPassword: true,
        councils: [councilId],
        reviewerRequired: false,
      },
    });
    const got = await dispatch(handlers, 'team:get:config', {});
    expect(JSON.stringify(got)).not.toContain('pass-1234');
    const stored = await test({ serverUrl: server.url, username: 'yamada', councilId });
    expect(stored.code).toBe('ok');
  }, 60_000);

  it('a reader (閲覧のみ) gets the council but the server refuses their edits; a user without rights gets nothing', async () => {
    const editor = new SyncClient('山田', server, { username: 'yamada', password: 'pass-1234' });
    const reader = new SyncClient('鈴木', server, { username: 'suzuki', password: 'pass-1234' });
    const outsider = new SyncClient('田中', server, { username: 'tanaka', password: 'pass-1234' });
    await editor.open([councilId]);
    await reader.open([councilId]);
    await outsider.open([councilId]);
    const total = bundle.remarks.length;
    await until(async () => (await editor.db.remarks.count()) === total, 30_000, 'editor first sync');
    await until(async () => (await reader.db.remarks.count()) === total, 30_000, 'reader first sync');

    // The editor's new record reaches the server and the reader. (Only new records here: express-pouchdb's
    // validation plugin overwrites the `_revisions` of a replicated update with the stored document's, so on
    // this test server an editor's replicated *update* is dropped once a validate_doc_update exists — a bug
    // of pouchdb-validation 4.2, not CouchDB's behaviour; see docs/TEAM.md. Updates are covered without
    // validation in sync-basic and sync-random.)
    const r = bundle.remarks[0]!;
    const added = await addMember(editor.db, councilId, {
      name: '編集者が加えた委員',
      reading: 'へんしゅうしゃ',
      role: '委員',
      category: '',
      affiliation: '',
      termStart: null,
      termEnd: null,
    });
    await until(
      async () => (await reader.db.members.get(added.id))?.name === '編集者が加えた委員',
      20_000,
      'to reader',
    );
    const onServerBefore = await asUser('GET', `/${database}/remarks:${r.id}`, ADMIN);

    // The reader's edit is refused by the server's validation function (403) and goes nowhere.
    await updateRemark(reader.db, r.id, { text: '閲覧者が書き換えた文' }, '編集');
    await until(() => reader.mirror!.getStatus().councils[councilId]!.denied > 0, 20_000, 'denied');
    expect(reader.mirror!.getStatus().councils[councilId]!.error).toContain('閲覧のみ');
    const onServer = await asUser('GET', `/${database}/remarks:${r.id}`, ADMIN);
    expect(onServer.json._rev).toBe(onServerBefore.json._rev);
    expect((onServer.json.record as { text: string }).text).toBe(r.text);
    await editor.mirror!.flush();
    expect((await editor.db.remarks.get(r.id))?.text).toBe(r.text);

    // The user without rights: no records, no documents, no changes feed.
    await until(() => outsider.mirror!.getStatus().councils[councilId]!.state === 'denied', 20_000, 'outsider denied');
    expect(outsider.mirror!.getStatus().councils[councilId]!.error).toContain('権限');
    for (const t of ['councils', 'members', 'remarks', 'opinions'] as const)
      expect(await outsider.db.table(t).count()).toBe(0);
    const tanaka = { username: 'tanaka', password: 'pass-1234' };
    for (const url of [`/${database}/remarks:${r.id}`, `/${database}/_changes`, `/${database}/_all_docs`]) {
      const res = await asUser('GET', url, tanaka);
      // CouchDB 3 answers 403 to a logged-in non-member; express-pouchdb answers 401. Either way: nothing.
      expect([401, 403], url).toContain(res.status);
      expect(res.json.rows ?? res.json.results ?? res.json.record).toBeUndefined();
    }
    // Files: the editor may put one, the reader is refused in Japanese, the outsider reads nothing.
    const files = filesDbName(councilId);
    const yamada = { username: 'yamada', password: 'pass-1234' };
    const suzuki = { username: 'suzuki', password: 'pass-1234' };
    const file = (n: string) => ({
      councilId,
      _attachments: { file: { content_type: 'application/pdf', data: Buffer.from(`%PDF ${n}`).toString('base64') } },
    });
    expect((await asUser('PUT', `/${files}/file:${randomUUID()}.pdf`, yamada, file('editor'))).status).toBe(201);
    const refusedFile = await asUser('PUT', `/${files}/file:${randomUUID()}.pdf`, suzuki, file('reader'));
    expect(refusedFile.status).toBe(403);
    expect(String(refusedFile.json.reason)).toContain('閲覧のみ');
    expect([401, 403]).toContain((await asUser('GET', `/${files}/_all_docs`, tanaka)).status);
    expect((await asUser('GET', `/${files}/_all_docs`, suzuki)).json.total_rows).toBe(2); // the editor's file and the design document
    for (const c of [editor, reader, outsider]) await c.close();
  }, 120_000);

  it('the page learns the user and roles through the proxy (_session): 閲覧のみ, 確認者, and the name the minutes history keeps', async () => {
    expect((await cli('team', 'user', server.url, 'sato', 'pass-1234', `editor:${councilId}`, 'reviewer')).code).toBe(
      0,
    );
    const ctx = testServiceContext(await mkdtemp(path.join(dir, 'pc-')));
    const sessionOf = async (username: string, reviewerRequired: boolean) => {
      await saveTeam(ctx.dataDir, {
        serverUrl: server.url,
        username,
        password: 'pass-1234',
        councils: [councilId],
        reviewerRequired,
      });
      const config = publicConfig(await readTeam(ctx.dataDir));
      expect(config.reviewerRequired).toBe(reviewerRequired);
      return loadTeamSession(config, () =>
        proxyTeamRequest(ctx.dataDir, null, new Request('http://app.invalid/team/_session'), '_session', ''),
      );
    };

    const yamada = await sessionOf('yamada', true);
    expect(yamada).toMatchObject({ user: 'yamada', known: true });
    const editorAccess = councilAccess(yamada, councilId);
    expect(editorAccess).toMatchObject({ shared: true, readOnly: false, canApprove: false });
    expect(editorAccess.approveHint).toContain('確認者');
    expect(councilAccess(await sessionOf('yamada', false), councilId).canApprove).toBe(true);

    const suzuki = councilAccess(await sessionOf('suzuki', true), councilId);
    expect(suzuki).toMatchObject({
      readOnly: true,
      canApprove: false,
      approveHint: '閲覧のみの権限のため、会議録を確定できません。',
    });

    const sato = councilAccess(await sessionOf('sato', true), councilId);
    expect(sato).toMatchObject({ readOnly: false, canApprove: true, approveHint: null });
    // The approval step in the minutes history names the CouchDB user beside the 作業者名.
    const meeting = { ...bundle.meetings[0]!, status: '確認中' as const };
    const approved = applyAction(meeting, emptyMinutes(meeting.id, '2026-01-01T00:00:00Z'), bundle.council, 'approve', {
      who: teamName('佐藤', sato),
      now: '2026-01-02T00:00:00Z',
    });
    expect(approved.minutes.history.at(-1)).toMatchObject({ who: '佐藤（sato）', action: '確定する（確認中→確定）' });

    // A council not shared, or solo use: nothing changes.
    expect(councilAccess(null, councilId)).toMatchObject({ shared: false, readOnly: false, canApprove: true });
    // Wrong password: the roles are unknown and 確定 waits, with the reason in Japanese.
    await saveTeam(ctx.dataDir, {
      serverUrl: server.url,
      username: 'sato',
      password: 'wrong',
      councils: [councilId],
      reviewerRequired: true,
    });
    const unknown = await loadTeamSession(publicConfig(await readTeam(ctx.dataDir)), () =>
      proxyTeamRequest(ctx.dataDir, null, new Request('http://app.invalid/team/_session'), '_session', ''),
    );
    expect(unknown.known).toBe(false);
    expect(councilAccess(unknown, councilId).approveHint).toContain('サーバーで利用者を確かめられませんでした');
  }, 60_000);
});
