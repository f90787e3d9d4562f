import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { JobDefinitionDto, JobListDto, JobRunDto, JobRunPageDto } from '@im/contracts';
import { Clock } from '../../core/clock/clock';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/entities/user.entity';
import type { JobRunsQuery } from './dto/job-runs.query';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner.service';
import { nextTick } from './job-schedule';
import { JobRun } from './entities/job-run.entity';
import { toJobRunDto } from './jobs.mapper';
import { WebhookNotifier } from './webhook.notifier';

/** The admin's view of the jobs: definitions with next and last run, the run history, "run now". */
@Injectable()
export class JobsService {
  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: JobRunner,
    private readonly webhook: WebhookNotifier,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @InjectRepository(JobRun) private readonly runs: Repository<JobRun>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async list(): Promise<JobListDto> {
    const definitions = this.registry.all();
    const now = this.clock.now();
    const jobs: JobDefinitionDto[] = [];
    for (const d of definitions) {
      const last = await this.runs.findOne({ where: { jobName: d.name }, order: { startedAt: 'DESC', id: 'DESC' } });
      let next: Date | null = null;
      try {
        next = nextTick(d.cron, this.runner.timezone, now);
      } catch {
        next = null;
      }
      jobs.push({
        name: d.name,
        title: d.title,
        cron: d.cron,
        timezone: this.runner.timezone,
        scheduled: this.runner.scheduling,
        nextRunAt: next ? next.toISOString() : null,
        lastRun: last ? (await this.toDtos([last]))[0] : null,
      });
    }
    return { timezone: this.runner.timezone, runJobs: this.runner.scheduling, webhook: this.webhook.settings, jobs };
  }

  async history(query: JobRunsQuery): Promise<JobRunPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where = { ...(query.job ? { jobName: query.job } : {}), ...(query.status ? { status: query.status } : {}) };
    const [rows, total] = await this.runs.findAndCount({ where, order: { startedAt: 'DESC', id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
    return { items: await this.toDtos(rows), total, page, pageSize };
  }

  /** Runs the job now (409 while another run of it is going); audited. */
  async runNow(name: string, userId: number): Promise<JobRunDto> {
    const run = await this.runner.runNow(name, userId);
    await this.audit.record({
      action: 'job.run',
      result: run.status === 'failed' ? 'failure' : 'success',
      objectType: 'job',
      objectId: name,
      detail: { runId: run.id, status: run.status, summary: run.summary },
    });
    return (await this.toDtos([run]))[0];
  }

  private async toDtos(rows: JobRun[]): Promise<JobRunDto[]> {
    const ids = [...new Set(rows.map((r) => r.triggeredById).filter((id): id is number => id !== null))];
    const users = ids.length ? await this.users.find({ where: { id: In(ids) }, select: { id: true, displayName: true, username: true } }) : [];
    const name = new Map(users.map((u) => [u.id, u.displayName || u.username]));
    return rows.map((r) => toJobRunDto(r, r.triggeredById === null ? null : (name.get(r.triggeredById) ?? null)));
  }
}
