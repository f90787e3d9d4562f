import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BreakdownDto, ObservationCompletenessDto, SeriesDto } from '@im/contracts';
import { BreakdownQuery } from './dto/breakdown.query';
import { CompletenessQuery } from './dto/completeness.query';
import { SeriesQuery } from './dto/series.query';
import type { AccessScope } from '../../core/security/access-scope';
import { CurrentScope } from '../../core/security/auth-context';
import { Can } from '../../core/security/policy.decorator';
import { ObservationsService } from './observations.service';

@ApiTags('observations')
@Controller('observations')
export class ObservationsController {
  constructor(private readonly observations: ObservationsService) {}

  @Get('series')
  @Can('data.read')
  @ApiOperation({
    summary: 'Monthly points of one series: 本月, 累计, YoY (reported, or computed from nominal values and labelled), derived flags and the source batch and row of each figure',
  })
  @ApiOkResponse({ description: 'SeriesDto (values in the indicator’s storage unit, 万元 for money)' })
  series(@Query() query: SeriesQuery, @CurrentScope() scope: AccessScope): Promise<SeriesDto> {
    return this.observations.series(query, scope);
  }

  @Get('breakdown')
  @Can('data.read')
  @ApiOperation({
    summary: 'Children of a subject for a period: 本月, 累计, YoY, share of the parent, 拉动 (pp) and 贡献率, the remainder 其他 / 园区外 / 非重点企业',
    description:
      'by=industry: sub-nodes of `parent` (or the top-level industries of `framework`) at `region`; by=district: the districts of the city; by=park: the parks of `parent` (city, district or zone); by=enterprise: the top `limit` key enterprises of `parent` (an industry node) in `region`, with the totals of all key enterprises. district/park/enterprise figures are of `industry`, or summed over `scope` (default: the five strategic emerging industries).',
  })
  @ApiOkResponse({ description: 'BreakdownDto' })
  breakdown(@Query() query: BreakdownQuery, @CurrentScope() scope: AccessScope): Promise<BreakdownDto> {
    return this.observations.breakdown(query, scope);
  }

  @Get('completeness')
  // An operational view of the statistics staff (uploads page): which series and key enterprises reported.
  @Can('uploads.read')
  @ApiOperation({ summary: 'Which series have data for which months of a year, and how many key enterprises reported per park and month' })
  @ApiOkResponse({ description: 'ObservationCompletenessDto' })
  completeness(@Query() query: CompletenessQuery, @CurrentScope() scope: AccessScope): Promise<ObservationCompletenessDto> {
    return this.observations.completeness(query, scope);
  }
}
