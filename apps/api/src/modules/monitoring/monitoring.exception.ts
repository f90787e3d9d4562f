import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../core/errors/app.exception';

export enum MonitoringErrorCode {
  ReminderNotFound = 'MONITORING_REMINDER_NOT_FOUND',
  AlertNotFound = 'MONITORING_ALERT_NOT_FOUND',
  NotResponsible = 'MONITORING_NOT_RESPONSIBLE',
}

export class MonitoringException extends AppException {
  static reminderNotFound(id: number) {
    return new MonitoringException(MonitoringErrorCode.ReminderNotFound, `未找到提醒 ${id}`, HttpStatus.NOT_FOUND);
  }
  static alertNotFound(id: number) {
    return new MonitoringException(MonitoringErrorCode.AlertNotFound, `未找到预警 ${id}`, HttpStatus.NOT_FOUND);
  }
  static notResponsible() {
    return new MonitoringException(MonitoringErrorCode.NotResponsible, '只有负责处理该提醒的角色（或系统管理员）可以将其标记为已处理', HttpStatus.FORBIDDEN);
  }
}
