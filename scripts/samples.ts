/**
 * `npm run samples -- <folder>`: writes, from the sample council, every document the
 * app can export, with the same main-process export code as the app, and the sample
 * council as a package (サンプル審議会.shingikai) for `npm run cli`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildSampleCouncil } from '../resources/sample/iizuka';
import { writePackage } from '../electron/services/package';
import { bundlesToTables } from '../shared/package';
import { writeDocuments } from './documents';

declare const __APP_VERSION__: string | undefined;

async function main() {
  const folder = process.argv[2];
  if (!folder) {
    console.error('使い方: npm run samples -- <出力先フォルダ>');
    process.exit(2);
  }
  const out = path.resolve(folder);
  await mkdir(out, { recursive: true });
  const bundle = buildSampleCouncil({ now: '2023-07-07T06:30:00.000Z' });
  const written = await writeDocuments([bundle], out);
  if (written.length === 0) console.log('出力できる文書はまだありません。');

  const started = Date.now();
  const pkg = await writePackage(path.join(out, 'サンプル審議会.shingikai'), {
    tables: bundlesToTables([bundle]),
    schemaVersion: 1,
    appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : (process.env.npm_package_version ?? '0.0.0'),
    dataDir: out,
    attachmentsDir: path.join(out, 'attachments'),
    now: new Date('2023-07-07T06:30:00.000Z'),
  });
  console.log(`サンプル審議会.shingikai\t${(pkg.bytes / 1024).toFixed(1)} KB\t${Date.now() - started} ms`);
  console.log(`${written.length + 1} 件を ${out} に書き出しました。`);
}

main().catch((error) => {
  console.error('サンプル文書を書き出せませんでした:', error);
  process.exit(1);
});
