import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../tools/vitest-shared.mjs';

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: { include: ['seeds/**/*.spec.ts'], root: '.' },
});
