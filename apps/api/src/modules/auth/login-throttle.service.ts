import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { securityConfigOf, type SecurityConfig } from '../../core/security/security-config';
import { LoginAttempt } from './entities/login-attempt.entity';

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; by: 'account' | 'ip' };

/** Attempts older than this are deleted (well past any throttling window). */
const RETENTION_MS = 24 * 3_600_000;

/** Normalised account name of an attempt: trimmed, lower case, at most 64 characters. */
export const attemptName = (username: string) => username.trim().toLowerCase().slice(0, 64);

/**
 * Login throttling per account and per IP address, counted in the database so that every API
 * instance sees the same counts. An account's failures count until its next successful login or
 * until they leave the window; an address's failures only leave with the window (a valid login of
 * the attacker's own account does not reset it).
 */
@Injectable()
export class LoginThrottleService {
  readonly config: SecurityConfig;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) appConfig: AppConfig,
  ) {
    this.config = securityConfigOf(appConfig);
  }

  private get repo() {
    return this.dataSource.getRepository(LoginAttempt);
  }

  private get windowMs(): number {
    return this.config.loginWindowMinutes * 60_000;
  }

  async check(username: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
    const since = new Date(now.getTime() - this.windowMs);
    const name = attemptName(username);

    const lastSuccess = await this.repo
      .createQueryBuilder('a')
      .select('MAX(a.id)', 'id')
      .where('a.username = :name AND a.success = :yes', { name, yes: true })
      .getRawOne<{ id: number | string | null }>();
    const account = await this.repo
      .createQueryBuilder('a')
      .select('COUNT(*)', 'n')
      .addSelect('MIN(a.attempted_at)', 'oldest')
      .where('a.username = :name AND a.success = :no AND a.attempted_at > :since AND a.id > :after', {
        name,
        no: false,
        since,
        after: Number(lastSuccess?.id ?? 0),
      })
      .getRawOne<{ n: number | string; oldest: string | Date | null }>();
    if (Number(account?.n ?? 0) >= this.config.loginMaxFailuresPerAccount) return { allowed: false, by: 'account', retryAfterSeconds: this.retryAfter(account?.oldest ?? null, now) };

    const byIp = await this.repo
      .createQueryBuilder('a')
      .select('COUNT(*)', 'n')
      .addSelect('MIN(a.attempted_at)', 'oldest')
      .where('a.ip = :ip AND a.success = :no AND a.attempted_at > :since', { ip, no: false, since })
      .getRawOne<{ n: number | string; oldest: string | Date | null }>();
    if (Number(byIp?.n ?? 0) >= this.config.loginMaxFailuresPerIp) return { allowed: false, by: 'ip', retryAfterSeconds: this.retryAfter(byIp?.oldest ?? null, now) };
    return { allowed: true };
  }

  async record(username: string, ip: string, success: boolean, now = new Date()): Promise<void> {
    await this.repo.insert({ username: attemptName(username), ip, success, attemptedAt: now });
    if (success) await this.repo.delete({ attemptedAt: LessThan(new Date(now.getTime() - RETENTION_MS)) });
  }

  /** Seconds until the oldest counted failure leaves the window (at least 1). */
  private retryAfter(oldest: string | Date | null, now: Date): number {
    if (!oldest) return Math.ceil(this.windowMs / 1000);
    const t = oldest instanceof Date ? oldest.getTime() : Date.parse(/Z|[+-]\d\d:?\d\d$/.test(oldest) ? oldest : `${oldest.replace(' ', 'T')}Z`);
    if (!Number.isFinite(t)) return Math.ceil(this.windowMs / 1000);
    return Math.max(1, Math.ceil((t + this.windowMs - now.getTime()) / 1000));
  }
}
