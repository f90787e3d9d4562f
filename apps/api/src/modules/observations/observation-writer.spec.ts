import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../core/database/data-source';
import { ObservationWriter, type ObservationWrite } from './observation-writer';

/** The writer on an in-memory SQLite database with the real migrations. */
describe(ObservationWriter.name, () => {
  let ds: DataSource;
  const writer = new ObservationWriter();
  const key = '1|-|1|-|month';

  beforeAll(async () => {
    ds = createDataSource({ driver: 'sqlite', file: ':memory:' });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.query(`INSERT INTO indicator (id, code, name, unit, kind, decimals) VALUES (1, 'output', '产值', '万元', 'flow', 2)`);
    await ds.query(`INSERT INTO region (id, code, type, name, district_verified) VALUES (1, 'xm', 'city', '厦门市', 1)`);
    for (const id of [1, 2, 3]) await ds.query(`INSERT INTO upload_batch (id, dataset, file_name, sha256, status) VALUES (?, 'industry-monthly', 'f', 's', 'committed')`, [id]);
  });
  afterAll(() => ds?.destroy());

  const row = (month: number, ytd: string, batchId: number, version = 1): ObservationWrite => ({
    seriesId: 0,
    periodYear: 2025,
    periodMonth: month,
    valueMonth: null,
    valueYtd: ytd,
    yoyMonthPct: null,
    yoyYtdPct: '3.25',
    monthDerived: false,
    ytdDerived: false,
    yoyComputed: false,
    mergedJanFeb: month === 2,
    batchId,
    sourceRow: month + 1,
    version,
  });

  describe('ensureSeries', () => {
    it('creates missing series once and finds existing ones', async () => {
      const subject = { seriesKey: key, indicatorId: 1, industryNodeId: null, regionId: 1, enterpriseId: null, granularity: 'month' as const };
      const first = await writer.ensureSeries(ds.manager, [subject]);
      expect(first.created).toEqual([key]);
      const again = await writer.ensureSeries(ds.manager, [subject]);
      expect(again).toEqual({ ids: first.ids, created: [] });
      expect(await writer.findSeriesIds(ds.manager, [key, 'nope'])).toEqual(first.ids);
    });
  });

  describe('insert, load, update, revisions, revert', () => {
    it('writes exact decimals, replaces with revisions and reverts exactly', async () => {
      const seriesId = (await writer.findSeriesIds(ds.manager, [key])).get(key)!;
      await writer.insert(ds.manager, [2, 3].map((m) => ({ ...row(m, m === 2 ? '99999999999.9999' : '0.0001', 1), seriesId })));
      const loaded = await writer.load(ds.manager, [seriesId], 2025, 2025);
      expect(loaded.map((o) => [o.periodMonth, o.valueYtd, o.yoyYtdPct, o.mergedJanFeb])).toEqual([
        [2, '99999999999.9999', '3.25', true],
        [3, '0.0001', '3.25', false],
      ]);
      const before = await ds.query('SELECT * FROM observation ORDER BY id');

      // Batch 2 replaces March and adds April.
      const march = loaded.find((o) => o.periodMonth === 3)!;
      await ds.transaction(async (m) => {
        await writer.insertRevisions(m, [{ ...march, observationId: march.id, replacedByBatchId: 2, replacedByUserId: null }]);
        await writer.update(m, [{ ...row(3, '12.5', 2, 2), seriesId, id: march.id }]);
        await writer.insert(m, [{ ...row(4, '20', 2), seriesId }]);
      });
      const after = await writer.load(ds.manager, [seriesId], 2025, 2025);
      expect(after.map((o) => [o.periodMonth, o.valueYtd, o.batchId, o.version])).toEqual([
        [2, '99999999999.9999', 1, 1],
        [3, '12.5', 2, 2],
        [4, '20', 2, 1],
      ]);
      expect(await writer.laterChanges(ds.manager, 1)).toEqual([2]);
      expect(await writer.laterChanges(ds.manager, 2)).toEqual([]);

      const result = await ds.transaction((m) => writer.revertBatch(m, 2));
      expect(result).toEqual({ restored: 1, removed: 1, seriesRemoved: 0 });
      const restored = await ds.query('SELECT * FROM observation ORDER BY id');
      const strip = (rows: Record<string, unknown>[]) => rows.map(({ updated_at: _u, ...r }) => r);
      expect(strip(restored)).toEqual(strip(before));
      expect(await ds.query('SELECT COUNT(*) AS n FROM observation_revision')).toEqual([{ n: 0 }]);
    });

    it('removes the series a reverted batch created and left empty', async () => {
      const subject = { seriesKey: '1|-|1|-|quarter', indicatorId: 1, industryNodeId: null, regionId: 1, enterpriseId: null, granularity: 'quarter' as const };
      const { ids } = await writer.ensureSeries(ds.manager, [subject]);
      await writer.insert(ds.manager, [{ ...row(3, '7', 3), seriesId: ids.get(subject.seriesKey)! }]);
      expect(await ds.transaction((m) => writer.revertBatch(m, 3))).toEqual({ restored: 0, removed: 1, seriesRemoved: 1 });
      expect(await writer.findSeriesIds(ds.manager, [subject.seriesKey])).toEqual(new Map());
    });
  });
});
