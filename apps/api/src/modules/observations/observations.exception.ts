import { AppException } from '../../core/errors/app.exception';

export enum ObservationsErrorCode {
  IndicatorRequired = 'OBSERVATIONS_INDICATOR_REQUIRED',
  InvalidRange = 'OBSERVATIONS_INVALID_RANGE',
}

export class ObservationsException extends AppException {
  static indicatorRequired() {
    return new ObservationsException(ObservationsErrorCode.IndicatorRequired, '请指定指标（indicator），或指定带有默认指标的产业');
  }
  static invalidRange(from: string, to: string) {
    return new ObservationsException(ObservationsErrorCode.InvalidRange, `起始月份 ${from} 晚于截止月份 ${to}`);
  }
}
