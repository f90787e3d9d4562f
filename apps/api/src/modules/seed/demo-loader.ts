import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { generateDemoData, type DemoDataset } from '@im/seeds';
import { Enterprise } from '../catalog/entities/enterprise.entity';
import { Indicator } from '../catalog/entities/indicator.entity';
import { IndustryNode } from '../catalog/entities/industry-node.entity';
import { Region } from '../catalog/entities/region.entity';
import { UploadBatch } from '../ingest/entities/upload-batch.entity';
import { Observation } from '../observations/entities/observation.entity';
import { Series, seriesKeyOf } from '../observations/entities/series.entity';
import { RollupService } from '../observations/rollups/rollup.service';
import { SeedError } from './reference-seeder';

/** Rows per multi-row INSERT: well under SQLite's bound-parameter limit, as fast as larger batches on MySQL. */
const CHUNK = 500;

export interface DemoLoadResult {
  loaded: boolean;
  batchId: number;
  enterprises: number;
  series: number;
  observations: number;
}

/**
 * Loads the deterministic demo dataset (seeds/demo) as one committed batch marked demo, so every
 * demo figure traces to the batch and the row of the generator's output it came from. Loads once:
 * when a committed demo batch exists it does nothing.
 */
export class DemoLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(through: { year: number; month: number }, seed?: number): Promise<DemoLoadResult> {
    const existing = await this.dataSource.getRepository(UploadBatch).findOneBy({ isDemo: true, status: 'committed' });
    if (existing) return { loaded: false, batchId: existing.id, enterprises: 0, series: 0, observations: 0 };
    const data = generateDemoData({ through, seed });
    return this.dataSource.transaction(async (m) => {
      const result = await this.insert(m, data);
      // The dashboards read rollups: refresh them with the batch, in the same transaction.
      await new RollupService(this.dataSource).refreshForBatch(result.batchId, m);
      return result;
    });
  }

  private async insert(m: EntityManager, data: DemoDataset): Promise<DemoLoadResult> {
    const [indicators, industries, regions] = await Promise.all([
      m.getRepository(Indicator).find(),
      m.getRepository(IndustryNode).find({ select: { id: true, code: true } }),
      m.getRepository(Region).find(),
    ]);
    const indicatorId = new Map(indicators.map((i) => [i.code, i.id]));
    const industryId = new Map(industries.map((i) => [i.code, i.id]));
    const region = new Map(regions.map((r) => [r.code, r]));
    const need = <T>(map: Map<string, T>, code: string, what: string): T => {
      const v = map.get(code);
      if (v === undefined) throw new SeedError(`demo data refers to unknown ${what} ${code}; load the reference data first`);
      return v;
    };

    const through = `${data.through.year}-${String(data.through.month).padStart(2, '0')}`;
    const batch = await m.getRepository(UploadBatch).save(
      m.getRepository(UploadBatch).create({
        dataset: 'demo',
        fileName: `demo-generator(seed=${data.seed}, through=${through})`,
        sha256: createHash('sha256').update(`demo|${data.seed}|${through}`).digest('hex'),
        status: 'committed',
        isDemo: true,
        periodYear: data.through.year,
        periodMonth: data.through.month,
        committedAt: new Date(),
      }),
    );

    const enterpriseRepo = m.getRepository(Enterprise);
    const enterpriseId = new Map<string, number>();
    for (const e of data.enterprises) {
      const park = need(region, e.parkCode, 'park');
      const saved = await enterpriseRepo.save(
        enterpriseRepo.create({
          creditCode: e.creditCode,
          name: e.name,
          parkId: park.id,
          districtId: park.parentId,
          aboveScale: e.aboveScale,
          hnte: e.hnte,
          littleGiant: e.littleGiant,
          champion: e.champion,
          chainLeader: e.chainLeader,
          isDemo: true,
          industries: e.industryCodes.map((c) => ({ id: need(industryId, c, 'industry') }) as IndustryNode),
        }),
      );
      enterpriseId.set(e.creditCode, saved.id);
    }

    const seriesRows = data.series.map((s) => {
      const row = {
        indicatorId: need(indicatorId, s.key.indicator, 'indicator'),
        industryNodeId: s.key.industry ? need(industryId, s.key.industry, 'industry') : null,
        regionId: need(region, s.key.region, 'region').id,
        enterpriseId: s.key.enterprise ? need(enterpriseId, s.key.enterprise, 'enterprise') : null,
        granularity: s.key.granularity,
      };
      return { ...row, seriesKey: seriesKeyOf(row) };
    });
    for (let i = 0; i < seriesRows.length; i += CHUNK) {
      await m.createQueryBuilder().insert().into(Series).values(seriesRows.slice(i, i + CHUNK)).execute();
    }
    const seriesId = new Map((await m.getRepository(Series).find({ select: { id: true, seriesKey: true } })).map((s) => [s.seriesKey, s.id]));

    let sourceRow = 0;
    let observations = 0;
    let buffer: Partial<Observation>[] = [];
    const flush = async () => {
      if (!buffer.length) return;
      await m.createQueryBuilder().insert().into(Observation).values(buffer).execute();
      observations += buffer.length;
      buffer = [];
    };
    for (let i = 0; i < data.series.length; i++) {
      const id = seriesId.get(seriesRows[i].seriesKey)!;
      for (const o of data.series[i].observations) {
        buffer.push({
          seriesId: id,
          periodYear: o.year,
          periodMonth: o.month,
          valueMonth: o.valueMonth,
          valueYtd: o.valueYtd,
          yoyMonthPct: o.yoyMonthPct,
          yoyYtdPct: o.yoyYtdPct,
          monthDerived: false,
          ytdDerived: false,
          // The generator computes YoY from its own nominal values: label it computed, not reported.
          yoyComputed: o.yoyMonthPct !== null || o.yoyYtdPct !== null,
          mergedJanFeb: o.mergedJanFeb,
          batchId: batch.id,
          sourceRow: ++sourceRow,
          version: 1,
        });
        if (buffer.length >= CHUNK) await flush();
      }
    }
    await flush();

    await m.getRepository(UploadBatch).update(batch.id, { rowsTotal: sourceRow, rowsValid: sourceRow, observationsNew: observations });
    return { loaded: true, batchId: batch.id, enterprises: data.enterprises.length, series: seriesRows.length, observations };
  }
}
