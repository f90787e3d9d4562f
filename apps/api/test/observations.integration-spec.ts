import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '@im/seeds';
import type { SeriesDto } from '@im/contracts';
import { DemoLoader } from '../src/modules/seed/demo-loader';
import { ReferenceSeeder } from '../src/modules/seed/reference-seeder';
import { createTestApp, createTestUsers, loginAs, testConfig, testDatabases, type AuthedAgent, type TestApp } from './support/test-app';

describe.each(testDatabases())('observations series API on $name', ({ config }) => {
  let t: TestApp;
  let mayor: AuthedAgent;
  const through = { year: 2022, month: 5 };

  beforeAll(async () => {
    t = await createTestApp(testConfig(config()));
    await new ReferenceSeeder(t.dataSource).run();
    await new DemoLoader(t.dataSource).load(through);
    await createTestUsers(t.app, [{ username: 'mayor', role: 'leader' }]);
    mayor = await loginAs(t.app, 'mayor');
  });
  afterAll(() => t?.close());

  it('returns the monthly points of 集成电路 exactly as generated, each traced to its batch and row', async () => {
    const res = await mayor.get('/api/observations/series?industry=sei.ngit.ic&from=2021-01&to=2021-12').expect(200);
    const body = res.body as SeriesDto;
    expect(body.indicator).toMatchObject({ code: 'output', unit: '万元' });
    expect(body.subject).toMatchObject({ industryCode: 'sei.ngit.ic', regionCode: 'xm' });
    const expected = generateDemoData({ through }).series.find(
      (s) => s.key.industry === 'sei.ngit.ic' && s.key.region === 'xm' && s.key.indicator === 'output' && !s.key.enterprise,
    )!;
    const expected2021 = expected.observations.filter((o) => o.year === 2021);
    expect(body.points.map((p) => p.period)).toEqual(expected2021.map((o) => `2021-${String(o.month).padStart(2, '0')}`));
    expect(body.points.map((p) => [p.valueMonth, p.valueYtd])).toEqual(
      expected2021.map((o) => [o.valueMonth === null ? null : Number(o.valueMonth), Number(o.valueYtd)]),
    );
    expect(body.points[0]).toMatchObject({ month: 2, mergedJanFeb: true, valueMonth: null, source: { demo: true } });
    expect(body.points.every((p) => p.source.batchId > 0 && p.source.row > 0)).toBe(true);
  });

  it('returns an empty series for a node without data and explains bad input', async () => {
    const empty = await mayor.get('/api/observations/series?industry=gb.c&indicator=output').expect(200);
    expect(empty.body.points).toEqual([]);
    const range = await mayor.get('/api/observations/series?industry=sei.ngit&from=2022-01&to=2021-01').expect(400);
    expect(range.body.message).toContain('晚于');
    const month = await mayor.get('/api/observations/series?industry=sei.ngit&from=2022-13').expect(400);
    expect(month.body.message).toContain('YYYY-MM');
    await mayor.get('/api/observations/series?industry=nope').expect(404);
  });
});
