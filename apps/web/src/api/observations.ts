import type { BreakdownBy, BreakdownDto, ObservationCompletenessDto, SeriesDto } from '@im/contracts';
import { http } from './http';

/** City of Xiamen: the default region of every series. */
export const CITY_REGION = 'xm';

export interface SeriesQuery {
  industry?: string;
  region?: string;
  /** Defaults to the industry node's own indicator. */
  indicator?: string;
  /** `YYYY-MM`; omitted = from the first period stored. */
  from?: string;
  /** `YYYY-MM`; omitted = up to the latest period stored. */
  to?: string;
}

export function getSeries(query: SeriesQuery, signal?: AbortSignal): Promise<SeriesDto> {
  return http.get<SeriesDto>('/observations/series', {
    query: { industry: query.industry, region: query.region ?? CITY_REGION, indicator: query.indicator, from: query.from, to: query.to },
    signal,
  });
}

export interface BreakdownQuery {
  by: BreakdownBy;
  /** by=industry: the node broken down; by=district|park: the region (default the city); by=enterprise: the industry. */
  parent?: string;
  /** by=district|park: one industry instead of the sum over the five strategic emerging industries. */
  industry?: string;
  /** by=industry|enterprise: region of the figures (default the city). */
  region?: string;
  indicator?: string;
  /** by=industry without parent: the framework's top-level industries. */
  framework?: string;
  scope?: string;
  /** `YYYY-MM`; default the latest month with data. */
  period?: string;
  /** by=enterprise: top N (1–100). */
  limit?: number;
}

export function getBreakdown(query: BreakdownQuery, signal?: AbortSignal): Promise<BreakdownDto> {
  return http.get<BreakdownDto>('/observations/breakdown', { query: { ...query }, signal });
}

export function getCompleteness(year?: number, signal?: AbortSignal): Promise<ObservationCompletenessDto> {
  return http.get<ObservationCompletenessDto>('/observations/completeness', { query: { year }, signal });
}
