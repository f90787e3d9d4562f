import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FrameworkDto, IndicatorDto, IndustryTreeDto, RegionNodeDto } from '@im/contracts';
import { CatalogService } from './catalog.service';
import { IndustriesQuery } from './dto/industries.query';
import { Can } from '../../core/security/policy.decorator';

@ApiTags('catalog')
@Controller('catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('frameworks')
  @Can('data.read')
  @ApiOperation({ summary: '产业体系 frameworks (xm-446, xm-sei-5x, fj-coord, gbt4754)' })
  @ApiOkResponse({ description: 'FrameworkDto[]' })
  frameworks(): Promise<FrameworkDto[]> {
    return this.catalog.listFrameworks();
  }

  @Get('industries')
  @Can('data.read')
  @ApiOperation({ summary: 'The industry tree of one framework, with lead and responsible units' })
  @ApiOkResponse({ description: 'IndustryTreeDto' })
  industries(@Query() query: IndustriesQuery): Promise<IndustryTreeDto> {
    return this.catalog.industryTree(query.framework);
  }

  @Get('regions')
  @Can('data.read')
  @ApiOperation({ summary: 'City → districts and development zones → parks, with park industries' })
  @ApiOkResponse({ description: 'RegionNodeDto[]' })
  regions(): Promise<RegionNodeDto[]> {
    return this.catalog.regionTree();
  }

  @Get('indicators')
  @Can('data.read')
  @ApiOperation({ summary: 'Indicators with their storage units' })
  @ApiOkResponse({ description: 'IndicatorDto[]' })
  indicators(): Promise<IndicatorDto[]> {
    return this.catalog.listIndicators();
  }
}
