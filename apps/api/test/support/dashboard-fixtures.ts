import type { DataSource } from 'typeorm';
import { Enterprise } from '../../src/modules/catalog/entities/enterprise.entity';
import { Indicator } from '../../src/modules/catalog/entities/indicator.entity';
import { IndustryNode } from '../../src/modules/catalog/entities/industry-node.entity';
import { Region } from '../../src/modules/catalog/entities/region.entity';
import type { UploadBatch } from '../../src/modules/ingest/entities/upload-batch.entity';
import { Observation } from '../../src/modules/observations/entities/observation.entity';
import { Series, seriesKeyOf } from '../../src/modules/observations/entities/series.entity';

/** A point of a dashboard fixture: values in 万元 as decimal strings; YoY as stored (reported unless `yoyComputed`). */
export interface DashPoint {
  y: number;
  m: number;
  month?: string | null;
  ytd?: string | null;
  yoyMonth?: string | null;
  yoyYtd?: string | null;
  yoyComputed?: boolean;
  merged?: boolean;
  monthDerived?: boolean;
}

export interface DashSubject {
  indicator: string;
  industry?: string | null;
  region?: string;
  /** Credit code of a fixture enterprise. */
  enterprise?: string | null;
  granularity?: Series['granularity'];
}

let rowCounter = 0;

/** Stores a series with its points; every point gets a distinct source row (returned in order). */
export async function dashSeries(ds: DataSource, batch: UploadBatch, subject: DashSubject, points: DashPoint[]): Promise<{ series: Series; rows: number[] }> {
  const indicator = await ds.getRepository(Indicator).findOneByOrFail({ code: subject.indicator });
  const industry = subject.industry ? await ds.getRepository(IndustryNode).findOneByOrFail({ code: subject.industry }) : null;
  const region = await ds.getRepository(Region).findOneByOrFail({ code: subject.region ?? 'xm' });
  const enterprise = subject.enterprise ? await ds.getRepository(Enterprise).findOneByOrFail({ creditCode: subject.enterprise }) : null;
  const key = { indicatorId: indicator.id, industryNodeId: industry?.id ?? null, regionId: region.id, enterpriseId: enterprise?.id ?? null, granularity: subject.granularity ?? 'month' };
  const series = await ds.getRepository(Series).save({ ...key, seriesKey: seriesKeyOf(key) });
  const rows = points.map(() => ++rowCounter);
  await ds.getRepository(Observation).insert(
    points.map((p, i) => ({
      seriesId: series.id,
      periodYear: p.y,
      periodMonth: p.m,
      valueMonth: p.month ?? null,
      valueYtd: p.ytd ?? null,
      yoyMonthPct: p.yoyMonth ?? null,
      yoyYtdPct: p.yoyYtd ?? null,
      yoyComputed: p.yoyComputed ?? false,
      mergedJanFeb: p.merged ?? false,
      monthDerived: p.monthDerived ?? false,
      batchId: batch.id,
      sourceRow: rows[i],
    })),
  );
  return { series, rows };
}

/** A fixture key enterprise in a park (its district taken from the park). */
export async function dashEnterprise(ds: DataSource, creditCode: string, name: string, parkCode: string, industryCode: string): Promise<Enterprise> {
  const park = await ds.getRepository(Region).findOneByOrFail({ code: parkCode });
  const industry = await ds.getRepository(IndustryNode).findOneByOrFail({ code: industryCode });
  const repo = ds.getRepository(Enterprise);
  return repo.save(repo.create({ creditCode, name, parkId: park.id, districtId: park.parentId, aboveScale: true, hnte: true, industries: [industry] }));
}
