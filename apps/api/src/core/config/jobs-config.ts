import { validateCronExpression } from 'cron';

export type WebhookFlavor = 'wecom' | 'dingtalk';

/** Where a chat-robot message goes (WeCom / DingTalk group robot); `url` null = no webhook. */
export interface WebhookConfig {
  /** `WEBHOOK_URL`; the URL carries the robot's key: never log it whole (log the host). */
  url: string | null;
  /** `WEBHOOK_FLAVOR`: wecom (企业微信, default) or dingtalk (钉钉). */
  flavor: WebhookFlavor;
  /** `WEBHOOK_SECRET`: DingTalk "加签" secret (the request is signed with timestamp + HMAC-SHA256); optional. */
  secret: string | null;
  /** `WEBHOOK_TIMEOUT_SECONDS`, default 5: one attempt gives up after this long. */
  timeoutMs: number;
  /** `WEBHOOK_RETRIES`, default 3: further attempts after a failed one. */
  retries: number;
  /** `WEBHOOK_BACKOFF_MS`, default 1000: wait before the first retry, doubled for each further one. */
  backoffMs: number;
}

/**
 * The scheduled jobs (issue 7): cron expressions (six fields, seconds first, in `timezone`), the
 * run-once machinery, the alert thresholds and the webhook. Read once at boot (`JOB_*`, `ALERT_*`,
 * `WEBHOOK_*`); the defaults are documented in `.env.example` and docs/ARCHITECTURE.md "Jobs".
 */
export interface JobsConfig {
  /** `RUN_JOBS`, default true: schedule the jobs. False (tests, a second API that should not) still allows "run now". */
  runJobs: boolean;
  /** `JOB_TIMEZONE`, default Asia/Shanghai: the zone the cron expressions are read in. */
  timezone: string;
  /** `JOB_COMPLETENESS_CRON`, default `0 0 9 10 * *` (the 10th of each month, 09:00): missing data of the previous month → reminders. */
  completenessCron: string;
  /** `JOB_ALERTS_CRON`, default `0 30 8 * * *` (daily 08:30): targets behind schedule and abnormal swings → alerts. */
  alertsCron: string;
  /** `JOB_BRIEF_CRON`, default `0 0 9 15 * *` (the 15th of each month, 09:00): the monthly brief. */
  briefCron: string;
  /** `JOB_ANNUAL_REPORT_CRON`, default `0 0 9 20 1 *` (20 January, 09:00): the annual report of the previous year. */
  annualReportCron: string;
  /** `JOB_RUN_TIMEOUT_MINUTES`, default 60: a run still `running` after this long belongs to a dead process (marked failed; its lock expires). */
  runTimeoutMinutes: number;
  /** `ALERT_BEHIND_PP`, default 5: alert when a target's completion is more than this many percentage points behind its time progress. */
  alertBehindPp: number;
  /** `ALERT_SWING_PCT`, default UPLOAD_SWING_WARN_PCT (50): alert when a monitored series grows or falls by more than this many percent year on year. */
  alertSwingPct: number;
  /**
   * `COMPLETENESS_EXPECTED`: which series the completeness job expects each month, as
   * `dataset:scope` items separated by commas; scope `5x` = the 5+X industries and their sub-fields at
   * city level, `parks` = every park (its main indicator). Default `industry:5x,park:parks`.
   */
  completenessExpected: string[];
  webhook: WebhookConfig;
}

export const JOBS_DEFAULTS = {
  timezone: 'Asia/Shanghai',
  completenessCron: '0 0 9 10 * *',
  alertsCron: '0 30 8 * * *',
  briefCron: '0 0 9 15 * *',
  annualReportCron: '0 0 9 20 1 *',
  runTimeoutMinutes: 60,
  alertBehindPp: 5,
  completenessExpected: ['industry:5x', 'park:parks'],
  webhookTimeoutSeconds: 5,
  webhookRetries: 3,
  webhookBackoffMs: 1000,
} as const;

/** The scopes the completeness job knows (COMPLETENESS_EXPECTED items). */
export const COMPLETENESS_EXPECTATIONS = ['industry:5x', 'park:parks'] as const;

function cron(name: string, raw: string | undefined, fallback: string, problems: string[]): string {
  const value = raw?.trim() ? raw.trim() : fallback;
  const fields = value.split(/\s+/).length;
  const check = validateCronExpression(value);
  if (!check.valid || fields !== 6) {
    problems.push(`${name} must be a cron expression with six fields (second minute hour day month weekday), e.g. "${fallback}", got "${value}"`);
    return fallback;
  }
  return value;
}

function number(name: string, raw: string | undefined, fallback: number, problems: string[], { min = 0, max = Infinity, integer = false } = {}): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    problems.push(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min}${Number.isFinite(max) ? ` to ${max}` : ''}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function validTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Reads the job variables; pushes a sentence per bad variable into `problems`. */
export function loadJobsConfig(env: NodeJS.ProcessEnv, problems: string[], swingWarnPct = 50): JobsConfig {
  let runJobs = true;
  if (env.RUN_JOBS !== undefined && env.RUN_JOBS.trim() !== '') {
    const v = env.RUN_JOBS.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) runJobs = true;
    else if (['0', 'false', 'no', 'off'].includes(v)) runJobs = false;
    else problems.push(`RUN_JOBS must be true or false, got "${env.RUN_JOBS}"`);
  }
  let timezone: string = JOBS_DEFAULTS.timezone;
  if (env.JOB_TIMEZONE?.trim()) {
    if (validTimezone(env.JOB_TIMEZONE.trim())) timezone = env.JOB_TIMEZONE.trim();
    else problems.push(`JOB_TIMEZONE must be an IANA time zone such as Asia/Shanghai, got "${env.JOB_TIMEZONE}"`);
  }
  let completenessExpected: string[] = [...JOBS_DEFAULTS.completenessExpected];
  if (env.COMPLETENESS_EXPECTED !== undefined && env.COMPLETENESS_EXPECTED.trim() !== '') {
    const items = env.COMPLETENESS_EXPECTED.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = items.filter((i) => !(COMPLETENESS_EXPECTATIONS as readonly string[]).includes(i));
    if (unknown.length) problems.push(`COMPLETENESS_EXPECTED items must be among ${COMPLETENESS_EXPECTATIONS.join(', ')}, got "${unknown.join(', ')}"`);
    else completenessExpected = [...new Set(items)];
  }
  let url: string | null = null;
  if (env.WEBHOOK_URL?.trim()) {
    try {
      const parsed = new URL(env.WEBHOOK_URL.trim());
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('protocol');
      url = parsed.toString();
    } catch {
      // Never echo the URL: it carries the robot's key.
      problems.push('WEBHOOK_URL must be an http(s) URL such as https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…');
    }
  }
  let flavor: WebhookFlavor = 'wecom';
  if (env.WEBHOOK_FLAVOR?.trim()) {
    const v = env.WEBHOOK_FLAVOR.trim().toLowerCase();
    if (v === 'wecom' || v === 'dingtalk') flavor = v;
    else problems.push(`WEBHOOK_FLAVOR must be wecom or dingtalk, got "${env.WEBHOOK_FLAVOR}"`);
  }
  return {
    runJobs,
    timezone,
    completenessCron: cron('JOB_COMPLETENESS_CRON', env.JOB_COMPLETENESS_CRON, JOBS_DEFAULTS.completenessCron, problems),
    alertsCron: cron('JOB_ALERTS_CRON', env.JOB_ALERTS_CRON, JOBS_DEFAULTS.alertsCron, problems),
    briefCron: cron('JOB_BRIEF_CRON', env.JOB_BRIEF_CRON, JOBS_DEFAULTS.briefCron, problems),
    annualReportCron: cron('JOB_ANNUAL_REPORT_CRON', env.JOB_ANNUAL_REPORT_CRON, JOBS_DEFAULTS.annualReportCron, problems),
    runTimeoutMinutes: number('JOB_RUN_TIMEOUT_MINUTES', env.JOB_RUN_TIMEOUT_MINUTES, JOBS_DEFAULTS.runTimeoutMinutes, problems, { min: 1, max: 24 * 60, integer: true }),
    alertBehindPp: number('ALERT_BEHIND_PP', env.ALERT_BEHIND_PP, JOBS_DEFAULTS.alertBehindPp, problems, { min: 0, max: 100 }),
    alertSwingPct: number('ALERT_SWING_PCT', env.ALERT_SWING_PCT, swingWarnPct, problems, { min: 1, max: 10_000 }),
    completenessExpected,
    webhook: {
      url,
      flavor,
      secret: env.WEBHOOK_SECRET?.trim() || null,
      timeoutMs: number('WEBHOOK_TIMEOUT_SECONDS', env.WEBHOOK_TIMEOUT_SECONDS, JOBS_DEFAULTS.webhookTimeoutSeconds, problems, { min: 0.1, max: 120 }) * 1000,
      retries: number('WEBHOOK_RETRIES', env.WEBHOOK_RETRIES, JOBS_DEFAULTS.webhookRetries, problems, { min: 0, max: 10, integer: true }),
      backoffMs: number('WEBHOOK_BACKOFF_MS', env.WEBHOOK_BACKOFF_MS, JOBS_DEFAULTS.webhookBackoffMs, problems, { min: 0, max: 600_000, integer: true }),
    },
  };
}

/** The configuration's job settings, or the defaults for a configuration built by hand (tests). */
export function jobsConfigOf(config: { jobs?: JobsConfig }): JobsConfig {
  return config.jobs ?? loadJobsConfig({}, []);
}
