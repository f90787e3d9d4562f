#!/usr/bin/env node
// `npm start`: builds the API and the web app (Nx, cached), then runs the product on one port.
// With no DATABASE_URL it uses the embedded SQLite database under ./data, applies the migrations and
// loads the reference data and the demo dataset at start.
import { spawn, spawnSync } from 'node:child_process';

const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,web', '--outputStyle=static'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('build failed');
  process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/apps/api/src/main.js'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
