/** Wire types of the scheduled jobs (系统 → 任务): definitions, run history, run now. */

export const JOB_RUN_STATUSES = ['running', 'succeeded', 'failed', 'skipped'] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

export const JOB_TRIGGERS = ['schedule', 'manual', 'event'] as const;
export type JobTrigger = (typeof JOB_TRIGGERS)[number];

export interface JobRunDto {
  id: number;
  jobName: string;
  trigger: JobTrigger;
  status: JobRunStatus;
  /** ISO time (UTC) the run is for: the scheduled tick, or "now" of a manual run. */
  runFor: string;
  startedAt: string;
  finishedAt: string | null;
  /** Milliseconds, null while running. */
  durationMs: number | null;
  summary: string | null;
  details: Record<string, unknown> | null;
  errorMessage: string | null;
  instanceId: string;
  triggeredBy: string | null;
}

export interface JobDefinitionDto {
  name: string;
  title: string;
  /** Six fields, seconds first. */
  cron: string;
  timezone: string;
  /** Whether this API schedules it (RUN_JOBS); "run now" works either way. */
  scheduled: boolean;
  /** ISO time (UTC) of the next tick. */
  nextRunAt: string | null;
  lastRun: JobRunDto | null;
}

export interface JobListDto {
  timezone: string;
  runJobs: boolean;
  webhook: { enabled: boolean; flavor: 'wecom' | 'dingtalk'; host: string | null };
  jobs: JobDefinitionDto[];
}

export interface JobRunPageDto {
  items: JobRunDto[];
  total: number;
  page: number;
  pageSize: number;
}

/** One attempt to deliver a message to the webhook (kept in the run's details under `webhook`). */
export interface WebhookAttemptDto {
  attempt: number;
  at: string;
  ok: boolean;
  status: number | null;
  error: string | null;
}

export interface WebhookDeliveryDto {
  /** Host of the URL only: the URL carries the robot's key. */
  host: string;
  flavor: 'wecom' | 'dingtalk';
  delivered: boolean;
  attempts: WebhookAttemptDto[];
}
