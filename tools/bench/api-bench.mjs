#!/usr/bin/env node
/**
 * npm run bench:api — dashboard API benchmark on MySQL/MariaDB (see docs/PERFORMANCE.md).
 *
 * 1. Loads a large dataset into BENCH_API_MYSQL_URL (default mariadb://root@127.0.0.1:3306/im_dash_bench), once:
 *    the schema by the product's migrations, the reference data by its seeder, then ENTERPRISES key
 *    enterprises (default 20,000) × YEARS years × 12 months of 产值/营收 (≈ 2.4M enterprise-month rows),
 *    plus the city, district and park series of the 5+X industries, as one committed batch.
 * 2. Times the rollup refresh (all months, then one month) with the product's RollupService.
 * 3. Starts the built API on that database and drives it with a closed-loop HTTP load generator
 *    (CONNECTIONS concurrent keep-alive connections, like autocannon): the overview, series, breakdown
 *    and park-compare endpoints, each "dashboard" (the requests a dashboard repeats: served from the
 *    answer cache) and "cold" (every request a new question: rollups, indexes and SQL each time).
 *    Prints p50/p95/p99 and requests/s.
 * 4. Times, on the same database, the plain GROUP BY over the raw enterprise rows that a generic BI
 *    tool would run for the same figures, and prints the ratio.
 * 5. Measures the overview's first paint in Chromium and the web bundle's initial JavaScript.
 *
 * Options: --enterprises=20000 --years=10 --duration=10 --connections=50 --reload (drop and reload)
 *          --skip-paint. Needs `npx nx run-many -t build --projects=api,web` (the npm script runs it).
 */
import { spawn } from 'node:child_process';
import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import mysql from 'mysql2/promise';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const apiDist = join(root, 'dist/apps/api');
const cli = join(apiDist, 'apps/api/src/cli.js');
const main = join(apiDist, 'apps/api/src/main.js');
const webDist = join(root, 'dist/apps/web');

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const ENTERPRISES = Number(args.enterprises ?? 20_000);
const YEARS = Number(args.years ?? 10);
const DURATION_S = Number(args.duration ?? 10);
const CONNECTIONS = Number(args.connections ?? 50);
const LAST_YEAR = 2025;
const FIRST_YEAR = LAST_YEAR - YEARS + 1;
const PERIOD = `${LAST_YEAR}-10`;
const URL_ = process.env.BENCH_API_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/im_dash_bench';
const DATABASE_URL = URL_;
const MARKER = `bench-generator(enterprises=${ENTERPRISES}, years=${FIRST_YEAR}-${LAST_YEAR})`;

const log = (...m) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);
const fmt = (n, d = 1) => (n == null ? '—' : n.toFixed(d));

// ------------------------------------------------------------------------------------------------
// Deterministic pseudo-random numbers (mulberry32)
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20211);
const gauss = () => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());

function run(cmd, argv, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${argv.join(' ')} → ${code}\n${out}`))));
  });
}

// ------------------------------------------------------------------------------------------------
// 1. Data
async function prepareDatabase() {
  const url = new URL(URL_.replace(/^mariadb:/, 'mysql:'));
  const database = url.pathname.slice(1);
  url.pathname = '/';
  const admin = await mysql.createConnection({ uri: url.toString() });
  if (args.reload) await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  await run(process.execPath, [cli, 'migrate'], { DATABASE_URL });
  const conn = await mysql.createConnection({ uri: URL_.replace(/^mariadb:/, 'mysql:'), multipleStatements: false });
  const [[batch]] = await conn.query('SELECT id FROM upload_batch WHERE file_name = ? AND status = ?', [MARKER, 'committed']);
  if (batch) {
    const [[{ n }]] = await conn.query('SELECT COUNT(*) AS n FROM observation');
    log(`dataset present (batch ${batch.id}, ${Number(n).toLocaleString()} observations): not reloading (--reload to rebuild)`);
    await conn.end();
    return { loadedNow: false };
  }
  const [[{ n: existing }]] = await conn.query('SELECT COUNT(*) AS n FROM upload_batch');
  if (Number(existing)) throw new Error(`${URL_} holds other data: use a dedicated database or --reload`);
  await run(process.execPath, [cli, 'seed'], { DATABASE_URL, DEMO_DATA: 'false' });
  const started = performance.now();
  await generate(conn);
  log(`dataset loaded in ${fmt((performance.now() - started) / 1000)} s`);
  await conn.end();
  return { loadedNow: true };
}

async function generate(conn) {
  const [nodes] = await conn.query("SELECT id, code, parent_id AS parentId, indicator_id AS indicatorId FROM industry_node WHERE code LIKE 'sei.%'");
  const industries = ['sei.ngit', 'sei.bio', 'sei.nmne', 'sei.dc', 'sei.marine'].map((c) => nodes.find((n) => n.code === c));
  const subFields = nodes.filter((n) => industries.some((i) => i.id === n.parentId));
  const [regions] = await conn.query('SELECT id, code, type, parent_id AS parentId FROM region');
  const city = regions.find((r) => r.type === 'city');
  const districts = regions.filter((r) => r.type === 'district');
  const parks = regions.filter((r) => r.type === 'park');
  const [links] = await conn.query('SELECT park_id AS parkId, industry_node_id AS nodeId FROM park_industry');
  const rootOf = (node) => (node.parentId ? nodes.find((n) => n.id === node.parentId) : node);

  const [{ insertId: batchId }] = await conn.query(
    "INSERT INTO upload_batch (dataset, file_name, sha256, status, is_demo, period_year, period_month, committed_at) VALUES ('bench', ?, ?, 'committed', 0, ?, 12, NOW())",
    [MARKER, 'b'.repeat(64), LAST_YEAR],
  );

  // Enterprises: a sub-field, a park that carries it (or its industry), else the district only.
  const weights = [1, 0.7, 0.8, 0.6, 0.6].flatMap((w, i) => subFields.filter((s) => s.parentId === industries[i].id).map((s) => ({ s, w })));
  const totalW = weights.reduce((a, b) => a + b.w, 0);
  const pick = () => {
    let r = rand() * totalW;
    for (const x of weights) if ((r -= x.w) <= 0) return x.s;
    return weights[weights.length - 1].s;
  };
  const enterprises = [];
  for (let i = 0; i < ENTERPRISES; i++) {
    const sub = pick();
    const carriers = links.filter((l) => l.nodeId === sub.id || l.nodeId === sub.parentId).map((l) => parks.find((p) => p.id === l.parkId));
    const park = carriers.length && rand() < 0.75 ? carriers[Math.floor(rand() * carriers.length)] : null;
    const district = park ? regions.find((r) => r.id === park.parentId) : districts[Math.floor(rand() * districts.length)];
    enterprises.push({
      code: `BENCH${String(i).padStart(13, '0')}`,
      name: `基准测试企业${i}`,
      sub,
      park,
      district,
      base: Math.exp(7.5 + 1.2 * gauss()),
      growth: 0.08 + 0.06 * gauss(),
    });
  }
  for (let i = 0; i < enterprises.length; i += 2000) {
    const chunk = enterprises.slice(i, i + 2000);
    await conn.query('INSERT INTO enterprise (credit_code, name, park_id, district_id, above_scale, hnte, little_giant, champion, chain_leader, is_demo) VALUES ?', [
      chunk.map((e) => [e.code, e.name, e.park?.id ?? null, e.district?.id ?? null, 1, 0, 0, 0, 0, 0]),
    ]);
  }
  const [entRows] = await conn.query("SELECT id, credit_code AS code FROM enterprise WHERE credit_code LIKE 'BENCH%'");
  const entId = new Map(entRows.map((r) => [r.code, r.id]));
  for (let i = 0; i < enterprises.length; i += 5000) {
    await conn.query('INSERT INTO enterprise_industry (enterprise_id, industry_node_id) VALUES ?', [enterprises.slice(i, i + 5000).map((e) => [entId.get(e.code), e.sub.id])]);
  }

  // Series: one per enterprise, and the subjects (city × 5 industries and 25 sub-fields, district × industry, park × industry).
  const seriesKey = (ind, node, region, ent) => [ind, node ?? '-', region, ent ?? '-', 'month'].join('|');
  const seriesRows = [];
  for (const e of enterprises) {
    e.indicator = e.sub.indicatorId;
    e.region = (e.park ?? e.district).id;
    seriesRows.push([seriesKey(e.indicator, e.sub.id, e.region, entId.get(e.code)), e.indicator, e.sub.id, e.region, entId.get(e.code), 'month']);
  }
  const subjects = new Map(); // key → { indicator, node, region, members: enterprises }
  const addSubject = (node, region, e) => {
    const key = seriesKey(node.indicatorId, node.id, region.id, null);
    if (!subjects.has(key)) subjects.set(key, { key, indicator: node.indicatorId, node: node.id, region: region.id, members: [] });
    subjects.get(key).members.push(e);
  };
  for (const e of enterprises) {
    const industry = rootOf(e.sub);
    addSubject(e.sub, city, e);
    addSubject(industry, city, e);
    if (e.district) addSubject(industry, e.district, e);
    if (e.park) addSubject(industry, e.park, e);
  }
  for (const s of subjects.values()) seriesRows.push([s.key, s.indicator, s.node, s.region, null, 'month']);
  for (let i = 0; i < seriesRows.length; i += 5000) {
    await conn.query('INSERT INTO series (series_key, indicator_id, industry_node_id, region_id, enterprise_id, granularity) VALUES ?', [seriesRows.slice(i, i + 5000)]);
  }
  const [seriesIds] = await conn.query('SELECT id, series_key AS k FROM series');
  const sid = new Map(seriesIds.map((r) => [r.k, r.id]));

  // Observations: 本月 with seasonality, 累计, nominal YoY (computed, as the demo generator labels it).
  const season = [0.75, 0.62, 1.0, 0.98, 1.0, 1.04, 0.98, 0.99, 1.03, 1.06, 1.1, 1.45];
  const seasonSum = season.reduce((a, b) => a + b, 0);
  const months = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) for (let m = 1; m <= 12; m++) months.push({ y, m });
  let row = 0;
  let buffer = [];
  const flush = async (force = false) => {
    if (buffer.length < 5000 && !(force && buffer.length)) return;
    await conn.query(
      'INSERT INTO observation (series_id, period_year, period_month, value_month, value_ytd, yoy_month_pct, yoy_ytd_pct, month_derived, ytd_derived, yoy_computed, merged_jan_feb, batch_id, source_row, version) VALUES ?',
      [buffer],
    );
    buffer = [];
  };
  const yoy = (cur, prev) => (prev > 0 ? ((cur - prev) / prev) * 100 : null);
  /** 累计 and YoY of a series of 本月 values (one per month). */
  const complete = (values) => {
    let ytd = 0;
    const ytds = values.map((v, i) => (months[i].m === 1 ? (ytd = v) : (ytd += v)));
    return { values, ytds };
  };
  const allSeries = [];
  for (const e of enterprises) {
    e.values = months.map(({ y, m }) => Math.max(1, Math.round(((e.base * (1 + e.growth) ** (y - FIRST_YEAR)) / seasonSum) * season[m - 1] * (1 + 0.04 * gauss()))));
    allSeries.push({ id: sid.get(seriesKey(e.indicator, e.sub.id, e.region, entId.get(e.code))), ...complete(e.values) });
  }
  // Subjects: the key enterprises are about two thirds of a subject (the rest: non-key enterprises).
  for (const s of subjects.values()) {
    allSeries.push({ id: sid.get(s.key), ...complete(months.map((_m, i) => Math.round(1.5 * s.members.reduce((a, e) => a + e.values[i], 0)))) });
  }
  // Month by month, as monthly files arrive: the rows of one period are stored together.
  for (let i = 0; i < months.length; i++) {
    for (const s of allSeries) {
      const ym = i >= 12 ? yoy(s.values[i], s.values[i - 12]) : null;
      const yy = i >= 12 ? yoy(s.ytds[i], s.ytds[i - 12]) : null;
      buffer.push([s.id, months[i].y, months[i].m, s.values[i], s.ytds[i], ym == null ? null : ym.toFixed(2), yy == null ? null : yy.toFixed(2), 0, 0, ym != null || yy != null ? 1 : 0, 0, batchId, ++row, 1]);
      await flush();
    }
    if ((i + 1) % 12 === 0) log(`  ${months[i].y}: ${row.toLocaleString()} rows`);
  }
  await flush(true);
  await conn.query('UPDATE upload_batch SET rows_total = ?, rows_valid = ?, observations_new = ? WHERE id = ?', [row, row, row, batchId]);
  await conn.query('ANALYZE TABLE observation, series, enterprise');
  log(`  ${enterprises.length.toLocaleString()} enterprises, ${subjects.size} subject series, ${row.toLocaleString()} observations`);
}

// ------------------------------------------------------------------------------------------------
// 2. Rollups
async function timeRollups(refreshAll) {
  require('reflect-metadata');
  const { createDataSource } = require(join(apiDist, 'apps/api/src/core/database/data-source.js'));
  const { RollupService } = require(join(apiDist, 'apps/api/src/modules/observations/rollups/rollup.service.js'));
  const ds = createDataSource({ driver: 'mysql', url: URL_.replace(/^mariadb:/, 'mysql:'), flavor: URL_.startsWith('mariadb:') ? 'mariadb' : 'mysql' });
  await ds.initialize();
  const rollups = new RollupService(ds);
  const out = {};
  if (refreshAll) {
    const all = await rollups.refreshAll();
    out.all = { ms: all.ms, months: all.months, rows: all.rows };
    log(`rollup refresh, all ${all.months} months: ${fmt(all.ms / 1000, 2)} s (${all.rows.toLocaleString()} rows)`);
  } else {
    await rollups.refreshPending();
  }
  const one = [];
  for (let i = 0; i < 3; i++) one.push((await rollups.refreshPeriods([{ year: LAST_YEAR, month: 10 }])).ms);
  out.oneMonthMs = median(one);
  log(`rollup refresh, one month (${LAST_YEAR}-10): ${fmt(out.oneMonthMs, 0)} ms (median of 3)`);
  await ds.destroy();
  return out;
}

// ------------------------------------------------------------------------------------------------
// 3. Load
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startApi() {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATABASE_URL, MIGRATE_ON_START: 'false', DEMO_DATA: 'false', LOG_LEVEL: 'warn', WEB_DIST_DIR: webDist, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`API exited: ${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`API not healthy: ${output}`);
}

function get(agent, url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
  });
}

function median(list) {
  const s = [...list].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Closed loop: CONNECTIONS workers, each sending its next request when the previous answered. */
async function loadTest(base, makePath, { connections = CONNECTIONS, seconds = DURATION_S, warmupSeconds = 2 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  let counter = 0;
  let recording = false;
  let stop = false;
  const latencies = [];
  let errors = 0;
  const statuses = new Map();
  const worker = async () => {
    while (!stop) {
      const path = makePath(counter++);
      const t0 = performance.now();
      try {
        const status = await get(agent, `${base}${path}`);
        if (status !== 200) {
          errors++;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      } catch {
        errors++;
      }
      if (recording) latencies.push(performance.now() - t0);
    }
  };
  const workers = Array.from({ length: connections }, worker);
  await new Promise((r) => setTimeout(r, warmupSeconds * 1000));
  recording = true;
  const started = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  recording = false;
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(workers);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return { requests: sorted.length, rps: sorted.length / elapsed, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), errors, statuses: Object.fromEntries(statuses) };
}

/** One request at a time (no concurrency): the latency of an endpoint alone, median of `n`. */
async function sequential(base, makePath, n = 40) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  for (let i = 0; i < n + 3; i++) {
    const t0 = performance.now();
    await get(agent, `${base}${makePath(1_000_000 + i)}`);
    if (i >= 3) times.push(performance.now() - t0);
  }
  agent.destroy();
  return median(times);
}

// ------------------------------------------------------------------------------------------------
// 4. Raw GROUP BY over the enterprise rows (what a generic BI tool runs for the same figures)
async function rawGroupBy(conn, sql, params) {
  const times = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    await conn.query(sql, params);
    if (i > 0) times.push(performance.now() - t0); // the first run warms the buffer pool
  }
  return median(times);
}

// ------------------------------------------------------------------------------------------------
// 5. Web: initial JavaScript and first paint of the overview
function initialJs() {
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const sizes = files.map((f) => ({ file: f, gzip: gzipSync(readFileSync(join(webDist, f))).length }));
  return { files: sizes, totalGzipKb: sizes.reduce((a, b) => a + b.gzip, 0) / 1024 };
}

async function paint(base) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const runs = [];
  for (let i = 0; i < 6; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_m, observer) => {
        if (document.querySelector('[data-target-card] [data-testid="target-value"]')) {
          window.__cardsAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${base}/overview`);
    await page.waitForFunction(() => window.__cardsAt !== undefined, null, { timeout: 30_000 });
    const t = await page.evaluate(() => ({ fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null, cards: window.__cardsAt }));
    if (i > 0) runs.push(t); // the first run warms the server's caches
    await context.close();
  }
  await browser.close();
  return { fcp: median(runs.map((r) => r.fcp)), cards: median(runs.map((r) => r.cards)) };
}

// ------------------------------------------------------------------------------------------------
async function mainBench() {
  for (const f of [cli, main, join(webDist, 'index.html')]) if (!existsSync(f)) throw new Error(`${f} missing: run npx nx run-many -t build --projects=api,web`);
  log(`database ${URL_}; ${ENTERPRISES.toLocaleString()} enterprises × ${YEARS} years × 12 months; ${CONNECTIONS} connections × ${DURATION_S} s per scenario`);
  // Other work on the machine shares its cores with the API, MariaDB and this load generator: say how busy it was.
  log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min)`);
  const { loadedNow } = await prepareDatabase();
  const rollups = await timeRollups(loadedNow || args['refresh-all'] === 'true');

  const conn = await mysql.createConnection({ uri: URL_.replace(/^mariadb:/, 'mysql:') });
  const [[{ n: observations }]] = await conn.query('SELECT COUNT(*) AS n FROM observation');
  const [[{ n: enterpriseRows }]] = await conn.query('SELECT COUNT(*) AS n FROM observation o JOIN series s ON s.id = o.series_id WHERE s.enterprise_id IS NOT NULL');
  const [parks] = await conn.query("SELECT code FROM region WHERE type = 'park' ORDER BY id");
  const [subs] = await conn.query("SELECT n.id, n.code FROM industry_node n JOIN industry_node p ON p.id = n.parent_id WHERE p.code IN ('sei.ngit','sei.bio','sei.nmne','sei.dc','sei.marine')");
  const [ngitSubs] = await conn.query("SELECT n.id FROM industry_node n JOIN industry_node p ON p.id = n.parent_id WHERE p.code = 'sei.ngit'");
  const industryCodes = ['sei.ngit', 'sei.bio', 'sei.nmne', 'sei.dc', 'sei.marine'];
  const parents = [...industryCodes, ...subs.map((s) => s.code)];
  const periods = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) for (let m = 1; m <= 12; m++) periods.push(`${y}-${String(m).padStart(2, '0')}`);
  const parkCodes = parks.map((p) => p.code);
  const threeParks = (i) => {
    const a = i % parkCodes.length;
    const b = (a + 1 + (Math.floor(i / parkCodes.length) % (parkCodes.length - 1))) % parkCodes.length;
    const c = (b + 1 + (Math.floor(i / (parkCodes.length * 7)) % (parkCodes.length - 2))) % parkCodes.length;
    return [...new Set([parkCodes[a], parkCodes[b], parkCodes[c]])].join(',');
  };

  const { base, child } = await startApi();
  log(`API up at ${base}`);
  const scenarios = [
    { name: 'overview  /api/plans/:code/progress', kind: 'dashboard', path: () => '/api/plans/xm-sei-14/progress' },
    { name: 'series    industry, 24 months', kind: 'dashboard', path: () => `/api/observations/series?industry=sei.ngit&from=${LAST_YEAR - 1}-01&to=${LAST_YEAR}-12` },
    { name: 'series    (cold)', kind: 'cold', path: (i) => `/api/observations/series?industry=${parents[i % parents.length]}&from=${periods[Math.floor(i / parents.length) % 60]}&to=${periods[60 + (i % 60)]}` },
    { name: 'breakdown by=industry', kind: 'dashboard', path: () => `/api/observations/breakdown?by=industry&parent=sei.ngit&period=${PERIOD}` },
    { name: 'breakdown by=industry (cold)', kind: 'cold', path: (i) => `/api/observations/breakdown?by=industry&parent=${industryCodes[i % 5]}&period=${periods[Math.floor(i / 5) % periods.length]}&indicator=${i % 2 ? 'output' : 'revenue'}&region=${['xm', 'xm.siming', 'xm.huli', 'xm.jimei', 'xm.haicang', 'xm.tongan', 'xm.xiangan'][Math.floor(i / 1200) % 7]}` },
    { name: 'breakdown by=park', kind: 'dashboard', path: () => `/api/observations/breakdown?by=park&period=${PERIOD}` },
    { name: 'breakdown by=park (cold)', kind: 'cold', path: (i) => `/api/observations/breakdown?by=park&industry=${industryCodes[i % 5]}&period=${periods[Math.floor(i / 5) % periods.length]}&parent=${['xm', 'xm.siming', 'xm.huli', 'xm.jimei', 'xm.haicang', 'xm.tongan', 'xm.xiangan', 'xm.torch'][Math.floor(i / 600) % 8]}` },
    { name: 'breakdown by=enterprise top 10', kind: 'dashboard', path: () => `/api/observations/breakdown?by=enterprise&parent=sei.ngit&period=${PERIOD}&limit=10` },
    { name: 'breakdown by=enterprise (cold)', kind: 'cold', path: (i) => `/api/observations/breakdown?by=enterprise&parent=${parents[i % parents.length]}&period=${periods[Math.floor(i / parents.length) % periods.length]}&limit=${1 + (Math.floor(i / (parents.length * periods.length)) % 100)}` },
    { name: 'parks/compare 3 parks', kind: 'dashboard', path: () => `/api/regions/parks/compare?codes=${parkCodes.slice(0, 3).join(',')}&period=${PERIOD}` },
    { name: 'parks/compare (cold)', kind: 'cold', path: (i) => `/api/regions/parks/compare?codes=${threeParks(i)}&period=${periods[i % periods.length]}` },
  ];
  const results = [];
  try {
    for (const s of scenarios) {
      const alone = await sequential(base, s.path);
      const r = await loadTest(base, s.path);
      results.push({ ...s, ...r, aloneMs: alone });
      log(`${s.name.padEnd(34)} ${s.kind.padEnd(9)} alone ${fmt(alone, 2).padStart(7)} ms | ${CONNECTIONS} conn: p50 ${fmt(r.p50).padStart(7)} ms  p95 ${fmt(r.p95).padStart(7)} ms  p99 ${fmt(r.p99).padStart(7)} ms  ${fmt(r.rps, 0).padStart(6)} req/s  errors ${r.errors}${r.errors ? ` ${JSON.stringify(r.statuses)}` : ''}`);
    }

    // Raw GROUP BY equivalents.
    const [y, m] = [LAST_YEAR, 10];
    const ngit = ngitSubs.map((s) => s.id);
    const raw = {
      'one month by industry (breakdown)': await rawGroupBy(
        conn,
        'SELECT s.industry_node_id, SUM(o.value_month) AS m, SUM(o.value_ytd) AS ytd, COUNT(*) AS n FROM observation o JOIN series s ON s.id = o.series_id WHERE s.enterprise_id IS NOT NULL AND o.period_year = ? AND o.period_month = ? GROUP BY s.industry_node_id',
        [y, m],
      ),
      'one month by park (park ranking / compare)': await rawGroupBy(
        conn,
        'SELECT s.region_id, SUM(o.value_ytd) AS ytd, COUNT(*) AS n FROM observation o JOIN series s ON s.id = o.series_id WHERE s.enterprise_id IS NOT NULL AND o.period_year IN (?, ?) AND o.period_month = ? GROUP BY s.region_id, o.period_year',
        [y, y - 1, m],
      ),
      'YTD series of an industry, 2 years (series)': await rawGroupBy(
        conn,
        `SELECT o.period_year, o.period_month, SUM(o.value_month), SUM(o.value_ytd) FROM observation o JOIN series s ON s.id = o.series_id WHERE s.enterprise_id IS NOT NULL AND s.industry_node_id IN (${ngit.join(',')}) AND o.period_year IN (?, ?) GROUP BY o.period_year, o.period_month`,
        [y - 1, y],
      ),
      [`${YEARS}-year trend of an industry (series)`]: await rawGroupBy(
        conn,
        `SELECT o.period_year, o.period_month, SUM(o.value_ytd) FROM observation o JOIN series s ON s.id = o.series_id WHERE s.enterprise_id IS NOT NULL AND s.industry_node_id IN (${ngit.join(',')}) GROUP BY o.period_year, o.period_month`,
        [],
      ),
    };
    const by = (name) => results.find((r) => r.name.startsWith(name));
    const comparisons = [
      ['breakdown by=industry', 'one month by industry (breakdown)'],
      ['breakdown by=park', 'one month by park (park ranking / compare)'],
      ['parks/compare 3 parks', 'one month by park (park ranking / compare)'],
      ['series    industry', 'YTD series of an industry, 2 years (series)'],
      ['series    industry', `${YEARS}-year trend of an industry (series)`],
    ].map(([endpoint, query]) => {
      const warm = by(endpoint);
      const cold = results.find((r) => r.name.startsWith(endpoint.split(' ').slice(0, 2).join(' ')) && r.kind === 'cold');
      return { endpoint, query, rawMs: raw[query], aloneWarm: warm.aloneMs, aloneCold: cold?.aloneMs ?? null, loadedP50: warm.p50 };
    });
    log('raw GROUP BY on the enterprise rows (one query at a time, median of 5 warm runs) against the endpoint alone (median of 40):');
    for (const c of comparisons) {
      log(`  ${c.query.padEnd(44)} ${fmt(c.rawMs).padStart(8)} ms   ${c.endpoint}: ${fmt(c.aloneWarm, 2)} ms ×${fmt(c.rawMs / c.aloneWarm, 0)}${c.aloneCold ? `; cold ${fmt(c.aloneCold, 2)} ms ×${fmt(c.rawMs / c.aloneCold, 0)}` : ''}`);
    }

    const bundle = initialJs();
    log(`web: initial JavaScript ${fmt(bundle.totalGzipKb)} KB gzip (${bundle.files.length} files)`);
    let painted = null;
    if (!args['skip-paint']) {
      painted = await paint(base);
      log(`web: overview first contentful paint ${fmt(painted.fcp, 0)} ms, target cards with figures ${fmt(painted.cards, 0)} ms (median of 5, fresh browser context)`);
    }

    const summary = {
      date: new Date().toISOString(),
      database: URL_.replace(/\/\/[^@]*@/, '//'),
      enterprises: ENTERPRISES,
      years: YEARS,
      observations: Number(observations),
      enterpriseObservations: Number(enterpriseRows),
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      rollups,
      scenarios: results.map(({ path: _p, ...r }) => r),
      raw,
      comparisons,
      bundle,
      paint: painted,
    };
    mkdirSync(join(root, 'tmp/bench'), { recursive: true });
    const file = join(root, 'tmp/bench', `api-bench-${summary.date.slice(0, 19).replace(/[:T]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(summary, null, 2));
    log(`results written to ${file}`);
    log(`machine load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
    summary.loadAverageEnd = loadavg();
    writeFileSync(file, JSON.stringify(summary, null, 2));
    const failing = results.filter((r) => r.p95 > 50);
    log(failing.length ? `p95 above 50 ms: ${failing.map((r) => `${r.name.trim()} (${r.kind})`).join('; ')}` : 'every scenario p95 ≤ 50 ms');
  } finally {
    child.kill('SIGTERM');
    await conn.end();
  }
}

mainBench().catch((e) => {
  console.error(e);
  process.exit(1);
});
