import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { jobsConfigOf } from '../../core/config/jobs-config';
import { CatalogService } from '../catalog/catalog.service';
import { Framework } from '../catalog/entities/framework.entity';
import { ParkIndustry } from '../catalog/entities/park-industry.entity';
import { industryScope } from '../observations/queries/industry-scopes';
import { ObservationsService } from '../observations/observations.service';
import { expectedSeries, seriesKey, type ExpectedSeries } from './expected-series';
import type { Ym } from './monitoring-period';

export const FIVE_X_FRAMEWORK = 'xm-sei-5x';

export interface CompletenessFinding {
  period: Ym;
  expected: ExpectedSeries[];
  missing: ExpectedSeries[];
  present: ExpectedSeries[];
}

/**
 * Which expected series have no figure for a month — read through the existing completeness query
 * (`ObservationsService.completeness`, the data behind GET /api/observations/completeness), never a
 * second query of its own.
 */
@Injectable()
export class CompletenessCheck {
  private readonly items: string[];

  constructor(
    private readonly observations: ObservationsService,
    private readonly catalog: CatalogService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.items = jobsConfigOf(config).completenessExpected;
  }

  async expected(): Promise<ExpectedSeries[]> {
    const lookup = await this.catalog.lookup();
    const framework = await this.dataSource.getRepository(Framework).findOneBy({ code: FIVE_X_FRAMEWORK });
    const parkIndustries = await this.dataSource.getRepository(ParkIndustry).find({ select: { parkId: true, industryNodeId: true } });
    return expectedSeries(
      {
        industries: lookup.industries,
        regions: lookup.regions,
        indicators: lookup.indicators,
        parkIndustries,
        frameworkId: framework?.id ?? null,
        fiveIndustryCodes: industryScope()?.industryCodes ?? [],
      },
      this.items,
    );
  }

  async check(period: Ym): Promise<CompletenessFinding> {
    const expected = await this.expected();
    const completeness = await this.observations.completeness({ year: period.year });
    const status = new Map<string, string>();
    for (const s of completeness.series) {
      if (!s.industry || s.granularity !== 'month') continue;
      status.set(seriesKey(s.indicator.code, s.industry.code, s.region.code), s.months[period.month - 1]);
    }
    const has = (e: ExpectedSeries) => {
      const st = status.get(e.key);
      return st === 'reported' || st === 'derived' || st === 'merged';
    };
    return { period, expected, missing: expected.filter((e) => !has(e)), present: expected.filter(has) };
  }
}
