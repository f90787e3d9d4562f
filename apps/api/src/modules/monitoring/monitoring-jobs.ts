import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { jobsConfigOf, type JobsConfig } from '../../core/config/jobs-config';
import type { JobContext, JobDefinition, JobOutcome } from '../jobs/job-definition';
import { WebhookNotifier } from '../jobs/webhook.notifier';
import { AlertsService } from './alerts.service';
import { CompletenessCheck } from './completeness-check';
import { monthBefore, ymChinese, ymText } from './monitoring-period';
import { RemindersService } from './reminders.service';

export const COMPLETENESS_JOB = 'completeness';
export const ALERTS_JOB = 'alerts';

/** The monitoring jobs as JobDefinitions: what one run does; the JobRunner does the rest. */
@Injectable()
export class MonitoringJobs {
  private readonly config: JobsConfig;

  constructor(
    private readonly check: CompletenessCheck,
    private readonly reminders: RemindersService,
    private readonly alerts: AlertsService,
    private readonly webhook: WebhookNotifier,
    @Inject(APP_CONFIG) appConfig: AppConfig,
  ) {
    this.config = jobsConfigOf(appConfig);
  }

  definitions(): JobDefinition[] {
    return [
      { name: COMPLETENESS_JOB, title: '数据完整性检查（上月缺报提醒）', cron: this.config.completenessCron, run: (c) => this.completeness(c) },
      { name: ALERTS_JOB, title: '进度与波动预警', cron: this.config.alertsCron, run: (c) => this.alertsRun(c) },
    ];
  }

  /** Which expected series of the previous month are missing → reminders (new ones to the webhook). */
  async completeness(context: JobContext): Promise<JobOutcome> {
    const period = monthBefore(context.now, this.config.timezone);
    if (period.month === 1) {
      return { summary: `${ymChinese(period)}：1月数据与2月合并发布（1—2月），不单独检查`, details: { period: ymText(period), skipped: 'merged-jan-feb' } };
    }
    const finding = await this.check.check(period);
    const sync = await this.reminders.sync(finding);
    const details: Record<string, unknown> = {
      period: ymText(period),
      expected: finding.expected.length,
      missing: finding.missing.length,
      created: sync.created.length,
      reopened: sync.reopened,
      resolved: sync.resolved,
      open: sync.open,
      missingKeys: finding.missing.slice(0, 200).map((m) => m.key),
    };
    if (sync.created.length) {
      const delivery = await this.webhook.send({
        title: `${ymChinese(period)}数据缺报提醒（${sync.created.length} 项）`,
        lines: sync.created.map((r) => `- ${r.title}`),
      });
      if (delivery) details.webhook = delivery;
    }
    const webhookNote = details.webhook ? ((details.webhook as { delivered: boolean }).delivered ? '，已推送' : '，推送失败') : '';
    return {
      summary: `${ymChinese(period)}：应报 ${finding.expected.length} 项，缺报 ${finding.missing.length} 项，新建提醒 ${sync.created.length} 条，已到数消除 ${sync.resolved} 条${webhookNote}`,
      details,
    };
  }

  /** Targets behind schedule and abnormal swings as of the previous month → alerts (new ones to the webhook). */
  async alertsRun(context: JobContext): Promise<JobOutcome> {
    const asOf = monthBefore(context.now, this.config.timezone);
    const result = await this.alerts.evaluate(asOf);
    const details: Record<string, unknown> = {
      asOf: ymText(asOf),
      targetsChecked: result.targetsChecked,
      seriesChecked: result.seriesChecked,
      raised: result.candidates,
      created: result.created.length,
      resolved: result.resolved,
      thresholds: { behindPp: this.config.alertBehindPp, swingPct: this.config.alertSwingPct },
      ...(result.problems.length ? { problems: result.problems.slice(0, 50) } : {}),
    };
    if (result.created.length) {
      const delivery = await this.webhook.send({
        title: `产业运行预警（${result.created.length} 条）`,
        lines: result.created.map((a) => `- ${a.severity === 'critical' ? '**[严重]** ' : ''}${a.title}`),
      });
      if (delivery) details.webhook = delivery;
    }
    const webhookNote = details.webhook ? ((details.webhook as { delivered: boolean }).delivered ? '，已推送' : '，推送失败') : '';
    return {
      summary: `截至${ymChinese(asOf)}：检查目标 ${result.targetsChecked} 个、序列 ${result.seriesChecked} 条，预警 ${result.candidates} 条（新增 ${result.created.length} 条，解除 ${result.resolved} 条）${webhookNote}`,
      details,
    };
  }
}
