/** The industry page's state in the URL (deep links): `?framework=xm-sei-5x&industry=sei.ngit.ic&months=24&period=2025-10`. */
import type { LocationQuery, LocationQueryRaw } from 'vue-router';

export const DEFAULT_FRAMEWORK = 'xm-sei-5x';
export const DEFAULT_MONTHS = 24;
/** Selectable ranges in months; null = the whole series. */
export const RANGE_OPTIONS: ReadonlyArray<number | null> = [12, 24, 36, 60, null];

export interface IndustryQueryState {
  framework: string;
  industry: string | null;
  months: number | null;
  /** Month of the breakdowns (`YYYY-MM`); null = the latest month with data. */
  period: string | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function first(value: LocationQuery[string] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

export function parseMonths(value: string | null): number | null {
  if (value === 'all') return null;
  const n = Number(value);
  return RANGE_OPTIONS.includes(n) ? n : DEFAULT_MONTHS;
}

export function parseIndustryQuery(query: LocationQuery): IndustryQueryState {
  return {
    framework: first(query.framework) ?? DEFAULT_FRAMEWORK,
    industry: first(query.industry),
    months: parseMonths(first(query.months)),
    period: ((p) => (p && MONTH.test(p) ? p : null))(first(query.period)),
  };
}

/** URL query of a state; the default range is left out to keep links short. */
export function toIndustryQuery(state: IndustryQueryState): LocationQueryRaw {
  const query: LocationQueryRaw = { framework: state.framework };
  if (state.industry) query.industry = state.industry;
  if (state.months !== DEFAULT_MONTHS) query.months = state.months === null ? 'all' : String(state.months);
  if (state.period) query.period = state.period;
  return query;
}
