/**
 * `npm run samples -- <folder>`: writes, from the sample council, every document the
 * app can export, with the same main-process export code as the app.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildSampleCouncil } from '../resources/sample/iizuka';
import { SAMPLE_PRODUCERS } from '../electron/services/exports/samples';
import { writeFileAtomic } from '../electron/services/files';

async function main() {
  const folder = process.argv[2];
  if (!folder) {
    console.error('使い方: npm run samples -- <出力先フォルダ>');
    process.exit(2);
  }
  const out = path.resolve(folder);
  await mkdir(out, { recursive: true });
  const bundle = buildSampleCouncil({ now: '2023-07-07T06:30:00.000Z' });
  const documents = SAMPLE_PRODUCERS.flatMap((produce) => produce(bundle));
  if (documents.length === 0) {
    console.log('出力できる文書はまだありません。');
    return;
  }
  for (const doc of documents) {
    const started = Date.now();
    const data = await doc.build();
    await writeFileAtomic(path.join(out, doc.fileName), data);
    console.log(`${doc.fileName}\t${(data.byteLength / 1024).toFixed(1)} KB\t${Date.now() - started} ms`);
  }
  console.log(`${documents.length} 件を ${out} に書き出しました。`);
}

main().catch((error) => {
  console.error('サンプル文書を書き出せませんでした:', error);
  process.exit(1);
});
