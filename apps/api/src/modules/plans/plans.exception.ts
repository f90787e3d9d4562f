import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../core/errors/app.exception';

export enum PlansErrorCode {
  PlanNotFound = 'PLANS_PLAN_NOT_FOUND',
  TargetNotFound = 'PLANS_TARGET_NOT_FOUND',
  InvalidAsOf = 'PLANS_INVALID_AS_OF',
}

export class PlansException extends AppException {
  static planNotFound(code: string) {
    return new PlansException(PlansErrorCode.PlanNotFound, `未找到规划"${code}"`, HttpStatus.NOT_FOUND);
  }
  static targetNotFound(planCode: string, code: string) {
    return new PlansException(PlansErrorCode.TargetNotFound, `规划"${planCode}"中未找到目标"${code}"`, HttpStatus.NOT_FOUND);
  }
}
