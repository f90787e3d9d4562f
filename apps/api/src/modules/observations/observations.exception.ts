import { AppException } from '../../core/errors/app.exception';

export enum ObservationsErrorCode {
  IndicatorRequired = 'OBSERVATIONS_INDICATOR_REQUIRED',
  InvalidRange = 'OBSERVATIONS_INVALID_RANGE',
  BreakdownParentRequired = 'OBSERVATIONS_BREAKDOWN_PARENT_REQUIRED',
  BreakdownParentInvalid = 'OBSERVATIONS_BREAKDOWN_PARENT_INVALID',
  UnknownScope = 'OBSERVATIONS_UNKNOWN_SCOPE',
}

export class ObservationsException extends AppException {
  static indicatorRequired() {
    return new ObservationsException(ObservationsErrorCode.IndicatorRequired, '请指定指标（indicator），或指定带有默认指标的产业');
  }
  static invalidRange(from: string, to: string) {
    return new ObservationsException(ObservationsErrorCode.InvalidRange, `起始月份 ${from} 晚于截止月份 ${to}`);
  }
  static breakdownParentRequired() {
    return new ObservationsException(ObservationsErrorCode.BreakdownParentRequired, '按产业分解时请指定上级产业（parent）或产业体系（framework）');
  }
  static breakdownParentInvalid(message: string) {
    return new ObservationsException(ObservationsErrorCode.BreakdownParentInvalid, message);
  }
  static unknownScope(code: string) {
    return new ObservationsException(ObservationsErrorCode.UnknownScope, `未知的产业范围"${code}"`);
  }
}
