import type { PlanDto, PlanProgressDto } from '@im/contracts';
import { http } from './http';

export function getPlans(signal?: AbortSignal): Promise<PlanDto[]> {
  return http.get<PlanDto[]>('/plans', { signal });
}

/** Progress toward every target of a plan as of a month (`YYYY-MM`; default: the latest month with data). */
export function getPlanProgress(code: string, asOf?: string | null, signal?: AbortSignal): Promise<PlanProgressDto> {
  return http.get<PlanProgressDto>(`/plans/${encodeURIComponent(code)}/progress`, { query: { asOf: asOf ?? undefined }, signal });
}
