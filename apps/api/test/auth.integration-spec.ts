/**
 * Sessions, login, throttling, CSRF, password change and the users admin API against the real
 * application on each database: HttpOnly SameSite cookie, server-side sessions that logout,
 * password change and deactivation end, idle and absolute timeouts, 429 after too many failures.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecordDto, AuthSessionDto, UserDto } from '@im/contracts';
import { AuditLog } from '../src/modules/audit/entities/audit-log.entity';
import { LoginAttempt } from '../src/modules/auth/entities/login-attempt.entity';
import { UserSession } from '../src/modules/auth/entities/user-session.entity';
import { User } from '../src/modules/users/entities/user.entity';
import { createTestApp, loginAs, TEST_PASSWORD, testConfig, testDatabases, type TestApp } from './support/test-app';

const http = (t: TestApp) => request(t.app.getHttpServer());

async function auditOf(t: TestApp, action: string): Promise<AuditLog[]> {
  return t.dataSource.getRepository(AuditLog).find({ where: { action: action as AuditLog['action'] }, order: { id: 'ASC' } });
}

describe.each(testDatabases())('auth and sessions on $name', ({ config }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(testConfig(config()), { seed: true, users: 'standard' });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('POST /api/auth/login', () => {
    it('sets an HttpOnly SameSite=Strict session cookie and returns the user, the CSRF token and the session times', async () => {
      const res = await http(t).post('/api/auth/login').send({ username: 'huli', password: TEST_PASSWORD }).expect(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^im_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Expires|Max-Age/); // a browser-session cookie; the server enforces the timeouts
      const body = res.body as AuthSessionDto;
      expect(body.user).toMatchObject({ username: 'huli', role: 'district', district: { code: 'xm.huli', name: '湖里区' }, capabilities: ['data.read'] });
      expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(body.session.idleTimeoutMinutes).toBe(30);
      expect(Date.parse(body.session.expiresAt) - Date.now()).toBeGreaterThan(11.9 * 3_600_000);
      expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash/);
    });

    it('stores only the SHA-256 of the session token, never the token', async () => {
      const res = await http(t).post('/api/auth/login').send({ username: 'mayor', password: TEST_PASSWORD }).expect(200);
      const token = /im_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1];
      const rows = await t.dataSource.getRepository(UserSession).find();
      expect(rows.some((r) => r.id === token)).toBe(false);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
    });

    it('gives the same answer for an unknown name and a wrong password', async () => {
      const unknown = await http(t).post('/api/auth/login').send({ username: 'nobody', password: 'x' }).expect(401);
      const wrong = await http(t).post('/api/auth/login').send({ username: 'stats', password: 'wrong' }).expect(401);
      expect(unknown.body.code).toBe('AUTH_INVALID_CREDENTIALS');
      expect(wrong.body.message).toBe(unknown.body.message);
      expect(unknown.headers['set-cookie']).toBeUndefined();
    });

    it('refuses unknown fields and missing ones with 400', async () => {
      await http(t).post('/api/auth/login').send({ username: 'stats', password: TEST_PASSWORD, role: 'admin' }).expect(400);
      await http(t).post('/api/auth/login').send({ username: 'stats' }).expect(400);
    });

    it('refuses a login posted from a foreign origin (login CSRF)', async () => {
      const res = await http(t).post('/api/auth/login').set('Origin', 'https://evil.example').send({ username: 'stats', password: TEST_PASSWORD }).expect(403);
      expect(res.body.code).toBe('AUTH_ORIGIN_REJECTED');
    });

    it('gives a new session on every login (no session fixation)', async () => {
      const a = await loginAs(t.app, 'stats');
      const b = await loginAs(t.app, 'stats');
      expect(a.csrfToken).not.toBe(b.csrfToken);
      await a.get('/api/auth/me').expect(200);
      await b.get('/api/auth/me').expect(200);
    });
  });

  describe('GET /api/auth/me', () => {
    it('answers 401 without a session and 200 with one', async () => {
      const anon = await http(t).get('/api/auth/me').expect(401);
      expect(anon.body).toMatchObject({ code: 'AUTH_REQUIRED' });
      expect(anon.body.correlationId).toBeTruthy();
      const gxj = await loginAs(t.app, 'gxj');
      const me = (await gxj.get('/api/auth/me').expect(200)).body as AuthSessionDto;
      expect(me.user.leadIndustries.map((i) => i.code)).toEqual(['sei.ngit', 'xm446.pillar.electronics']);
      expect(me.csrfToken).toBe(gxj.csrfToken);
    });

    it('answers 401 to a forged cookie', async () => {
      await http(t).get('/api/auth/me').set('Cookie', `im_session=${'A'.repeat(43)}`).expect(401);
    });
  });

  describe('CSRF', () => {
    it('refuses a state-changing request without the CSRF header, or with a wrong one, with 403', async () => {
      const stats = await loginAs(t.app, 'stats');
      const missing = await stats.raw.patch('/api/auth/me').send({ displayName: '统计局' }).expect(403);
      expect(missing.body.code).toBe('AUTH_CSRF_INVALID');
      await stats.raw.patch('/api/auth/me').set('X-CSRF-Token', 'x'.repeat(43)).send({ displayName: '统计局' }).expect(403);
      const other = await loginAs(t.app, 'mayor');
      await stats.raw.patch('/api/auth/me').set('X-CSRF-Token', other.csrfToken).send({ displayName: '统计局' }).expect(403);
      expect((await t.dataSource.getRepository(User).findOneByOrFail({ username: 'stats' })).displayName).toBe('stats');
      await stats.patch('/api/auth/me').send({ displayName: '市统计局' }).expect(200);
    });

    it('refuses a request with the right token from a foreign origin', async () => {
      const stats = await loginAs(t.app, 'stats');
      const res = await stats.patch('/api/auth/me').set('Origin', 'https://evil.example').send({ displayName: 'x' }).expect(403);
      expect(res.body.code).toBe('AUTH_ORIGIN_REJECTED');
      await stats.patch('/api/auth/me').set('Sec-Fetch-Site', 'cross-site').send({ displayName: 'x' }).expect(403);
    });

    it('does not need the token for reads', async () => {
      const stats = await loginAs(t.app, 'stats');
      await stats.raw.get('/api/auth/me').expect(200);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('ends the session on the server: the old cookie no longer works', async () => {
      const mayor = await loginAs(t.app, 'mayor');
      const cookie = (await mayor.get('/api/auth/me').expect(200)).request.cookies;
      expect(cookie).toMatch(/im_session=/);
      const res = await mayor.post('/api/auth/logout').expect(204);
      expect(String(res.headers['set-cookie'])).toMatch(/im_session=;/);
      await mayor.get('/api/auth/me').expect(401);
      // Replaying the old cookie (as a stolen copy would) does not work either.
      await http(t).get('/api/auth/me').set('Cookie', cookie).expect(401);
    });
  });

  describe('timeouts', () => {
    it('ends a session idle for longer than the idle timeout', async () => {
      const huli = await loginAs(t.app, 'huli');
      const repo = t.dataSource.getRepository(UserSession);
      const [row] = await repo.find({ where: { csrfToken: huli.csrfToken } });
      await repo.update({ id: row.id }, { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
      const res = await huli.get('/api/auth/me').expect(401);
      expect(res.body.code).toBe('AUTH_SESSION_EXPIRED');
      expect(await repo.countBy({ id: row.id })).toBe(0);
    });

    it('ends a session after the absolute timeout even when active', async () => {
      const huli = await loginAs(t.app, 'huli');
      const repo = t.dataSource.getRepository(UserSession);
      const [row] = await repo.find({ where: { csrfToken: huli.csrfToken } });
      await repo.update({ id: row.id }, { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() });
      await huli.get('/api/auth/me').expect(401);
    });

    it('keeps an active session alive (last seen is refreshed)', async () => {
      const huli = await loginAs(t.app, 'huli');
      const repo = t.dataSource.getRepository(UserSession);
      const [row] = await repo.find({ where: { csrfToken: huli.csrfToken } });
      await repo.update({ id: row.id }, { lastSeenAt: new Date(Date.now() - 20 * 60_000) });
      await huli.get('/api/auth/me').expect(200);
      const after = await repo.findOneByOrFail({ id: row.id });
      expect(Date.now() - new Date(after.lastSeenAt).getTime()).toBeLessThan(60_000);
    });
  });

  describe('POST /api/auth/password', () => {
    it('refuses a wrong current password and a weak new one, changing nothing', async () => {
      const gxj = await loginAs(t.app, 'gxj');
      const wrong = await gxj.post('/api/auth/password').send({ currentPassword: 'nope', newPassword: 'New-Passw0rd!x' }).expect(400);
      expect(wrong.body.code).toBe('AUTH_WRONG_CURRENT_PASSWORD');
      const weak = await gxj.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'short' }).expect(400);
      expect(weak.body.code).toBe('AUTH_WEAK_PASSWORD');
      await gxj.get('/api/auth/me').expect(200);
    });

    it('ends every session of the user (other devices too) and gives this browser a new one', async () => {
      const laptop = await loginAs(t.app, 'gxj');
      const phone = await loginAs(t.app, 'gxj');
      const res = await laptop.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'New-Passw0rd-2026' }).expect(200);
      expect(String(res.headers['set-cookie'])).toMatch(/im_session=[A-Za-z0-9_-]{43}/);
      await phone.get('/api/auth/me').expect(401);
      // The laptop's agent picked up the new cookie; the old CSRF token belongs to the ended session.
      const me = (await laptop.raw.get('/api/auth/me').expect(200)).body as AuthSessionDto;
      expect(me.csrfToken).toBe((res.body as AuthSessionDto).csrfToken);
      await laptop.raw.patch('/api/auth/me').set('X-CSRF-Token', laptop.csrfToken).send({ displayName: 'x' }).expect(403);
      await http(t).post('/api/auth/login').send({ username: 'gxj', password: TEST_PASSWORD }).expect(401);
      await loginAs(t.app, 'gxj', 'New-Passw0rd-2026');
    });
  });

  describe('PATCH /api/auth/me (mass assignment)', () => {
    it.each([['role', 'admin'], ['districtCode', 'xm.siming'], ['createdBy', 1], ['isDemo', true], ['active', true], ['passwordHash', 'x']])(
      'refuses %s in the body with 400 and changes nothing',
      async (field, value) => {
        const huli = await loginAs(t.app, 'huli');
        const res = await huli.patch('/api/auth/me').send({ displayName: '湖里', [field]: value }).expect(400);
        expect(res.body.message).toContain(field);
        const user = await t.dataSource.getRepository(User).findOneByOrFail({ username: 'huli' });
        expect([user.role, user.displayName, user.isDemo]).toEqual(['district', 'huli', false]);
      },
    );
  });

  describe('login throttling', () => {
    it('answers 429 with Retry-After after 5 failures for one account, even with the right password, and audits each attempt', async () => {
      const before = (await auditOf(t, 'auth.login')).length;
      for (let i = 0; i < 5; i++) await http(t).post('/api/auth/login').send({ username: 'admin', password: `wrong-${i}` }).expect(401);
      const res = await http(t).post('/api/auth/login').send({ username: 'admin', password: TEST_PASSWORD }).expect(429);
      expect(res.body.code).toBe('AUTH_THROTTLED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
      expect(res.headers['set-cookie']).toBeUndefined();
      const records = (await auditOf(t, 'auth.login')).slice(before);
      expect(records.map((r) => r.result)).toEqual(['failure', 'failure', 'failure', 'failure', 'failure', 'throttled']);
      // Other accounts are not affected.
      await loginAs(t.app, 'stats');
      // Once the failures leave the window the account works again.
      await t.dataSource.getRepository(LoginAttempt).update({ username: 'admin' }, { attemptedAt: new Date(Date.now() - 16 * 60_000) });
      await loginAs(t.app, 'admin');
    });

    it('answers 429 per IP address after 30 failures across many names', async () => {
      const attempts = t.dataSource.getRepository(LoginAttempt);
      await attempts.update({ success: false }, { attemptedAt: new Date(Date.now() - 16 * 60_000) });
      for (let i = 0; i < 30; i++) await http(t).post('/api/auth/login').set('X-Forwarded-For', '203.0.113.9').send({ username: `spray${i}`, password: 'x' }).expect(401);
      // Without TRUST_PROXY the header is ignored: all came from the test client's own address.
      const res = await http(t).post('/api/auth/login').send({ username: 'mayor', password: TEST_PASSWORD }).expect(429);
      expect(res.body.code).toBe('AUTH_THROTTLED');
      await attempts.update({ success: false }, { attemptedAt: new Date(Date.now() - 16 * 60_000) });
      await loginAs(t.app, 'mayor');
    });
  });

  describe('users admin API', () => {
    it('creates a district user with a district, lists and reads it, never exposing the hash', async () => {
      const admin = await loginAs(t.app, 'admin');
      const created = (await admin.post('/api/users').send({ username: 'Siming01', displayName: '思明区', password: 'Siming-Passw0rd', role: 'district', districtCode: 'xm.siming' }).expect(201)).body as UserDto;
      expect(created).toMatchObject({ username: 'siming01', role: 'district', district: { code: 'xm.siming' }, active: true, isDemo: false });
      const list = (await admin.get('/api/users?role=district').expect(200)).body as UserDto[];
      expect(list.map((u) => u.username)).toEqual(expect.arrayContaining(['huli', 'siming01']));
      expect(JSON.stringify(list)).not.toMatch(/argon2|passwordHash|password_hash/);
      await admin.get(`/api/users/${created.id}`).expect(200);
      await admin.get('/api/users/999999').expect(404);
      await admin.get('/api/users/abc').expect(404);
    });

    it.each([
      ['isDemo', true],
      ['createdBy', 1],
      ['passwordHash', '$argon2id$x'],
      ['id', 77],
      ['active', false],
    ])('refuses %s in a create body with 400 and creates nothing', async (field, value) => {
      const admin = await loginAs(t.app, 'admin');
      const res = await admin.post('/api/users').send({ username: 'massassign', displayName: 'x', password: 'Mass-Passw0rd1', role: 'leader', [field]: value }).expect(400);
      expect(res.body.message).toContain(field);
      expect(await t.dataSource.getRepository(User).countBy({ username: 'massassign' })).toBe(0);
    });

    it('checks role-specific fields: a district user needs a district, others cannot have one; a lead unit needs industries', async () => {
      const admin = await loginAs(t.app, 'admin');
      expect((await admin.post('/api/users').send({ username: 'd1', displayName: 'x', password: 'Dist-Passw0rd1', role: 'district' }).expect(400)).body.code).toBe('USERS_DISTRICT_REQUIRED');
      expect((await admin.post('/api/users').send({ username: 'd2', displayName: 'x', password: 'Dist-Passw0rd1', role: 'leader', districtCode: 'xm.huli' }).expect(400)).body.code).toBe('USERS_SCOPE_NOT_APPLICABLE');
      expect((await admin.post('/api/users').send({ username: 'd3', displayName: 'x', password: 'Dist-Passw0rd1', role: 'district', districtCode: 'xm.park.nowhere' }).expect(400)).body.code).toBe('USERS_DISTRICT_NOT_FOUND');
      expect((await admin.post('/api/users').send({ username: 'l1', displayName: 'x', password: 'Lead-Passw0rd1', role: 'lead_unit' }).expect(400)).body.code).toBe('USERS_INDUSTRIES_REQUIRED');
      expect((await admin.post('/api/users').send({ username: 'l2', displayName: 'x', password: 'Lead-Passw0rd1', role: 'lead_unit', leadIndustryCodes: ['sei.nope'] }).expect(400)).body.code).toBe('USERS_INDUSTRY_NOT_FOUND');
      expect((await admin.post('/api/users').send({ username: 'w1', displayName: 'x', password: 'weakweakweak', role: 'leader' }).expect(400)).body.code).toBe('USERS_WEAK_PASSWORD');
      expect((await admin.post('/api/users').send({ username: 'x1', displayName: 'x', password: 'Demo@Xiamen2025', role: 'leader' }).expect(400)).body.code).toBe('USERS_WEAK_PASSWORD');
      expect((await admin.post('/api/users').send({ username: 'huli', displayName: 'x', password: 'Dist-Passw0rd1', role: 'leader' }).expect(409)).body.code).toBe('USERS_USERNAME_TAKEN');
    });

    it('a role change ends the user’s sessions and takes effect at once; the change is audited with old → new', async () => {
      const admin = await loginAs(t.app, 'admin');
      const created = (await admin.post('/api/users').send({ username: 'rolechange', displayName: 'x', password: 'Role-Passw0rd1', role: 'leader' }).expect(201)).body as UserDto;
      const victim = await loginAs(t.app, 'rolechange', 'Role-Passw0rd1');
      await victim.get('/api/auth/me').expect(200);
      const updated = (await admin.patch(`/api/users/${created.id}`).send({ role: 'district', districtCode: 'xm.jimei' }).expect(200)).body as UserDto;
      expect(updated).toMatchObject({ role: 'district', district: { code: 'xm.jimei' } });
      await victim.get('/api/auth/me').expect(401);
      const [record] = (await auditOf(t, 'user.update')).filter((r) => r.objectId === String(created.id));
      expect(JSON.parse(record.detail!)).toMatchObject({ changes: { role: { from: 'leader', to: 'district' }, district: { from: null, to: 'xm.jimei' } }, sessionsEnded: true });
      // Back to leader: the district is cleared automatically.
      const back = (await admin.patch(`/api/users/${created.id}`).send({ role: 'leader' }).expect(200)).body as UserDto;
      expect(back.district).toBeNull();
    });

    it('deactivation ends the sessions and the user cannot sign in; an admin cannot demote or deactivate themselves', async () => {
      const admin = await loginAs(t.app, 'admin');
      const created = (await admin.post('/api/users').send({ username: 'leaver', displayName: 'x', password: 'Leave-Passw0rd1', role: 'leader' }).expect(201)).body as UserDto;
      const leaver = await loginAs(t.app, 'leaver', 'Leave-Passw0rd1');
      await admin.patch(`/api/users/${created.id}`).send({ active: false }).expect(200);
      await leaver.get('/api/auth/me').expect(401);
      await http(t).post('/api/auth/login').send({ username: 'leaver', password: 'Leave-Passw0rd1' }).expect(401);
      const self = admin.session.user.id;
      expect((await admin.patch(`/api/users/${self}`).send({ active: false }).expect(409)).body.code).toBe('USERS_SELF_CHANGE');
      expect((await admin.patch(`/api/users/${self}`).send({ role: 'leader' }).expect(409)).body.code).toBe('USERS_SELF_CHANGE');
    });

    it('refuses role, unknown and mass-assignment fields in an update body', async () => {
      const admin = await loginAs(t.app, 'admin');
      const huli = (await admin.get('/api/users?q=huli').expect(200)).body as UserDto[];
      const id = huli.find((u) => u.username === 'huli')!.id;
      await admin.patch(`/api/users/${id}`).send({ isDemo: true }).expect(400);
      await admin.patch(`/api/users/${id}`).send({ username: 'renamed' }).expect(400);
      await admin.patch(`/api/users/${id}`).send({ role: 'superuser' }).expect(400);
      expect((await t.dataSource.getRepository(User).findOneByOrFail({ id })).username).toBe('huli');
    });

    it('an admin password reset ends the user’s sessions and the new password works', async () => {
      const admin = await loginAs(t.app, 'admin');
      const created = (await admin.post('/api/users').send({ username: 'forgetful', displayName: 'x', password: 'Forget-Passw0rd1', role: 'leader' }).expect(201)).body as UserDto;
      const user = await loginAs(t.app, 'forgetful', 'Forget-Passw0rd1');
      await admin.post(`/api/users/${created.id}/password`).send({ password: 'Reset-Passw0rd2' }).expect(200);
      await user.get('/api/auth/me').expect(401);
      await loginAs(t.app, 'forgetful', 'Reset-Passw0rd2');
      const [record] = (await auditOf(t, 'user.password_reset')).filter((r) => r.objectId === String(created.id));
      expect(record.detail).not.toMatch(/Reset-Passw0rd2/);
    });

    it('is for admins only', async () => {
      for (const name of ['stats', 'mayor', 'gxj', 'huli', 'norole']) {
        const agent = await loginAs(t.app, name, name === 'gxj' ? 'New-Passw0rd-2026' : TEST_PASSWORD); // gxj changed it above
        await agent.get('/api/users').expect(403);
        await agent.post('/api/users').send({ username: 'sneaky', displayName: 'x', password: 'Sneak-Passw0rd1', role: 'admin' }).expect(403);
      }
      await http(t).get('/api/users').expect(401);
      expect(await t.dataSource.getRepository(User).countBy({ username: 'sneaky' })).toBe(0);
    });
  });

  describe('audit search', () => {
    it('finds the records of one user and action, newest first, for admins only', async () => {
      const admin = await loginAs(t.app, 'admin');
      const page = (await admin.get('/api/audit?action=auth.login&username=huli&pageSize=5').expect(200)).body as { items: AuditRecordDto[]; total: number };
      expect(page.total).toBeGreaterThan(2);
      expect(page.items.length).toBeLessThanOrEqual(5);
      expect(page.items.every((r) => r.action === 'auth.login' && r.username === 'huli')).toBe(true);
      expect(page.items[0].id).toBeGreaterThan(page.items[1].id);
      expect(page.items[0].ip).toBeTruthy();
      expect(page.items[0].occurredAt).toMatch(/Z$/);
      await admin.get('/api/audit?action=nope').expect(400);
      await admin.get('/api/audit?pageSize=1000').expect(400);
      const stats = await loginAs(t.app, 'stats');
      await stats.get('/api/audit').expect(403);
    });
  });
});
