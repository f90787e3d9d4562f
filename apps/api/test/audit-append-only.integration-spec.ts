/**
 * The audit log is append-only: the service only inserts; every TypeORM path that would update or
 * delete a record fails (repository, query builder, raw SQL); on SQLite the database refuses it too
 * (triggers); on MySQL the application's own database user, with the grants `db:grants` prints, can
 * insert and read audit records but not change or delete them.
 */
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogTamperingError } from '../src/modules/audit/audit-append-only.subscriber';
import { AuditService } from '../src/modules/audit/audit.service';
import { appUserGrants, schemaTables } from '../src/modules/audit/db-grants';
import { AuditLog } from '../src/modules/audit/entities/audit-log.entity';
import { createTestApp, testConfig, testDatabases, type TestApp } from './support/test-app';

describe.each(testDatabases())('append-only audit log on $name', ({ name, config }) => {
  let t: TestApp;
  let db: ReturnType<typeof config>;
  let id: number;

  beforeAll(async () => {
    db = config();
    t = await createTestApp(testConfig(db));
    await t.app.get(AuditService).record({ action: 'export', objectType: 'test', objectId: 'x', detail: { rows: 1 } });
    id = (await t.dataSource.getRepository(AuditLog).findOneByOrFail({ objectType: 'test' })).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('offers no way to change or delete a record', () => {
    const methods = Object.getOwnPropertyNames(AuditService.prototype).filter((m) => m !== 'constructor');
    expect(methods.sort()).toEqual(['record', 'search']);
  });

  it('refuses updates and deletes through the repository, the query builder and raw SQL', async () => {
    const repo = t.dataSource.getRepository(AuditLog);
    await expect(repo.update({ id }, { result: 'failure' })).rejects.toThrow(AuditLogTamperingError);
    await expect(repo.delete({ id })).rejects.toThrow(AuditLogTamperingError);
    const row = await repo.findOneByOrFail({ id });
    row.result = 'failure';
    await expect(repo.save(row)).rejects.toThrow(AuditLogTamperingError);
    await expect(repo.remove(row)).rejects.toThrow(AuditLogTamperingError);
    await expect(t.dataSource.createQueryBuilder().update(AuditLog).set({ result: 'failure' }).execute()).rejects.toThrow(AuditLogTamperingError);
    await expect(t.dataSource.createQueryBuilder().delete().from(AuditLog).execute()).rejects.toThrow(AuditLogTamperingError);
    await expect(t.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(AuditLogTamperingError);
    await expect(t.dataSource.query(`UPDATE audit_log SET result = 'failure'`)).rejects.toThrow(AuditLogTamperingError);
    expect((await repo.findOneByOrFail({ id })).result).toBe('success');
  });

  // Registered only on the driver it is about (no skipped test on the other).
  if (name === 'sqlite') it('is protected by the embedded database itself (triggers), below the application', () => {
    if (db.driver !== 'sqlite') return;
    const raw = new Database(db.file);
    try {
      expect(() => raw.prepare(`UPDATE audit_log SET result = 'failure' WHERE id = ?`).run(id)).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM audit_log WHERE id = ?').run(id)).toThrow(/append-only/);
      expect(raw.prepare('SELECT result FROM audit_log WHERE id = ?').get(id)).toEqual({ result: 'success' });
    } finally {
      raw.close();
    }
  });

  // Registered only on the driver it is about (no skipped test on the other).
  if (name === 'mysql') it('with the documented grants, the application’s database user can insert and read audit records but not change them', async () => {
    if (db.driver !== 'mysql') return;
    const url = new URL(db.url);
    const database = url.pathname.slice(1);
    const user = `im_app_${randomBytes(3).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    const admin = await createConnection({ uri: db.url });
    try {
      await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
      await admin.query(`CREATE USER '${user}'@'localhost' IDENTIFIED BY '${password}'`);
      for (const host of ['%', 'localhost']) for (const grant of appUserGrants(database, schemaTables(t.dataSource), user, host)) await admin.query(grant);
      const app = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user, password, database });
      try {
        await app.query(`INSERT INTO audit_log (occurred_at, action, result) VALUES (UTC_TIMESTAMP(), 'export', 'success')`);
        const [rows] = await app.query('SELECT COUNT(*) AS n FROM audit_log');
        expect(Number((rows as { n: number }[])[0].n)).toBeGreaterThanOrEqual(2);
        await expect(app.query(`UPDATE audit_log SET result = 'failure' WHERE id = ${id}`)).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
        await expect(app.query(`DELETE FROM audit_log WHERE id = ${id}`)).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
        await expect(app.query('TRUNCATE TABLE audit_log')).rejects.toMatchObject({ code: expect.stringMatching(/ER_TABLEACCESS_DENIED_ERROR|ER_DBACCESS_DENIED_ERROR/) });
        await expect(app.query('DROP TABLE audit_log')).rejects.toMatchObject({ code: expect.stringMatching(/DENIED/) });
        // Ordinary tables stay writable for the application.
        await app.query(`UPDATE app_user SET display_name = display_name WHERE id = 0`);
      } finally {
        await app.end();
      }
      expect((await t.dataSource.getRepository(AuditLog).findOneByOrFail({ id })).result).toBe('success');
    } finally {
      await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
      await admin.query(`DROP USER IF EXISTS '${user}'@'localhost'`);
      await admin.end();
    }
  });
});
