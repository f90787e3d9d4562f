import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const apiMain = join(workspaceRoot, 'dist/apps/api/apps/api/src/main.js');
export const webDist = join(workspaceRoot, 'dist/apps/web');
/** Screenshots and the server log; git-ignored, kept by CI. */
export const artifactsDir = join(workspaceRoot, 'tests/e2e/artifacts');
