import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../core/errors/app.exception';

export enum CatalogErrorCode {
  FrameworkNotFound = 'CATALOG_FRAMEWORK_NOT_FOUND',
  IndustryNotFound = 'CATALOG_INDUSTRY_NOT_FOUND',
  RegionNotFound = 'CATALOG_REGION_NOT_FOUND',
  IndicatorNotFound = 'CATALOG_INDICATOR_NOT_FOUND',
  ReferenceInUse = 'CATALOG_REFERENCE_IN_USE',
}

export class CatalogException extends AppException {
  static frameworkNotFound(code: string) {
    return new CatalogException(CatalogErrorCode.FrameworkNotFound, `未找到产业体系"${code}"`, HttpStatus.NOT_FOUND);
  }
  static industryNotFound(code: string) {
    return new CatalogException(CatalogErrorCode.IndustryNotFound, `未找到产业"${code}"`, HttpStatus.NOT_FOUND);
  }
  static regionNotFound(code: string) {
    return new CatalogException(CatalogErrorCode.RegionNotFound, `未找到区域"${code}"`, HttpStatus.NOT_FOUND);
  }
  static indicatorNotFound(code: string) {
    return new CatalogException(CatalogErrorCode.IndicatorNotFound, `未找到指标"${code}"`, HttpStatus.NOT_FOUND);
  }
  static referenceInUse(what: string, uses: string) {
    return new CatalogException(CatalogErrorCode.ReferenceInUse, `${what}不能删除：${uses}。请先回滚使用它的批次（或删除这些数据），再回滚登记它的批次`, HttpStatus.CONFLICT, { what });
  }
}
