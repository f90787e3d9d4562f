import { HttpStatus } from '@nestjs/common';
import { AppException } from '../errors/app.exception';

export enum ScopeErrorCode {
  OutOfScope = 'AUTH_OUT_OF_SCOPE',
}

/** A read outside the user's data scope (another district's detail, a lead unit's non-led industry below the city). */
export class ScopeException extends AppException {
  static outOfScope() {
    return new ScopeException(ScopeErrorCode.OutOfScope, '超出您的数据范围：只能查看本区企业明细，或所牵头产业的区县、园区明细', HttpStatus.FORBIDDEN);
  }
}
