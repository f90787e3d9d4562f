import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ParkCompareDto } from '@im/contracts';
import { ParkCompareQuery } from './dto/park-compare.query';
import type { AccessScope } from '../../core/security/access-scope';
import { CurrentScope } from '../../core/security/auth-context';
import { Can } from '../../core/security/policy.decorator';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get('parks/compare')
  @Can('data.read')
  @ApiOperation({
    summary: 'Parks side by side: 本月 and 累计 with YoY, share of the city and of the district, 拉动, 亩均 where the land area is known, industries carried, key enterprises, rank among all parks',
  })
  @ApiOkResponse({ description: 'ParkCompareDto (values in 万元)' })
  compare(@Query() query: ParkCompareQuery, @CurrentScope() scope: AccessScope): Promise<ParkCompareDto> {
    return this.regions.compareParks(query, scope);
  }
}
