import { describe, expect, it } from 'vitest';
import { JOBS_DEFAULTS, loadJobsConfig } from './jobs-config';

describe('loadJobsConfig', () => {
  it('has documented defaults', () => {
    const problems: string[] = [];
    const c = loadJobsConfig({}, problems, 50);
    expect(problems).toEqual([]);
    expect(c).toMatchObject({
      runJobs: true,
      timezone: 'Asia/Shanghai',
      completenessCron: JOBS_DEFAULTS.completenessCron,
      alertsCron: JOBS_DEFAULTS.alertsCron,
      briefCron: JOBS_DEFAULTS.briefCron,
      annualReportCron: JOBS_DEFAULTS.annualReportCron,
      alertBehindPp: 5,
      alertSwingPct: 50,
      completenessExpected: ['industry:5x', 'park:parks'],
      webhook: { url: null, flavor: 'wecom', secret: null, timeoutMs: 5000, retries: 3, backoffMs: 1000 },
    });
  });

  it('reads every variable', () => {
    const problems: string[] = [];
    const c = loadJobsConfig(
      {
        RUN_JOBS: 'false',
        JOB_TIMEZONE: 'UTC',
        JOB_COMPLETENESS_CRON: '0 0 8 12 * *',
        ALERT_BEHIND_PP: '3',
        ALERT_SWING_PCT: '30',
        COMPLETENESS_EXPECTED: 'industry:5x',
        WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
        WEBHOOK_FLAVOR: 'dingtalk',
        WEBHOOK_RETRIES: '0',
      },
      problems,
    );
    expect(problems).toEqual([]);
    expect(c).toMatchObject({ runJobs: false, timezone: 'UTC', completenessCron: '0 0 8 12 * *', alertBehindPp: 3, alertSwingPct: 30, completenessExpected: ['industry:5x'] });
    expect(c.webhook).toMatchObject({ flavor: 'dingtalk', retries: 0 });
  });

  it('names every bad variable and never echoes the webhook URL', () => {
    const problems: string[] = [];
    loadJobsConfig({ RUN_JOBS: 'maybe', JOB_TIMEZONE: 'Mars/Base', JOB_ALERTS_CRON: '30 8 * * *', ALERT_BEHIND_PP: '-1', COMPLETENESS_EXPECTED: 'everything', WEBHOOK_URL: 'ftp://x?key=SECRET', WEBHOOK_FLAVOR: 'slack' }, problems);
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['RUN_JOBS', 'JOB_TIMEZONE', 'COMPLETENESS_EXPECTED', 'WEBHOOK_URL', 'WEBHOOK_FLAVOR', 'JOB_ALERTS_CRON', 'ALERT_BEHIND_PP']);
    expect(problems.join('\n')).not.toContain('SECRET');
  });
});
