import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { AuthSessionDto } from '@im/contracts';
import type { AuthContext } from '../../core/security/auth-context';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/entities/user.entity';
import { toAuthSessionDto } from '../users/users.mapper';
import { AuthException } from './auth.exception';
import type { ChangePasswordDto } from './dto/change-password.dto';
import type { LoginDto } from './dto/login.dto';
import { LoginThrottleService, attemptName } from './login-throttle.service';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password-hasher';
import { passwordProblems } from './password-policy';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionService } from './session.service';

const clientIp = (req: Request) => (req.ip ?? req.socket.remoteAddress ?? 'unknown').slice(0, 45);

/** Sign-in, sign-out, the signed-in user, own password and profile. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  private loadUser(id: number): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { id }, relations: { district: true, leadIndustries: true } });
  }

  /**
   * Throttle (per account and per IP, in the database) → verify (Argon2id; unknown names cost the same
   * time) → new session (new token, new CSRF token) → cookie. Every attempt is audited exactly once.
   */
  async login(dto: LoginDto, req: Request, res: Response): Promise<AuthSessionDto> {
    const ip = clientIp(req);
    const name = attemptName(dto.username);
    const verdict = await this.throttle.check(name, ip);
    if (!verdict.allowed) {
      this.logger.warn(`login throttled (${verdict.by}) for "${name}" from ${ip}`);
      await this.audit.record({ action: 'auth.login', result: 'throttled', objectType: 'user', objectId: name, actor: { userId: null, username: name, role: null }, detail: { by: verdict.by } });
      res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
      throw AuthException.throttled(verdict.retryAfterSeconds);
    }

    const user = await this.dataSource.getRepository(User).findOneBy({ username: name });
    const usable = !!user && user.active && !!user.passwordHash;
    let ok = false;
    if (usable) ok = await verifyPassword(user.passwordHash!, dto.password);
    else await verifyPassword(await dummyHash(), dto.password); // the same cost as a real check: no enumeration by timing
    if (!ok || !user) {
      await this.throttle.record(name, ip, false);
      const reason = !user ? 'unknown_user' : !user.active ? 'inactive' : !user.passwordHash ? 'no_password' : 'wrong_password';
      this.logger.warn(`login failed for "${name}" from ${ip}: ${reason}`);
      await this.audit.record({
        action: 'auth.login',
        result: 'failure',
        objectType: 'user',
        objectId: user?.id ?? name,
        actor: { userId: user?.id ?? null, username: name, role: user?.role ?? null },
        detail: { reason },
      });
      throw AuthException.invalidCredentials();
    }

    await this.throttle.record(name, ip, true);
    const { token, session } = await this.sessions.create(user.id, { ip, userAgent: req.get('user-agent') ?? null });
    const changes: Partial<User> = { lastLoginAt: new Date() };
    if (needsRehash(user.passwordHash!)) changes.passwordHash = await hashPassword(dto.password);
    await this.dataSource.getRepository(User).update({ id: user.id }, changes);
    await this.audit.record({ action: 'auth.login', objectType: 'user', objectId: user.id, actor: { userId: user.id, username: user.username, role: user.role } });
    setSessionCookie(req, res, token, this.sessions.config);
    return toAuthSessionDto((await this.loadUser(user.id))!, session, this.sessions.config.sessionIdleMinutes);
  }

  async logout(auth: AuthContext, req: Request, res: Response): Promise<void> {
    await this.sessions.revoke(auth.sessionId);
    clearSessionCookie(req, res, this.sessions.config);
    await this.audit.record({ action: 'auth.logout', objectType: 'user', objectId: auth.user.id });
  }

  async me(auth: AuthContext): Promise<AuthSessionDto> {
    const user = await this.loadUser(auth.user.id);
    if (!user) throw AuthException.authRequired();
    return toAuthSessionDto(user, { csrfToken: auth.csrfToken, expiresAt: auth.expiresAt }, this.sessions.config.sessionIdleMinutes);
  }

  async updateProfile(auth: AuthContext, displayName: string): Promise<AuthSessionDto> {
    const before = auth.user.displayName;
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(User).update({ id: auth.user.id }, { displayName });
      await this.audit.record({ action: 'auth.profile_update', objectType: 'user', objectId: auth.user.id, manager: m, detail: { changes: { displayName: { from: before, to: displayName } } } });
    });
    return this.me({ ...auth, user: { ...auth.user, displayName } });
  }

  /**
   * Own password: the current one must be right (a wrong one counts as a failed login against the
   * throttle), the new one must follow the rules. Every session of the user ends — on other devices
   * too — and this browser gets a fresh one.
   */
  async changePassword(auth: AuthContext, dto: ChangePasswordDto, req: Request, res: Response): Promise<AuthSessionDto> {
    const ip = clientIp(req);
    const user = await this.dataSource.getRepository(User).findOneBy({ id: auth.user.id });
    if (!user?.passwordHash) throw AuthException.authRequired();
    const verdict = await this.throttle.check(user.username, ip);
    if (!verdict.allowed) {
      res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
      await this.audit.record({ action: 'auth.password_change', result: 'throttled', objectType: 'user', objectId: user.id });
      throw AuthException.throttled(verdict.retryAfterSeconds);
    }
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      await this.throttle.record(user.username, ip, false);
      await this.audit.record({ action: 'auth.password_change', result: 'failure', objectType: 'user', objectId: user.id, detail: { reason: 'wrong_current_password' } });
      throw AuthException.wrongCurrentPassword();
    }
    if (dto.newPassword === dto.currentPassword) throw AuthException.samePassword();
    const problems = passwordProblems(dto.newPassword, user.username);
    if (problems.length) throw AuthException.weakPassword(problems);

    const passwordHash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(User).update({ id: user.id }, { passwordHash, passwordChangedAt: new Date() });
      await this.audit.record({ action: 'auth.password_change', objectType: 'user', objectId: user.id, manager: m });
    });
    const ended = await this.sessions.revokeAllOf(user.id);
    const { token, session } = await this.sessions.create(user.id, { ip, userAgent: req.get('user-agent') ?? null });
    setSessionCookie(req, res, token, this.sessions.config);
    this.logger.log(`password changed by ${user.username}; ${ended} session(s) ended`);
    return toAuthSessionDto((await this.loadUser(user.id))!, session, this.sessions.config.sessionIdleMinutes);
  }
}
