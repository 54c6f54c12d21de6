import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    // Document builds take a few seconds on a loaded 2-core CI machine; heavier tests set their own.
    testTimeout: 20_000,
    // Keep `electron` out of unit tests: importing it would try to download the binary.
    alias: { electron: new URL('./test/unit/no-electron.ts', import.meta.url).pathname },
  },
});
