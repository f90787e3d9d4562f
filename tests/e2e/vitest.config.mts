import { defineConfig } from 'vitest/config';

/**
 * Browser end-to-end journeys in real Chromium (Debian's /usr/bin/chromium driven by playwright-core)
 * against the real product: built API serving the built web app, embedded SQLite, demo data.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/specs/**/*.e2e.ts'],
    root: '.',
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
