import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/temp-dirs.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // LadybugDB and nodejieba are native; forks isolate them per file.
    pool: 'forks',
  },
});
