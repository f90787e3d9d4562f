#!/usr/bin/env node
// `npm run bench:ingest`: the upload pipeline on MySQL/MariaDB against a plain multi-row INSERT of the
// same rows (docs/PERFORMANCE.md, "Data uploads").
//
// 1. Starts the built API (dist/) as a child process on a fresh database (BENCH_MYSQL_URL, default
//    mariadb://root@127.0.0.1:3306/im_bench — dropped and created), with 20 000 key enterprises.
// 2. Generates an enterprise-monthly CSV in GBK: 20 000 enterprises × 50 months = 1 000 000 rows.
// 3. Through the HTTP API, as a clerk would: upload (streamed, validated: the dry run) and commit;
//    then the same file with one month changed (the correction of a month: revisions).
// 4. The reference: a plain mysql2 multi-row INSERT (1 000 rows a statement, one transaction) of the
//    same 1 000 000 rows into a copy of the observation table.
// Prints rows/s of both, their ratio and the API process's peak RSS (VmHWM), and writes
// tmp/bench-ingest.json. Options: BENCH_ROWS (default 1000000), BENCH_ENTERPRISES (20000).
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';

const root = resolve(new URL('.', import.meta.url).pathname, '../..');
const require = createRequire(join(root, 'package.json'));
const iconv = require('iconv-lite');
const mysql = require('mysql2/promise');
const dist = join(root, 'dist/apps/api');
const { creditCodeCheckChar } = require(join(dist, 'libs/shared/domain/src/index.js'));
const { hashPassword } = require(join(dist, 'apps/api/src/modules/auth/password-hasher.js'));

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 20_000);
const MONTHS = Math.ceil(ROWS / ENTERPRISES);
const URL_ = process.env.BENCH_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/im_bench';
const PASSWORD = 'Bench-Passw0rd!2025';

const log = (...a) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

function code(i) {
  const body = `913502${String(i).padStart(11, '0')}`;
  return body + creditCodeCheckChar(body);
}

function monthOf(k) {
  const y = 2020 + Math.floor(k / 12);
  return { y, m: (k % 12) + 1, text: `${y}-${String((k % 12) + 1).padStart(2, '0')}` };
}

/** Deterministic 本月 of enterprise e in month k (万元, 1 decimal), × factor for the corrected month. */
function value(e, k) {
  return ((e % 997) * 13 + 500 + ((k * 7919 + e * 31) % 1000)) / 10;
}

async function writeCsv(path, changedMonth) {
  const out = createWriteStream(path);
  const write = (s) => (out.write(iconv.encode(s, 'gbk')) ? null : once(out, 'drain'));
  await write('期间,统一社会信用代码,企业名称,指标,计量单位,本月,本月同比增长(%),1-本月累计,累计同比增长(%)\r\n');
  let rows = 0;
  const ytd = new Float64Array(ENTERPRISES);
  for (let k = 0; k < MONTHS && rows < ROWS; k++) {
    const { m, text } = monthOf(k);
    if (m === 1) ytd.fill(0);
    let chunk = '';
    for (let e = 0; e < ENTERPRISES && rows < ROWS; e++, rows++) {
      const v = k === changedMonth ? value(e, k) + 1 : value(e, k);
      ytd[e] = Math.round((ytd[e] + v) * 10) / 10;
      const yoy = k >= 12 ? ((e + k) % 200) / 10 - 5 : '';
      chunk += `${text},${code(e)},厦门示例企业${e}有限公司,产值,万元,${v},${yoy},${ytd[e]},${yoy}\r\n`;
      if (chunk.length > 1 << 16) {
        await write(chunk);
        chunk = '';
      }
    }
    if (chunk) await write(chunk);
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

function procStatus(pid, key) {
  const m = new RegExp(`${key}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function http(base, session, path, { method = 'GET', body, headers = {} } = {}) {
  const res = await fetch(`${base}${path}`, { method, body, headers: { ...headers, cookie: session?.cookie ?? '', 'x-csrf-token': session?.csrf ?? '', origin: base } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Streams a file as multipart/form-data (the client never holds the file in memory). */
function uploadStream(base, session, path, name) {
  const boundary = `----bench${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="dataset"\r\n\r\nenterprise-monthly\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = statSync(path).size;
  const url = new URL(`${base}/api/uploads`);
  return new Promise((resolvePromise, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + size + tail.length, cookie: session.cookie, 'x-csrf-token': session.csrf, origin: base } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolvePromise({ status: res.statusCode, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.write(head);
    const file = createReadStream(path);
    file.pipe(req, { end: false });
    file.on('end', () => req.end(tail));
  });
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'im-bench-'));
  const dbUrl = new URL(URL_.replace(/^mariadb:/, 'mysql:'));
  const database = dbUrl.pathname.slice(1);
  const admin = await mysql.createConnection({ host: dbUrl.hostname, port: Number(dbUrl.port || 3306), user: dbUrl.username, password: dbUrl.password });
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), DATABASE_URL: URL_, MIGRATE_ON_START: 'true', DEMO_DATA: 'false', DATA_DIR: work, UPLOAD_MAX_BYTES: '1GB', LOG_LEVEL: 'warn', WEB_DIST_DIR: join(work, 'none') };
  const api = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), join(dist, 'apps/api/src/main.js')], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 600 || api.exitCode !== null) throw new Error('the API did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`API pid ${api.pid} on ${base}, database ${database}; RSS at rest ${procStatus(api.pid, 'VmRSS').toFixed(0)} MB`);

  const db = await mysql.createConnection({ uri: URL_.replace(/^mariadb:/, 'mysql:'), multipleStatements: false });
  await db.query(`INSERT INTO app_user (username, display_name, password_hash, role, active, is_demo) VALUES ('bench', '基准测试', ?, 'statistician', 1, 0)`, [await hashPassword(PASSWORD)]);
  const [[park]] = await db.query(`SELECT id, parent_id FROM region WHERE code = 'xm.park.software'`);
  const [[ic]] = await db.query(`SELECT id FROM industry_node WHERE code = 'sei.ngit.ic'`);
  for (let i = 0; i < ENTERPRISES; i += 1000) {
    const rows = [];
    for (let e = i; e < Math.min(ENTERPRISES, i + 1000); e++) rows.push([code(e), `厦门示例企业${e}有限公司`, park.id, park.parent_id]);
    await db.query('INSERT INTO enterprise (credit_code, name, park_id, district_id) VALUES ?', [rows]);
  }
  await db.query('INSERT INTO enterprise_industry (enterprise_id, industry_node_id) SELECT id, ? FROM enterprise', [ic.id]);
  log(`${ENTERPRISES} enterprises inserted`);

  const file1 = join(work, 'enterprise-monthly-1m.csv');
  const file2 = join(work, 'enterprise-monthly-1m-corrected.csv');
  let t = process.hrtime.bigint();
  const rows = await writeCsv(file1, -1);
  await writeCsv(file2, MONTHS - 1);
  log(`generated ${rows} rows (GBK, ${(statSync(file1).size / 1024 / 1024).toFixed(1)} MB) in ${(ms(t) / 1000).toFixed(1)} s`);

  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ username: 'bench', password: PASSWORD }) });
  const session = { cookie: login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: (await login.json()).csrfToken };

  // RSS of the API sampled every 100 ms, its maximum per phase (where the memory goes).
  const phaseRss = {};
  let phase = 'start';
  const sampler = setInterval(() => {
    try {
      const rss = procStatus(api.pid, 'VmRSS');
      phaseRss[phase] = Math.max(phaseRss[phase] ?? 0, Math.round(rss));
    } catch {
      /* exited */
    }
  }, 100);

  const run = async (path, name) => {
    let t0 = process.hrtime.bigint();
    phase = `${name}: upload`;
    const up = await uploadStream(base, session, path, name);
    const validateMs = ms(t0);
    if (up.status !== 201 || !up.body.canCommit) throw new Error(`upload failed: ${up.status} ${JSON.stringify(up.body).slice(0, 2000)}`);
    t0 = process.hrtime.bigint();
    phase = `${name}: commit`;
    const c = await http(base, session, `/api/uploads/${up.body.batch.id}/commit`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    const commitMs = ms(t0);
    if (c.status !== 200) throw new Error(`commit failed: ${c.status} ${JSON.stringify(c.body)}`);
    // The dashboards' rollups are refreshed after the commit answers; let that finish (untimed, reported apart)
    // so that it does not run into the next measurement: a dashboard request waits for pending refreshes.
    t0 = process.hrtime.bigint();
    phase = `${name}: rollups`;
    await http(base, session, '/api/observations/completeness');
    const rollupMs = ms(t0);
    return { batch: up.body.batch.id, validateMs, commitMs, rollupMs, totalMs: validateMs + commitMs, changes: c.body.batch.changes, rowsPerSecond: Math.round(rows / ((validateMs + commitMs) / 1000)) };
  };

  const first = await run(file1, 'enterprise-monthly-1m.csv');
  log(`pipeline (first upload): validate ${(first.validateMs / 1000).toFixed(1)} s + commit ${(first.commitMs / 1000).toFixed(1)} s → ${first.rowsPerSecond} rows/s; rollups refreshed after it in ${(first.rollupMs / 1000).toFixed(1)} s`, first.changes);
  const second = await run(file2, 'enterprise-monthly-1m-corrected.csv');
  log(`pipeline (re-upload, one month changed): validate ${(second.validateMs / 1000).toFixed(1)} s + commit ${(second.commitMs / 1000).toFixed(1)} s → ${second.rowsPerSecond} rows/s; rollups ${(second.rollupMs / 1000).toFixed(1)} s`, second.changes);
  const peakRss = procStatus(api.pid, 'VmHWM');
  clearInterval(sampler);
  log(`API peak RSS ${peakRss.toFixed(0)} MB; by phase (MB):`, phaseRss);

  // Reference: the same rows, plain mysql2 multi-row INSERT in one transaction.
  await db.query('CREATE TABLE bench_plain LIKE observation');
  const [series] = await db.query('SELECT s.id, e.credit_code FROM series s JOIN enterprise e ON e.id = s.enterprise_id');
  const seriesOf = new Map(series.map((s) => [s.credit_code, s.id]));
  const values = [];
  t = process.hrtime.bigint();
  await db.beginTransaction();
  let n = 0;
  const ytd = new Float64Array(ENTERPRISES);
  for (let k = 0; k < MONTHS && n < ROWS; k++) {
    const { y, m } = monthOf(k);
    if (m === 1) ytd.fill(0);
    for (let e = 0; e < ENTERPRISES && n < ROWS; e++, n++) {
      const v = value(e, k);
      ytd[e] = Math.round((ytd[e] + v) * 10) / 10;
      const yoy = k >= 12 ? ((e + k) % 200) / 10 - 5 : null;
      values.push([seriesOf.get(code(e)), y, m, v, ytd[e], yoy, yoy, 0, 0, 0, 0, first.batch, n + 2, 1]);
      if (values.length === 1000) {
        await db.query('INSERT INTO bench_plain (series_id, period_year, period_month, value_month, value_ytd, yoy_month_pct, yoy_ytd_pct, month_derived, ytd_derived, yoy_computed, merged_jan_feb, batch_id, source_row, version) VALUES ?', [values]);
        values.length = 0;
      }
    }
  }
  if (values.length) await db.query('INSERT INTO bench_plain (series_id, period_year, period_month, value_month, value_ytd, yoy_month_pct, yoy_ytd_pct, month_derived, ytd_derived, yoy_computed, merged_jan_feb, batch_id, source_row, version) VALUES ?', [values]);
  await db.commit();
  const referenceMs = ms(t);
  const referenceRps = Math.round(n / (referenceMs / 1000));
  log(`reference (plain mysql2 multi-row INSERT): ${(referenceMs / 1000).toFixed(1)} s → ${referenceRps} rows/s`);
  await db.end();
  api.kill('SIGTERM');
  await once(api, 'exit');

  const result = {
    rows,
    fileMb: Number((statSync(file1).size / 1024 / 1024).toFixed(1)),
    database: URL_.replace(/\/\/[^@]*@/, '//'),
    first,
    reupload: second,
    reference: { ms: Math.round(referenceMs), rowsPerSecond: referenceRps },
    ratio: Number((first.rowsPerSecond / referenceRps).toFixed(2)),
    reuploadRatio: Number((second.rowsPerSecond / referenceRps).toFixed(2)),
    apiPeakRssMb: Math.round(peakRss),
    apiRssByPhaseMb: phaseRss,
    load: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(2))),
    node: process.version,
  };
  console.log('\n  Upload pipeline vs plain INSERT (rows/s)');
  console.log(`  pipeline, first upload     ${String(first.rowsPerSecond).padStart(8)}   (validate ${(first.validateMs / 1000).toFixed(1)} s + commit ${(first.commitMs / 1000).toFixed(1)} s)`);
  console.log(`  pipeline, one month fixed  ${String(second.rowsPerSecond).padStart(8)}   (validate ${(second.validateMs / 1000).toFixed(1)} s + commit ${(second.commitMs / 1000).toFixed(1)} s)`);
  console.log(`  plain mysql2 INSERT        ${String(referenceRps).padStart(8)}`);
  console.log(`  ratio pipeline / plain     ${result.ratio}  (re-upload ${result.reuploadRatio})`);
  console.log(`  API peak RSS               ${result.apiPeakRssMb} MB\n`);
  mkdirSync(join(root, 'tmp'), { recursive: true });
  writeFileSync(join(root, 'tmp/bench-ingest.json'), JSON.stringify(result, null, 2));
  rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
