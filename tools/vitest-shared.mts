import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Path aliases of the workspace (mirrors `paths` in the root tsconfig.json) for Vite and Vitest. */
export const workspaceAliases: Record<string, string> = {
  '@im/contracts': `${root}libs/shared/contracts/src/index.ts`,
  '@im/domain': `${root}libs/shared/domain/src/index.ts`,
  '@im/charts': `${root}libs/web/charts/src/index.ts`,
  '@im/seeds': `${root}seeds/index.ts`,
};

export const workspaceRoot = root;
