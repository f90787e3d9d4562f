import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { lastCompleteMonth } from '@im/seeds';
import { Clock } from '../../core/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { jobsConfigOf } from '../../core/config/jobs-config';
import { DATA_CHANGED_EVENT, type DataChangedEvent } from '../ingest/events/data-changed.event';
import { JobRegistry } from '../jobs/job-registry';
import { BriefsService } from './briefs.service';

/**
 * When briefs are written without anyone asking:
 * - after an upload's data are visible (DATA_CHANGED_EVENT): every month the batch touched that is
 *   complete gets its brief (a new version only when the content changed — idempotent);
 * - job `brief.monthly` (schedule `JOB_BRIEF_CRON`): any complete month of the last 13 without a brief;
 * - job `report.annual` (schedule `JOB_ANNUAL_REPORT_CRON`, January): the previous year's annual report;
 * - demo mode: at start, the brief of the latest complete month, so the 简报 page is never empty.
 */
@Injectable()
export class BriefTriggersService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(BriefTriggersService.name);
  private pending = new Set<Promise<unknown>>();

  constructor(
    private readonly briefs: BriefsService,
    private readonly registry: JobRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const jobs = jobsConfigOf(this.config);
    this.registry.register({
      name: 'brief.monthly',
      title: '月度运行简报',
      cron: jobs.briefCron,
      run: async ({ now }) => {
        const { generated, incomplete } = await this.briefs.catchUp(now);
        const summary = generated.length ? `已生成 ${generated.join('、')} 的简报` : '没有需要新生成的简报';
        return { summary: incomplete.length ? `${summary}；数据不全的月份：${incomplete.join('、')}` : summary, details: { generated, incomplete } };
      },
    });
    this.registry.register({
      name: 'report.annual',
      title: '年度运行报告',
      cron: jobs.annualReportCron,
      run: async ({ now, trigger }) => {
        const { year, result } = await this.briefs.annualReport(now, trigger);
        if (!result) return { summary: `${year}年12月数据不全，暂不生成年度报告`, details: { year, generated: false } };
        const created = result.briefs.filter((b) => b.created).length;
        return { summary: `${year}年度报告：新版本 ${created} 份，未变化 ${result.briefs.length - created} 份`, details: { year, briefs: result.briefs } };
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData) return;
    try {
      const { year, month } = lastCompleteMonth(this.clock.now());
      // The demo data end at the last complete month; look back a little in case its last month is partial.
      for (let i = 0; i < 3; i++) {
        const y = month - i > 0 ? year : year - 1;
        const m = month - i > 0 ? month - i : month - i + 12;
        if (await this.briefs.exists('monthly', y, m)) return;
        const result = await this.briefs.generateIfComplete(y, m, 'schedule');
        if (result) {
          this.logger.log(`demo brief of ${y}-${String(m).padStart(2, '0')} generated (${result.briefs.length} views)`);
          return;
        }
      }
    } catch (e) {
      this.logger.error(`demo brief not generated: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  @OnEvent(DATA_CHANGED_EVENT, { async: true, promisify: true, suppressErrors: true })
  async onDataChanged(event: DataChangedEvent): Promise<void> {
    const work = this.generateFor(event);
    this.pending.add(work);
    try {
      await work;
    } finally {
      this.pending.delete(work);
    }
  }

  private async generateFor(event: DataChangedEvent): Promise<void> {
    for (const p of [...new Set(event.periods)].sort()) {
      const year = Math.floor(p / 100);
      const month = p % 100;
      try {
        const result = await this.briefs.generateIfComplete(year, month, 'event');
        if (result) {
          const created = result.briefs.filter((b) => b.created).length;
          this.logger.log(`brief ${year}-${String(month).padStart(2, '0')} after batch ${event.batchId} (${event.action}): ${created} new version(s)`);
        }
      } catch (e) {
        this.logger.error(`brief ${year}-${month} after batch ${event.batchId} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  /** Lets a running generation finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }
}
