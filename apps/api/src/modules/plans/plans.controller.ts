import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PlanDto } from '@im/contracts';
import { PlansService } from './plans.service';

@ApiTags('plans')
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @ApiOperation({ summary: 'Plans (规划), e.g. xm-sei-14 十四五战新规划 2021–2025' })
  @ApiOkResponse({ description: 'PlanDto[]' })
  list(): Promise<PlanDto[]> {
    return this.plans.listPlans();
  }
}
