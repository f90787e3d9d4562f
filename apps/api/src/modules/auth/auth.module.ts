import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AccessScopeFactory } from './access-scope.factory';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionService } from './session.service';

/**
 * Sessions, login, the access guard and scopes. The AccessGuard is the application's global guard
 * (deny by default: a route without a policy is refused). Global module so that UsersService can end
 * sessions and any module can build a scope, without import cycles.
 */
@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, SessionService, LoginThrottleService, AccessScopeFactory, AccessGuard, { provide: APP_GUARD, useExisting: AccessGuard }],
  exports: [SessionService, AccessScopeFactory, AccessGuard],
})
export class AuthModule {}
