/**
 * Safe under failure and concurrency: a commit failing at its first, a middle or its last row stores
 * nothing; the same file uploaded and committed ten times in parallel is committed once; two
 * different files of the same period committed at the same time end as one of the two serial orders,
 * without a server error.
 */
import * as fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/test-app';
import { commit, count, createIngestApp, dumpData, upload, utf8, type IngestApp } from './ingest.support';

/** One row per sub-field of 新一代信息技术 and month: many series, so the commit writes chunk after chunk. */
const SUBFIELDS = ['sei.ngit.display', 'sei.ngit.netdev', 'sei.ngit.ic', 'sei.ngit.iot', 'sei.ngit.ai', 'sei.ngit.bigdata', 'sei.ngit.cloud', 'sei.ngit.blockchain'];

function file(year: number, factor: number): Buffer {
  const lines = ['期间,产业代码,1-本月累计(万元)'];
  for (const code of SUBFIELDS) for (let m = 1; m <= 4; m++) lines.push(`${year}-${String(m).padStart(2, '0')},${code},${(m * 1000 + code.length) * factor}`);
  return utf8(`${lines.join('\n')}\n`);
}

describe.each(testDatabases())('ingest safety on $name', ({ config }) => {
  let t: IngestApp;

  beforeAll(async () => {
    t = await createIngestApp(config());
  });
  afterAll(() => t?.close());
  afterEach(() => {
    t.tuning.failAtRow = null;
    t.tuning.chunkRecords = 20_000;
  });

  it('stores nothing when a commit fails at its first, a middle or its last row (new values and replacements alike)', async () => {
    const v1 = await upload(t.stats, file(2023, 1), 'v1.csv');
    expect((await commit(t.stats, v1.body.batch.id)).status).toBe(200);
    const v2 = await upload(t.stats, file(2023, 3), 'v2.csv');
    expect(v2.body.diff.changed).toBe(32);
    const before = await dumpData(t.dataSource);
    t.tuning.chunkRecords = 1;
    for (const row of [2, 17, 33]) {
      t.tuning.failAtRow = row;
      const res = await commit(t.stats, v2.body.batch.id);
      expect(res.status).toBe(500);
      expect(res.body.message).toBe('服务器内部错误，请稍后重试');
      expect(await dumpData(t.dataSource)).toEqual(before);
      const batch = (await t.stats.get(`/api/uploads/${v2.body.batch.id}`)).body.batch;
      expect(batch).toMatchObject({ status: 'failed', message: '提交失败，数据未写入，可以重试' });
    }
    t.tuning.failAtRow = null;
    const ok = await commit(t.stats, v2.body.batch.id);
    expect(ok.status).toBe(200);
    expect(await count(t.dataSource, 'observation_revision', 'replaced_by_batch_id = ?', [v2.body.batch.id])).toBe(32);
  });

  it('commits the same file once when it is uploaded and committed ten times in parallel', async () => {
    const bytes = file(2022, 1);
    const uploads = await Promise.all(Array.from({ length: 10 }, (_, i) => upload(t.stats, bytes, `same-${i}.csv`)));
    expect(uploads.every((u) => u.status === 201)).toBe(true);
    const observationsBefore = await count(t.dataSource, 'observation');
    const results = await Promise.all(uploads.map((u) => commit(t.stats, u.body.batch.id)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    // The others waited for the period locks (or lost a deadlock over them and ran again), then found the committed twin.
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(Array(9).fill('INGEST_DUPLICATE'));
    expect(await count(t.dataSource, 'observation')).toBe(observationsBefore + 32);
    const ids = uploads.map((u) => u.body.batch.id);
    const committed = await count(t.dataSource, 'upload_batch', `status = 'committed' AND id IN (${ids.join(',')})`);
    expect(committed).toBe(1);
    // And once more afterwards: recognised at upload.
    const late = await upload(t.stats, bytes, 'late.csv');
    expect(late.body.batch.status).toBe('duplicate');
    expect(await count(t.dataSource, 'observation')).toBe(observationsBefore + 32);
    expect(await count(t.dataSource, 'upload_lock')).toBe(0);
  });

  it('ends two concurrent commits of the same period as one of the two serial orders, without a server error', async () => {
    const a = await upload(t.stats, file(2021, 5), 'a.csv');
    const b = await upload(t.stats, file(2021, 7), 'b.csv');
    const [ra, rb] = await Promise.all([commit(t.stats, a.body.batch.id), commit(t.stats, b.body.batch.id)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const values: { vy: unknown; b: number | string }[] = await t.dataSource.query(
      'SELECT o.value_ytd AS vy, o.batch_id AS b FROM observation o WHERE o.period_year = 2021 ORDER BY o.series_id, o.period_month',
    );
    const last = Number(values[0].b);
    expect([a.body.batch.id, b.body.batch.id]).toContain(last);
    // Every value comes from the batch committed last; the first one's values are its revisions.
    expect(values.every((v) => Number(v.b) === last)).toBe(true);
    const first = last === a.body.batch.id ? b.body.batch.id : a.body.batch.id;
    const factor = last === a.body.batch.id ? 5 : 7;
    expect(values.map((v) => Number(v.vy))).toEqual(SUBFIELDS.flatMap((code) => [1, 2, 3, 4].map((m) => (m * 1000 + code.length) * factor)));
    expect(await count(t.dataSource, 'observation_revision', 'replaced_by_batch_id = ? AND batch_id = ?', [last, first])).toBe(32);
    expect(await count(t.dataSource, 'upload_lock')).toBe(0);
  });

  it('answers every file — random bytes, quotes, CR/LF mixes, BOMs, huge fields — with a report or a clear 4xx, never a server error', async () => {
    const piece = fc.oneof(
      fc.constantFrom('期间', '产业代码', '本月(万元)', '1-本月累计', '2024-01', 'sei.ngit.ic', '集成电路', '"', '""', ',', '\r\n', '\n', '\r', '\uFEFF', '—', '-1', '1,234', '#', '其中：', '注：'),
      fc.string({ maxLength: 8 }),
      fc.nat(3).map((n) => 'x'.repeat(n * 20_000)),
    );
    const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    const bytes = fc.oneof(
      text.map((s) => Buffer.from(s, 'utf8')),
      fc.uint8Array({ maxLength: 2000 }).map((u) => Buffer.from(u)),
      text.map((s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        const res = await upload(t.stats, b, 'fuzz.csv');
        expect([201, 400, 413, 415]).toContain(res.status);
        if (res.status === 201) {
          expect(['validated', 'rejected', 'duplicate']).toContain(res.body.batch.status);
          for (const issue of res.body.issues.items) {
            expect(issue.row === null || Number.isInteger(issue.row)).toBe(true);
            expect(issue.message.length).toBeGreaterThan(0);
          }
          if (res.body.batch.status === 'rejected') expect(res.body.issues.errors).toBeGreaterThan(0);
        } else {
          expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      }),
      { numRuns: 120 },
    );
  });
});
