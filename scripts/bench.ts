/**
 * `npm run bench [-- name …]`: runs the bench modules in bench/*.bench.ts (or those
 * whose file name contains one of the names), prints a table and merges the figures
 * into bench-results.json at the repo root: one flat object of named figures.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule, Figure } from '../bench/harness';
import { writeFileAtomic } from '../electron/services/files';

async function main() {
  const root = process.cwd();
  const filters = process.argv.slice(2);
  const files = (await readdir(path.join(root, 'bench')))
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((n) => f.includes(n)))
    .sort();
  const resultsFile = path.join(root, 'bench-results.json');
  let results: Record<string, number> = {};
  try {
    results = JSON.parse(await readFile(resultsFile, 'utf8'));
  } catch {
    /* first run */
  }

  const rows: (Figure & { title: string })[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(root, 'bench', file)).href)) as { default: BenchModule };
    console.log(`▶ ${mod.default.title} (${file})`);
    const figures = await mod.default.run();
    for (const f of figures) {
      results[f.key] = Math.round(f.value * 100) / 100;
      rows.push({ ...f, title: mod.default.title });
    }
    // Written after every module: a later module that fails keeps the figures measured before it.
    await writeFileAtomic(resultsFile, JSON.stringify(results, null, 2) + '\n');
  }
  console.log('\n| 項目 | 値 | 比較（相手・目標） |\n| --- | ---: | --- |');
  for (const r of rows)
    console.log(`| ${r.key} | ${r.value.toFixed(r.unit === 'x' ? 2 : 1)} ${r.unit} | ${r.compare ?? ''} |`);
  console.log(`\n${rows.length} 件を bench-results.json に書き込みました。`);
}

main().catch((error) => {
  console.error('ベンチマークに失敗しました:', error);
  process.exit(1);
});
