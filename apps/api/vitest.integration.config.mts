import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../tools/vitest-shared.mjs';

/**
 * Integration tests against real databases: every suite runs on the embedded SQLite database and,
 * when TEST_MYSQL_URL is set, on MySQL/MariaDB too (CI sets it and requires it: REQUIRE_MYSQL=1).
 */
export default defineConfig({
  plugins: [swc.vite({ jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' } })],
  resolve: { alias: workspaceAliases },
  test: {
    include: ['apps/api/test/**/*.integration-spec.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ['apps/api/test/global-setup.ts'],
  },
});
