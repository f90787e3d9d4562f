import type { DataSource } from 'typeorm';
import { Indicator } from '../../src/modules/catalog/entities/indicator.entity';
import { IndustryNode } from '../../src/modules/catalog/entities/industry-node.entity';
import { Region } from '../../src/modules/catalog/entities/region.entity';
import { UploadBatch } from '../../src/modules/ingest/entities/upload-batch.entity';
import { Observation } from '../../src/modules/observations/entities/observation.entity';
import { Series, seriesKeyOf } from '../../src/modules/observations/entities/series.entity';

export interface FixturePoint {
  year: number;
  month: number;
  valueMonth?: string | null;
  valueYtd?: string | null;
  mergedJanFeb?: boolean;
}

/** A committed batch standing for a known file, for tests that need data with provenance. */
export async function fixtureBatch(ds: DataSource, fileName = 'fixture.csv'): Promise<UploadBatch> {
  const repo = ds.getRepository(UploadBatch);
  return repo.save(repo.create({ dataset: 'industry-monthly', fileName, sha256: 'f'.repeat(64), status: 'committed', isDemo: false, committedAt: new Date() }));
}

/** Stores one series of a subject (codes from the reference data) with the given points, row numbers 1…n. */
export async function fixtureSeries(
  ds: DataSource,
  batch: UploadBatch,
  subject: { indicator: string; industry?: string | null; region?: string; granularity?: Series['granularity'] },
  points: FixturePoint[],
): Promise<Series> {
  const indicator = await ds.getRepository(Indicator).findOneByOrFail({ code: subject.indicator });
  const industry = subject.industry ? await ds.getRepository(IndustryNode).findOneByOrFail({ code: subject.industry }) : null;
  const region = await ds.getRepository(Region).findOneByOrFail({ code: subject.region ?? 'xm' });
  const row = { indicatorId: indicator.id, industryNodeId: industry?.id ?? null, regionId: region.id, enterpriseId: null, granularity: subject.granularity ?? 'month' };
  const series = await ds.getRepository(Series).save({ ...row, seriesKey: seriesKeyOf(row) });
  await ds.getRepository(Observation).insert(
    points.map((p, i) => ({
      seriesId: series.id,
      periodYear: p.year,
      periodMonth: p.month,
      valueMonth: p.valueMonth ?? null,
      valueYtd: p.valueYtd ?? null,
      mergedJanFeb: p.mergedJanFeb ?? false,
      batchId: batch.id,
      sourceRow: i + 1,
    })),
  );
  return series;
}
