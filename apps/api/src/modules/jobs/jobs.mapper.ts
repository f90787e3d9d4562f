import type { JobRunDto } from '@im/contracts';
import type { JobRun } from './entities/job-run.entity';

function parseDetails(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return null;
  }
}

export function toJobRunDto(run: JobRun, triggeredBy: string | null): JobRunDto {
  return {
    id: run.id,
    jobName: run.jobName,
    trigger: run.trigger,
    status: run.status,
    runFor: run.runFor.toISOString(),
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
    durationMs: run.finishedAt ? Math.max(0, run.finishedAt.getTime() - run.startedAt.getTime()) : null,
    summary: run.summary,
    details: parseDetails(run.detailsJson),
    errorMessage: run.errorMessage,
    instanceId: run.instanceId,
    triggeredBy,
  };
}
