/**
 * Accounts at start: demo users exist in demo mode only (embedded database + demo data) with the
 * published password; the first admin comes from ADMIN_* (created once, never overwritten); a start
 * outside demo mode with active demo users is refused unless ALLOW_DEMO_USERS.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_LOGIN } from '@im/contracts';
import { loadSecurityConfig } from '../src/core/security/security-config';
import { AuditLog } from '../src/modules/audit/entities/audit-log.entity';
import { verifyPassword } from '../src/modules/auth/password-hasher';
import { SeedService } from '../src/modules/seed/seed.service';
import { User } from '../src/modules/users/entities/user.entity';
import { StartupRefusedError, UserBootstrapService } from '../src/modules/users/user-bootstrap.service';
import { UsersService } from '../src/modules/users/users.service';
import { createTestApp, loginAs, testConfig, testDatabases, type TestApp } from './support/test-app';

describe.each(testDatabases())('accounts at start on $name', ({ name, config }) => {
  let t: TestApp | undefined;

  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  // Registered only on the driver it is about (no skipped test on the other).
  if (name === 'sqlite') it('demo mode creates the five demo users once, with the published password and their scopes', async () => {
    t = await createTestApp(testConfig(config(), { demoData: true }));
    await t.app.get(SeedService).prepare();
    await t.app.get(SeedService).prepare();
    const users = await t.dataSource.getRepository(User).find({ relations: { district: true, leadIndustries: true }, order: { id: 'ASC' } });
    expect(users.map((u) => [u.username, u.role, u.isDemo])).toEqual([
      ['admin', 'admin', true],
      ['stats', 'statistician', true],
      ['mayor', 'leader', true],
      ['gxj', 'lead_unit', true],
      ['huli', 'district', true],
    ]);
    expect(users.find((u) => u.username === 'huli')!.district!.code).toBe('xm.huli');
    expect(users.find((u) => u.username === 'gxj')!.leadIndustries!.map((n) => n.code).sort()).toEqual(['sei.ngit', 'xm446.pillar.electronics']);
    expect(await verifyPassword(users[0].passwordHash!, DEMO_LOGIN.password)).toBe(true);
    expect(await t.dataSource.getRepository(AuditLog).countBy({ action: 'user.create' })).toBe(5);
    await t.app.get(UserBootstrapService).run();
    await loginAs(t.app, 'huli', DEMO_LOGIN.password);
  });

  it('creates no demo users outside demo mode, even with demo data', async () => {
    t = await createTestApp(testConfig(config(), { demoData: name === 'mysql' }));
    await t.app.get(SeedService).prepare();
    expect(await t.dataSource.getRepository(User).count()).toBe(0);
  });

  it('creates the ADMIN_* administrator once and never changes an existing user', async () => {
    const security = loadSecurityConfig({ ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'Admin-Passw0rd-1' }, []);
    t = await createTestApp(testConfig(config(), { security }));
    await t.app.get(UserBootstrapService).run();
    await loginAs(t.app, 'root', 'Admin-Passw0rd-1');
    await t.dataSource.getRepository(User).update({ username: 'root' }, { displayName: '改过的名字' });
    await t.app.get(UserBootstrapService).run();
    const root = await t.dataSource.getRepository(User).findOneByOrFail({ username: 'root' });
    expect([root.role, root.displayName, root.isDemo]).toEqual(['admin', '改过的名字', false]);
    expect(await t.dataSource.getRepository(User).count()).toBe(1);
  });

  it('refuses a weak ADMIN_PASSWORD', async () => {
    const security = loadSecurityConfig({ ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'password' }, []);
    t = await createTestApp(testConfig(config(), { security }));
    await expect(t.app.get(UserBootstrapService).run()).rejects.toMatchObject({ code: 'USERS_WEAK_PASSWORD' });
  });

  it('refuses to start outside demo mode while active demo users exist, unless explicitly allowed; deactivating them lifts it', async () => {
    t = await createTestApp(testConfig(config()), { seed: true });
    const users = t.app.get(UsersService);
    await users.create({ username: 'root', displayName: 'root', password: 'Admin-Passw0rd-1', role: 'admin' });
    const repo = t.dataSource.getRepository(User);
    await repo.save(repo.create({ username: 'stats', displayName: '演示', role: 'statistician', isDemo: true, passwordHash: null }));
    await expect(t.app.get(UserBootstrapService).run()).rejects.toBeInstanceOf(StartupRefusedError);
    await t.close();

    t = await createTestApp(testConfig(config(), { security: loadSecurityConfig({ ALLOW_DEMO_USERS: 'true' }, []) }), { seed: true });
    await t.app.get(UsersService).create({ username: 'root', displayName: 'root', password: 'Admin-Passw0rd-1', role: 'admin' });
    await t.dataSource.getRepository(User).save(t.dataSource.getRepository(User).create({ username: 'stats', displayName: '演示', role: 'statistician', isDemo: true }));
    await t.app.get(UserBootstrapService).run();
    expect(await t.app.get(UsersService).deactivateDemoUsers()).toEqual(['stats']);
    await t.app.get(UserBootstrapService).refuseDemoUsersOutsideDemoMode();
  });
});
