import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { FrameworkDto, IndicatorDto, IndustryTreeDto, RegionNodeDto } from '@im/contracts';
import { CatalogException } from './catalog.exception';
import { toFrameworkDto, toIndicatorDto, toIndustryTree, toRegionTree } from './catalog.mapper';
import { Framework } from './entities/framework.entity';
import { Indicator } from './entities/indicator.entity';
import { IndustryNode } from './entities/industry-node.entity';
import { ParkIndustry } from './entities/park-industry.entity';
import { Region } from './entities/region.entity';

/** Reference data: frameworks and their industry trees, regions, indicators. Other modules resolve codes here. */
@Injectable()
export class CatalogService {
  constructor(
    @InjectRepository(Framework) private readonly frameworks: Repository<Framework>,
    @InjectRepository(IndustryNode) private readonly industries: Repository<IndustryNode>,
    @InjectRepository(Region) private readonly regions: Repository<Region>,
    @InjectRepository(ParkIndustry) private readonly parkIndustries: Repository<ParkIndustry>,
    @InjectRepository(Indicator) private readonly indicators: Repository<Indicator>,
  ) {}

  async listFrameworks(): Promise<FrameworkDto[]> {
    const rows = await this.frameworks.find({ order: { id: 'ASC' } });
    return rows.map(toFrameworkDto);
  }

  async industryTree(frameworkCode: string): Promise<IndustryTreeDto> {
    const framework = await this.frameworks.findOneBy({ code: frameworkCode });
    if (!framework) throw CatalogException.frameworkNotFound(frameworkCode);
    const [nodes, indicators] = await Promise.all([this.industries.findBy({ frameworkId: framework.id }), this.indicators.find()]);
    return { framework: toFrameworkDto(framework), roots: toIndustryTree(nodes, new Map(indicators.map((i) => [i.id, i.code]))) };
  }

  async regionTree(): Promise<RegionNodeDto[]> {
    const [regions, links, nodes] = await Promise.all([
      this.regions.find(),
      this.parkIndustries.find(),
      this.industries.find({ select: { id: true, code: true } }),
    ]);
    const industryCode = new Map(nodes.map((n) => [n.id, n.code]));
    const byPark = new Map<number, string[]>();
    for (const l of links) {
      const list = byPark.get(l.parkId) ?? [];
      list.push(industryCode.get(l.industryNodeId)!);
      byPark.set(l.parkId, list);
    }
    return toRegionTree(regions, byPark);
  }

  async listIndicators(): Promise<IndicatorDto[]> {
    return (await this.indicators.find({ order: { id: 'ASC' } })).map(toIndicatorDto);
  }

  async industryByCode(code: string): Promise<IndustryNode> {
    const node = await this.industries.findOneBy({ code });
    if (!node) throw CatalogException.industryNotFound(code);
    return node;
  }

  async regionByCode(code: string): Promise<Region> {
    const region = await this.regions.findOneBy({ code });
    if (!region) throw CatalogException.regionNotFound(code);
    return region;
  }

  async indicatorByCode(code: string): Promise<Indicator> {
    const indicator = await this.indicators.findOneBy({ code });
    if (!indicator) throw CatalogException.indicatorNotFound(code);
    return indicator;
  }

  async indicatorById(id: number): Promise<Indicator> {
    return this.indicators.findOneByOrFail({ id });
  }

  /** Id → entity maps of the whole (small) reference catalog, for mapping many rows at once. */
  async lookup(): Promise<{ industries: Map<number, IndustryNode>; regions: Map<number, Region>; indicators: Map<number, Indicator> }> {
    const [industries, regions, indicators] = await Promise.all([this.industries.find(), this.regions.find(), this.indicators.find()]);
    return {
      industries: new Map(industries.map((n) => [n.id, n])),
      regions: new Map(regions.map((r) => [r.id, r])),
      indicators: new Map(indicators.map((i) => [i.id, i])),
    };
  }

  /** The city (root of the region tree). */
  async city(): Promise<Region> {
    const city = await this.regions.findOneBy({ type: 'city' });
    if (!city) throw CatalogException.regionNotFound('city');
    return city;
  }
}
