import { readFileSync } from 'node:fs';

/**
 * Sessions, login throttling, cookies, CORS, the first admin and demo users (issue 6), read from the
 * environment once at boot. Every setting is documented in `.env.example` and docs/SECURITY.md.
 */
export interface SecurityConfig {
  /** Minutes without a request after which a session ends. `SESSION_IDLE_MINUTES`, default 30. */
  sessionIdleMinutes: number;
  /** Hours after login after which a session ends whatever the activity. `SESSION_ABSOLUTE_HOURS`, default 12. */
  sessionAbsoluteHours: number;
  /**
   * `Secure` attribute of the session cookie. `auto` (default): Secure when the request arrived over
   * HTTPS (behind a reverse proxy that needs `TRUST_PROXY`). `true` always (and the `__Host-` cookie
   * prefix), `false` never (plain-HTTP development only). `COOKIE_SECURE`.
   */
  cookieSecure: 'auto' | boolean;
  /** Express `trust proxy`: false (default), true, a hop count, or a list of addresses/subnets. `TRUST_PROXY`. */
  trustProxy: boolean | number | string;
  /** Origins (scheme://host[:port]) allowed to call the API from a browser besides the app's own. `CORS_ORIGINS`, comma-separated, default none. */
  corsOrigins: string[];
  /** Failed logins of one account within the window before further attempts get 429. `LOGIN_MAX_FAILURES_PER_ACCOUNT`, default 5. */
  loginMaxFailuresPerAccount: number;
  /** Failed logins from one IP address within the window before further attempts get 429. `LOGIN_MAX_FAILURES_PER_IP`, default 30. */
  loginMaxFailuresPerIp: number;
  /** Minutes a failed login counts against the limits. `LOGIN_THROTTLE_WINDOW_MINUTES`, default 15. */
  loginWindowMinutes: number;
  /** First administrator created at start when no user of that name exists (`ADMIN_USERNAME`, `ADMIN_PASSWORD` or `ADMIN_PASSWORD_FILE`, `ADMIN_DISPLAY_NAME`). */
  admin: { username: string; password: string; displayName: string } | null;
  /** Start outside demo mode even though demo users exist (never in production). `ALLOW_DEMO_USERS`, default false. */
  allowDemoUsers: boolean;
  /** Serve the OpenAPI document and Swagger UI at /api/docs (signed-in users only). `API_DOCS`, default true. */
  apiDocs: boolean;
  /** Largest JSON or form body accepted (file uploads have their own limit). `BODY_LIMIT`, default 1mb. */
  bodyLimit: string;
}

export const SECURITY_DEFAULTS = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  loginMaxFailuresPerAccount: 5,
  loginMaxFailuresPerIp: 30,
  loginWindowMinutes: 15,
  bodyLimit: '1mb',
} as const;

function bool(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

function int(name: string, raw: string | undefined, fallback: number, min: number, max: number, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer ${min}–${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Reads the security variables; pushes one sentence per bad variable into `problems`. */
export function loadSecurityConfig(env: NodeJS.ProcessEnv, problems: string[]): SecurityConfig {
  const sessionIdleMinutes = int('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, SECURITY_DEFAULTS.sessionIdleMinutes, 1, 24 * 60, problems);
  const sessionAbsoluteHours = int('SESSION_ABSOLUTE_HOURS', env.SESSION_ABSOLUTE_HOURS, SECURITY_DEFAULTS.sessionAbsoluteHours, 1, 24 * 30, problems);
  if (sessionIdleMinutes > sessionAbsoluteHours * 60) problems.push('SESSION_IDLE_MINUTES must not exceed SESSION_ABSOLUTE_HOURS × 60');

  let cookieSecure: SecurityConfig['cookieSecure'] = 'auto';
  const secureRaw = env.COOKIE_SECURE?.trim().toLowerCase();
  if (secureRaw && secureRaw !== 'auto') cookieSecure = bool('COOKIE_SECURE', secureRaw, false, problems);

  let trustProxy: SecurityConfig['trustProxy'] = false;
  const proxyRaw = env.TRUST_PROXY?.trim();
  if (proxyRaw) {
    if (/^\d+$/.test(proxyRaw)) trustProxy = Number(proxyRaw);
    else if (['true', 'false'].includes(proxyRaw.toLowerCase())) trustProxy = proxyRaw.toLowerCase() === 'true';
    else if (/^[A-Za-z0-9.:/, ]+$/.test(proxyRaw)) trustProxy = proxyRaw;
    else problems.push(`TRUST_PROXY must be true, false, a hop count or a list of addresses, got "${proxyRaw}"`);
  }

  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  for (const o of corsOrigins) {
    if (o === '*' || !ORIGIN.test(o)) problems.push(`CORS_ORIGINS must list origins such as https://stats.xm.gov.cn (no *), got "${o}"`);
  }

  let admin: SecurityConfig['admin'] = null;
  const adminUser = env.ADMIN_USERNAME?.trim().toLowerCase();
  let adminPassword = env.ADMIN_PASSWORD;
  if (env.ADMIN_PASSWORD_FILE?.trim()) {
    if (adminPassword) problems.push('set ADMIN_PASSWORD or ADMIN_PASSWORD_FILE, not both');
    try {
      adminPassword = readFileSync(env.ADMIN_PASSWORD_FILE.trim(), 'utf8').replace(/\r?\n$/, '');
    } catch {
      problems.push(`ADMIN_PASSWORD_FILE cannot be read: ${env.ADMIN_PASSWORD_FILE}`);
    }
  }
  if (adminUser || adminPassword) {
    if (!adminUser || !USERNAME.test(adminUser)) problems.push('ADMIN_USERNAME must be 2–64 characters a–z 0–9 . _ - (and is required with ADMIN_PASSWORD)');
    if (!adminPassword) problems.push('ADMIN_PASSWORD (or ADMIN_PASSWORD_FILE) is required with ADMIN_USERNAME');
    if (adminUser && adminPassword) admin = { username: adminUser, password: adminPassword, displayName: env.ADMIN_DISPLAY_NAME?.trim() || '系统管理员' };
  }

  const bodyLimit = env.BODY_LIMIT?.trim() || SECURITY_DEFAULTS.bodyLimit;
  if (!/^\d+(\.\d+)?\s*(b|kb|mb)$/i.test(bodyLimit)) problems.push(`BODY_LIMIT must be a size such as 512kb or 1mb, got "${bodyLimit}"`);

  return {
    sessionIdleMinutes,
    sessionAbsoluteHours,
    cookieSecure,
    trustProxy,
    corsOrigins,
    loginMaxFailuresPerAccount: int('LOGIN_MAX_FAILURES_PER_ACCOUNT', env.LOGIN_MAX_FAILURES_PER_ACCOUNT, SECURITY_DEFAULTS.loginMaxFailuresPerAccount, 1, 1000, problems),
    loginMaxFailuresPerIp: int('LOGIN_MAX_FAILURES_PER_IP', env.LOGIN_MAX_FAILURES_PER_IP, SECURITY_DEFAULTS.loginMaxFailuresPerIp, 1, 100_000, problems),
    loginWindowMinutes: int('LOGIN_THROTTLE_WINDOW_MINUTES', env.LOGIN_THROTTLE_WINDOW_MINUTES, SECURITY_DEFAULTS.loginWindowMinutes, 1, 24 * 60, problems),
    admin,
    allowDemoUsers: bool('ALLOW_DEMO_USERS', env.ALLOW_DEMO_USERS, false, problems),
    apiDocs: bool('API_DOCS', env.API_DOCS, true, problems),
    bodyLimit,
  };
}

/** The configuration's security settings, or the defaults for a configuration built by hand (tests). */
export function securityConfigOf(config: { security?: SecurityConfig }): SecurityConfig {
  return config.security ?? loadSecurityConfig({}, []);
}

/**
 * Demo mode: the embedded database with the demo dataset — the one setting in which demo users
 * with a published password exist.
 */
export function isDemoMode(config: { database: { driver: string }; demoData: boolean }): boolean {
  return config.database.driver === 'sqlite' && config.demoData;
}
