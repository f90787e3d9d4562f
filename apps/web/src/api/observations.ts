import type { SeriesDto } from '@im/contracts';
import { http } from './http';

/** City of Xiamen: the default region of every series. */
export const CITY_REGION = 'xm';

export interface SeriesQuery {
  industry: string;
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
