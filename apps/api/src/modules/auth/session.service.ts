import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { securityConfigOf, type SecurityConfig } from '../../core/security/security-config';
import { User } from '../users/entities/user.entity';
import { UserSession } from './entities/user-session.entity';

/** Last-seen time is written at most this often (a request within it does not cost a write). */
const TOUCH_INTERVAL_MS = 60_000;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export type ResolvedSession = { status: 'valid'; session: UserSession; user: User } | { status: 'expired' } | { status: 'none' };

/** Server-side sessions in the database: any API instance can serve any request (stateless processes). */
@Injectable()
export class SessionService {
  readonly config: SecurityConfig;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) appConfig: AppConfig,
  ) {
    this.config = securityConfigOf(appConfig);
  }

  private get repo() {
    return this.dataSource.getRepository(UserSession);
  }

  get idleMs(): number {
    return this.config.sessionIdleMinutes * 60_000;
  }

  /** A new session (new token: never reuses one the browser had, against session fixation). */
  async create(userId: number, meta: { ip: string | null; userAgent: string | null }): Promise<{ token: string; session: UserSession }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = this.repo.create({
      id: tokenHash(token),
      userId,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionAbsoluteHours * 3_600_000),
      ip: meta.ip?.slice(0, 45) ?? null,
      userAgent: meta.userAgent?.slice(0, 255) ?? null,
    });
    await this.repo.insert(session);
    await this.purgeExpired(now);
    return { token, session };
  }

  /** The session of a cookie token: valid (then its last-seen time is refreshed), expired (then deleted) or none. */
  async resolve(token: string, now = new Date()): Promise<ResolvedSession> {
    const session = await this.repo.findOneBy({ id: tokenHash(token) });
    if (!session) return { status: 'none' };
    const lastSeen = new Date(session.lastSeenAt).getTime();
    if (new Date(session.expiresAt).getTime() <= now.getTime() || lastSeen + this.idleMs <= now.getTime()) {
      await this.repo.delete({ id: session.id });
      return { status: 'expired' };
    }
    const user = await this.dataSource.getRepository(User).findOneBy({ id: session.userId });
    if (!user || !user.active) {
      await this.repo.delete({ id: session.id });
      return { status: 'expired' };
    }
    if (now.getTime() - lastSeen >= TOUCH_INTERVAL_MS) {
      await this.repo.update({ id: session.id }, { lastSeenAt: now });
      session.lastSeenAt = now;
    }
    return { status: 'valid', session, user };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.repo.delete({ id: sessionId });
  }

  /** Ends every session of a user (password change or reset, deactivation, role change). Returns how many. */
  async revokeAllOf(userId: number): Promise<number> {
    const result = await this.repo.delete({ userId });
    return result.affected ?? 0;
  }

  async countOf(userId: number): Promise<number> {
    return this.repo.countBy({ userId });
  }

  private async purgeExpired(now: Date): Promise<void> {
    await this.repo.delete({ expiresAt: LessThan(now) });
    await this.repo.delete({ lastSeenAt: LessThan(new Date(now.getTime() - this.idleMs)) });
  }
}
