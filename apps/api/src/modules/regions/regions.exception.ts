import { AppException } from '../../core/errors/app.exception';

export enum RegionsErrorCode {
  NotAPark = 'REGIONS_NOT_A_PARK',
  DuplicatePark = 'REGIONS_DUPLICATE_PARK',
}

export class RegionsException extends AppException {
  static notAPark(code: string) {
    return new RegionsException(RegionsErrorCode.NotAPark, `"${code}"不是园区，只能对比园区`);
  }
  static duplicatePark(code: string) {
    return new RegionsException(RegionsErrorCode.DuplicatePark, `园区"${code}"重复出现`);
  }
}
