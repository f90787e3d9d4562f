import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../core/errors/app.exception';

export enum AuthErrorCode {
  AuthRequired = 'AUTH_REQUIRED',
  SessionExpired = 'AUTH_SESSION_EXPIRED',
  InvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  Throttled = 'AUTH_THROTTLED',
  Forbidden = 'AUTH_FORBIDDEN',
  NoScope = 'AUTH_NO_SCOPE',
  NoPolicy = 'AUTH_NO_POLICY',
  CsrfInvalid = 'AUTH_CSRF_INVALID',
  OriginRejected = 'AUTH_ORIGIN_REJECTED',
  WeakPassword = 'AUTH_WEAK_PASSWORD',
  WrongCurrentPassword = 'AUTH_WRONG_CURRENT_PASSWORD',
  SamePassword = 'AUTH_SAME_PASSWORD',
}

export class AuthException extends AppException {
  static authRequired() {
    return new AuthException(AuthErrorCode.AuthRequired, '请先登录', HttpStatus.UNAUTHORIZED);
  }
  static sessionExpired() {
    return new AuthException(AuthErrorCode.SessionExpired, '登录已过期，请重新登录', HttpStatus.UNAUTHORIZED);
  }
  static invalidCredentials() {
    return new AuthException(AuthErrorCode.InvalidCredentials, '用户名或密码错误', HttpStatus.UNAUTHORIZED);
  }
  static throttled(retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return new AuthException(AuthErrorCode.Throttled, `登录失败次数过多，请 ${minutes} 分钟后再试`, HttpStatus.TOO_MANY_REQUESTS, { retryAfterSeconds });
  }
  static forbidden() {
    return new AuthException(AuthErrorCode.Forbidden, '没有权限执行此操作', HttpStatus.FORBIDDEN);
  }
  static noScope() {
    return new AuthException(AuthErrorCode.NoScope, '账号尚未分配角色或区域，无法查看数据，请联系管理员', HttpStatus.FORBIDDEN);
  }
  static noPolicy() {
    return new AuthException(AuthErrorCode.NoPolicy, '没有权限执行此操作', HttpStatus.FORBIDDEN);
  }
  static csrfInvalid() {
    return new AuthException(AuthErrorCode.CsrfInvalid, '请求校验失败，请刷新页面后重试', HttpStatus.FORBIDDEN);
  }
  static originRejected() {
    return new AuthException(AuthErrorCode.OriginRejected, '请求来源不被允许', HttpStatus.FORBIDDEN);
  }
  static weakPassword(problems: string[]) {
    return new AuthException(AuthErrorCode.WeakPassword, problems.join('；'), HttpStatus.BAD_REQUEST, { problems });
  }
  static wrongCurrentPassword() {
    return new AuthException(AuthErrorCode.WrongCurrentPassword, '当前密码不正确', HttpStatus.BAD_REQUEST);
  }
  static samePassword() {
    return new AuthException(AuthErrorCode.SamePassword, '新密码不能与当前密码相同', HttpStatus.BAD_REQUEST);
  }
}
