import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { JobListDto, JobRunDto, JobRunPageDto } from '@im/contracts';
import { type AuthContext, CurrentAuth } from '../../core/security/auth-context';
import { Can } from '../../core/security/policy.decorator';
import { JobRunsQuery } from './dto/job-runs.query';
import { JobsService } from './jobs.service';
import { JobNameParam } from './dto/job-name.param';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Can('jobs.manage')
  @ApiOperation({ summary: 'The scheduled jobs: cron, time zone, next tick, last run; webhook host' })
  @ApiOkResponse({ description: 'JobListDto' })
  list(): Promise<JobListDto> {
    return this.jobs.list();
  }

  @Get('runs')
  @Can('jobs.manage')
  @ApiOperation({ summary: 'Run history, newest first, filtered by job and status, paginated' })
  @ApiOkResponse({ description: 'JobRunPageDto' })
  runs(@Query() query: JobRunsQuery): Promise<JobRunPageDto> {
    return this.jobs.history(query);
  }

  @Post(':name/run')
  @HttpCode(200)
  @Can('jobs.manage')
  @ApiOperation({ summary: 'Run a job now (409 while another run of it is going); audited', description: 'Answers when the run has finished, with the run (status succeeded / failed).' })
  @ApiParam({ name: 'name', example: 'completeness' })
  @ApiOkResponse({ description: 'JobRunDto' })
  run(@Param() params: JobNameParam, @CurrentAuth() auth: AuthContext): Promise<JobRunDto> {
    return this.jobs.runNow(params.name, auth.user.id);
  }
}
