import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../core/errors/app.exception';

export enum JobsErrorCode {
  JobNotFound = 'JOBS_JOB_NOT_FOUND',
  JobBusy = 'JOBS_JOB_BUSY',
}

export class JobsException extends AppException {
  static jobNotFound(name: string) {
    return new JobsException(JobsErrorCode.JobNotFound, `没有名为"${name}"的定时任务`, HttpStatus.NOT_FOUND);
  }
  /** A manual run while another run of the same job (scheduled or manual, on any instance) is still going. */
  static busy(name: string) {
    return new JobsException(JobsErrorCode.JobBusy, `任务"${name}"正在运行，请等它结束后再试`, HttpStatus.CONFLICT);
  }
}
