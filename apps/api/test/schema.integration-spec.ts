import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource, pendingSchemaChanges } from '../src/core/database/data-source';
import { emptyDatabase, testDatabases } from './support/test-app';

describe.each(testDatabases())('schema on $name', ({ config }) => {
  let ds: DataSource;

  beforeAll(async () => {
    const db = config();
    await emptyDatabase(db);
    ds = createDataSource(db);
    await ds.initialize();
  });
  afterAll(() => ds?.destroy());

  it('migrations produce exactly the schema the entities describe', async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.length).toBe(ds.migrations.length);
    expect(await pendingSchemaChanges(ds)).toEqual([]);
  });

  it('every migration reverts and re-applies cleanly', async () => {
    for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const tables = await ds.createQueryRunner().getTables(['observation', 'series', 'region']);
    expect(tables).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await pendingSchemaChanges(ds)).toEqual([]);
  });

  it('keeps plans data when the target foreign keys are reverted and re-applied, and then refuses to delete a measured catalog row', async () => {
    const one = async (sql: string) => Number(((await ds.query(sql)) as { n: number | string }[])[0].n);
    await ds.query(`INSERT INTO indicator (code, name, unit, kind, decimals) VALUES ('t_fk', 'fk', '万元', 'flow', 2)`);
    await ds.query(`INSERT INTO region (code, type, name, district_verified) VALUES ('t_fk_city', 'city', 't', 1)`);
    await ds.query(`INSERT INTO plan (code, name, start_year, end_year) VALUES ('t-fk', 'fk plan', 2021, 2025)`);
    await ds.query(
      `INSERT INTO target (plan_id, code, name, subject_type, region_id, indicator_id, kind, comparator, target_value, target_year, unit)
       SELECT p.id, 't-fk.a', 'fk target', 'city', r.id, i.id, 'level', 'gte', 10, 2025, '亿元' FROM plan p, region r, indicator i WHERE p.code = 't-fk' AND r.code = 't_fk_city' AND i.code = 't_fk'`,
    );
    await ds.query(`INSERT INTO annual_target (target_id, year, value) SELECT id, 2023, 5 FROM target WHERE code = 't-fk.a'`);
    const last = ds.migrations[ds.migrations.length - 1].name ?? '';
    expect(last).toMatch(/^TargetForeignKeys/);
    await ds.undoLastMigration({ transaction: 'each' });
    await ds.runMigrations({ transaction: 'each' });
    expect(await one(`SELECT COUNT(*) AS n FROM annual_target a JOIN target t ON t.id = a.target_id WHERE t.code = 't-fk.a'`)).toBe(1);
    await expect(ds.query(`DELETE FROM indicator WHERE code = 't_fk'`)).rejects.toThrow();
    await expect(ds.query(`DELETE FROM region WHERE code = 't_fk_city'`)).rejects.toThrow();
  });

  it('stores DECIMAL values exactly', async () => {
    await ds.query(`INSERT INTO indicator (code, name, unit, kind, decimals) VALUES ('t_exact', 'exact', '万元', 'flow', 2)`);
    await ds.query(`INSERT INTO region (code, type, name, district_verified, land_area_mu) VALUES ('t_r', 'city', 't', 1, 99999999999.9999)`);
    const rows = await ds.getRepository('Region').findBy({ code: 't_r' });
    expect((rows[0] as { landAreaMu: string }).landAreaMu).toBe('99999999999.9999');
  });
});
