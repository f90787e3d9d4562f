import type { JobListDto, JobRunDto, JobRunPageDto, JobRunStatus } from '@im/contracts';
import { http } from './http';

export interface JobRunsFilter {
  job?: string;
  status?: JobRunStatus | '';
  page?: number;
  pageSize?: number;
}

export function listJobs(signal?: AbortSignal): Promise<JobListDto> {
  return http.get<JobListDto>('/jobs', { signal });
}

export function listJobRuns(filter: JobRunsFilter, signal?: AbortSignal): Promise<JobRunPageDto> {
  return http.get<JobRunPageDto>('/jobs/runs', { query: { ...filter, status: filter.status || undefined, job: filter.job || undefined }, signal });
}

/** Runs the job now and answers when the run has finished. */
export function runJobNow(name: string): Promise<JobRunDto> {
  return http.request<JobRunDto>(`/jobs/${encodeURIComponent(name)}/run`, { method: 'POST', body: {} });
}
