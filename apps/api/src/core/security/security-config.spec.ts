import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDemoMode, loadSecurityConfig, SECURITY_DEFAULTS } from './security-config';

const load = (env: NodeJS.ProcessEnv) => {
  const problems: string[] = [];
  return { config: loadSecurityConfig(env, problems), problems };
};

describe('loadSecurityConfig', () => {
  it('has safe defaults', () => {
    const { config, problems } = load({});
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      sessionIdleMinutes: SECURITY_DEFAULTS.sessionIdleMinutes,
      sessionAbsoluteHours: SECURITY_DEFAULTS.sessionAbsoluteHours,
      cookieSecure: 'auto',
      trustProxy: false,
      corsOrigins: [],
      loginMaxFailuresPerAccount: 5,
      loginMaxFailuresPerIp: 30,
      loginWindowMinutes: 15,
      admin: null,
      allowDemoUsers: false,
    });
  });

  it('reads every variable', () => {
    const { config, problems } = load({
      SESSION_IDLE_MINUTES: '15',
      SESSION_ABSOLUTE_HOURS: '8',
      COOKIE_SECURE: 'true',
      TRUST_PROXY: '1',
      CORS_ORIGINS: 'https://a.gov.cn, https://b.gov.cn:8443/',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_IP: '50',
      LOGIN_THROTTLE_WINDOW_MINUTES: '30',
      ADMIN_USERNAME: 'Root',
      ADMIN_PASSWORD: 'Adm1n-Passw0rd',
      ALLOW_DEMO_USERS: 'yes',
      API_DOCS: 'false',
      BODY_LIMIT: '512kb',
    });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      sessionIdleMinutes: 15,
      sessionAbsoluteHours: 8,
      cookieSecure: true,
      trustProxy: 1,
      corsOrigins: ['https://a.gov.cn', 'https://b.gov.cn:8443'],
      loginMaxFailuresPerAccount: 3,
      loginMaxFailuresPerIp: 50,
      loginWindowMinutes: 30,
      admin: { username: 'root', password: 'Adm1n-Passw0rd', displayName: '系统管理员' },
      allowDemoUsers: true,
      apiDocs: false,
      bodyLimit: '512kb',
    });
  });

  it('names every bad variable at once', () => {
    const { problems } = load({ SESSION_IDLE_MINUTES: '0', COOKIE_SECURE: 'maybe', CORS_ORIGINS: '*', LOGIN_MAX_FAILURES_PER_IP: 'many', BODY_LIMIT: 'huge', ADMIN_PASSWORD: 'x', TRUST_PROXY: 'a;b' });
    expect(problems.join('\n')).toMatch(/SESSION_IDLE_MINUTES/);
    expect(problems.join('\n')).toMatch(/COOKIE_SECURE/);
    expect(problems.join('\n')).toMatch(/CORS_ORIGINS/);
    expect(problems.join('\n')).toMatch(/LOGIN_MAX_FAILURES_PER_IP/);
    expect(problems.join('\n')).toMatch(/BODY_LIMIT/);
    expect(problems.join('\n')).toMatch(/ADMIN_USERNAME/);
    expect(problems.join('\n')).toMatch(/TRUST_PROXY/);
  });

  it('refuses an idle timeout longer than the absolute one', () => {
    expect(load({ SESSION_IDLE_MINUTES: '600', SESSION_ABSOLUTE_HOURS: '2' }).problems).toEqual(['SESSION_IDLE_MINUTES must not exceed SESSION_ABSOLUTE_HOURS × 60']);
  });

  it('reads the admin password from a file (container secrets), without the trailing newline', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'im-secret-')), 'pw');
    writeFileSync(file, 'File-Passw0rd!\n');
    expect(load({ ADMIN_USERNAME: 'root', ADMIN_PASSWORD_FILE: file }).config.admin?.password).toBe('File-Passw0rd!');
    expect(load({ ADMIN_USERNAME: 'root', ADMIN_PASSWORD_FILE: '/nonexistent/pw' }).problems[0]).toMatch(/ADMIN_PASSWORD_FILE/);
  });
});

describe('isDemoMode', () => {
  it('is the embedded database with demo data, and only that', () => {
    expect(isDemoMode({ database: { driver: 'sqlite' }, demoData: true })).toBe(true);
    expect(isDemoMode({ database: { driver: 'sqlite' }, demoData: false })).toBe(false);
    expect(isDemoMode({ database: { driver: 'mysql' }, demoData: true })).toBe(false);
  });
});
