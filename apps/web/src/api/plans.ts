import type {
  AnnualTargetDto,
  CreateTargetRequest,
  PlanDetailDto,
  PlanDto,
  PlanProgressDto,
  PutAnnualTargetRequest,
  TargetDto,
  TargetImportReportDto,
  UpdateTargetRequest,
} from '@im/contracts';
import { http } from './http';

const plan = (code: string) => `/plans/${encodeURIComponent(code)}`;
const target = (planCode: string, code: string) => `${plan(planCode)}/targets/${encodeURIComponent(code)}`;

export function getPlans(signal?: AbortSignal): Promise<PlanDto[]> {
  return http.get<PlanDto[]>('/plans', { signal });
}

/** A plan with its targets and their annual targets. */
export function getPlan(code: string, signal?: AbortSignal): Promise<PlanDetailDto> {
  return http.get<PlanDetailDto>(plan(code), { signal });
}

/** Progress toward every target of a plan as of a month (`YYYY-MM`; default: the latest month with data). */
export function getPlanProgress(code: string, asOf?: string | null, signal?: AbortSignal): Promise<PlanProgressDto> {
  return http.get<PlanProgressDto>(`${plan(code)}/progress`, { query: { asOf: asOf ?? undefined }, signal });
}

// Writes report their errors to the form that sent them (silent: no toast on top of the field messages).

export function createTarget(planCode: string, body: CreateTargetRequest): Promise<TargetDto> {
  return http.request<TargetDto>(`${plan(planCode)}/targets`, { method: 'POST', body, silent: true });
}

export function updateTarget(planCode: string, code: string, body: UpdateTargetRequest): Promise<TargetDto> {
  return http.request<TargetDto>(target(planCode, code), { method: 'PATCH', body, silent: true });
}

export function deleteTarget(planCode: string, code: string): Promise<void> {
  return http.request<void>(target(planCode, code), { method: 'DELETE' });
}

export function putAnnualTarget(planCode: string, code: string, year: number, body: PutAnnualTargetRequest): Promise<AnnualTargetDto> {
  return http.request<AnnualTargetDto>(`${target(planCode, code)}/annual/${year}`, { method: 'PUT', body, silent: true });
}

export function deleteAnnualTarget(planCode: string, code: string, year: number): Promise<void> {
  return http.request<void>(`${target(planCode, code)}/annual/${year}`, { method: 'DELETE' });
}

/** Validates (dry run) or applies a targets CSV; a file with errors answers 400 with the report as `details`. */
export function importTargets(planCode: string, file: File, dryRun: boolean): Promise<TargetImportReportDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.request<TargetImportReportDto>(`${plan(planCode)}/targets/import`, { method: 'POST', body: form, query: { dryRun }, silent: true });
}

/** Where the browser downloads the targets CSV (same origin: the session cookie goes with it). */
export function targetsCsvUrl(planCode: string): string {
  return `/api${plan(planCode)}/targets.csv`;
}
