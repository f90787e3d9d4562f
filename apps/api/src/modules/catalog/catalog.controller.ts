import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FrameworkDto, IndicatorDto, IndustryTreeDto, RegionNodeDto } from '@im/contracts';
import { CatalogService } from './catalog.service';
import { IndustriesQuery } from './dto/industries.query';

@ApiTags('catalog')
@Controller('catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('frameworks')
  @ApiOperation({ summary: '产业体系 frameworks (xm-446, xm-sei-5x, fj-coord, gbt4754)' })
  @ApiOkResponse({ description: 'FrameworkDto[]' })
  frameworks(): Promise<FrameworkDto[]> {
    return this.catalog.listFrameworks();
  }

  @Get('industries')
  @ApiOperation({ summary: 'The industry tree of one framework, with lead and responsible units' })
  @ApiOkResponse({ description: 'IndustryTreeDto' })
  industries(@Query() query: IndustriesQuery): Promise<IndustryTreeDto> {
    return this.catalog.industryTree(query.framework);
  }

  @Get('regions')
  @ApiOperation({ summary: 'City → districts and development zones → parks, with park industries' })
  @ApiOkResponse({ description: 'RegionNodeDto[]' })
  regions(): Promise<RegionNodeDto[]> {
    return this.catalog.regionTree();
  }

  @Get('indicators')
  @ApiOperation({ summary: 'Indicators with their storage units' })
  @ApiOkResponse({ description: 'IndicatorDto[]' })
  indicators(): Promise<IndicatorDto[]> {
    return this.catalog.listIndicators();
  }
}
