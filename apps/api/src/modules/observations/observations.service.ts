import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';
import type { SeriesDto } from '@im/contracts';
import { CatalogService } from '../catalog/catalog.service';
import { UploadBatch } from '../ingest/entities/upload-batch.entity';
import type { SeriesQuery } from './dto/series.query';
import { Observation } from './entities/observation.entity';
import { Series } from './entities/series.entity';
import { ObservationsException } from './observations.exception';
import { toSeriesPoint } from './observations.mapper';

const GRANULARITY_PREFERENCE = ['month', 'quarter', 'year'] as const;

const periodKey = (ym: string) => Number(ym.slice(0, 4)) * 100 + Number(ym.slice(5, 7));

@Injectable()
export class ObservationsService {
  constructor(
    private readonly catalog: CatalogService,
    @InjectRepository(Series) private readonly seriesRepo: Repository<Series>,
    @InjectRepository(Observation) private readonly observations: Repository<Observation>,
    @InjectRepository(UploadBatch) private readonly batches: Repository<UploadBatch>,
  ) {}

  /** The points of one series (indicator × industry × region) between two months, each with its source batch and row. */
  async series(query: SeriesQuery): Promise<SeriesDto> {
    if (query.from && query.to && periodKey(query.from) > periodKey(query.to)) throw ObservationsException.invalidRange(query.from, query.to);
    const industry = query.industry ? await this.catalog.industryByCode(query.industry) : null;
    const region = query.region ? await this.catalog.regionByCode(query.region) : await this.catalog.city();
    const indicator = query.indicator
      ? await this.catalog.indicatorByCode(query.indicator)
      : industry?.indicatorId
        ? await this.catalog.indicatorById(industry.indicatorId)
        : null;
    if (!indicator) throw ObservationsException.indicatorRequired();

    const candidates = await this.seriesRepo.findBy({
      indicatorId: indicator.id,
      industryNodeId: industry ? industry.id : IsNull(),
      regionId: region.id,
      enterpriseId: IsNull(),
    });
    const chosen = GRANULARITY_PREFERENCE.map((g) => candidates.find((s) => s.granularity === g)).find(Boolean) ?? null;

    const base: Omit<SeriesDto, 'points' | 'granularity'> = {
      indicator: { code: indicator.code, name: indicator.name, unit: indicator.unit },
      subject: { industryCode: industry?.code ?? null, industryName: industry?.name ?? null, regionCode: region.code, regionName: region.name },
    };
    if (!chosen) return { ...base, granularity: 'month', points: [] };

    const qb = this.observations
      .createQueryBuilder('o')
      .where('o.series_id = :id', { id: chosen.id })
      .orderBy('o.period_year', 'ASC')
      .addOrderBy('o.period_month', 'ASC');
    if (query.from) qb.andWhere('(o.period_year * 100 + o.period_month) >= :from', { from: periodKey(query.from) });
    if (query.to) qb.andWhere('(o.period_year * 100 + o.period_month) <= :to', { to: periodKey(query.to) });
    const rows = await qb.getMany();

    const batchIds = [...new Set(rows.map((r) => r.batchId))];
    const demo = batchIds.length
      ? new Set((await this.batches.find({ select: { id: true }, where: { id: In(batchIds), isDemo: true } })).map((b) => b.id))
      : new Set<number>();
    return { ...base, granularity: chosen.granularity, points: rows.map((r) => toSeriesPoint(r, demo)) };
  }
}
