/** Helpers of the ingest integration suites (ingest*.integration-spec.ts). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { DataSource } from 'typeorm';
import type { UploadReportDto } from '@im/contracts';
import { createTestApp, loginAs, testConfig, type AuthedAgent, type TestApp } from './support/test-app';
import type { DatabaseConfig } from '../src/core/config/app-config';
import type { UploadConfig } from '../src/core/config/upload-config';
import { IngestTuning } from '../src/modules/ingest/commit/ingest-tuning';

export const FIXTURES = join(__dirname, 'fixtures', 'csv');

export function fixture(path: string): Buffer {
  return readFileSync(join(FIXTURES, path));
}

export const gbk = (text: string) => iconv.encode(text, 'gbk');
export const utf8 = (text: string) => Buffer.from(text, 'utf8');

export interface IngestApp extends TestApp {
  stats: AuthedAgent;
  dataDir: string;
  tuning: IngestTuning;
}

/** The real app with reference data, a statistician signed in, and its own data directory. */
export async function createIngestApp(db: DatabaseConfig, uploads: Partial<UploadConfig> = {}): Promise<IngestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'im-ingest-'));
  const base = { maxBytes: 50 * 1024 * 1024, swingWarnPct: 50, maxIssues: 20_000, lockWaitSeconds: 30, dir: join(dataDir, 'uploads') };
  const t = await createTestApp(testConfig(db, { dataDir, uploads: { ...base, ...uploads } }), { seed: true, users: [{ username: 'stats', role: 'statistician' }] });
  const stats = await loginAs(t.app, 'stats');
  return { ...t, stats, dataDir, tuning: t.app.get(IngestTuning) };
}

export async function upload(agent: AuthedAgent, file: Buffer, name = 'data.csv', fields: Record<string, string> = {}): Promise<{ status: number; body: UploadReportDto & { code?: string; message?: string } }> {
  let req = agent.post('/api/uploads').attach('file', file, { filename: name, contentType: 'text/csv' });
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  const res = await req;
  return { status: res.status, body: res.body };
}

export async function commit(agent: AuthedAgent, id: number, body: object = {}) {
  const res = await agent.post(`/api/uploads/${id}/commit`).send(body);
  return { status: res.status, body: res.body };
}

export async function rollback(agent: AuthedAgent, id: number) {
  const res = await agent.post(`/api/uploads/${id}/rollback`).send({});
  return { status: res.status, body: res.body };
}

/** Ordered dump of the tables a commit writes (timestamps left out): equal dumps = identical state. */
export async function dumpData(ds: DataSource): Promise<Record<string, unknown[]>> {
  const norm = (rows: Record<string, unknown>[]) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'bigint' ? String(v) : v === null ? null : String(v)])));
  const dec = (c: string) => `CAST(${c} AS CHAR(40))`;
  const values = `${dec('value_month')} AS vm, ${dec('value_ytd')} AS vy, ${dec('yoy_month_pct')} AS ym, ${dec('yoy_ytd_pct')} AS yy`;
  return {
    series: norm(await ds.query('SELECT id, series_key, indicator_id, industry_node_id, region_id, enterprise_id, granularity FROM series ORDER BY id')),
    observation: norm(
      await ds.query(
        `SELECT id, series_id, period_year, period_month, ${values}, month_derived, ytd_derived, yoy_computed, merged_jan_feb, batch_id, source_row, version FROM observation ORDER BY id`,
      ),
    ),
    observation_revision: norm(
      await ds.query(
        `SELECT id, observation_id, series_id, period_year, period_month, ${values}, month_derived, ytd_derived, yoy_computed, merged_jan_feb, batch_id, source_row, version, replaced_by_batch_id FROM observation_revision ORDER BY id`,
      ),
    ),
    upload_lock: norm(await ds.query('SELECT * FROM upload_lock')),
  };
}

export async function count(ds: DataSource, table: string, where = '1 = 1', params: unknown[] = []): Promise<number> {
  const rows: { n: number | string }[] = await ds.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params);
  return Number(rows[0].n);
}

/** Observations of one industry series at the city level, by month: [month, 本月, 累计] with values as numbers. */
export async function cityIndustryPoints(ds: DataSource, industryCode: string, year: number): Promise<[number, number | null, number | null, number][]> {
  const rows: { m: number | string; vm: unknown; vy: unknown; b: number | string }[] = await ds.query(
    `SELECT o.period_month AS m, o.value_month AS vm, o.value_ytd AS vy, o.batch_id AS b FROM observation o
       JOIN series s ON s.id = o.series_id JOIN industry_node n ON n.id = s.industry_node_id JOIN region r ON r.id = s.region_id
      WHERE n.code = ? AND r.code = 'xm' AND s.enterprise_id IS NULL AND o.period_year = ? ORDER BY o.period_month`,
    [industryCode, year],
  );
  const num = (v: unknown) => (v === null ? null : Number(v));
  return rows.map((r) => [Number(r.m), num(r.vm), num(r.vy), Number(r.b)]);
}
