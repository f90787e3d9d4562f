import type { FrameworkDto, IndicatorDto, IndustryTreeDto, RegionNodeDto } from '@im/contracts';
import { http } from './http';

export function getFrameworks(): Promise<FrameworkDto[]> {
  return http.get<FrameworkDto[]>('/catalog/frameworks');
}

export function getIndustryTree(framework: string): Promise<IndustryTreeDto> {
  return http.get<IndustryTreeDto>('/catalog/industries', { query: { framework } });
}

export function getRegions(): Promise<RegionNodeDto[]> {
  return http.get<RegionNodeDto[]>('/catalog/regions');
}

export function getIndicators(): Promise<IndicatorDto[]> {
  return http.get<IndicatorDto[]>('/catalog/indicators');
}
