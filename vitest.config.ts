import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    // Keep `electron` out of unit tests: importing it would try to download the binary.
    alias: { electron: new URL('./test/unit/no-electron.ts', import.meta.url).pathname },
  },
});
