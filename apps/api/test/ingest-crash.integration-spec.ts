/**
 * The API process killed (SIGKILL) in the middle of a commit: after a restart every period holds
 * either the old or the new values — never a mix — and the batch left `processing` is marked failed
 * (and can be committed again). Runs the built API (compiled here into tmp/) as a child process.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReferenceCsv } from '@im/seeds';
import { createDataSource } from '../src/core/database/data-source';
import type { DatabaseConfig } from '../src/core/config/app-config';
import { hashPassword } from '../src/modules/auth/password-hasher';
import { emptyDatabase, TEST_PASSWORD, testDatabases } from './support/test-app';

const ROOT = resolve(__dirname, '../../..');
const BUILD = join(ROOT, 'tmp', `ingest-crash-build-${process.pid}`);

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

/** Industries with an indicator × every region × 12 months of 2024 (~45 000 rows): a commit that takes a while. */
function bigFile(factor: number): Buffer {
  const industries = readReferenceCsv('industries').filter((r) => r.indicator_code);
  const regions = readReferenceCsv('regions');
  const lines = ['期间,产业代码,区域代码,1-本月累计(万元)'];
  for (const i of industries) for (const r of regions) for (let m = 1; m <= 12; m++) lines.push(`2024-${String(m).padStart(2, '0')},${i.code},${r.code},${(m * 100 + i.code.length + r.code.length) * factor}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

/**
 * Whether a commit's write transaction is under way, observed from outside: on SQLite another connection
 * cannot take the write lock (twice in a row, so not a one-statement write); on MySQL a dirty read
 * (READ UNCOMMITTED) sees the batch's uncommitted observation rows. (MariaDB's
 * information_schema.innodb_trx is not a reliable signal: it can stay empty.)
 */
async function writeProbe(db: DatabaseConfig, batchId: number): Promise<{ writing: () => Promise<boolean>; close: () => Promise<void> }> {
  if (db.driver === 'sqlite') {
    const conn = new Database(db.file, { timeout: 0 });
    let busyBefore = false;
    return {
      writing: async () => {
        let busy = false;
        try {
          conn.exec('BEGIN IMMEDIATE');
          conn.exec('ROLLBACK');
        } catch {
          busy = true;
        }
        const twice = busy && busyBefore;
        busyBefore = busy;
        return twice;
      },
      close: async () => void conn.close(),
    };
  }
  const ds = createDataSource(db);
  await ds.initialize();
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.query('SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED');
  return {
    writing: async () => {
      const rows: { n: number | string | null }[] = await runner.query('SELECT COUNT(*) AS n FROM observation WHERE batch_id = ?', [batchId]);
      return Number(rows[0]?.n ?? 0) > 500;
    },
    close: async () => {
      await runner.release();
      await ds.destroy();
    },
  };
}

interface Api {
  child: ChildProcess;
  base: string;
}

async function start(env: NodeJS.ProcessEnv): Promise<Api> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(BUILD, 'apps/api/src/main.js')], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited: ${stderr}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return { child, base };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`API did not start: ${stderr}`);
}

function stop(api: Api, signal: NodeJS.Signals): Promise<void> {
  return new Promise((res) => {
    if (api.child.exitCode !== null || api.child.signalCode !== null) return res();
    api.child.once('exit', () => res());
    api.child.kill(signal);
  });
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ username: 'crash', password: TEST_PASSWORD }) });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? '']).map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: body.csrfToken };
}

async function call(base: string, s: Session, path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: s.cookie, 'x-csrf-token': s.csrf, origin: base } });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function uploadFile(base: string, s: Session, bytes: Buffer, name: string): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'text/csv' }), name);
  const res = await call(base, s, '/api/uploads', { method: 'POST', body: form });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.batch as { id: number }).id;
}

afterAll(() => rmSync(BUILD, { recursive: true, force: true }));

describe.each(testDatabases())('a commit killed with SIGKILL on $name', ({ name, config }) => {
  let db: DatabaseConfig;
  let env: NodeJS.ProcessEnv;
  let api: Api | null = null;
  let dataDir: string;

  beforeAll(async () => {
    if (name === 'sqlite') execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'apps/api/tsconfig.app.json', '--outDir', BUILD], { cwd: ROOT });
    if (name === 'sqlite') execFileSync(process.execPath, [join(ROOT, 'node_modules/tsc-alias/dist/bin/index.js'), '-p', 'apps/api/tsconfig.app.json', '--outDir', BUILD], { cwd: ROOT });
    db = config();
    await emptyDatabase(db);
    dataDir = mkdtempSync(join(tmpdir(), 'im-crash-'));
    env = { DATA_DIR: dataDir, DEMO_DATA: 'false', MIGRATE_ON_START: 'true', LOG_LEVEL: 'error', WEB_DIST_DIR: join(dataDir, 'no-web'), ALLOW_DEMO_USERS: 'false' };
    if (db.driver === 'sqlite') env.DATABASE_URL = `sqlite:${db.file}`;
    else env.DATABASE_URL = `${db.flavor}:${db.url.slice('mysql:'.length)}`;
    api = await start(env);
    const ds = createDataSource(db);
    await ds.initialize();
    await ds.query(`INSERT INTO app_user (username, display_name, password_hash, role, active, is_demo) VALUES (?, ?, ?, 'statistician', 1, 0)`, ['crash', '崩溃测试', await hashPassword(TEST_PASSWORD)]);
    await ds.destroy();
  });

  afterAll(async () => {
    if (api) await stop(api, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves every period with the old or the new values, and the batch failed, then commits it again', async () => {
    let s = await login(api!.base);
    const v1 = await uploadFile(api!.base, s, bigFile(1), 'v1.csv');
    const started = Date.now();
    const c1 = await call(api!.base, s, `/api/uploads/${v1}/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(c1.status).toBe(200);
    const commitMs = Date.now() - started;

    const v2 = await uploadFile(api!.base, s, bigFile(3), 'v2.csv');
    const probe = await writeProbe(db, v2);
    let answer = 'no answer (killed)';
    void call(api!.base, s, `/api/uploads/${v2}/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then(
      (r) => (answer = `${r.status} ${JSON.stringify(r.body).slice(0, 300)}`),
      () => undefined,
    );
    // Kill once the commit's transaction is writing (observed from outside: SQLite's write lock held,
    // MySQL's uncommitted rows of the batch), well before it can finish.
    const deadline = Date.now() + commitMs * 3 + 10_000;
    let writing = false;
    while (!(writing = await probe.writing()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 15));
    await probe.close();
    expect({ writing, answer }).toEqual({ writing: true, answer: 'no answer (killed)' });
    await stop(api!, 'SIGKILL');

    api = await start(env);
    s = await login(api.base);
    const ds = createDataSource(db);
    await ds.initialize();
    try {
      const batch = (await ds.query('SELECT status, message FROM upload_batch WHERE id = ?', [v2]))[0] as { status: string; message: string };
      expect(batch.status).toBe('failed');
      expect(batch.message).toContain('服务中断');
      const perPeriod: { m: number | string; b: number | string; n: number | string }[] = await ds.query(
        'SELECT period_month AS m, batch_id AS b, COUNT(*) AS n FROM observation WHERE period_year = 2024 GROUP BY period_month, batch_id ORDER BY period_month',
      );
      // One batch per month: the old values everywhere (or, had the commit finished, the new ones).
      const months = new Map<number, number[]>();
      for (const r of perPeriod) months.set(Number(r.m), [...(months.get(Number(r.m)) ?? []), Number(r.b)]);
      expect(months.size).toBe(12);
      for (const [, batches] of months) expect(batches).toHaveLength(1);
      expect(Number((await ds.query('SELECT COUNT(*) AS n FROM upload_lock'))[0].n)).toBe(0);
    } finally {
      await ds.destroy();
    }

    const again = await call(api.base, s, `/api/uploads/${v2}/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(again.status).toBe(200);
    expect((again.body.batch as { status: string }).status).toBe('committed');
  });
});
