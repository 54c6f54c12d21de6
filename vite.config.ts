import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is served from app:// in Electron and from the loopback server in
// browser mode: relative asset paths work under both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // pouchdb-browser (team sync, loaded only when team use is on) imports Node's `events`.
  resolve: { alias: { events: fileURLToPath(new URL('renderer/src/data/sync/events.ts', import.meta.url)) } },
  // The manifest lets bench/bundle.bench.ts count what the first screen loads.
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    manifest: true,
  },
});
