import { HttpStatus } from '@nestjs/common';
import type { TargetFieldErrorDto, TargetImportReportDto } from '@im/contracts';
import { AppException } from '../../core/errors/app.exception';

export enum PlansErrorCode {
  PlanNotFound = 'PLANS_PLAN_NOT_FOUND',
  TargetNotFound = 'PLANS_TARGET_NOT_FOUND',
  InvalidAsOf = 'PLANS_INVALID_AS_OF',
  PlanExists = 'PLANS_PLAN_EXISTS',
  InvalidPlanYears = 'PLANS_INVALID_PLAN_YEARS',
  PlanYearsConflict = 'PLANS_PLAN_YEARS_CONFLICT',
  PlanHasTargets = 'PLANS_PLAN_HAS_TARGETS',
  TargetExists = 'PLANS_TARGET_EXISTS',
  InvalidTarget = 'PLANS_INVALID_TARGET',
  AnnualTargetsConflict = 'PLANS_ANNUAL_TARGETS_CONFLICT',
  InvalidYear = 'PLANS_INVALID_YEAR',
  AnnualYearOutOfRange = 'PLANS_ANNUAL_YEAR_OUT_OF_RANGE',
  InvalidAnnualTarget = 'PLANS_INVALID_ANNUAL_TARGET',
  AnnualTargetNotFound = 'PLANS_ANNUAL_TARGET_NOT_FOUND',
  ImportFileMissing = 'PLANS_IMPORT_FILE_MISSING',
  ImportFileTooLarge = 'PLANS_IMPORT_FILE_TOO_LARGE',
  ImportUploadInvalid = 'PLANS_IMPORT_UPLOAD_INVALID',
  ImportInvalid = 'PLANS_IMPORT_INVALID',
  ConcurrentChange = 'PLANS_CONCURRENT_CHANGE',
}

export class PlansException extends AppException {
  static planNotFound(code: string) {
    return new PlansException(PlansErrorCode.PlanNotFound, `未找到规划"${code}"`, HttpStatus.NOT_FOUND);
  }
  static targetNotFound(planCode: string, code: string) {
    return new PlansException(PlansErrorCode.TargetNotFound, `规划"${planCode}"中未找到目标"${code}"`, HttpStatus.NOT_FOUND);
  }
  static planExists(code: string) {
    return new PlansException(PlansErrorCode.PlanExists, `规划代码"${code}"已被使用，请换一个代码`, HttpStatus.CONFLICT);
  }
  static invalidPlanYears(startYear: number, endYear: number) {
    return new PlansException(PlansErrorCode.InvalidPlanYears, `规划的开始年份 ${startYear} 晚于结束年份 ${endYear}`);
  }
  /** Changing the plan's years would leave stored targets or annual targets outside them. */
  static planYearsConflict(problems: string[]) {
    return new PlansException(PlansErrorCode.PlanYearsConflict, `不能这样修改规划年份：${problems.join('；')}`, HttpStatus.CONFLICT, problems);
  }
  static planHasTargets(code: string, count: number) {
    return new PlansException(PlansErrorCode.PlanHasTargets, `规划"${code}"下还有 ${count} 个目标，不能删除：请先删除这些目标`, HttpStatus.CONFLICT, { targetCount: count });
  }
  static targetExists(planCode: string, code: string) {
    return new PlansException(PlansErrorCode.TargetExists, `规划"${planCode}"中已有目标代码"${code}"，请换一个代码或修改已有目标`, HttpStatus.CONFLICT);
  }
  static invalidTarget(errors: TargetFieldErrorDto[]) {
    return new PlansException(PlansErrorCode.InvalidTarget, errors.map((e) => e.message).join('；'), HttpStatus.BAD_REQUEST, errors);
  }
  static annualTargetsConflict(message: string) {
    return new PlansException(PlansErrorCode.AnnualTargetsConflict, message, HttpStatus.CONFLICT);
  }
  static invalidYear(text: string) {
    return new PlansException(PlansErrorCode.InvalidYear, `"${text}"不是有效的年份`);
  }
  static annualYearOutOfRange(year: number, from: number, to: number) {
    const allowed = from <= to ? `只能录入 ${from}–${to} 年的年度目标` : '基期年份与目标年份之间没有可录入年度目标的年份';
    return new PlansException(PlansErrorCode.AnnualYearOutOfRange, `${year} 年不在基期与目标年份之间：${allowed}`);
  }
  static invalidAnnualTarget(message: string) {
    return new PlansException(PlansErrorCode.InvalidAnnualTarget, message);
  }
  static annualTargetNotFound(targetCode: string, year: number) {
    return new PlansException(PlansErrorCode.AnnualTargetNotFound, `目标"${targetCode}"没有 ${year} 年的年度目标`, HttpStatus.NOT_FOUND);
  }
  static importFileMissing() {
    return new PlansException(PlansErrorCode.ImportFileMissing, '请选择要导入的 CSV 文件（表单字段名 file）');
  }
  static importFileTooLarge(maxBytes: number) {
    return new PlansException(PlansErrorCode.ImportFileTooLarge, `文件太大：目标文件最大 ${Math.round(maxBytes / 1024)} KB`, HttpStatus.PAYLOAD_TOO_LARGE);
  }
  static importUploadInvalid() {
    return new PlansException(PlansErrorCode.ImportUploadInvalid, '上传的格式不正确：请用表单字段 file 上传一个 CSV 文件');
  }
  static importInvalid(report: TargetImportReportDto) {
    return new PlansException(
      PlansErrorCode.ImportInvalid,
      `文件中有 ${report.errors.length} 处错误，没有导入任何内容：请按提示修改后重新导入`,
      HttpStatus.BAD_REQUEST,
      report,
    );
  }
  static concurrentChange() {
    return new PlansException(PlansErrorCode.ConcurrentChange, '其他人刚刚修改了同一规划的目标，请刷新后重试', HttpStatus.CONFLICT);
  }
}
