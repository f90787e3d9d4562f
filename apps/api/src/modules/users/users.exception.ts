import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../core/errors/app.exception';

export enum UsersErrorCode {
  NotFound = 'USERS_NOT_FOUND',
  UsernameTaken = 'USERS_USERNAME_TAKEN',
  DistrictRequired = 'USERS_DISTRICT_REQUIRED',
  DistrictNotFound = 'USERS_DISTRICT_NOT_FOUND',
  IndustriesRequired = 'USERS_INDUSTRIES_REQUIRED',
  IndustryNotFound = 'USERS_INDUSTRY_NOT_FOUND',
  ScopeNotApplicable = 'USERS_SCOPE_NOT_APPLICABLE',
  LastAdmin = 'USERS_LAST_ADMIN',
  SelfChange = 'USERS_SELF_CHANGE',
  WeakPassword = 'USERS_WEAK_PASSWORD',
}

export class UsersException extends AppException {
  static notFound(id: number | string) {
    return new UsersException(UsersErrorCode.NotFound, `未找到用户 ${id}`, HttpStatus.NOT_FOUND);
  }
  static usernameTaken(username: string) {
    return new UsersException(UsersErrorCode.UsernameTaken, `用户名 ${username} 已被使用`, HttpStatus.CONFLICT);
  }
  static districtRequired() {
    return new UsersException(UsersErrorCode.DistrictRequired, '区县用户须指定所属区或开发区（districtCode）');
  }
  static districtNotFound(code: string) {
    return new UsersException(UsersErrorCode.DistrictNotFound, `未找到区或开发区 ${code}`, HttpStatus.BAD_REQUEST, { districtCode: code });
  }
  static industriesRequired() {
    return new UsersException(UsersErrorCode.IndustriesRequired, '牵头单位须指定至少一个牵头产业（leadIndustryCodes）');
  }
  static industryNotFound(codes: string[]) {
    return new UsersException(UsersErrorCode.IndustryNotFound, `未找到产业 ${codes.join('、')}`, HttpStatus.BAD_REQUEST, { leadIndustryCodes: codes });
  }
  static scopeNotApplicable(field: string, role: string) {
    return new UsersException(UsersErrorCode.ScopeNotApplicable, `角色 ${role} 不能设置 ${field}`, HttpStatus.BAD_REQUEST, { field });
  }
  static lastAdmin() {
    return new UsersException(UsersErrorCode.LastAdmin, '不能停用或降级最后一个启用的管理员', HttpStatus.CONFLICT);
  }
  static selfChange() {
    return new UsersException(UsersErrorCode.SelfChange, '不能修改自己的角色或停用自己的账号', HttpStatus.CONFLICT);
  }
  static weakPassword(problems: string[]) {
    return new UsersException(UsersErrorCode.WeakPassword, problems.join('；'), HttpStatus.BAD_REQUEST, { problems });
  }
}
