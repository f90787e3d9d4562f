import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const MARKER = join('reference', 'industries.csv');

/**
 * Absolute path of the `seeds/` folder: `SEEDS_DIR` when set, otherwise the first `seeds/` (or the
 * current directory itself when it is `seeds/`) found walking up from `process.cwd()`. The API runs with
 * cwd = repository root, also when compiled into `dist/`, so no module-relative path is needed.
 */
export function seedsDir(): string {
  const fromEnv = process.env.SEEDS_DIR;
  if (fromEnv) {
    const dir = resolve(fromEnv);
    if (!existsSync(join(dir, MARKER))) throw new Error(`SEEDS_DIR=${fromEnv}: ${MARKER} not found there`);
    return dir;
  }
  let dir = process.cwd();
  for (;;) {
    if (basename(dir) === 'seeds' && existsSync(join(dir, MARKER))) return dir;
    if (existsSync(join(dir, 'seeds', MARKER))) return join(dir, 'seeds');
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`seeds/ (with ${MARKER}) not found from ${process.cwd()} upwards; set SEEDS_DIR`);
}
