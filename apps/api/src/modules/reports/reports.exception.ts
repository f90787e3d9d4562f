import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../core/errors/app.exception';

export enum ReportsErrorCode {
  BriefNotFound = 'REPORTS_BRIEF_NOT_FOUND',
  NoData = 'REPORTS_NO_DATA',
  InvalidPeriod = 'REPORTS_INVALID_PERIOD',
  TemplateNotFound = 'REPORTS_TEMPLATE_NOT_FOUND',
  TemplateInvalid = 'REPORTS_TEMPLATE_INVALID',
  InvalidScope = 'REPORTS_INVALID_SCOPE',
}

export class ReportsException extends AppException {
  static briefNotFound(id: number | string) {
    return new ReportsException(ReportsErrorCode.BriefNotFound, `未找到简报 ${id}`, HttpStatus.NOT_FOUND);
  }
  static noData(year: number, month: number) {
    return new ReportsException(ReportsErrorCode.NoData, `${year}年${month}月还没有五大战略性新兴产业的数据，不能生成简报；请先上传该月数据`, HttpStatus.UNPROCESSABLE_ENTITY);
  }
  static invalidPeriod(message: string) {
    return new ReportsException(ReportsErrorCode.InvalidPeriod, message);
  }
  static templateNotFound(key: string) {
    return new ReportsException(ReportsErrorCode.TemplateNotFound, `没有名为「${key}」的简报模板`, HttpStatus.NOT_FOUND);
  }
  static templateInvalid(errors: string[]) {
    return new ReportsException(ReportsErrorCode.TemplateInvalid, errors.join('；'), HttpStatus.BAD_REQUEST, errors);
  }
  static invalidScope(scope: string) {
    return new ReportsException(ReportsErrorCode.InvalidScope, `简报范围"${scope}"不正确：应为 city 或 district:<区代码>`);
  }
}
