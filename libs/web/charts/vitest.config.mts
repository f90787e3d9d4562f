import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../../tools/vitest-shared.mjs';

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: { include: ['libs/web/charts/src/**/*.spec.ts'], root: '.' },
});
