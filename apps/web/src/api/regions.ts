import type { ParkCompareDto } from '@im/contracts';
import { http } from './http';

export interface ParkCompareQuery {
  codes: readonly string[];
  /** `YYYY-MM`; default the latest month with city data. */
  period?: string;
  /** One industry instead of the sum over the five strategic emerging industries. */
  industry?: string;
  scope?: string;
}

export function compareParks(query: ParkCompareQuery, signal?: AbortSignal): Promise<ParkCompareDto> {
  return http.get<ParkCompareDto>('/regions/parks/compare', {
    query: { codes: query.codes.join(','), period: query.period, industry: query.industry, scope: query.scope },
    signal,
  });
}
