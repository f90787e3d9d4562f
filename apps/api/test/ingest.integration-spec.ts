/**
 * Upload → report → commit → correction → revision → rollback, on the real app and database: the
 * journey of a statistics clerk, with the history, errors.csv, templates, identical files and the
 * limits (size, not-a-CSV) on the way.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadIssueCode, type UploadBatchPageDto } from '@im/contracts';
import { testDatabases } from './support/test-app';
import { cityIndustryPoints, commit, count, createIngestApp, dumpData, gbk, rollback, upload, utf8, type IngestApp } from './ingest.support';

const V1 = '期间,产业代码,1-本月累计(万元),累计同比增长(%)\n2024-01,sei.ngit.ic,100,\n2024-02,sei.ngit.ic,250,\n2024-03,sei.ngit.ic,400,\n2025-01,sei.ngit.ic,120,5\n2025-02,sei.ngit.ic,270,\n';

describe.each(testDatabases())('uploads on $name', ({ config }) => {
  let t: IngestApp;

  beforeAll(async () => {
    t = await createIngestApp(config());
  });
  afterAll(() => t?.close());

  it('validates a file without storing a figure, then commits it in one step', async () => {
    const before = await dumpData(t.dataSource);
    const { status, body } = await upload(t.stats, utf8(V1), '集成电路-2024.csv');
    expect(status).toBe(201);
    expect(body.batch).toMatchObject({ status: 'validated', dataset: 'industry-monthly', fileName: '集成电路-2024.csv', rows: { total: 6, data: 5, valid: 5, error: 0 } });
    expect(body.batch.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.batch.uploadedBy?.name).toBe('stats');
    expect(body.detection).toMatchObject({ encoding: 'utf-8', layout: 'long', headerRow: 1, periodSource: 'column' });
    expect(body.diff).toMatchObject({ new: 5, changed: 0, unchanged: 0 });
    expect(body.canCommit).toBe(true);
    expect(await dumpData(t.dataSource)).toEqual(before);
    expect(existsSync(join(t.dataDir, 'uploads', `${body.batch.id}.csv`))).toBe(true);

    const c = await commit(t.stats, body.batch.id);
    expect(c.status).toBe(200);
    expect(c.body.batch).toMatchObject({ status: 'committed', changes: { new: 5 } });
    expect(await cityIndustryPoints(t.dataSource, 'sei.ngit.ic', 2024)).toEqual([
      [1, 100, 100, body.batch.id],
      [2, 150, 250, body.batch.id],
      [3, 150, 400, body.batch.id],
    ]);
    // 2025-02 reports no YoY: the nominal one is computed and labelled; 2025-01 keeps the reported 5 %.
    const yoy: { m: number; y: unknown; c: unknown }[] = await t.dataSource.query(
      `SELECT o.period_month AS m, o.yoy_ytd_pct AS y, o.yoy_computed AS c FROM observation o WHERE o.period_year = 2025 ORDER BY o.period_month`,
    );
    expect(yoy.map((r) => [Number(r.m), Number(r.y), Number(r.c)])).toEqual([
      [1, 5, 0],
      [2, 8, 1],
    ]);
  });

  it('recognises the same file uploaded again: nothing to commit, nothing changes', async () => {
    const before = await dumpData(t.dataSource);
    const again = await upload(t.stats, utf8(V1), 'copy.csv');
    expect(again.body.batch).toMatchObject({ status: 'duplicate' });
    expect(again.body.canCommit).toBe(false);
    const c = await commit(t.stats, again.body.batch.id);
    expect(c.status).toBe(409);
    expect(c.body.code).toBe('INGEST_DUPLICATE');
    expect(await dumpData(t.dataSource)).toEqual(before);
  });

  it('keeps v1 as a revision when a corrected v2 is committed, and rollback of v2 restores v1 exactly', async () => {
    const v1State = await dumpData(t.dataSource);
    const v2 = await upload(t.stats, utf8('期间,产业代码,1-本月累计(万元)\n2024-02,sei.ngit.ic,260\n'), 'correction.csv');
    expect(v2.body.diff).toMatchObject({ new: 0, changed: 1, recomputed: 2 });
    const changed = v2.body.diff.items.find((i) => i.row === 2)!;
    expect(changed.fields).toContainEqual({ field: 'valueYtd', label: '1-本月累计', old: '250', new: '260' });
    expect((await commit(t.stats, v2.body.batch.id)).status).toBe(200);
    expect((await cityIndustryPoints(t.dataSource, 'sei.ngit.ic', 2024)).map((p) => p.slice(0, 3))).toEqual([
      [1, 100, 100],
      [2, 160, 260],
      [3, 140, 400],
    ]);
    // Feb replaced; Mar's derived 本月 and the computed YoY of 2025-02 recomputed: three earlier vintages kept.
    expect(await count(t.dataSource, 'observation_revision', 'replaced_by_batch_id = ?', [v2.body.batch.id])).toBe(3);
    const old: { vy: unknown }[] = await t.dataSource.query('SELECT value_ytd AS vy FROM observation_revision WHERE replaced_by_batch_id = ? AND period_month = 2', [v2.body.batch.id]);
    expect(Number(old[0].vy)).toBe(250);

    const r = await rollback(t.stats, v2.body.batch.id);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ batch: { status: 'rolled_back' }, restored: 3, removed: 0 });
    expect(await dumpData(t.dataSource)).toEqual(v1State);
    expect((await rollback(t.stats, v2.body.batch.id)).status).toBe(409);
  });

  it('refuses to roll back a batch a later batch changed, until the later one is rolled back', async () => {
    const a = await upload(t.stats, utf8('期间,产业代码,1-本月累计(万元)\n2024-04,sei.ngit.ic,555\n'), 'a.csv');
    await commit(t.stats, a.body.batch.id);
    const b = await upload(t.stats, utf8('期间,产业代码,1-本月累计(万元)\n2024-04,sei.ngit.ic,560\n'), 'b.csv');
    await commit(t.stats, b.body.batch.id);
    const refused = await rollback(t.stats, a.body.batch.id);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(`请先回滚批次 #${b.body.batch.id}`);
    expect((await rollback(t.stats, b.body.batch.id)).status).toBe(200);
    expect((await rollback(t.stats, a.body.batch.id)).status).toBe(200);
    expect(await count(t.dataSource, 'observation', 'period_year = 2024 AND period_month = 4')).toBe(0);
  });

  it('lists the history newest first with uploader, file name, SHA-256 and counts', async () => {
    const res = await t.stats.get('/api/uploads?limit=3');
    expect(res.status).toBe(200);
    const page = res.body as UploadBatchPageDto;
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect(page.items).toHaveLength(3);
    expect(page.items[0].id).toBeGreaterThan(page.items[1].id);
    expect(page.items[0]).toMatchObject({ fileName: 'b.csv', status: 'rolled_back', uploadedBy: { name: 'stats' } });
  });

  it('gives the problem rows as errors.csv with the reason, formula cells neutralised', async () => {
    const csv = '期间,产业名称,本月(万元)\n2024-05,集成电路设计业,1\n2024-05,=HYPERLINK("http://x"),2\n2024-05,新型显示,-3\n';
    const { body } = await upload(t.stats, utf8(csv), 'bad.csv');
    expect(body.batch.status).toBe('validated');
    expect(body.canCommit).toBe(false);
    expect(body.issues.items.filter((i) => i.severity === 'error').map((i) => [i.row, i.code])).toEqual([
      [2, UploadIssueCode.IndustryUnknown],
      [3, UploadIssueCode.IndustryUnknown],
      [4, UploadIssueCode.ValueNegative],
    ]);
    const res = await t.stats.get(`/api/uploads/${body.batch.id}/errors.csv`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''bad-");
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF原文件行号,期间,产业名称,本月(万元),错误原因')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^2,2024-05,集成电路设计业,1,错误（产业名称）：系统中没有产业「集成电路设计业」，是否是：.*集成电路/);
    expect(lines[2]).toContain(`'=HYPERLINK`);
    expect(lines[3]).toMatch(/^4,2024-05,新型显示,-3,/);
    // Committing with the bad rows is refused; excluding them explicitly is allowed.
    const refused = await commit(t.stats, body.batch.id);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('INGEST_ERRORS_NOT_EXCLUDED');
    expect((await commit(t.stats, body.batch.id, { excludeRows: [2, 3] })).status).toBe(422);
    expect((await commit(t.stats, body.batch.id, { excludeRows: [2, 3, 4] })).status).toBe(409);
  });

  it('commits the valid rows when the user excludes the rows with errors', async () => {
    const csv = '期间,产业代码,本月(万元)\n2024-06,sei.ngit.display,1\n2024-06,nope,2\n';
    const { body } = await upload(t.stats, gbk(csv), 'gbk.csv');
    expect(body.detection.encoding).toBe('gb18030');
    expect(body.batch.rows).toMatchObject({ valid: 1, error: 1 });
    const c = await commit(t.stats, body.batch.id, { excludeErrorRows: true });
    expect(c.status).toBe(200);
    expect(c.body.batch).toMatchObject({ status: 'committed', rows: { excluded: 1 }, changes: { new: 1 } });
  });

  it('serves templates that upload cleanly', async () => {
    const list = await t.stats.get('/api/uploads/templates');
    expect(list.body.map((x: { dataset: string }) => x.dataset)).toEqual(['industry-monthly', 'region-monthly', 'enterprise-monthly', 'macro', 'parks', 'enterprises', 'targets']);
    for (const dataset of ['industry-monthly', 'region-monthly', 'macro', 'parks', 'enterprises']) {
      const res = await t.stats.get(`/api/uploads/templates/${dataset}.csv`).buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const { body } = await upload(t.stats, Buffer.from(res.text, 'utf8'), `${dataset}.csv`);
      expect(body.issues.items.filter((i) => i.severity === 'error').map((i) => `${dataset} ${i.row} ${i.message}`)).toEqual([]);
      expect(body.batch.status).toBe('validated');
      expect(body.detection.noteRows.length).toBe(1);
    }
    expect((await t.stats.get('/api/uploads/templates/nope.csv')).status).toBe(404);
  });

  it('refuses files that are not CSV by their content, whatever their name', async () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]);
    const res = await upload(t.stats, xlsx, 'report.csv');
    expect(res.status).toBe(415);
    expect(res.body.message).toContain('xlsx');
    expect((await upload(t.stats, Buffer.alloc(0), 'empty.csv')).status).toBe(400);
    const none = await t.stats.post('/api/uploads').field('dataset', 'macro');
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('INGEST_FILE_MISSING');
  });

  it('shows a row of the raw file in its context and the months with earlier vintages', async () => {
    const { body } = await upload(t.stats, utf8('2024年统计,,\n期间,产业代码,1-本月累计(万元)\n2024-07,sei.ngit.ic,1\n2024-08,sei.ngit.ic,2\n2024-09,nope,3\n'), 'context.csv');
    const rows = await t.stats.get(`/api/uploads/${body.batch.id}/rows?from=3&to=5`);
    expect(rows.body).toEqual({
      headerRow: 2,
      header: ['期间', '产业代码', '1-本月累计(万元)'],
      rows: [
        { row: 3, cells: ['2024-07', 'sei.ngit.ic', '1'] },
        { row: 4, cells: ['2024-08', 'sei.ngit.ic', '2'] },
        { row: 5, cells: ['2024-09', 'nope', '3'] },
      ],
    });
    expect((await t.stats.get(`/api/uploads/${body.batch.id}/rows?from=0`)).status).toBe(400);
    const revised = await t.stats.get('/api/uploads/revisions?year=2024');
    expect(revised.status).toBe(200);
    expect(revised.body.year).toBe(2024);
  });

  it('needs a signed-in user with the upload capability', async () => {
    const { default: request } = await import('supertest');
    expect((await request(t.app.getHttpServer()).get('/api/uploads')).status).toBe(401);
  });
});

describe('upload size limit', () => {
  let t: IngestApp;
  const [db] = testDatabases();

  beforeAll(async () => {
    t = await createIngestApp(db.config(), { maxBytes: 200 * 1024 });
  });
  afterAll(() => t?.close());

  it('refuses an oversize file while streaming (413), stores nothing and leaves no temporary file', async () => {
    const line = '2024-01,sei.ngit.ic,1\n';
    const big = Buffer.from('期间,产业代码,本月(万元)\n' + line.repeat(Math.ceil((300 * 1024) / line.length)));
    const res = await upload(t.stats, big, 'big.csv');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('INGEST_FILE_TOO_LARGE');
    expect(await count(t.dataSource, 'upload_batch')).toBe(0);
    const tmp = join(t.dataDir, 'uploads', 'tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
  });

  it('refuses a declared oversize body before reading it', async () => {
    const server = t.app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/uploads', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(10 * 1024 * 1024), cookie: t.stats.raw.jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false }).toValueString(), 'x-csrf-token': t.stats.csrfToken } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('--x\r\n');
    });
    expect(status).toBe(413);
  });
});
