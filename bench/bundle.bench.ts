/**
 * bundle.first_screen_kb_gz: the gzip size (level 9, each file on its own) of what the
 * first screen (the home screen, 担当している審議会) downloads, read from the Vite
 * manifest of the current build (run `npm run build` first; `npm run bench` does):
 *   - the entry index.html loads (its JS, its CSS) and, recursively, its static imports;
 *   - the home screen's feature chunk (src/features/councils/index.ts, loaded lazily
 *     by the route) and, recursively, its static imports and CSS.
 * Chunks of the other features (loaded when their screen opens) are not counted. Also
 * printed: bundle.renderer_total_kb_gz (every JS/CSS asset) and bundle.preload_kb (raw size of
 * dist/electron/preload.cjs).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchModule } from './harness';

const LIMIT_KB = 500;
const HOME_FEATURE = 'src/features/councils/index.ts';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const gzKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

export function firstScreenFiles(manifest: Record<string, ManifestChunk>): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imp of chunk.imports ?? []) visit(imp);
  };
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry && k.endsWith('index.html'));
  if (!entry) throw new Error('manifest has no index.html entry');
  visit(entry);
  if (manifest[HOME_FEATURE]) visit(HOME_FEATURE);
  return [...files];
}

const bench: BenchModule = {
  title: '最初の画面が読み込む JS・CSS（gzip）',
  async run() {
    const root = path.join(process.cwd(), 'dist', 'renderer');
    const manifest = JSON.parse(readFileSync(path.join(root, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const files = firstScreenFiles(manifest);
    let first = 0;
    console.log('  最初の画面で数えたファイル（gzip KB）:');
    for (const f of files) {
      const kb = gzKb(path.join(root, f));
      first += kb;
      console.log(`    ${f}  ${kb.toFixed(1)}`);
    }
    const assets = readdirSync(path.join(root, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    const total = assets.reduce((sum, f) => sum + gzKb(path.join(root, 'assets', f)), 0);
    console.log(`  レンダラー全体: ${assets.length} ファイル、${total.toFixed(1)} KB gz`);
    const preload = statSync(path.join(process.cwd(), 'dist', 'electron', 'preload.cjs')).size / 1024;
    return [
      {
        key: 'bundle.first_screen_kb_gz',
        value: first,
        unit: 'KB',
        compare: `目標 ≤ ${LIMIT_KB} KB（${files.length} ファイル）`,
      },
      { key: 'bundle.renderer_total_kb_gz', value: total, unit: 'KB', compare: `${assets.length} ファイル` },
      { key: 'bundle.preload_kb', value: preload, unit: 'KB', compare: 'dist/electron/preload.cjs（圧縮なし）' },
    ];
  },
};

export default bench;
