import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DashboardCacheInterceptor } from '../../observations/queries/dashboard-cache.interceptor';
import type { PlanProgressDto } from '@im/contracts';
import { ProgressQuery } from '../dto/progress.query';
import { TargetProgressService } from './target-progress.service';
import { Can } from '../../../core/security/policy.decorator';

@ApiTags('plans')
@Controller('plans')
@UseInterceptors(DashboardCacheInterceptor)
export class PlanProgressController {
  constructor(private readonly progress: TargetProgressService) {}

  @Get(':code/progress')
  @Can('data.read')
  @ApiOperation({
    summary: 'Progress toward every target of a plan as of a month',
    description:
      'Per target: latest figure, latest complete-year actual, completion %, the current year against its annual target with naive (m/12) and seasonal time progress and the gap in pp, planned-path value, actual and required CAGR, projection, status (ahead | on_track | at_risk | behind | no_data) and the batches the figures came from. Values in the target’s unit.',
  })
  @ApiParam({ name: 'code', example: 'xm-sei-14' })
  @ApiOkResponse({ description: 'PlanProgressDto' })
  planProgress(@Param('code') code: string, @Query() query: ProgressQuery): Promise<PlanProgressDto> {
    return this.progress.progress(code, query.asOf);
  }
}
