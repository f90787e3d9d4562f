/**
 * What a module hands to the JobRegistry (JobsModule) to have something run on a schedule. The
 * registry owns the schedule (a cron expression from configuration), the run-once lock across API
 * instances, the job-run history and "run now"; the definition only knows what one run does.
 *
 * A run must be idempotent: running it twice for the same moment changes nothing the second time
 * (reminders, alerts and briefs carry unique keys), so a retry or a manual run is always safe.
 */
export interface JobContext {
  /** The moment the run is for (the scheduled tick, or "now" of a manual run); never read the wall clock. */
  now: Date;
  trigger: 'schedule' | 'manual' | 'event';
}

export interface JobOutcome {
  /** One line for the history, in Chinese (e.g. "2026年10月：缺报 12 项，新建提醒 12 条"). */
  summary: string;
  /** Counts and keys for the history's detail view. */
  details?: Record<string, unknown>;
}

export interface JobDefinition {
  /** Stable name, e.g. 'completeness', 'alerts', 'brief.monthly', 'report.annual'. */
  name: string;
  /** Cron expression (six fields, seconds first, as @nestjs/schedule), from configuration. */
  cron: string;
  /** Chinese title for the admin page. */
  title: string;
  run(context: JobContext): Promise<JobOutcome>;
}
