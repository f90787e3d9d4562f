import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { DataSource, QueryFailedError } from 'typeorm';
import type { JobTrigger } from '@im/contracts';
import { Clock } from '../../core/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { jobsConfigOf, type JobsConfig } from '../../core/config/jobs-config';
import type { JobDefinition } from './job-definition';
import { JobRegistry } from './job-registry';
import { manualSlot, scheduleSlot, tickOf } from './job-schedule';
import { JobLock } from './entities/job-lock.entity';
import { JobRun } from './entities/job-run.entity';
import { JobsException } from './jobs.exception';

export type RunResult =
  /** This instance ran it (whatever the outcome): the run's row. */
  | { claimed: true; run: JobRun }
  /** Another instance had already claimed the tick: nothing done here. */
  | { claimed: false; run: null };

function isUniqueViolation(e: unknown): boolean {
  const driver = e instanceof QueryFailedError ? (e.driverError as { code?: string; message?: string }) : undefined;
  return !!driver && (driver.code === 'ER_DUP_ENTRY' || driver.code === 'SQLITE_CONSTRAINT_UNIQUE' || driver.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(driver.message ?? ''));
}

function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.slice(0, 1000);
}

/**
 * Runs the registered jobs: schedules them (RUN_JOBS), claims each tick once across API instances
 * (unique `(job, slot)` row in `job_run`), keeps a manual and a scheduled run of the same job apart
 * (the `job_lock` row), records every run and never lets a failure escape into the application.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger('Jobs');
  readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`.slice(0, 120);
  private readonly config: JobsConfig;
  private started = false;

  constructor(
    private readonly registry: JobRegistry,
    private readonly scheduler: SchedulerRegistry,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) appConfig: AppConfig,
  ) {
    this.config = jobsConfigOf(appConfig);
    registry.onRegister((definition) => {
      if (this.started) this.schedule(definition);
    });
  }

  get timezone(): string {
    return this.config.timezone;
  }

  get scheduling(): boolean {
    return this.config.runJobs;
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.recoverStale();
    } catch (e) {
      this.logger.error(`could not check for interrupted job runs: ${errorText(e)}`);
    }
    this.started = true;
    for (const definition of this.registry.all()) this.schedule(definition);
  }

  /** The cron job of a definition, when this instance schedules it. */
  cronJobOf(name: string): CronJob | null {
    return this.scheduler.doesExist('cron', this.cronName(name)) ? (this.scheduler.getCronJob(this.cronName(name)) as unknown as CronJob) : null;
  }

  private cronName(name: string): string {
    return `job:${name}`;
  }

  private schedule(definition: JobDefinition): void {
    if (!this.config.runJobs) return;
    const name = this.cronName(definition.name);
    if (this.scheduler.doesExist('cron', name)) this.scheduler.deleteCronJob(name);
    try {
      const job = CronJob.from({
        cronTime: definition.cron,
        timeZone: this.config.timezone,
        start: false,
        onTick: () => {
          void this.runScheduled(definition.name).catch((e: unknown) => this.logger.error(`job ${definition.name}: ${errorText(e)}`));
        },
      });
      this.scheduler.addCronJob(name, job as never);
      job.start();
      this.logger.log(`job ${definition.name} scheduled "${definition.cron}" (${this.config.timezone}), next ${job.nextDate().toISO()}`);
    } catch (e) {
      this.logger.error(`job ${definition.name}: cannot schedule "${definition.cron}": ${errorText(e)}`);
    }
  }

  /**
   * The run of the tick `at` belongs to (default: the clock's now). Every instance computes the same
   * tick, and only the first to insert the `(job, tick)` row runs it.
   */
  async runScheduled(name: string, at: Date = this.clock.now()): Promise<RunResult> {
    const definition = this.definition(name);
    const tick = tickOf(definition.cron, this.config.timezone, at);
    return this.execute(definition, { slotKey: scheduleSlot(tick), trigger: 'schedule', runFor: tick, triggeredById: null, lockFirst: false });
  }

  /** "Run now": refuses (409) while another run of the job is going, on any instance. */
  async runNow(name: string, userId: number | null, trigger: JobTrigger = 'manual'): Promise<JobRun> {
    const definition = this.definition(name);
    const result = await this.execute(definition, { slotKey: manualSlot(), trigger, runFor: this.clock.now(), triggeredById: userId, lockFirst: true });
    return result.run!;
  }

  private definition(name: string): JobDefinition {
    const definition = this.registry.get(name);
    if (!definition) throw JobsException.jobNotFound(name);
    return definition;
  }

  private async execute(
    definition: JobDefinition,
    slot: { slotKey: string; trigger: JobTrigger; runFor: Date; triggeredById: number | null; lockFirst: boolean },
  ): Promise<RunResult> {
    const runs = this.dataSource.getRepository(JobRun);
    await this.recoverStale().catch((e: unknown) => this.logger.warn(`could not check for interrupted job runs: ${errorText(e)}`));

    if (slot.lockFirst && !(await this.acquire(definition.name, slot.slotKey))) throw JobsException.busy(definition.name);

    let run: JobRun;
    try {
      run = await runs.save(
        runs.create({
          jobName: definition.name,
          slotKey: slot.slotKey,
          trigger: slot.trigger,
          status: 'running',
          runFor: slot.runFor,
          startedAt: this.clock.now(),
          finishedAt: null,
          summary: null,
          detailsJson: null,
          errorMessage: null,
          instanceId: this.instanceId,
          triggeredById: slot.triggeredById,
        }),
      );
    } catch (e) {
      if (slot.lockFirst) await this.release(definition.name, slot.slotKey);
      if (isUniqueViolation(e)) {
        this.logger.log(`job ${definition.name} ${slot.slotKey}: claimed by another instance`);
        return { claimed: false, run: null };
      }
      throw e;
    }

    if (!slot.lockFirst && !(await this.acquire(definition.name, slot.slotKey))) {
      await runs.update(run.id, { status: 'skipped', finishedAt: this.clock.now(), summary: '同一任务的另一次运行尚未结束，本次跳过' });
      this.logger.warn(`job ${definition.name} ${slot.slotKey}: skipped, another run holds the lock`);
      return { claimed: true, run: (await runs.findOneBy({ id: run.id }))! };
    }

    this.logger.log(`job ${definition.name} run ${run.id} started (${slot.trigger}, for ${slot.runFor.toISOString()})`);
    try {
      const outcome = await definition.run({ now: slot.runFor, trigger: slot.trigger });
      await runs.update(run.id, {
        status: 'succeeded',
        finishedAt: this.clock.now(),
        summary: outcome.summary.slice(0, 500),
        detailsJson: outcome.details ? JSON.stringify(outcome.details) : null,
      });
      this.logger.log(`job ${definition.name} run ${run.id} succeeded: ${outcome.summary}`);
    } catch (e) {
      this.logger.error(`job ${definition.name} run ${run.id} failed: ${errorText(e)}`, e instanceof Error ? e.stack : undefined);
      await runs
        .update(run.id, { status: 'failed', finishedAt: this.clock.now(), summary: '运行失败', errorMessage: errorText(e) })
        .catch((err: unknown) => this.logger.error(`job ${definition.name} run ${run.id}: could not record the failure: ${errorText(err)}`));
    } finally {
      await this.release(definition.name, slot.slotKey).catch((e: unknown) => this.logger.error(`job ${definition.name}: could not release the lock: ${errorText(e)}`));
    }
    return { claimed: true, run: (await runs.findOneBy({ id: run.id }))! };
  }

  /** Takes the job's lock for `holder` when it is free or its holder's time ran out. Atomic on MySQL and SQLite. */
  private async acquire(jobName: string, holder: string): Promise<boolean> {
    const now = this.clock.now();
    await this.dataSource.createQueryBuilder().insert().into(JobLock).values({ jobName, holder: null, lockedUntil: null }).orIgnore().execute();
    const result = await this.dataSource
      .createQueryBuilder()
      .update(JobLock)
      .set({ holder, lockedUntil: new Date(now.getTime() + this.config.runTimeoutMinutes * 60_000) })
      .where('job_name = :jobName', { jobName })
      .andWhere('(holder IS NULL OR locked_until IS NULL OR locked_until < :now)', { now })
      .execute();
    return result.affected === 1;
  }

  private async release(jobName: string, holder: string): Promise<void> {
    await this.dataSource.createQueryBuilder().update(JobLock).set({ holder: null, lockedUntil: null }).where('job_name = :jobName AND holder = :holder', { jobName, holder }).execute();
  }

  /** Runs still `running` after JOB_RUN_TIMEOUT_MINUTES belong to a process that died: mark them failed. */
  async recoverStale(): Promise<number> {
    const now = this.clock.now();
    const before = new Date(now.getTime() - this.config.runTimeoutMinutes * 60_000);
    const result = await this.dataSource
      .createQueryBuilder()
      .update(JobRun)
      .set({ status: 'failed', finishedAt: now, summary: '运行中断', errorMessage: `运行超过 ${this.config.runTimeoutMinutes} 分钟仍未结束：进程可能已退出，记为失败` })
      .where('status = :running', { running: 'running' })
      .andWhere('started_at < :before', { before })
      .execute();
    if (result.affected) this.logger.warn(`${result.affected} interrupted job run(s) marked failed`);
    return result.affected ?? 0;
  }
}
