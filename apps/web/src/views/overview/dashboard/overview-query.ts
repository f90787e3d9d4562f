/** The overview's state in the URL (a link can be sent to the mayor): `?plan=xm-sei-14&asOf=2025-06&target=…&status=behind`. */
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { TargetVerdict } from './target-view';

export const DEFAULT_PLAN = 'xm-sei-14';
export const TARGET_VERDICTS: readonly TargetVerdict[] = ['missed', 'behind', 'at_risk', 'on_track', 'ahead', 'achieved', 'no_data'];

export interface OverviewQueryState {
  plan: string;
  /** `YYYY-MM`, null = latest month with data. */
  asOf: string | null;
  /** Selected target code (trend chart), null = the first one. */
  target: string | null;
  /** Cards shown: one verdict (status, achieved, missed), or all. */
  status: TargetVerdict | null;
}

function first(value: LocationQuery[string] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function parseOverviewQuery(query: LocationQuery): OverviewQueryState {
  const asOf = first(query.asOf);
  const status = first(query.status);
  return {
    plan: first(query.plan) ?? DEFAULT_PLAN,
    asOf: asOf && MONTH.test(asOf) ? asOf : null,
    target: first(query.target),
    status: status && (TARGET_VERDICTS as readonly string[]).includes(status) ? (status as TargetVerdict) : null,
  };
}

export function toOverviewQuery(state: OverviewQueryState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.plan !== DEFAULT_PLAN) query.plan = state.plan;
  if (state.asOf) query.asOf = state.asOf;
  if (state.target) query.target = state.target;
  if (state.status) query.status = state.status;
  return query;
}
