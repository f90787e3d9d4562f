import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanProgressDto, TargetProgressDto } from '@im/contracts';
import { IndustryNode } from '../src/modules/catalog/entities/industry-node.entity';
import { Indicator } from '../src/modules/catalog/entities/indicator.entity';
import { Region } from '../src/modules/catalog/entities/region.entity';
import { AnnualTarget } from '../src/modules/plans/entities/annual-target.entity';
import { Plan } from '../src/modules/plans/entities/plan.entity';
import { Target } from '../src/modules/plans/entities/target.entity';
import { ReferenceSeeder } from '../src/modules/seed/reference-seeder';
import { fixtureBatch, fixtureSeries } from './support/fixtures';
import { createTestApp, loginAs, testConfig, testDatabases, type AuthedAgent, type TestApp } from './support/test-app';

/**
 * A small known dataset and a test plan; every expected figure below was computed by hand (the
 * arithmetic is in the comments), not taken from the code under test.
 * Values are stored in 万元 (1 亿元 = 10000 万元); the targets are in 亿元, %, 家.
 */
const yi = (v: number) => String(v * 10000);

describe.each(testDatabases())('plan progress API on $name', ({ config }) => {
  let t: TestApp;
  let mayor: AuthedAgent;
  let body: PlanProgressDto;
  const item = (code: string): TargetProgressDto => body.items.find((i) => i.code === code)!;

  beforeAll(async () => {
    t = await createTestApp(testConfig(config()), { users: [{ username: 'mayor', role: 'leader' }] });
    mayor = await loginAs(t.app, 'mayor');
    const ds = t.dataSource;
    await new ReferenceSeeder(ds).run();
    const batch = await fixtureBatch(ds, '2024年5月产业数据.csv');
    // 生物医药与健康 output: 2022 and 2023 complete (1-2月 merged, 1-5月, 全年), 2024 through May.
    await fixtureSeries(ds, batch, { indicator: 'output', industry: 'sei.bio' }, [
      { year: 2022, month: 2, valueYtd: yi(150), mergedJanFeb: true },
      { year: 2022, month: 5, valueYtd: yi(400) },
      { year: 2022, month: 12, valueYtd: yi(1000) },
      { year: 2023, month: 5, valueYtd: yi(483) },
      { year: 2023, month: 12, valueYtd: yi(1150) },
      { year: 2024, month: 2, valueYtd: yi(200), mergedJanFeb: true },
      { year: 2024, month: 5, valueYtd: yi(565) },
    ]);
    // 战新增加值 and GDP, quarterly YTD.
    await fixtureSeries(ds, batch, { indicator: 'value_added', industry: 'gb.agg.sei', granularity: 'quarter' }, [
      { year: 2022, month: 12, valueYtd: yi(1800) },
      { year: 2023, month: 12, valueYtd: yi(2000) },
      { year: 2024, month: 3, valueYtd: yi(480) },
    ]);
    await fixtureSeries(ds, batch, { indicator: 'gdp', granularity: 'quarter' }, [
      { year: 2022, month: 12, valueYtd: yi(8000) },
      { year: 2023, month: 12, valueYtd: yi(8400) },
      { year: 2024, month: 3, valueYtd: yi(2000) },
    ]);
    // 国家高新技术企业 at year end.
    await fixtureSeries(ds, batch, { indicator: 'hnte_count', granularity: 'year' }, [
      { year: 2022, month: 12, valueYtd: '2800' },
      { year: 2023, month: 12, valueYtd: '3002' },
    ]);

    const id = async (repo: 'ind' | 'reg' | 'indi', code: string) =>
      (await ds.getRepository(repo === 'ind' ? IndustryNode : repo === 'reg' ? Region : Indicator).findOneByOrFail({ code })).id;
    const plan = await ds.getRepository(Plan).save({ code: 'test-14', name: '测试规划', nameEn: null, startYear: 2021, endYear: 2025, ownerUnit: null, source: null });
    const base = { planId: plan.id, comparator: 'gte' as const, targetYear: 2025, sourceDocument: 'test', sourceArticle: null, note: null, baselineScopeLabel: null, denominatorIndustryNodeId: null, denominatorRegionId: null, denominatorIndicatorId: null };
    const xm = await id('reg', 'xm');
    const bio = await ds.getRepository(Target).save({
      ...base, code: 'bio', name: '生物医药与健康产业规模', subjectType: 'industry' as const, industryNodeId: await id('ind', 'sei.bio'), regionId: xm,
      indicatorId: await id('indi', 'output'), kind: 'level' as const, targetValue: '1500', baselineValue: '776', baselineYear: 2020, unit: '亿元',
    });
    await ds.getRepository(AnnualTarget).save({ targetId: bio.id, year: 2024, value: '1300', note: null });
    await ds.getRepository(Target).save({
      ...base, code: 'share', name: '战新增加值占GDP比重', subjectType: 'industry' as const, industryNodeId: await id('ind', 'gb.agg.sei'), regionId: xm,
      indicatorId: await id('indi', 'value_added'), denominatorRegionId: xm, denominatorIndicatorId: await id('indi', 'gdp'),
      kind: 'share' as const, targetValue: '25', baselineValue: null, baselineYear: null, unit: '%',
    });
    await ds.getRepository(Target).save({
      ...base, code: 'hnte', name: '国家级高新技术企业', subjectType: 'city' as const, industryNodeId: null, regionId: xm,
      indicatorId: await id('indi', 'hnte_count'), kind: 'count' as const, targetValue: '3500', baselineValue: '2282', baselineYear: 2020, unit: '家',
    });
    await ds.getRepository(Target).save({
      ...base, code: 'marine', name: '海洋高新产业规模', subjectType: 'industry' as const, industryNodeId: await id('ind', 'sei.marine'), regionId: xm,
      indicatorId: await id('indi', 'output'), kind: 'level' as const, targetValue: '2000', baselineValue: '1380', baselineYear: 2020, unit: '亿元',
    });

    body = (await mayor.get('/api/plans/test-14/progress').expect(200)).body;
  });
  afterAll(() => t?.close());

  it('defaults asOf to the latest month with data', () => {
    expect(body.asOf).toBe('2024-05');
    expect(body.plan).toMatchObject({ code: 'test-14', startYear: 2021, endYear: 2025 });
  });

  it('level target with an entered annual target: path, CAGRs, projection, annual completion and time progress', () => {
    const bio = item('bio');
    expect(bio.subject).toEqual({ type: 'industry', code: 'sei.bio', name: '生物医药与健康' });
    expect(bio.latest).toEqual({ period: '2024-05', label: '2024年1-5月', value: 565, cumulative: true });
    expect(bio.latestAnnual).toEqual({ year: 2023, value: 1150 });
    expect(bio.completionPct).toBeCloseTo(76.6667, 3); // 1150 / 1500
    // Path 776 (2020) → 1300 (2024, entered) → 1500 (2025): 2023 = 776 × (1300/776)^(3/4) = 1142.6756
    expect(bio.plannedPathValue).toBeCloseTo(1142.6756, 3);
    expect(bio.actualCagrPct).toBeCloseTo(14.0106, 3); // (1150/776)^(1/3) − 1
    expect(bio.requiredCagrPct).toBeCloseTo(14.2080, 3); // (1500/1150)^(1/2) − 1
    expect(bio.projectedValue).toBeCloseTo(1494.8189, 3); // 1150 × 1.140106^2
    expect(bio.projectedAchieved).toBe(false);
    // on-track ratio (1150 − 776) / (1142.6756 − 776) = 1.0200 → on track (< 1.05)
    expect(bio.status).toBe('on_track');
    expect(bio.annual).toMatchObject({ year: 2024, target: 1300, targetDerived: false, ytd: 565, month: 5, status: 'on_track' });
    expect(bio.annual!.completionPct).toBeCloseTo(43.4615, 3); // 565 / 1300
    expect(bio.annual!.timeProgressPct).toBeCloseTo(41.6667, 3); // 5/12
    expect(bio.annual!.seasonalTimeProgressPct).toBeCloseTo(41, 6); // (400/1000 + 483/1150) / 2 = (40 + 42) / 2
    expect(bio.annual!.gapPp).toBeCloseTo(2.4615, 3); // 43.4615 − 41
    expect(bio.annual!.sentence).toBe('快于时序进度 1.8 个百分点'); // 43.5 − 41.7
    expect(bio.annual!.seasonalSentence).toBe('快于时序进度 2.5 个百分点'); // 43.5 − 41.0
    expect(bio.sources).toEqual([{ batchId: expect.any(Number), fileName: '2024年5月产业数据.csv', demo: false }]);
  });

  it('share target from two series, without a plan baseline', () => {
    const share = item('share');
    expect(share.indicator).toBe('增加值 / 地区生产总值');
    expect(share.denominator).toMatchObject({ indicatorCode: 'gdp', regionCode: 'xm' });
    expect(share.latest).toMatchObject({ period: '2024-03', label: '2024年1-3月', value: 24 }); // 480 / 2000
    expect(share.latestAnnual!.year).toBe(2023);
    expect(share.latestAnnual!.value).toBeCloseTo(23.8095, 3); // 2000 / 8400
    expect(share.completionPct).toBeCloseTo(95.2381, 3); // 23.8095 / 25
    // Baseline = earliest actual 22.5 % (2022); linear path to 25 % in 2025: 2023 = 22.5 + 2.5/3 = 23.3333
    expect(share.plannedPathValue).toBeCloseTo(23.3333, 3);
    expect(share.status).toBe('ahead'); // (23.8095 − 22.5)/(23.3333 − 22.5) = 1.571
    expect(share.notes.join()).toContain('以 2022 年实际值为起点');
    expect(share.annual).toBeNull();
  });

  it('count target at year end', () => {
    const hnte = item('hnte');
    expect(hnte.latest).toEqual({ period: '2023-12', label: '2023年', value: 3002, cumulative: false });
    expect(hnte.completionPct).toBeCloseTo(85.7714, 3); // 3002 / 3500
    expect(hnte.plannedPathValue).toBeCloseTo(2949.6269, 3); // 2282 × (3500/2282)^(3/5)
    expect(hnte.requiredCagrPct).toBeCloseTo(7.9764, 3); // (3500/3002)^(1/2) − 1
    expect(hnte.status).toBe('ahead'); // (3002 − 2282)/(2949.6269 − 2282) = 1.078 ≥ 1.05
  });

  it('a target without data says so instead of showing 0 %', () => {
    const marine = item('marine');
    expect(marine).toMatchObject({ status: 'no_data', completionPct: null, latest: null, latestAnnual: null, sources: [] });
    expect(marine.notes[0]).toContain('暂无数据');
  });

  it('computes as of an earlier month and rejects bad input', async () => {
    const early = (await mayor.get('/api/plans/test-14/progress?asOf=2023-05').expect(200)).body as PlanProgressDto;
    const bio = early.items.find((i) => i.code === 'bio')!;
    expect(bio.latest).toMatchObject({ label: '2023年1-5月', value: 483 });
    expect(bio.latestAnnual).toEqual({ year: 2022, value: 1000 });
    // No entered target for 2023: derived from the path 776 → 1300 (2024): 776 × (1300/776)^(3/4) = 1142.6756
    expect(bio.annual).toMatchObject({ year: 2023, targetDerived: true, ytd: 483, month: 5 });
    expect(bio.annual!.target).toBeCloseTo(1142.6756, 3);
    expect(bio.annual!.seasonalTimeProgressPct).toBeNull(); // only 2022 is a complete past year
    await mayor.get('/api/plans/test-14/progress?asOf=2024-13').expect(400);
    const missing = await mayor.get('/api/plans/nope/progress').expect(404);
    expect(missing.body.message).toBe('未找到规划"nope"');
  });
});
