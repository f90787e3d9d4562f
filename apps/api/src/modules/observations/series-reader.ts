import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';
import { UploadBatch } from '../ingest/entities/upload-batch.entity';
import { Observation } from './entities/observation.entity';
import { Series } from './entities/series.entity';

/** A series of a subject: indicator × industry node (or none) × region, aggregated over enterprises. */
export interface SeriesRef {
  indicatorId: number;
  industryNodeId: number | null;
  regionId: number;
}

export interface SeriesPoints {
  series: Series | null;
  /** Observations in period order. */
  points: Observation[];
}

export interface BatchInfo {
  id: number;
  fileName: string;
  isDemo: boolean;
}

const GRANULARITY_PREFERENCE = ['month', 'quarter', 'year'] as const;

/** Read access to observations for other modules (targets, reports): series by subject, provenance. */
@Injectable()
export class SeriesReader {
  constructor(
    @InjectRepository(Series) private readonly series: Repository<Series>,
    @InjectRepository(Observation) private readonly observations: Repository<Observation>,
    @InjectRepository(UploadBatch) private readonly batches: Repository<UploadBatch>,
  ) {}

  /** The subject's series (finest granularity available) and its points up to and including `until` (year×100+month). */
  async read(ref: SeriesRef, until?: number): Promise<SeriesPoints> {
    const candidates = await this.series.findBy({
      indicatorId: ref.indicatorId,
      industryNodeId: ref.industryNodeId === null ? IsNull() : ref.industryNodeId,
      regionId: ref.regionId,
      enterpriseId: IsNull(),
    });
    const series = GRANULARITY_PREFERENCE.map((g) => candidates.find((s) => s.granularity === g)).find(Boolean) ?? null;
    if (!series) return { series: null, points: [] };
    const qb = this.observations
      .createQueryBuilder('o')
      .where('o.series_id = :id', { id: series.id })
      .orderBy('o.period_year', 'ASC')
      .addOrderBy('o.period_month', 'ASC');
    if (until !== undefined) qb.andWhere('(o.period_year * 100 + o.period_month) <= :until', { until });
    return { series, points: await qb.getMany() };
  }

  /** The latest period (year×100+month) with data in any of the given subjects' monthly or quarterly series. */
  async latestPeriod(refs: SeriesRef[]): Promise<number | null> {
    let latest: number | null = null;
    for (const ref of refs) {
      const { series } = await this.read(ref, 0);
      if (!series || series.granularity === 'year') continue;
      const row = await this.observations
        .createQueryBuilder('o')
        .select('MAX(o.period_year * 100 + o.period_month)', 'p')
        .where('o.series_id = :id', { id: series.id })
        .getRawOne<{ p: number | string | null }>();
      const p = row?.p === null || row?.p === undefined ? null : Number(row.p);
      if (p !== null && (latest === null || p > latest)) latest = p;
    }
    return latest;
  }

  async batchInfo(ids: number[]): Promise<BatchInfo[]> {
    if (!ids.length) return [];
    const rows = await this.batches.find({ select: { id: true, fileName: true, isDemo: true }, where: { id: In(ids) }, order: { id: 'ASC' } });
    return rows.map((b) => ({ id: b.id, fileName: b.fileName, isDemo: b.isDemo }));
  }
}
