/**
 * `npm run cli -- <command>`: the app's data files from a terminal, without Electron.
 *
 *   check <file>                validates a package (.shingikai) or a backup (.json): prints the
 *                               format version and the records per table; exit 1 with the reason.
 *   documents <file> <folder>   writes every document of every council in the file, with the
 *                               same main-process code as the app and `npm run samples`.
 *   team setup <server-url> <file>
 *                               one CouchDB database per council of the package (or backup):
 *                               _security, the read-only rule, the records (docs/TEAM.md).
 *   team user <server-url> <name> <password> <editor|reader>:<council-id>… [reviewer]
 *                               creates a user (or sets their password and roles).
 *   The server admin's name and password: COUCHDB_USER / COUCHDB_PASSWORD, or in the URL.
 */
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CouncilBundle } from '../shared/domain';
import { AppError } from '../shared/errors';
import { COUNCIL_TABLES, tablesToBundles, type TableRecords } from '../shared/package';
import { parseBackup } from '../electron/services/backups';
import { readPackage } from '../electron/services/package';
import { writeDocuments } from './documents';
import { councilDbName, councilRoles, REVIEWER_ROLE } from '../shared/contract/team';
import type { Credentials } from '../electron/services/team/http';
import { ensureUser, setupCouncils } from '../electron/services/team/setup';
import { unpackRevisions, type RevisionRow } from '../renderer/src/data/write';

const USAGE = `使い方:
  npm run cli -- check <ファイル>              パッケージ（.shingikai）またはバックアップ（.json）を検査します
  npm run cli -- documents <ファイル> <フォルダ>  ファイル内のすべての審議会の文書を書き出します
  npm run cli -- team setup <サーバーURL> <ファイル>
      パッケージ内の審議会ごとに CouchDB のデータベースを作り、権限と記録を登録します
  npm run cli -- team user <サーバーURL> <ユーザー名> <パスワード> <editor|reader>:<審議会ID>… [reviewer]
      ユーザーを作成します（既にいればパスワードと役割を更新します）
  サーバー管理者のユーザー名とパスワードは環境変数 COUCHDB_USER / COUCHDB_PASSWORD で指定します。`;

interface Loaded {
  kind: 'パッケージ' | 'バックアップ';
  formatVersion: number;
  appVersion: string | null;
  createdAt: string;
  schemaVersion: number;
  tables: TableRecords;
}

async function isZip(file: string): Promise<boolean> {
  const fh = await open(file, 'r').catch(() => {
    throw new AppError('NOT_FOUND', `「${file}」が見つかりません。`);
  });
  try {
    const head = Buffer.alloc(4);
    await fh.read(head, 0, 4, 0);
    return head.toString('latin1') === 'PK\u0003\u0004';
  } finally {
    await fh.close();
  }
}

async function load(file: string): Promise<Loaded> {
  const label = `「${path.basename(file)}」`;
  if (await isZip(file)) {
    const staging = await mkdtemp(path.join(os.tmpdir(), 'shingikai-check-'));
    try {
      const pkg = await readPackage(file, staging, { label });
      const m = pkg.manifest;
      return {
        kind: 'パッケージ',
        formatVersion: m.formatVersion,
        appVersion: m.appVersion,
        createdAt: m.createdAt,
        schemaVersion: m.schemaVersion,
        tables: pkg.tables,
      };
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  const b = parseBackup(path.basename(file), await readFile(file, 'utf8'));
  return {
    kind: 'バックアップ',
    formatVersion: b.formatVersion,
    appVersion: b.appVersion,
    createdAt: b.createdAt,
    schemaVersion: b.schemaVersion,
    tables: b.tables,
  };
}

/** Bundles checked against the domain schema; a council whose records do not fit is an error. */
function bundlesOf(tables: TableRecords): CouncilBundle[] {
  return tablesToBundles(tables).map((raw) => {
    const parsed = CouncilBundle.safeParse(raw);
    if (!parsed.success) {
      const name = String((raw as { council?: { name?: unknown } }).council?.name ?? '');
      const issue = parsed.error.issues[0]!;
      throw new AppError(
        'INVALID_FILE',
        `審議会「${name}」の記録が正しくありません（${issue.path.join('.')}: ${issue.message}）。`,
      );
    }
    return parsed.data;
  });
}

async function check(file: string) {
  const data = await load(file);
  const bundles = bundlesOf(data.tables);
  console.log(`${data.kind}: ${path.basename(file)}`);
  console.log(`形式の版: ${data.formatVersion}`);
  if (data.appVersion) console.log(`作成したアプリ: 審議会デスク ${data.appVersion}`);
  if (data.createdAt) console.log(`作成日時: ${data.createdAt}`);
  console.log(`データベースの版: ${data.schemaVersion}`);
  console.log(`審議会: ${bundles.map((b) => b.council.name).join('、') || 'なし'}`);
  console.log('表ごとの件数:');
  const names = [
    ...COUNCIL_TABLES,
    ...Object.keys(data.tables).filter((t) => !(COUNCIL_TABLES as string[]).includes(t)),
  ];
  for (const t of names) {
    const rows = data.tables[t];
    if (!rows) continue;
    // Revisions a full restore packed (many records' to a row) count as the records they hold.
    const revisions = t === 'revisions' ? unpackRevisions(rows as unknown as RevisionRow[]).length : rows.length;
    console.log(`  ${t}\t${revisions}${revisions !== rows.length ? `（${rows.length}行にまとめて保存）` : ''}`);
  }
  console.log('問題は見つかりませんでした。');
}

async function documents(file: string, folder: string) {
  const data = await load(file);
  const bundles = bundlesOf(data.tables);
  if (bundles.length === 0) throw new AppError('INVALID_FILE', 'このファイルには審議会が含まれていません。');
  const out = path.resolve(folder);
  const written = await writeDocuments(bundles, out);
  console.log(`${bundles.length} 審議会・${written.length} 件を ${out} に書き出しました。`);
}

/** The server URL without credentials, and the admin's credentials (from the URL or the environment). */
function serverAndAdmin(raw: string): { url: string; admin: Credentials } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new AppError(
      'INVALID_ARGUMENT',
      `サーバーのURL「${raw}」が正しくありません（例: https://couchdb.example.lg.jp:6984）。`,
    );
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new AppError('INVALID_ARGUMENT', 'サーバーのURLは http:// または https:// で始めてください。');
  const username = decodeURIComponent(u.username) || process.env.COUCHDB_USER || '';
  const password = decodeURIComponent(u.password) || process.env.COUCHDB_PASSWORD || '';
  if (!username || !password)
    throw new AppError(
      'INVALID_ARGUMENT',
      'サーバー管理者のユーザー名とパスワードを環境変数 COUCHDB_USER と COUCHDB_PASSWORD で指定してください。',
    );
  u.username = '';
  u.password = '';
  return { url: u.toString().replace(/\/+$/, ''), admin: { username, password } };
}

async function teamSetup(server: string, file: string) {
  const { url, admin } = serverAndAdmin(server);
  const data = await load(file);
  bundlesOf(data.tables); // the records are checked before anything goes to the server
  const done = await setupCouncils(url, admin, data.tables);
  if (done.length === 0) throw new AppError('INVALID_FILE', 'このファイルには審議会が含まれていません。');
  for (const c of done) {
    console.log(`審議会「${c.name}」（ID ${c.councilId}）`);
    console.log(`  データベース: ${c.database}${c.created ? '（作成しました）' : '（既にありました）'}`);
    console.log(`  記録: ${c.uploaded} 件を登録${c.alreadyThere ? `、${c.alreadyThere} 件は登録済み` : ''}`);
    console.log(`  編集できる役割: ${c.editorRole}`);
    console.log(`  閲覧のみの役割: ${c.readerRole}`);
  }
}

async function teamUser(server: string, name: string, password: string, grants: string[]) {
  const { url, admin } = serverAndAdmin(server);
  const roles: string[] = [];
  for (const g of grants) {
    if (g === 'reviewer') {
      roles.push(REVIEWER_ROLE);
      continue;
    }
    const m = /^(editor|reader):(.+)$/.exec(g);
    if (!m)
      throw new AppError(
        'INVALID_ARGUMENT',
        `「${g}」は editor:<審議会ID>、reader:<審議会ID>、reviewer のいずれかで指定してください。`,
      );
    const r = councilRoles(councilDbName(m[2]!));
    roles.push(m[1] === 'editor' ? r.editor : r.reader);
  }
  const done = await ensureUser(url, admin, { name, password, roles });
  console.log(
    `ユーザー ${name} を${done === 'created' ? '作成' : '更新'}しました。役割: ${roles.join('、') || 'なし'}`,
  );
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check' && rest.length === 1) await check(rest[0]!);
    else if (command === 'documents' && rest.length === 2) await documents(rest[0]!, rest[1]!);
    else if (command === 'team' && rest[0] === 'setup' && rest.length === 3) await teamSetup(rest[1]!, rest[2]!);
    else if (command === 'team' && rest[0] === 'user' && rest.length >= 5)
      await teamUser(rest[1]!, rest[2]!, rest[3]!, rest.slice(4));
    else {
      console.error(USAGE);
      return 2;
    }
    return 0;
  } catch (error) {
    const message = error instanceof AppError ? error.message : `予期しないエラー: ${String(error)}`;
    console.error(`エラー: ${message}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
