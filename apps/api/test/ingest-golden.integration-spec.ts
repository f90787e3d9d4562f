/**
 * Golden files (fixtures/csv): every accepted format is read, committed and stored exactly as the
 * file says; every rejection reports exactly its rows and codes and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadIssueCode, type UploadDataset, type UploadEncoding, type UploadLayout } from '@im/contracts';
import { testDatabases } from './support/test-app';
import { commit, createIngestApp, dumpData, fixture, upload, type IngestApp } from './ingest.support';

const E1 = '91350200MA0000001W';
const E2 = '91350206MA0000002N';

interface Point {
  indicator: string;
  industry?: string | null;
  region?: string;
  enterprise?: string | null;
  granularity?: 'month' | 'quarter' | 'year';
  year: number;
  month: number;
  /** [本月, 累计, 本月同比, 累计同比] as stored (numbers, null = missing). */
  values: (number | null)[];
  merged?: boolean;
}

interface OkCase {
  file: string;
  fields?: Record<string, string>;
  encoding: UploadEncoding;
  layout: UploadLayout;
  dataset: UploadDataset;
  rows: { total: number; data: number; valid: number };
  titleRows?: number[];
  noteRows?: number[];
  periodSource?: 'column' | 'title' | 'parameter';
  points: Point[];
}

const OK: OkCase[] = [
  {
    file: 'bureau-gbk-title-notes.csv',
    encoding: 'gb18030',
    layout: 'bureau',
    dataset: 'industry-monthly',
    rows: { total: 11, data: 5, valid: 5 },
    titleRows: [1, 2],
    noteRows: [9, 10, 11],
    periodSource: 'title',
    points: [
      { indicator: 'output', industry: 'gb.agg.above-scale', year: 2024, month: 10, values: [11023500, 102108000, 4.6, 5.1] },
      { indicator: 'output', industry: 'gb.c.39', year: 2024, month: 10, values: [3201800, 30156600, -2.3, 1.8] },
      { indicator: 'output', industry: 'sei.ngit', year: 2024, month: 10, values: [5602000, 53804000, 6.1, 6.9] },
      { indicator: 'output', industry: 'sei.ngit.ic', year: 2024, month: 10, values: [453000, 4102500, 12.5, 11.2] },
      { indicator: 'output', industry: 'sei.ngit.display', year: 2024, month: 10, values: [986000, 9301000, null, null] },
    ],
  },
  {
    file: 'long-template-bom-yiyuan.csv',
    encoding: 'utf-8',
    layout: 'long',
    dataset: 'industry-monthly',
    rows: { total: 5, data: 4, valid: 4 },
    periodSource: 'column',
    points: [
      { indicator: 'output', industry: 'sei.bio', year: 2024, month: 9, values: [123500, 987600, 8.1, 9.3] },
      { indicator: 'output', industry: 'sei.bio', year: 2024, month: 10, values: [130200, 1117800, 7.9, 9.1] },
      { indicator: 'output', industry: 'sei.bio.drug', year: 2024, month: 10, values: [41001, 352000, null, null] },
      { indicator: 'revenue', industry: 'sei.dc', year: 2024, month: 10, values: [165000, 1502000, 3.3, 2.9] },
    ],
  },
  {
    file: 'nbs-columns.csv',
    encoding: 'utf-8',
    layout: 'nbs',
    dataset: 'macro',
    rows: { total: 4, data: 3, valid: 3 },
    points: [
      { indicator: 'gdp', granularity: 'quarter', year: 2024, month: 3, values: [18505600, 18505600, 5.1, 5.1] },
      { indicator: 'gdp', granularity: 'quarter', year: 2024, month: 6, values: [19952000, 38457600, 5.6, 5.4] },
      { indicator: 'gdp', granularity: 'quarter', year: 2024, month: 9, values: [20150400, 58608000, 4.8, 5.2] },
    ],
  },
  {
    file: 'jan-feb-merged-gbk.csv',
    encoding: 'gb18030',
    layout: 'long',
    dataset: 'industry-monthly',
    rows: { total: 4, data: 3, valid: 3 },
    points: [
      { indicator: 'output', industry: 'sei.ngit.ic', year: 2024, month: 2, values: [null, 650000, null, 10.2], merged: true },
      { indicator: 'output', industry: 'sei.ngit.ic', year: 2024, month: 3, values: [330000, 980000, null, 9.8] },
      { indicator: 'output', industry: 'sei.ngit.ic', region: 'xm.huli', year: 2024, month: 2, values: [null, 120500, null, 8], merged: true },
    ],
  },
  {
    file: 'bureau-two-row-header.csv',
    fields: { period: '2024年8月' },
    encoding: 'utf-8',
    layout: 'bureau',
    dataset: 'industry-monthly',
    rows: { total: 4, data: 2, valid: 2 },
    periodSource: 'parameter',
    points: [
      { indicator: 'output', industry: 'sei.ngit', year: 2024, month: 8, values: [5602000, 53804000, 6.1, 6.9] },
      { indicator: 'output', industry: 'sei.marine', year: 2024, month: 8, values: [1750300, 16880000, -1.5, 2.2] },
    ],
  },
  {
    file: 'region-park-monthly.csv',
    fields: { dataset: 'region-monthly' },
    encoding: 'utf-8',
    layout: 'long',
    dataset: 'region-monthly',
    rows: { total: 4, data: 3, valid: 3 },
    points: [
      { indicator: 'output', industry: 'sei.ngit', region: 'xm.park.software', year: 2024, month: 10, values: [86000, 801000, null, null] },
      { indicator: 'output', industry: 'sei.ngit', region: 'xm.huli', year: 2024, month: 10, values: [402000, 3885000, null, null] },
      { indicator: 'output', industry: 'sei.ngit', region: 'xm.park.torch-xiangan', year: 2024, month: 10, values: [123456, 1100000, null, null] },
    ],
  },
  {
    file: 'enterprise-monthly-gbk.csv',
    encoding: 'gb18030',
    layout: 'long',
    dataset: 'enterprise-monthly',
    rows: { total: 3, data: 2, valid: 2 },
    points: [
      { indicator: 'output', industry: 'sei.ngit.ic', region: 'xm.park.software', enterprise: E1, year: 2024, month: 10, values: [320050, 1510000, 12.5, 10.8] },
      { indicator: 'output', industry: 'sei.ngit.display', region: 'xm.huli', enterprise: E2, year: 2024, month: 10, values: [880.5, 9120, -3.1, -1.2] },
    ],
  },
  {
    file: 'macro-growth-only.csv',
    encoding: 'utf-8',
    layout: 'bureau',
    dataset: 'macro',
    rows: { total: 4, data: 2, valid: 2 },
    titleRows: [1],
    points: [
      { indicator: 'industrial_va', industry: null, year: 2024, month: 10, values: [null, null, 5.6, 6.2] },
      { indicator: 'value_added', industry: 'gb.agg.hitech-mfg', year: 2024, month: 10, values: [602000, 5804000, 9.1, 8.8] },
    ],
  },
  {
    file: 'crlf-mixed-quotes.csv',
    encoding: 'utf-8',
    layout: 'long',
    dataset: 'industry-monthly',
    rows: { total: 4, data: 3, valid: 3 },
    points: [
      { indicator: 'output', industry: 'sei.ngit.ic', year: 2024, month: 7, values: [1234.5, 12345.5, -3.2, null] },
      { indicator: 'output', industry: 'sei.ngit.display', year: 2024, month: 7, values: [123, null, 4.5, null] },
      { indicator: 'output', industry: 'sei.ngit.iot', year: 2024, month: 7, values: [7000, 70000, null, null] },
    ],
  },
];

interface NotOkCase {
  file: string;
  fields?: Record<string, string>;
  /** HTTP answer for files refused before they are read as a table. */
  http?: { status: number; code: string };
  /** Exactly the error rows and codes, in order. */
  errors?: [number | null, UploadIssueCode][];
}

const NOT_OK: NotOkCase[] = [
  { file: 'missing-value-columns.csv', errors: [[1, UploadIssueCode.ColumnMissing]] },
  { file: 'missing-industry-column.csv', fields: { dataset: 'industry-monthly' }, errors: [[1, UploadIssueCode.ColumnMissing]] },
  { file: 'unknown-column.csv', errors: [[1, UploadIssueCode.ColumnUnknown]] },
  { file: 'duplicated-column.csv', errors: [[1, UploadIssueCode.ColumnDuplicated]] },
  { file: 'ambiguous-yoy-column.csv', errors: [[1, UploadIssueCode.ColumnAmbiguous]] },
  { file: 'unknown-industry.csv', errors: [[3, UploadIssueCode.IndustryUnknown]] },
  { file: 'ambiguous-industry.csv', errors: [[2, UploadIssueCode.IndustryAmbiguous]] },
  { file: 'unknown-region.csv', errors: [[2, UploadIssueCode.RegionUnknown]] },
  { file: 'unknown-indicator.csv', errors: [[2, UploadIssueCode.IndicatorUnknown]] },
  { file: 'code-name-mismatch.csv', errors: [[2, UploadIssueCode.CodeNameMismatch]] },
  { file: 'period-month-13.csv', errors: [[2, UploadIssueCode.PeriodInvalid]] },
  { file: 'period-ambiguous-dot.csv', errors: [[2, UploadIssueCode.PeriodInvalid]] },
  { file: 'period-quarter-in-monthly.csv', errors: [[2, UploadIssueCode.PeriodInvalid]] },
  { file: 'period-future.csv', errors: [[2, UploadIssueCode.PeriodInvalid]] },
  { file: 'period-missing.csv', errors: [[1, UploadIssueCode.PeriodMissing]] },
  { file: 'period-conflict.csv', fields: { period: '2024年9月' }, errors: [[1, UploadIssueCode.PeriodConflict]] },
  { file: 'not-a-number.csv', errors: [[2, UploadIssueCode.NumberInvalid]] },
  { file: 'scientific-notation.csv', errors: [[2, UploadIssueCode.NumberInvalid]] },
  { file: 'unit-in-cell.csv', errors: [[2, UploadIssueCode.NumberInvalid]] },
  { file: 'excel-error.csv', errors: [[2, UploadIssueCode.NumberInvalid]] },
  { file: 'negative-output.csv', errors: [[2, UploadIssueCode.ValueNegative]] },
  { file: 'yoy-below-minus-100.csv', errors: [[2, UploadIssueCode.NumberInvalid]] },
  { file: 'value-out-of-range.csv', errors: [[2, UploadIssueCode.ValueOutOfRange]] },
  {
    file: 'duplicated-keys.csv',
    errors: [
      [2, UploadIssueCode.DuplicateKey],
      [4, UploadIssueCode.DuplicateKey],
    ],
  },
  { file: 'truncated-last-line.csv', errors: [[3, UploadIssueCode.RowTruncated]] },
  { file: 'unterminated-quote.csv', errors: [[3, UploadIssueCode.RowTruncated]] },
  { file: 'too-many-fields.csv', errors: [[2, UploadIssueCode.RowFieldCount]] },
  { file: 'unit-missing.csv', errors: [[1, UploadIssueCode.UnitMissing]] },
  { file: 'unit-unknown.csv', errors: [[1, UploadIssueCode.UnitUnknown]] },
  { file: 'unit-conflict.csv', errors: [[2, UploadIssueCode.UnitConflict]] },
  { file: 'credit-code-check-digit.csv', errors: [[2, UploadIssueCode.CreditCodeInvalid]] },
  { file: 'credit-code-length.csv', errors: [[2, UploadIssueCode.CreditCodeInvalid]] },
  { file: 'enterprise-unknown.csv', errors: [[2, UploadIssueCode.EnterpriseUnknown]] },
  { file: 'header-not-found.csv', errors: [[null, UploadIssueCode.HeaderNotFound]] },
  { file: 'data-after-notes.csv', errors: [[4, UploadIssueCode.RowMalformed]] },
  { file: 'group-node-without-indicator.csv', errors: [[2, UploadIssueCode.IndicatorMissing]] },
  { file: 'subject-missing.csv', errors: [[2, UploadIssueCode.SubjectMissing]] },
  { file: 'gbk-read-as-utf8.csv', fields: { encoding: 'utf-8' }, errors: [[1, UploadIssueCode.EncodingInvalid]] },
  { file: 'xlsx-renamed.csv', http: { status: 415, code: 'INGEST_NOT_CSV' } },
  { file: 'utf16-text.csv', http: { status: 415, code: 'INGEST_NOT_CSV' } },
  { file: 'empty.csv', http: { status: 400, code: 'INGEST_FILE_EMPTY' } },
  { file: 'oversize.csv', http: { status: 413, code: 'INGEST_FILE_TOO_LARGE' } },
];

async function storedPoint(t: IngestApp, p: Point): Promise<{ values: (number | null)[]; merged: boolean } | null> {
  const rows: Record<string, unknown>[] = await t.dataSource.query(
    `SELECT o.value_month AS vm, o.value_ytd AS vy, o.yoy_month_pct AS ym, o.yoy_ytd_pct AS yy, o.merged_jan_feb AS merged
       FROM observation o
       JOIN series s ON s.id = o.series_id
       JOIN indicator i ON i.id = s.indicator_id
       JOIN region r ON r.id = s.region_id
       LEFT JOIN industry_node n ON n.id = s.industry_node_id
       LEFT JOIN enterprise e ON e.id = s.enterprise_id
      WHERE i.code = ? AND r.code = ? AND s.granularity = ? AND o.period_year = ? AND o.period_month = ?
        AND ${p.industry ? 'n.code = ?' : 's.industry_node_id IS NULL'} AND ${p.enterprise ? 'e.credit_code = ?' : 's.enterprise_id IS NULL'}`,
    [p.indicator, p.region ?? 'xm', p.granularity ?? 'month', p.year, p.month, ...(p.industry ? [p.industry] : []), ...(p.enterprise ? [p.enterprise] : [])],
  );
  if (rows.length !== 1) return null;
  const num = (v: unknown) => (v === null ? null : Number(v));
  const r = rows[0];
  return { values: [num(r.vm), num(r.vy), num(r.ym), num(r.yy)], merged: Number(r.merged) === 1 || r.merged === true };
}

describe.each(testDatabases())('golden files on $name', ({ config }) => {
  let t: IngestApp;

  beforeAll(async () => {
    t = await createIngestApp(config(), { maxBytes: 64 * 1024 });
    // Two key enterprises of the golden enterprise file (the catalog has no real ones).
    const id = async (table: string, code: string) => Number((await t.dataSource.query(`SELECT id FROM ${table} WHERE code = ?`, [code]))[0].id);
    const software = await id('region', 'xm.park.software');
    const siming = await id('region', 'xm.siming');
    const huli = await id('region', 'xm.huli');
    await t.dataSource.query('INSERT INTO enterprise (credit_code, name, park_id, district_id) VALUES (?, ?, ?, ?), (?, ?, ?, ?)', [
      E1,
      '厦门金标芯片有限公司',
      software,
      siming,
      E2,
      '厦门金标显示科技有限公司',
      null,
      huli,
    ]);
    const e = async (code: string) => Number((await t.dataSource.query('SELECT id FROM enterprise WHERE credit_code = ?', [code]))[0].id);
    await t.dataSource.query('INSERT INTO enterprise_industry (enterprise_id, industry_node_id) VALUES (?, ?), (?, ?)', [
      await e(E1),
      await id('industry_node', 'sei.ngit.ic'),
      await e(E2),
      await id('industry_node', 'sei.ngit.display'),
    ]);
  });
  afterAll(() => t?.close());

  describe('accepted formats', () => {
    it.each(OK)('$file', async (c) => {
      const { status, body } = await upload(t.stats, fixture(`ok/${c.file}`), c.file, c.fields);
      expect(status).toBe(201);
      expect(body.issues.items.filter((i) => i.severity === 'error')).toEqual([]);
      expect(body.batch).toMatchObject({ status: 'validated', dataset: c.dataset, layout: c.layout, encoding: c.encoding, rows: c.rows });
      if (c.titleRows) expect(body.detection.titleRows).toEqual(c.titleRows);
      if (c.noteRows) expect(body.detection.noteRows).toEqual(c.noteRows);
      if (c.periodSource) expect(body.detection.periodSource).toBe(c.periodSource);
      expect(body.diff.new).toBe(c.points.length);
      expect(body.canCommit).toBe(true);
      const committed = await commit(t.stats, body.batch.id);
      expect(committed.status).toBe(200);
      for (const p of c.points) {
        const stored = await storedPoint(t, p);
        expect({ point: p, stored: stored?.values }).toEqual({ point: p, stored: p.values });
        if (p.merged !== undefined) expect(stored?.merged).toBe(p.merged);
      }
    });
  });

  describe('rejections: exactly the rows and codes, and nothing written', () => {
    it.each(NOT_OK)('$file', async (c) => {
      const before = await dumpData(t.dataSource);
      const batchesBefore = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM upload_batch'))[0].n);
      const { status, body } = await upload(t.stats, fixture(`not-ok/${c.file}`), c.file, c.fields);
      if (c.http) {
        expect({ status, code: body.code }).toEqual(c.http);
        expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM upload_batch'))[0].n)).toBe(batchesBefore);
      } else {
        expect(status).toBe(201);
        const errors = body.issues.items.filter((i) => i.severity === 'error');
        expect(errors.map((i) => [i.row, i.code])).toEqual(c.errors);
        for (const e of errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(body.canCommit).toBe(false);
        const attempt = await commit(t.stats, body.batch.id);
        expect(attempt.status).toBeGreaterThanOrEqual(400);
      }
      expect(await dumpData(t.dataSource)).toEqual(before);
    });
  });

  it('keeps codes as text (leading zeros, letters) in errors.csv', async () => {
    const { body } = await upload(t.stats, fixture('not-ok/enterprise-unknown.csv'), 'enterprise-unknown.csv');
    const res = await t.stats.get(`/api/uploads/${body.batch.id}/errors.csv`);
    expect(res.text).toContain(',91350211MA00000031,');
  });
});
