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

  it('stores DECIMAL values exactly', async () => {
    await ds.query(`INSERT INTO indicator (code, name, unit, kind, decimals) VALUES ('t_exact', 'exact', '万元', 'flow', 2)`);
    await ds.query(`INSERT INTO region (code, type, name, district_verified, land_area_mu) VALUES ('t_r', 'city', 't', 1, 99999999999.9999)`);
    const rows = await ds.getRepository('Region').findBy({ code: 't_r' });
    expect((rows[0] as { landAreaMu: string }).landAreaMu).toBe('99999999999.9999');
  });
});
