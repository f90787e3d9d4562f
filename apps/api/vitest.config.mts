import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../tools/vitest-shared.mjs';

/** Unit tests beside the code. SWC compiles decorators with metadata (Nest DI, TypeORM). */
export default defineConfig({
  plugins: [swc.vite({ jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' } })],
  resolve: { alias: workspaceAliases },
  test: { include: ['apps/api/src/**/*.spec.ts'], environment: 'node' },
});
