import { Inject, Logger, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { isDemoMode } from '../../core/security/security-config';
import { CatalogModule } from '../catalog/catalog.module';
import { UploadBatch } from '../ingest/entities/upload-batch.entity';
import { JobRegistry } from '../jobs/job-registry';
import { JobRunner } from '../jobs/job-runner.service';
import { JobsModule } from '../jobs/jobs.module';
import { ObservationsModule } from '../observations/observations.module';
import { PlansModule } from '../plans/plans.module';
import { AlertsService } from './alerts.service';
import { CompletenessCheck } from './completeness-check';
import { Alert } from './entities/alert.entity';
import { Reminder } from './entities/reminder.entity';
import { MonitoringController } from './monitoring.controller';
import { ALERTS_JOB, COMPLETENESS_JOB, MonitoringJobs } from './monitoring-jobs';
import { RemindersService } from './reminders.service';

/**
 * The monitoring cycle's routine part: the completeness job (reminders of missing data) and the
 * alerts job (targets behind schedule, abnormal swings), their tables and routes.
 */
@Module({
  imports: [JobsModule, CatalogModule, ObservationsModule, PlansModule, TypeOrmModule.forFeature([Reminder, Alert])],
  controllers: [MonitoringController],
  providers: [CompletenessCheck, RemindersService, AlertsService, MonitoringJobs],
  exports: [RemindersService, AlertsService],
})
export class MonitoringModule implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Monitoring');

  constructor(
    private readonly registry: JobRegistry,
    private readonly runner: JobRunner,
    private readonly jobs: MonitoringJobs,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    for (const definition of this.jobs.definitions()) this.registry.register(definition);
  }

  /**
   * Demo mode: check the demo data once at start (previous month of today), so the bell and the
   * overview show what is really missing or behind in it. In the background; never fails the start.
   */
  onApplicationBootstrap(): void {
    if (!this.config.demoData || !isDemoMode(this.config)) return;
    void (async () => {
      // Only once the demo data is there (main.ts loads it before the app starts listening).
      if (!(await this.dataSource.getRepository(UploadBatch).exists({ where: { isDemo: true, status: 'committed' } }))) return;
      for (const name of [COMPLETENESS_JOB, ALERTS_JOB]) {
        try {
          const run = await this.runner.runNow(name, null, 'event');
          this.logger.log(`demo start: ${name} ${run.status}: ${run.summary ?? ''}`);
        } catch (e) {
          this.logger.warn(`demo start: ${name} not run: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    })();
  }
}
