/**
 * Reference lists (园区名录, 企业名录) through the upload flow, on the real app and database: golden
 * files accepted and rejected, the diff against the catalog, commit, an unchanged re-upload, a
 * correction (old → new), rollback to exactly the previous catalog rows, and the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadIssueCode } from '@im/contracts';
import type { DataSource } from 'typeorm';
import { testDatabases } from './support/test-app';
import { commit, createIngestApp, fixture, rollback, upload, utf8, type IngestApp } from './ingest.support';

/** Ordered dump of the catalog tables an upload may write. */
async function dumpCatalog(ds: DataSource): Promise<Record<string, unknown[]>> {
  const norm = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v instanceof Date ? v.toISOString() : v)])));
  return {
    region: norm(await ds.query('SELECT id, code, type, parent_id, zone_id, name, name_en, CAST(land_area_mu AS CHAR(40)) AS area, district_verified, note, source FROM region ORDER BY id')),
    park_industry: norm(await ds.query('SELECT park_id, industry_node_id, source FROM park_industry ORDER BY park_id, industry_node_id')),
    enterprise: norm(await ds.query('SELECT id, credit_code, name, park_id, district_id, above_scale, hnte, little_giant, champion, chain_leader, is_demo FROM enterprise ORDER BY id')),
    enterprise_industry: norm(await ds.query('SELECT enterprise_id, industry_node_id FROM enterprise_industry ORDER BY enterprise_id, industry_node_id')),
    upload_lock: norm(await ds.query('SELECT * FROM upload_lock')),
  };
}

const REJECTED: { file: string; fields?: Record<string, string>; errors: [number | null, UploadIssueCode][]; suggestion?: string }[] = [
  { file: 'parks-unknown-district.csv', errors: [[2, UploadIssueCode.RegionUnknown]], suggestion: '湖里区' },
  { file: 'parks-district-is-zone.csv', errors: [[2, UploadIssueCode.RegionKind]] },
  { file: 'parks-unknown-zone.csv', errors: [[2, UploadIssueCode.RegionUnknown]], suggestion: '火炬高新区' },
  { file: 'parks-unknown-industry.csv', errors: [[2, UploadIssueCode.IndustryUnknown]], suggestion: '人工智能' },
  { file: 'parks-bad-area.csv', errors: [[2, UploadIssueCode.NumberInvalid], [3, UploadIssueCode.ValueNegative], [4, UploadIssueCode.ValueOutOfRange]] },
  { file: 'parks-duplicated-code.csv', errors: [[2, UploadIssueCode.DuplicateKey], [4, UploadIssueCode.DuplicateKey]] },
  { file: 'parks-new-without-district.csv', errors: [[2, UploadIssueCode.ValueMissing]] },
  { file: 'parks-new-without-code.csv', errors: [[2, UploadIssueCode.ValueMissing]] },
  { file: 'parks-bad-code.csv', errors: [[2, UploadIssueCode.FieldInvalid]] },
  { file: 'parks-code-of-district.csv', errors: [[2, UploadIssueCode.RegionKind]] },
  { file: 'parks-missing-key-column.csv', fields: { dataset: 'parks' }, errors: [[1, UploadIssueCode.ColumnMissing]] },
  { file: 'enterprises-check-digit.csv', errors: [[2, UploadIssueCode.CreditCodeInvalid]] },
  { file: 'enterprises-code-length.csv', errors: [[2, UploadIssueCode.CreditCodeInvalid]] },
  { file: 'enterprises-bad-flag.csv', errors: [[2, UploadIssueCode.FieldInvalid]] },
  { file: 'enterprises-unknown-park.csv', errors: [[2, UploadIssueCode.RegionUnknown]], suggestion: '软件园' },
  { file: 'enterprises-park-district-mismatch.csv', errors: [[2, UploadIssueCode.FieldInvalid]] },
  { file: 'enterprises-missing-name.csv', errors: [[2, UploadIssueCode.ValueMissing]] },
  { file: 'enterprises-duplicated-code.csv', errors: [[2, UploadIssueCode.DuplicateKey], [3, UploadIssueCode.DuplicateKey]] },
  { file: 'enterprises-missing-code.csv', errors: [[2, UploadIssueCode.ValueMissing]] },
];

describe.each(testDatabases())('reference lists on $name', ({ config }) => {
  let t: IngestApp;
  const regionId = async (code: string) => Number((await t.dataSource.query('SELECT id FROM region WHERE code = ?', [code]))[0].id);
  const industryId = async (code: string) => Number((await t.dataSource.query('SELECT id FROM industry_node WHERE code = ?', [code]))[0].id);

  beforeAll(async () => {
    t = await createIngestApp(config());
  });
  afterAll(() => t?.close());

  it.each(REJECTED)('rejects $file with exactly its rows and writes nothing', async (c) => {
    const before = await dumpCatalog(t.dataSource);
    const { status, body } = await upload(t.stats, fixture(`reference/not-ok/${c.file}`), c.file, c.fields);
    expect(status).toBe(201);
    const errors = body.issues.items.filter((i) => i.severity === 'error').map((i) => [i.row, i.code]);
    expect(errors).toEqual(c.errors);
    for (const i of body.issues.items) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    if (c.suggestion) expect(body.issues.items.flatMap((i) => i.suggestions ?? [])).toContain(c.suggestion);
    expect(body.canCommit).toBe(false);
    const attempt = await commit(t.stats, body.batch.id);
    expect([409, 422]).toContain(attempt.status);
    expect(await dumpCatalog(t.dataSource)).toEqual(before);
  });

  it('reads a GBK park list with a title and notes: diff, commit, unchanged re-upload, correction, rollback', async () => {
    const software = await regionId('xm.park.software');
    const original = await dumpCatalog(t.dataSource);
    const { body } = await upload(t.stats, fixture('reference/ok/parks-gbk-title-notes.csv'), '园区名录.csv');
    expect(body.batch).toMatchObject({ status: 'validated', dataset: 'parks', layout: 'reference', encoding: 'gb18030', rows: { valid: 3, error: 0 } });
    expect(body.detection).toMatchObject({ titleRows: [1], headerRow: 2, noteRows: [6, 7] });
    expect(body.diff).toMatchObject({ new: 1, changed: 1, unchanged: 1 });
    expect(body.diff.items).toContainEqual(
      expect.objectContaining({ kind: 'changed', row: 4, fields: [{ field: 'landAreaMu', label: '占地面积(亩)', old: null, new: '3500' }] }),
    );
    const added = body.diff.items.find((i) => i.kind === 'new')!;
    expect(added).toMatchObject({ row: 3, subject: '园区 湖里智能制造产业园（xm.park.00815）' });
    expect(added.fields).toContainEqual({ field: 'industryIds', label: '主导产业', old: null, new: '集成电路、人工智能' });
    expect(await dumpCatalog(t.dataSource)).toEqual(original);

    const c = await commit(t.stats, body.batch.id);
    expect(c.status).toBe(200);
    expect(c.body.batch).toMatchObject({ status: 'committed', changes: { new: 1, changed: 1, unchanged: 1 } });
    const [park] = await t.dataSource.query('SELECT id, code, type, parent_id, zone_id, name, CAST(land_area_mu AS CHAR(40)) AS area, note FROM region WHERE code = ?', ['xm.park.00815']);
    expect({ ...park, id: undefined, area: Number(park.area), parent_id: Number(park.parent_id), zone_id: Number(park.zone_id) }).toEqual({
      id: undefined,
      code: 'xm.park.00815',
      type: 'park',
      parent_id: await regionId('xm.huli'),
      zone_id: await regionId('xm.torch'),
      name: '湖里智能制造产业园',
      area: 1200,
      note: '新登记',
    });
    const links = (await t.dataSource.query('SELECT industry_node_id AS i FROM park_industry WHERE park_id = ? ORDER BY industry_node_id', [park.id])).map((r: { i: unknown }) => Number(r.i));
    expect(links).toEqual([await industryId('sei.ngit.ic'), await industryId('sei.ngit.ai')].sort((a, b) => a - b));
    expect(Number((await t.dataSource.query('SELECT land_area_mu AS a FROM region WHERE id = ?', [software]))[0].a)).toBe(3500);
    // The catalog API (what the pages load) sees the new park at once.
    const tree = await t.stats.get('/api/catalog/regions');
    expect(JSON.stringify(tree.body)).toContain('xm.park.00815');
    // The monthly upload of a park reads it too.
    const monthly = await upload(t.stats, utf8('期间,区域代码,产业代码,1-本月累计(万元)\n2024-03,xm.park.00815,sei.ngit.ic,100\n'), 'park-data.csv');
    expect(monthly.body.batch).toMatchObject({ status: 'validated', rows: { valid: 1, error: 0 } });
    const committed = await dumpCatalog(t.dataSource);

    // The same list saved again (other bytes, same content): nothing new, nothing changed.
    const same = await upload(t.stats, utf8(`园区代码,园区名称,所属区\nxm.park.00815,湖里智能制造产业园,湖里区\n`), 'again.csv');
    expect(same.body.diff).toMatchObject({ new: 0, changed: 0, unchanged: 1 });
    expect((await commit(t.stats, same.body.batch.id)).status).toBe(200);
    expect(await dumpCatalog(t.dataSource)).toEqual(committed);
    // The identical file: recognised.
    const dup = await upload(t.stats, fixture('reference/ok/parks-gbk-title-notes.csv'), 'copy.csv');
    expect(dup.body.batch.status).toBe('duplicate');

    // A correction: old → new, then rolled back to exactly the committed state.
    const fix = await upload(t.stats, utf8(`园区代码,园区名称,占地面积(亩),主导产业\nxm.park.00815,湖里智能制造产业园,1350,集成电路\n`), 'fix.csv');
    expect(fix.body.diff.items[0].fields).toEqual([
      { field: 'landAreaMu', label: '占地面积(亩)', old: '1200', new: '1350' },
      { field: 'industryIds', label: '主导产业', old: '集成电路、人工智能', new: '集成电路' },
    ]);
    expect((await commit(t.stats, fix.body.batch.id)).status).toBe(200);
    // The first batch cannot be rolled back while the correction stands.
    const refused = await rollback(t.stats, body.batch.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('INGEST_LATER_BATCHES');
    expect(refused.body.message).toContain(`#${fix.body.batch.id}`);
    const r1 = await rollback(t.stats, fix.body.batch.id);
    expect(r1.status).toBe(200);
    expect(r1.body).toMatchObject({ restored: 1, removed: 0 });
    expect(await dumpCatalog(t.dataSource)).toEqual(committed);
    const r2 = await rollback(t.stats, same.body.batch.id);
    expect(r2.status).toBe(200);
    const r3 = await rollback(t.stats, body.batch.id);
    expect(r3.status).toBe(200);
    expect(r3.body).toMatchObject({ restored: 1, removed: 1 });
    expect(await dumpCatalog(t.dataSource)).toEqual(original);
  });

  it('refuses to roll back a new park while a plan target measures it', async () => {
    const original = await dumpCatalog(t.dataSource);
    const { body } = await upload(t.stats, utf8('园区代码,园区名称,所属区\nxm.park.00816,湖里检测认证产业园,湖里区\n'), 'parks.csv');
    expect(body.diff).toMatchObject({ new: 1, changed: 0, unchanged: 0 });
    expect((await commit(t.stats, body.batch.id)).status).toBe(200);
    await t.dataSource.query(
      `INSERT INTO target (plan_id, code, name, subject_type, region_id, indicator_id, kind, comparator, target_value, target_year, unit)
       SELECT p.id, 'xm-sei-14.t-park', '园区产值目标', 'region', r.id, i.id, 'level', 'gte', 10, 2025, '亿元'
         FROM plan p, region r, indicator i WHERE p.code = 'xm-sei-14' AND r.code = 'xm.park.00816' AND i.code = 'output'`,
    );
    const refused = await rollback(t.stats, body.batch.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CATALOG_REFERENCE_IN_USE');
    expect(refused.body.message).toContain('1 项规划目标以该园区为对象');
    await t.dataSource.query(`DELETE FROM target WHERE code = 'xm-sei-14.t-park'`);
    expect((await rollback(t.stats, body.batch.id)).status).toBe(200);
    expect(await dumpCatalog(t.dataSource)).toEqual(original);
  });

  it('registers enterprises with tier flags and industries, which monthly enterprise files then resolve; rollback refused while data uses them', async () => {
    const original = await dumpCatalog(t.dataSource);
    const { body } = await upload(t.stats, fixture('reference/ok/enterprises-bom.csv'), '企业名录.csv');
    expect(body.batch).toMatchObject({ status: 'validated', dataset: 'enterprises', encoding: 'utf-8', rows: { valid: 2, error: 0 } });
    expect(body.diff).toMatchObject({ new: 2, changed: 0, unchanged: 0 });
    expect((await commit(t.stats, body.batch.id)).status).toBe(200);
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      'SELECT credit_code, name, park_id, district_id, above_scale, hnte, little_giant, champion, chain_leader FROM enterprise ORDER BY credit_code',
    );
    const flags = (r: Record<string, unknown>) => ['above_scale', 'hnte', 'little_giant', 'champion', 'chain_leader'].map((k) => Number(r[k]));
    expect(rows.map((r) => [r.credit_code, r.name, r.park_id === null ? null : Number(r.park_id), Number(r.district_id), ...flags(r)])).toEqual([
      ['91350200MA0000001W', '厦门金标芯片有限公司', await regionId('xm.park.software'), await regionId('xm.siming'), 1, 1, 0, 0, 0],
      ['91350206MA0000002N', '厦门恒显光电有限公司', null, await regionId('xm.huli'), 1, 0, 1, 0, 1],
    ]);

    const monthly = await upload(t.stats, utf8('期间,统一社会信用代码,1-本月累计(万元)\n2024-03,91350200MA0000001W,100\n'), 'e.csv');
    expect(monthly.body.batch).toMatchObject({ status: 'validated', dataset: 'enterprise-monthly', rows: { valid: 1, error: 0 } });
    expect((await commit(t.stats, monthly.body.batch.id)).status).toBe(200);

    // A flag corrected: old → new.
    const fix = await upload(t.stats, utf8('统一社会信用代码,单项冠军\n91350206MA0000002N,是\n'), 'fix.csv');
    expect(fix.body.diff.items[0]).toMatchObject({ kind: 'changed', row: 2, fields: [{ field: 'champion', label: '制造业单项冠军', old: '否', new: '是' }] });
    expect((await commit(t.stats, fix.body.batch.id)).status).toBe(200);
    expect((await rollback(t.stats, fix.body.batch.id)).status).toBe(200);

    const refused = await rollback(t.stats, body.batch.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CATALOG_REFERENCE_IN_USE');
    expect(refused.body.message).toContain('厦门金标芯片有限公司');
    expect((await rollback(t.stats, monthly.body.batch.id)).status).toBe(200);
    expect((await rollback(t.stats, body.batch.id)).status).toBe(200);
    expect(await dumpCatalog(t.dataSource)).toEqual(original);
  });

  it('stores nothing when the commit fails at any row', async () => {
    const before = await dumpCatalog(t.dataSource);
    for (const row of [3, 4]) {
      t.tuning.failAtRow = row;
      try {
        const { body } = await upload(t.stats, fixture('reference/ok/parks-gbk-title-notes.csv'), `fail-${row}.csv`);
        const c = await commit(t.stats, body.batch.id);
        expect(c.status).toBe(500);
      } finally {
        t.tuning.failAtRow = null;
      }
      expect(await dumpCatalog(t.dataSource)).toEqual(before);
    }
  });

  it('offers the list templates, which read back as valid lists', async () => {
    const list = await t.stats.get('/api/uploads/templates');
    expect(list.body.map((x: { dataset: string }) => x.dataset)).toEqual(expect.arrayContaining(['parks', 'enterprises']));
    for (const name of ['parks', 'enterprises']) {
      const res = await t.stats.get(`/api/uploads/templates/${name}.csv`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      const { body } = await upload(t.stats, res.body as Buffer, `${name}.csv`);
      expect(body.batch).toMatchObject({ dataset: name, status: 'validated', rows: { valid: 1, error: 0 } });
      expect(body.diff.new).toBe(1);
    }
  });
});
