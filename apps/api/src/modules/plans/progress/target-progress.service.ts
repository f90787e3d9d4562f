import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { PlanProgressDto, SeriesRefDto, TargetProgressDto } from '@im/contracts';
import { lastCompleteMonth } from '@im/seeds';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { CatalogService } from '../../catalog/catalog.service';
import type { Indicator } from '../../catalog/entities/indicator.entity';
import type { IndustryNode } from '../../catalog/entities/industry-node.entity';
import type { Region } from '../../catalog/entities/region.entity';
import { SeriesReader, type SeriesRef } from '../../observations/series-reader';
import { AnnualTarget } from '../entities/annual-target.entity';
import { Target } from '../entities/target.entity';
import { toPlanDto } from '../plans.mapper';
import { PlansService } from '../plans.service';
import { computeTargetProgress, type ProgressSeries } from './target-progress.calculator';

type Lookup = Awaited<ReturnType<CatalogService['lookup']>>;

/** Progress toward every target of a plan as of a month (the mayor's overview). */
@Injectable()
export class TargetProgressService {
  constructor(
    private readonly plans: PlansService,
    private readonly catalog: CatalogService,
    private readonly reader: SeriesReader,
    @InjectRepository(Target) private readonly targets: Repository<Target>,
    @InjectRepository(AnnualTarget) private readonly annualTargets: Repository<AnnualTarget>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async progress(planCode: string, asOf?: string): Promise<PlanProgressDto> {
    const plan = await this.plans.planByCode(planCode);
    const targets = await this.targets.find({ where: { planId: plan.id }, order: { id: 'ASC' } });
    const annuals = targets.length ? await this.annualTargets.findBy({ targetId: In(targets.map((t) => t.id)) }) : [];
    const lookup = await this.catalog.lookup();
    const city = [...lookup.regions.values()].find((r) => r.type === 'city')!;

    const numeratorRef = (t: Target): SeriesRef => ({ indicatorId: t.indicatorId, industryNodeId: t.industryNodeId, regionId: t.regionId ?? city.id });
    const denominatorRef = (t: Target): SeriesRef | null =>
      t.denominatorIndicatorId === null
        ? null
        : { indicatorId: t.denominatorIndicatorId, industryNodeId: t.denominatorIndustryNodeId, regionId: t.denominatorRegionId ?? city.id };

    let period: { year: number; month: number };
    if (asOf) period = { year: Number(asOf.slice(0, 4)), month: Number(asOf.slice(5, 7)) };
    else {
      const latest = await this.reader.latestPeriod(targets.map(numeratorRef));
      period = latest === null ? lastCompleteMonth(new Date()) : { year: Math.floor(latest / 100), month: latest % 100 };
    }
    const until = period.year * 100 + period.month;

    const items: TargetProgressDto[] = [];
    for (const t of targets) {
      const numRef = numeratorRef(t);
      const denRef = denominatorRef(t);
      const [num, den] = await Promise.all([this.loadSeries(numRef, until, lookup), denRef ? this.loadSeries(denRef, until, lookup) : Promise.resolve(null)]);
      const result = computeTargetProgress(
        {
          kind: t.kind,
          comparator: t.comparator,
          targetValue: t.targetValue,
          targetYear: t.targetYear,
          baselineValue: t.baselineValue,
          baselineYear: t.baselineYear,
          unit: t.unit,
          annualTargets: annuals.filter((a) => a.targetId === t.id).map((a) => ({ year: a.year, value: a.value })),
        },
        num,
        den,
        period,
        this.config.statusThresholds,
      );
      const { batchIds, ...computed } = result;
      const batches = await this.reader.batchInfo(batchIds);
      const numerator = seriesRefDto(numRef, lookup);
      const denominator = denRef ? seriesRefDto(denRef, lookup) : null;
      items.push({
        code: t.code,
        name: t.name,
        subject: subjectOf(t, lookup, city),
        indicator: denominator ? `${numerator.indicatorName} / ${denominator.indicatorName}` : numerator.indicatorName,
        numerator,
        denominator,
        unit: t.unit,
        kind: t.kind,
        comparator: t.comparator,
        targetValue: Number(t.targetValue),
        targetYear: t.targetYear,
        baselineValue: t.baselineValue === null ? null : Number(t.baselineValue),
        baselineYear: t.baselineYear,
        baselineScopeLabel: t.baselineScopeLabel,
        ...computed,
        sources: batches.map((b) => ({ batchId: b.id, fileName: b.fileName, demo: b.isDemo })),
        source: { document: t.sourceDocument, article: t.sourceArticle },
      });
    }
    return { plan: toPlanDto(plan), asOf: `${period.year}-${String(period.month).padStart(2, '0')}`, items };
  }

  private async loadSeries(ref: SeriesRef, until: number, lookup: Lookup): Promise<ProgressSeries | null> {
    const { series, points } = await this.reader.read(ref, until);
    if (!series) return null;
    const indicator = lookup.indicators.get(ref.indicatorId)!;
    return {
      indicatorKind: indicator.kind,
      unit: indicator.unit,
      granularity: series.granularity,
      points: points.map((p) => ({ year: p.periodYear, month: p.periodMonth, valueMonth: p.valueMonth, valueYtd: p.valueYtd, mergedJanFeb: p.mergedJanFeb, batchId: p.batchId })),
    };
  }
}

function seriesRefDto(ref: SeriesRef, lookup: Lookup): SeriesRefDto {
  const indicator: Indicator = lookup.indicators.get(ref.indicatorId)!;
  const industry: IndustryNode | undefined = ref.industryNodeId === null ? undefined : lookup.industries.get(ref.industryNodeId);
  const region: Region | undefined = lookup.regions.get(ref.regionId);
  return {
    indicatorCode: indicator.code,
    indicatorName: indicator.name,
    industryCode: industry?.code ?? null,
    industryName: industry?.name ?? null,
    regionCode: region?.code ?? null,
    regionName: region?.name ?? null,
  };
}

function subjectOf(t: Target, lookup: Lookup, city: Region): TargetProgressDto['subject'] {
  if (t.subjectType === 'industry' && t.industryNodeId !== null) {
    const n = lookup.industries.get(t.industryNodeId)!;
    return { type: 'industry', code: n.code, name: n.name };
  }
  const r = (t.regionId !== null ? lookup.regions.get(t.regionId) : undefined) ?? city;
  return { type: t.subjectType === 'region' ? 'region' : 'city', code: r.code, name: r.name };
}
