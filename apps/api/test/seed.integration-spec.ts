import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/core/database/data-source';
import { DemoLoader } from '../src/modules/seed/demo-loader';
import { ReferenceSeeder } from '../src/modules/seed/reference-seeder';
import { emptyDatabase, testDatabases } from './support/test-app';

const TABLES = ['indicator', 'framework', 'industry_node', 'region', 'park_industry', 'plan', 'target', 'enterprise', 'enterprise_industry', 'series', 'observation', 'upload_batch'];

async function counts(ds: DataSource): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await ds.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
  return out;
}

describe.each(testDatabases())('seed loader on $name', ({ config }) => {
  let ds: DataSource;
  const through = { year: 2021, month: 6 };

  beforeAll(async () => {
    const db = config();
    await emptyDatabase(db);
    ds = createDataSource(db);
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
  });
  afterAll(() => ds?.destroy());

  it('loads the reference data once; a second run changes nothing', async () => {
    const first = await new ReferenceSeeder(ds).run();
    expect(first.industry_node.inserted).toBeGreaterThan(50);
    expect(first.target.inserted).toBe(13);
    const before = await counts(ds);
    const second = await new ReferenceSeeder(ds).run();
    for (const [table, c] of Object.entries(second)) expect({ table, ...c }).toEqual({ table, inserted: 0, updated: 0, unchanged: first[table].inserted });
    expect(await counts(ds)).toEqual(before);
  });

  it('loads the demo dataset as one committed demo batch; a second load changes nothing', async () => {
    const first = await new DemoLoader(ds).load(through);
    expect(first.loaded).toBe(true);
    expect(first.observations).toBeGreaterThan(1000);
    const before = await counts(ds);
    expect(before.observation).toBe(first.observations);
    const second = await new DemoLoader(ds).load(through);
    expect(second).toMatchObject({ loaded: false, batchId: first.batchId });
    expect(await counts(ds)).toEqual(before);
    const untraced = await ds.query(`SELECT COUNT(*) AS n FROM observation WHERE batch_id <> ? OR source_row < 1`, [first.batchId]);
    expect(Number(untraced[0].n)).toBe(0);
  });
});
