/**
 * Every audited action produces exactly one audit record — with who, when (UTC), the client IP, the
 * object, the result, and the file SHA-256 for uploads and exports: login success / failure /
 * throttled, logout, password and profile changes, user creation / change / password reset, upload
 * validate / commit / rollback, plan, target and annual-target changes and imports, and exports.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAction, AuditResult } from '@im/contracts';
import { loadSecurityConfig } from '../src/core/security/security-config';
import { AuditLog } from '../src/modules/audit/entities/audit-log.entity';
import { createTestApp, loginAs, TEST_PASSWORD, testConfig, testDatabases, type AuthedAgent, type TestApp } from './support/test-app';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const FIXTURE = readFileSync(join(__dirname, 'fixtures/csv/ok/long-template-bom-yiyuan.csv'));

describe.each(testDatabases())('audit completeness on $name', ({ config }) => {
  let t: TestApp;
  let admin: AuthedAgent;
  let stats: AuthedAgent;
  const http = () => request(t.app.getHttpServer());

  /** Runs `act` and returns the audit records it added (expects exactly one, of `action`). */
  async function one(action: AuditAction, act: () => Promise<unknown>, expected: { result?: AuditResult; username?: string | null; objectId?: string } = {}): Promise<AuditLog> {
    const repo = t.dataSource.getRepository(AuditLog);
    const before = (await repo.maximum('id')) ?? 0;
    await act();
    const added = await repo.createQueryBuilder('a').where('a.id > :before', { before }).orderBy('a.id', 'ASC').getMany();
    expect(added.map((a) => `${a.action}:${a.result}`), action).toEqual([`${action}:${expected.result ?? 'success'}`]);
    const [record] = added;
    if (expected.username !== undefined) expect(record.username).toBe(expected.username);
    if (expected.objectId !== undefined) expect(record.objectId).toBe(expected.objectId);
    expect(Math.abs(new Date(record.occurredAt).getTime() - Date.now())).toBeLessThan(60_000);
    return record;
  }

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'im-audit-'));
    const security = loadSecurityConfig({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '2' }, []);
    t = await createTestApp(testConfig(config(), { dataDir, security }), { seed: true, users: 'standard' });
    admin = await loginAs(t.app, 'admin');
    stats = await loginAs(t.app, 'stats');
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('sign-in and own account', () => {
    it('login success, failure and throttled: one record each, with user, IP and correlation id', async () => {
      const ok = await one('auth.login', () => loginAs(t.app, 'mayor'), { username: 'mayor' });
      expect(ok.userId).toBeGreaterThan(0);
      expect(ok.role).toBe('leader');
      expect(ok.ip).toMatch(/127\.0\.0\.1|::1/);
      expect(ok.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      const bad = await one('auth.login', () => http().post('/api/auth/login').send({ username: 'gxj', password: 'wrong' }).expect(401), { result: 'failure', username: 'gxj' });
      expect(JSON.parse(bad.detail!)).toEqual({ reason: 'wrong_password' });
      expect(bad.detail).not.toContain('wrong"');
      await one('auth.login', () => http().post('/api/auth/login').send({ username: 'ghost', password: 'x' }).expect(401), { result: 'failure', username: 'ghost' });
      await one('auth.login', () => http().post('/api/auth/login').send({ username: 'gxj', password: 'wrong2' }).expect(401), { result: 'failure' });
      await one('auth.login', () => http().post('/api/auth/login').send({ username: 'gxj', password: TEST_PASSWORD }).expect(429), { result: 'throttled', username: 'gxj' });
    });

    it('logout, profile and password changes', async () => {
      const huli = await loginAs(t.app, 'huli');
      await one('auth.profile_update', () => huli.patch('/api/auth/me').send({ displayName: '湖里区工信局' }).expect(200), { username: 'huli' });
      const changed = await one('auth.password_change', () => huli.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'Another-Passw0rd' }).expect(200), { username: 'huli' });
      expect(changed.detail).toBeNull();
      const again = await loginAs(t.app, 'huli', 'Another-Passw0rd');
      await one('auth.logout', () => again.post('/api/auth/logout').expect(204), { username: 'huli' });
    });
  });

  describe('users and roles', () => {
    it('creation, change (old → new) and password reset, by the admin', async () => {
      let id = 0;
      const created = await one(
        'user.create',
        async () => (id = (await admin.post('/api/users').send({ username: 'jimei01', displayName: '集美区', password: 'Jimei-Passw0rd', role: 'district', districtCode: 'xm.jimei' }).expect(201)).body.id),
        { username: 'admin' },
      );
      expect(created.objectId).toBe(String(id));
      expect(created.detail).not.toMatch(/Jimei-Passw0rd/);
      const updated = await one('user.update', () => admin.patch(`/api/users/${id}`).send({ role: 'leader' }).expect(200), { objectId: String(id) });
      expect(JSON.parse(updated.detail!).changes).toEqual({ role: { from: 'district', to: 'leader' }, district: { from: 'xm.jimei', to: null } });
      const reset = await one('user.password_reset', () => admin.post(`/api/users/${id}/password`).send({ password: 'Reset-Passw0rd9' }).expect(200), { objectId: String(id) });
      expect(reset.detail).not.toMatch(/Reset-Passw0rd9/);
    });
  });

  describe('uploads', () => {
    it('validate, commit and rollback: one record each, with the file’s SHA-256; exports of the raw file and the errors file too', async () => {
      let id = 0;
      const validated = await one(
        'upload.validate',
        async () => (id = (await stats.post('/api/uploads').attach('file', FIXTURE, { filename: 'data.csv', contentType: 'text/csv' }).expect(201)).body.batch.id),
        { username: 'stats' },
      );
      expect(validated.fileSha256).toBe(sha256(FIXTURE));
      expect(validated.objectId).toBe(String(id));
      const committed = await one('upload.commit', () => stats.post(`/api/uploads/${id}/commit`).send({}).expect(200), { username: 'stats', objectId: String(id) });
      expect(committed.fileSha256).toBe(sha256(FIXTURE));
      const raw = await one('export', () => stats.get(`/api/uploads/${id}/raw`).expect(200), { objectId: String(id) });
      expect([raw.objectType, raw.fileSha256]).toEqual(['upload_raw', sha256(FIXTURE)]);
      const errors = await one('export', () => admin.get(`/api/uploads/${id}/errors.csv`).expect(200), { username: 'admin' });
      expect(errors.objectType).toBe('upload_errors');
      const rolledBack = await one('upload.rollback', () => stats.post(`/api/uploads/${id}/rollback`).send({}).expect(200), { username: 'stats', objectId: String(id) });
      expect(rolledBack.fileSha256).toBe(sha256(FIXTURE));
      await one('upload.rollback', () => stats.post(`/api/uploads/${id}/rollback`).send({}).then((r) => expect(r.status).toBeGreaterThanOrEqual(400)), { result: 'failure' });
    });

    it('records a rejected file as a failed validation', async () => {
      const bad = Buffer.from('这不是,一个\n数据文件,\n', 'utf8');
      const record = await one('upload.validate', () => stats.post('/api/uploads').attach('file', bad, { filename: 'bad.csv', contentType: 'text/csv' }), { result: 'failure' });
      expect(record.fileSha256).toBe(sha256(bad));
    });
  });

  describe('plans and targets', () => {
    const PLAN = 'audit-plan';

    it('plan create, update, delete', async () => {
      await one('plan.create', () => admin.post('/api/plans').send({ code: PLAN, name: '审计测试规划', startYear: 2026, endYear: 2030 }).expect(201), { objectId: PLAN });
      const updated = await one('plan.update', () => admin.patch(`/api/plans/${PLAN}`).send({ name: '审计测试规划（修订）' }).expect(200), { objectId: PLAN });
      expect(JSON.parse(updated.detail!).changes).toEqual({ name: { from: '审计测试规划', to: '审计测试规划（修订）' } });
      await one('plan.delete', () => admin.delete(`/api/plans/${PLAN}`).expect(204), { objectId: PLAN });
    });

    it('target create, update, delete and annual targets', async () => {
      const target = { code: 'xm-sei-14.audit', name: '审计测试目标', subjectType: 'city', indicatorCode: 'hnte_count', kind: 'count', targetValue: '10', targetYear: 2025, unit: '家' };
      await one('target.create', () => admin.post('/api/plans/xm-sei-14/targets').send(target).expect(201), { objectId: 'xm-sei-14/xm-sei-14.audit' });
      await one('target.update', () => admin.patch('/api/plans/xm-sei-14/targets/xm-sei-14.audit').send({ targetValue: '12' }).expect(200));
      await one('annual_target.set', () => admin.put('/api/plans/xm-sei-14/targets/xm-sei-14.bio-scale/annual/2023').send({ value: '1000' }).expect(200));
      await one('annual_target.delete', () => admin.delete('/api/plans/xm-sei-14/targets/xm-sei-14.bio-scale/annual/2023').expect(204));
      await one('target.delete', () => admin.delete('/api/plans/xm-sei-14/targets/xm-sei-14.audit').expect(204));
    });

    it('targets export and import (with the file’s SHA-256); a dry run changes nothing and records nothing', async () => {
      let csv = '';
      const exported = await one('export', async () => (csv = (await admin.get('/api/plans/xm-sei-14/targets.csv').expect(200)).text), { objectId: 'xm-sei-14' });
      expect(exported.fileSha256).toBe(sha256(csv));
      const file = Buffer.from(csv.replace('7000', '7100'), 'utf8');
      const repo = t.dataSource.getRepository(AuditLog);
      const before = await repo.count();
      await admin.post('/api/plans/xm-sei-14/targets/import?dryRun=true').attach('file', file, 'targets.csv').expect(200);
      expect(await repo.count()).toBe(before);
      const imported = await one('target.import', () => admin.post('/api/plans/xm-sei-14/targets/import').attach('file', file, 'targets.csv').expect(200), { objectId: 'xm-sei-14' });
      expect(imported.fileSha256).toBe(sha256(file));
      expect(JSON.parse(imported.detail!)).toMatchObject({ updated: 1, inserted: 0 });
    });
  });

  describe('refused actions', () => {
    it('change nothing and write no record of a change', async () => {
      const repo = t.dataSource.getRepository(AuditLog);
      const before = await repo.count();
      const mayor = await loginAs(t.app, 'mayor');
      const afterLogin = await repo.count();
      await mayor.post('/api/plans').send({ code: 'sneaky', name: 'x', startYear: 2026, endYear: 2030 }).expect(403);
      await mayor.post('/api/users').send({ username: 'sneaky', displayName: 'x', password: 'Sneak-Passw0rd1', role: 'admin' }).expect(403);
      await stats.post('/api/plans').send({ code: 'sneaky', name: 'x', startYear: 2026, endYear: 2030, createdBy: 1 }).expect(403);
      expect(afterLogin - before).toBe(1);
      expect(await repo.count()).toBe(afterLogin);
    });
  });
});
