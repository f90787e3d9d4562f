import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../users/entities/user.entity';
import { JobLock } from './entities/job-lock.entity';
import { JobRun } from './entities/job-run.entity';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner.service';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { WebhookNotifier } from './webhook.notifier';

/**
 * The scheduled jobs: modules import JobsModule and register their JobDefinitions with the
 * JobRegistry in `onModuleInit`; the JobRunner schedules them at bootstrap (RUN_JOBS), claims each
 * tick once across API instances and keeps the run history. WebhookNotifier posts to the chat robot.
 */
@Module({
  imports: [ScheduleModule.forRoot(), TypeOrmModule.forFeature([JobRun, JobLock, User])],
  controllers: [JobsController],
  providers: [JobRegistry, JobRunner, JobsService, WebhookNotifier],
  exports: [JobRegistry, JobRunner, WebhookNotifier],
})
export class JobsModule {}
