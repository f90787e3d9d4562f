import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SeriesDto } from '@im/contracts';
import { SeriesQuery } from './dto/series.query';
import { ObservationsService } from './observations.service';

@ApiTags('observations')
@Controller('observations')
export class ObservationsController {
  constructor(private readonly observations: ObservationsService) {}

  @Get('series')
  @ApiOperation({ summary: 'Monthly points of one series: 本月, 累计, YoY, derived flags and the source batch and row of each figure' })
  @ApiOkResponse({ description: 'SeriesDto (values in the indicator’s storage unit, 万元 for money)' })
  series(@Query() query: SeriesQuery): Promise<SeriesDto> {
    return this.observations.series(query);
  }
}
