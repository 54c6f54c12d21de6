// Builds the renderer (Vite) and the main-process bundles (esbuild) into dist/.
//   dist/renderer/                 the UI, served from app:// or the loopback server
//   dist/electron/main.cjs         Electron main process
//   dist/electron/preload.cjs      sandboxed preload (one file: sandboxed preloads cannot require)
//   dist/electron/browser-server.cjs   browser mode (never packaged)
//   dist/electron/xlsx-worker.cjs  worker thread that parses workbooks users bring
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const quiet = process.argv.includes('--quiet');
const started = Date.now();

await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'error' : 'warn' });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: true,
  external: ['electron'],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  legalComments: 'none',
};
await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs', target: 'node22' }),
  esbuild({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    target: 'chrome130',
  }),
  // Workbooks users bring are parsed in a worker thread (electron/services/xlsx-off-thread.ts).
  esbuild({
    ...common,
    entryPoints: ['electron/services/xlsx-worker.ts'],
    outfile: 'dist/electron/xlsx-worker.cjs',
    target: 'node20',
  }),
  esbuild({
    ...common,
    entryPoints: ['electron/server/cli.ts'],
    outfile: 'dist/electron/browser-server.cjs',
    target: 'node20',
  }),
]);
if (!quiet) console.log(`ビルド完了 (${((Date.now() - started) / 1000).toFixed(1)} 秒)`);
