/** The parks page's state in the URL: `?district=xm.haicang&industry=sei.bio&period=2025-10&parks=a,b,c&rank=growth`. */
import type { LocationQuery, LocationQueryRaw } from 'vue-router';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 6;

export interface RegionsQueryState {
  /** District (or zone) in focus; null = the whole city. */
  district: string | null;
  /** One industry; null = the five strategic emerging industries together. */
  industry: string | null;
  period: string | null;
  /** Parks compared (at most six, no duplicates). */
  parks: string[];
  rank: 'value' | 'growth';
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CODE = /^[a-z0-9._-]{1,64}$/;

function first(value: LocationQuery[string] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

export function parseRegionsQuery(query: LocationQuery): RegionsQueryState {
  const period = first(query.period);
  const parks = [...new Set((first(query.parks) ?? '').split(',').map((s) => s.trim()).filter((s) => CODE.test(s)))].slice(0, MAX_COMPARED);
  return {
    district: first(query.district),
    industry: first(query.industry),
    period: period && MONTH.test(period) ? period : null,
    parks,
    rank: first(query.rank) === 'growth' ? 'growth' : 'value',
  };
}

export function toRegionsQuery(state: RegionsQueryState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.district) query.district = state.district;
  if (state.industry) query.industry = state.industry;
  if (state.period) query.period = state.period;
  if (state.parks.length) query.parks = state.parks.join(',');
  if (state.rank !== 'value') query.rank = state.rank;
  return query;
}
