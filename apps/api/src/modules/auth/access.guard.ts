import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { roleCan } from '@im/contracts';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import type { AuthContext, AuthedRequest } from '../../core/security/auth-context';
import { isAllowedOrigin, isStateChanging } from '../../core/security/http-security';
import { POLICY_KEY, type RoutePolicy } from '../../core/security/policy.decorator';
import { setCurrentActor } from '../../core/security/request-context';
import { securityConfigOf, type SecurityConfig } from '../../core/security/security-config';
import { AccessScopeFactory } from './access-scope.factory';
import { AuthException } from './auth.exception';
import { clearSessionCookie, readSessionToken } from './session-cookie';
import { SessionService } from './session.service';

export const CSRF_HEADER = 'x-csrf-token';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Deny by default. Every route must declare a policy (`@Public`, `@SignedIn`, `@Can`); a route without
 * one is refused for everybody. For the others: the session cookie is resolved server-side, state-changing
 * requests need the session's CSRF token and an allowed Origin, and the role must hold the capability.
 * The user's AccessScope is built here, from the database, for the query layer.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');
  private readonly config: SecurityConfig;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly scopes: AccessScopeFactory,
    @Inject(APP_CONFIG) appConfig: AppConfig,
  ) {
    this.config = securityConfigOf(appConfig);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    if (!policy) {
      this.logger.error(`route without a policy refused: ${req.method} ${req.route?.path ?? req.path} (${context.getClass().name}.${context.getHandler().name})`);
      throw AuthException.noPolicy();
    }

    const unsafe = isStateChanging(req.method);
    if (unsafe && !isAllowedOrigin(req, this.config.corsOrigins)) {
      this.logger.warn(`origin rejected: ${req.method} ${req.path} from ${req.get('origin') ?? req.get('sec-fetch-site') ?? '?'}`);
      throw AuthException.originRejected();
    }
    if (policy.kind === 'public') return true;

    const token = readSessionToken(req);
    if (!token) throw AuthException.authRequired();
    const resolved = await this.sessions.resolve(token);
    if (resolved.status !== 'valid') {
      clearSessionCookie(req, res, this.config);
      throw resolved.status === 'expired' ? AuthException.sessionExpired() : AuthException.authRequired();
    }
    const { session, user } = resolved;
    const auth: AuthContext = {
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, districtId: user.districtId, isDemo: user.isDemo },
      sessionId: session.id,
      csrfToken: session.csrfToken,
      createdAt: new Date(session.createdAt),
      expiresAt: new Date(session.expiresAt),
      scope: await this.scopes.forUser(user),
    };
    req.auth = auth;
    setCurrentActor({ userId: user.id, username: user.username, role: user.role });

    if (unsafe) {
      const sent = req.get(CSRF_HEADER);
      if (!sent || !sameToken(sent, session.csrfToken)) {
        this.logger.warn(`CSRF token missing or wrong: ${req.method} ${req.path} user ${user.username}`);
        throw AuthException.csrfInvalid();
      }
    }
    if (policy.kind === 'signed-in') return true;

    if (!roleCan(user.role, policy.capability)) {
      this.logger.warn(`forbidden: ${req.method} ${req.path} needs ${policy.capability}; user ${user.username} (${user.role ?? 'no role'})`);
      throw AuthException.forbidden();
    }
    if (auth.scope.seesNothing) throw AuthException.noScope();
    return true;
  }
}
