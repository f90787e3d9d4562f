import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../tools/vitest-shared.mjs';

/** Unit tests of pure functions of the web app (no DOM). */
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: { include: ['apps/web/src/**/*.spec.ts'], root: '.' },
});
