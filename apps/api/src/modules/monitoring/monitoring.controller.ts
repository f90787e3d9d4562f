import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AlertDto, AlertListDto, ReminderDto, ReminderListDto } from '@im/contracts';
import type { AccessScope } from '../../core/security/access-scope';
import { type AuthContext, CurrentAuth, CurrentScope } from '../../core/security/auth-context';
import { Can, SignedIn } from '../../core/security/policy.decorator';
import { AlertsService } from './alerts.service';
import { AlertsQuery } from './dto/alerts.query';
import { IdParam } from './dto/id.param';
import { RemindersQuery } from './dto/reminders.query';
import { RemindersService } from './reminders.service';

@ApiTags('monitoring')
@Controller()
export class MonitoringController {
  constructor(
    private readonly reminders: RemindersService,
    private readonly alerts: AlertsService,
  ) {}

  @Get('reminders')
  @SignedIn()
  @ApiOperation({ summary: "The signed-in user's reminders (missing data): the responsible role all, district users their district's, lead units their industries', admin all" })
  @ApiOkResponse({ description: 'ReminderListDto' })
  listReminders(@Query() query: RemindersQuery, @CurrentScope() scope: AccessScope): Promise<ReminderListDto> {
    return this.reminders.list(scope, query);
  }

  @Post('reminders/:id/dismiss')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Mark a reminder as dealt with (the responsible role or an admin); audited' })
  @ApiOkResponse({ description: 'ReminderDto' })
  dismissReminder(@Param() params: IdParam, @CurrentAuth() auth: AuthContext): Promise<ReminderDto> {
    return this.reminders.dismiss(params.id, auth);
  }

  @Get('alerts')
  @Can('data.read')
  @ApiOperation({ summary: 'Alerts (targets behind schedule, abnormal swings), narrowed to the user’s scope' })
  @ApiOkResponse({ description: 'AlertListDto' })
  listAlerts(@Query() query: AlertsQuery, @CurrentScope() scope: AccessScope): Promise<AlertListDto> {
    return this.alerts.list(scope, query);
  }

  @Post('alerts/:id/acknowledge')
  @HttpCode(200)
  @Can('data.read')
  @ApiOperation({ summary: 'Acknowledge an alert the user sees; audited' })
  @ApiOkResponse({ description: 'AlertDto' })
  acknowledgeAlert(@Param() params: IdParam, @CurrentAuth() auth: AuthContext): Promise<AlertDto> {
    return this.alerts.acknowledge(params.id, auth);
  }
}
