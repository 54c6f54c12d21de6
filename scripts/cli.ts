/**
 * `npm run cli -- <command>`: the app's data files from a terminal, without Electron.
 *
 *   check <file>                validates a package (.shingikai) or a backup (.json): prints the
 *                               format version and the records per table; exit 1 with the reason.
 *   documents <file> <folder>   writes every document of every council in the file, with the
 *                               same main-process code as the app and `npm run samples`.
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

const USAGE = `使い方:
  npm run cli -- check <ファイル>              パッケージ（.shingikai）またはバックアップ（.json）を検査します
  npm run cli -- documents <ファイル> <フォルダ>  ファイル内のすべての審議会の文書を書き出します`;

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
  for (const t of names) if (data.tables[t]) console.log(`  ${t}\t${data.tables[t]!.length}`);
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

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check' && rest.length === 1) await check(rest[0]!);
    else if (command === 'documents' && rest.length === 2) await documents(rest[0]!, rest[1]!);
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
