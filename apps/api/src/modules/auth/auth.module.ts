import { Global, Module } from '@nestjs/common';
import { AccessGuard } from './access.guard';
import { AccessScopeFactory } from './access-scope.factory';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionService } from './session.service';

/**
 * Sessions, login, the access guard and scopes. Global so that UsersService can end sessions and any
 * module can build a scope for system work, without import cycles.
 */
@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, SessionService, LoginThrottleService, AccessScopeFactory, AccessGuard],
  exports: [SessionService, AccessScopeFactory, AccessGuard],
})
export class AuthModule {}
