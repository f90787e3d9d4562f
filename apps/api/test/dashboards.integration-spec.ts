/**
 * Dashboard query API (breakdown, park comparison, completeness, series) on SQLite and MariaDB/MySQL,
 * against a small fixture whose every expected figure is computed here, independently, from the
 * fixture values (plain arithmetic on integers: sums, shares, YoY, 拉动, 贡献率).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownDto, BreakdownItemDto, ObservationCompletenessDto, ParkCompareDto, SeriesDto } from '@im/contracts';
import { Region } from '../src/modules/catalog/entities/region.entity';
import { UploadBatch } from '../src/modules/ingest/entities/upload-batch.entity';
import { Observation } from '../src/modules/observations/entities/observation.entity';
import { ObservationRevision } from '../src/modules/observations/entities/observation-revision.entity';
import { ObservationsService } from '../src/modules/observations/observations.service';
import { DashboardContext } from '../src/modules/observations/queries/dashboard-context';
import { RollupEnterpriseSum } from '../src/modules/observations/rollups/entities/rollup-enterprise-sum.entity';
import { RollupService } from '../src/modules/observations/rollups/rollup.service';
import { ReferenceSeeder } from '../src/modules/seed/reference-seeder';
import { dashEnterprise, dashSeries } from './support/dashboard-fixtures';
import { fixtureBatch } from './support/fixtures';
import { createTestApp, loginAs, testConfig, testDatabases, type AuthedAgent, type TestApp } from './support/test-app';
import { AccessScope } from '../src/core/security/access-scope';

/** A subject's figure this period and last year (万元). */
interface Pair {
  cur: number;
  ly: number;
}

// ---- the fixture (万元), period 2025-05 against 2024-05 -------------------------------------------
const NGIT = { month: { cur: 1200, ly: 1000 }, ytd: { cur: 6000, ly: 5000 }, reportedYtdYoy: '19.5' };
const NGIT_CHILDREN: Record<string, { indicator: string; month: Pair; ytd: Pair }> = {
  'sei.ngit.ic': { indicator: 'output', month: { cur: 400, ly: 300 }, ytd: { cur: 2000, ly: 1500 } },
  'sei.ngit.ai': { indicator: 'revenue', month: { cur: 250, ly: 200 }, ytd: { cur: 1300, ly: 1000 } },
  'sei.ngit.display': { indicator: 'output', month: { cur: 450, ly: 400 }, ytd: { cur: 2100, ly: 2000 } },
};
const BIO_CITY = { month: { cur: 250, ly: 200 }, ytd: { cur: 1100, ly: 1000 } };
const NGIT_DISTRICTS: Record<string, { month: Pair; ytd: Pair }> = {
  'xm.haicang': { month: { cur: 350, ly: 300 }, ytd: { cur: 1800, ly: 1500 } },
  'xm.huli': { month: { cur: 500, ly: 400 }, ytd: { cur: 2400, ly: 2000 } },
};
const BIO_HAICANG = { month: { cur: 150, ly: 120 }, ytd: { cur: 700, ly: 600 } };
const PARKS_NGIT: Record<string, Pair> = { 'xm.park.haicang-south': { cur: 800, ly: 700 }, 'xm.park.software': { cur: 1000, ly: 900 } };
const BIOMED_PORT_BIO: Pair = { cur: 400, ly: 300 };
const HAICANG_SOUTH_AREA_MU = 400;
// Key enterprises: [credit code, park, sub-field, indicator, YTD 2025, YTD 2024]
const ENTERPRISES: [string, string, string, string, number, number][] = [
  ['91350205TEST00001A', 'xm.park.haicang-south', 'sei.ngit.ic', 'output', 300, 250],
  ['91350205TEST00002B', 'xm.park.haicang-south', 'sei.ngit.ic', 'output', 200, 220],
  ['91350203TEST00003C', 'xm.park.software', 'sei.ngit.ic', 'output', 500, 400],
  ['91350203TEST00004D', 'xm.park.software', 'sei.ngit.ai', 'revenue', 150, 100],
];

// ---- independent arithmetic --------------------------------------------------------------------
const yoy = (p: Pair) => ((p.cur - p.ly) / p.ly) * 100;
const share = (child: number, parent: number) => (child / parent) * 100;
const pull = (child: Pair, parent: Pair) => ((child.cur - child.ly) / parent.ly) * 100; // 拉动
const rate = (child: Pair, parent: Pair) => ((child.cur - child.ly) / (parent.cur - parent.ly)) * 100; // 贡献率
const sumPairs = (pairs: Pair[]): Pair => pairs.reduce((a, b) => ({ cur: a.cur + b.cur, ly: a.ly + b.ly }), { cur: 0, ly: 0 });
const minus = (a: Pair, b: Pair): Pair => ({ cur: a.cur - b.cur, ly: a.ly - b.ly });

function expectMeasure(actual: BreakdownItemDto['ytd'], child: Pair, parent: Pair | null): void {
  expect(actual.value).toBe(child.cur);
  expect(actual.lastYear).toBe(child.ly);
  if (parent) {
    expect(actual.sharePct).toBeCloseTo(share(child.cur, parent.cur), 10);
    expect(actual.contributionPp).toBeCloseTo(pull(child, parent), 10);
    expect(actual.contributionRatePct).toBeCloseTo(rate(child, parent), 10);
  }
}

describe.each(testDatabases())('dashboard query API on $name', ({ config }) => {
  let t: TestApp;
  let batch: UploadBatch;
  const rowOf = new Map<string, number>();
  // A statistician: every figure (data.read) and the completeness matrix (uploads.read).
  let stats: AuthedAgent;
  const http = () => stats;
  const get = async <T>(url: string, status = 200): Promise<T> => (await http().get(url).expect(status)).body as T;

  beforeAll(async () => {
    t = await createTestApp(testConfig(config()), { users: [{ username: 'stats', role: 'statistician' }] });
    stats = await loginAs(t.app, 'stats');
    const ds = t.dataSource;
    await new ReferenceSeeder(ds).run();
    await ds.getRepository(Region).update({ code: 'xm.park.haicang-south' }, { landAreaMu: String(HAICANG_SOUTH_AREA_MU) });
    batch = await fixtureBatch(ds, 'dashboards-fixture.csv');

    const two = (month: Pair, ytd: Pair, extra: { yoyYtd?: string } = {}) => [
      { y: 2024, m: 5, month: String(month.ly), ytd: String(ytd.ly) },
      { y: 2025, m: 5, month: String(month.cur), ytd: String(ytd.cur), yoyYtd: extra.yoyYtd ?? null },
    ];
    const ngit = await dashSeries(ds, batch, { indicator: 'output', industry: 'sei.ngit' }, two(NGIT.month, NGIT.ytd, { yoyYtd: NGIT.reportedYtdYoy }));
    rowOf.set('sei.ngit', ngit.rows[1]);
    for (const [code, c] of Object.entries(NGIT_CHILDREN)) {
      const s = await dashSeries(ds, batch, { indicator: c.indicator, industry: code }, two(c.month, c.ytd));
      rowOf.set(code, s.rows[1]);
    }
    await dashSeries(ds, batch, { indicator: 'output', industry: 'sei.bio' }, [
      ...two(BIO_CITY.month, BIO_CITY.ytd),
      { y: 2024, m: 12, month: '300', ytd: '2500' },
    ]);
    for (const [region, d] of Object.entries(NGIT_DISTRICTS)) await dashSeries(ds, batch, { indicator: 'output', industry: 'sei.ngit', region }, two(d.month, d.ytd));
    await dashSeries(ds, batch, { indicator: 'output', industry: 'sei.bio', region: 'xm.haicang' }, two(BIO_HAICANG.month, BIO_HAICANG.ytd));
    for (const [park, p] of Object.entries(PARKS_NGIT)) await dashSeries(ds, batch, { indicator: 'output', industry: 'sei.ngit', region: park }, two(p, p));
    await dashSeries(ds, batch, { indicator: 'output', industry: 'sei.bio', region: 'xm.park.biomed-port' }, two(BIOMED_PORT_BIO, BIOMED_PORT_BIO));
    // Completeness: 1–2月 merged, April missing; a quarterly series.
    await dashSeries(ds, batch, { indicator: 'output', industry: 'sei.x.semi3' }, [
      { y: 2025, m: 2, ytd: '100', merged: true },
      { y: 2025, m: 3, month: '60', ytd: '160' },
      { y: 2025, m: 5, month: '70', ytd: '290' },
    ]);
    await dashSeries(ds, batch, { indicator: 'gdp', granularity: 'quarter' }, [{ y: 2025, m: 3, ytd: '90000' }]);
    for (const [code, park, industry, indicator, cur, ly] of ENTERPRISES) {
      await dashEnterprise(ds, code, `测试企业${code.slice(-2)}`, park, industry);
      await dashSeries(ds, batch, { indicator, industry, region: park, enterprise: code }, [
        { y: 2024, m: 5, month: String(ly / 5), ytd: String(ly) },
        { y: 2025, m: 5, month: String(cur / 5), ytd: String(cur) },
      ]);
    }
    await t.app.get(RollupService).refreshForBatch(batch.id);
  });
  afterAll(() => t?.close());

  describe('GET /api/observations/breakdown by=industry', () => {
    it('lists the sub-fields with share, YoY, 拉动 and 贡献率 against the parent, and the remainder 其他', async () => {
      const body = await get<BreakdownDto>('/api/observations/breakdown?by=industry&parent=sei.ngit&period=2025-05');
      expect(body).toMatchObject({ period: '2025-05', ytdLabel: '2025年1-5月', monthLabel: '2025年5月', lastYearPeriod: '2024-05', mergedJanFeb: false });
      expect(body.parent).toMatchObject({ kind: 'industry', code: 'sei.ngit', derived: false, hasData: true });
      expect(body.parent.ytd.value).toBe(NGIT.ytd.cur);
      // The reported (comparable-price) YoY is kept; the month has none stored, so the nominal one is computed.
      expect(body.parent.ytd).toMatchObject({ yoyPct: Number(NGIT.reportedYtdYoy), yoyBasis: 'reported' });
      expect(body.parent.month.yoyPct).toBeCloseTo(yoy(NGIT.month), 10);
      expect(body.parent.month.yoyBasis).toBe('computed');
      expect(body.parent.source).toEqual({ batchId: batch.id, row: rowOf.get('sei.ngit'), demo: false });

      const withData = body.items.filter((i) => i.hasData);
      expect(withData.map((i) => i.code)).toEqual(['sei.ngit.display', 'sei.ngit.ic', 'sei.ngit.ai']); // by YTD, largest first
      for (const item of withData) {
        const c = NGIT_CHILDREN[item.code];
        expect(item.indicatorCode).toBe(c.indicator);
        expectMeasure(item.ytd, c.ytd, NGIT.ytd);
        expectMeasure(item.month, c.month, NGIT.month);
        expect(item.ytd.yoyPct).toBeCloseTo(yoy(c.ytd), 10);
        expect(item.ytd.yoyBasis).toBe('computed');
        expect(item.source).toEqual({ batchId: batch.id, row: rowOf.get(item.code), demo: false });
      }
      expect(withData.map((i) => i.rank)).toEqual([1, 2, 3]);
      const byGrowth = Object.entries(NGIT_CHILDREN).sort((a, b) => yoy(b[1].ytd) - yoy(a[1].ytd)).map(([code]) => code);
      expect(byGrowth.map((code) => withData.find((i) => i.code === code)!.rankByGrowth)).toEqual([1, 2, 3]);
      // Sub-fields without a series are listed without figures (missing, not 0).
      const empty = body.items.filter((i) => !i.hasData);
      expect(empty.length).toBe(5);
      expect(empty.every((i) => i.ytd.value === null && i.rank === null)).toBe(true);

      const rest = minus(NGIT.ytd, sumPairs(Object.values(NGIT_CHILDREN).map((c) => c.ytd)));
      expect(body.other).not.toBeNull();
      expectMeasure(body.other!.ytd, rest, NGIT.ytd);
      // The children's 拉动 with the remainder add up to the parent's nominal growth; 贡献率 to 100.
      const pulls = [...withData, body.other!].reduce((s, i) => s + i.ytd.contributionPp!, 0);
      expect(pulls).toBeCloseTo(yoy(NGIT.ytd), 10);
      expect([...withData, body.other!].reduce((s, i) => s + i.ytd.contributionRatePct!, 0)).toBeCloseTo(100, 10);
      expect(body.sources).toEqual([{ batchId: batch.id, fileName: 'dashboards-fixture.csv', demo: false }]);
    });

    it('defaults to the latest month of the parent and lists a framework’s top-level industries without a total', async () => {
      const latest = await get<BreakdownDto>('/api/observations/breakdown?by=industry&parent=sei.ngit');
      expect(latest.period).toBe('2025-05');
      const roots = await get<BreakdownDto>('/api/observations/breakdown?by=industry&framework=xm-sei-5x&period=2025-05');
      expect(roots.parent.kind).toBe('none');
      expect(roots.items.find((i) => i.code === 'sei.ngit')!.ytd).toMatchObject({ value: NGIT.ytd.cur, sharePct: null, contributionPp: null });
      expect(roots.other).toBeNull();
      expect(roots.notes.map((n) => n.code)).toContain('roots_not_summed');
    });
  });

  describe('GET /api/observations/breakdown by=district|park', () => {
    it('compares the districts on one industry, with the remainder of the districts without data', async () => {
      const body = await get<BreakdownDto>('/api/observations/breakdown?by=district&industry=sei.ngit&period=2025-05');
      expect(body.parent).toMatchObject({ kind: 'region', code: 'xm', derived: false });
      expect(body.items).toHaveLength(6);
      for (const [code, d] of Object.entries(NGIT_DISTRICTS)) {
        const item = body.items.find((i) => i.code === code)!;
        expectMeasure(item.ytd, d.ytd, NGIT.ytd);
        expect(item.ytd.yoyPct).toBeCloseTo(yoy(d.ytd), 10);
      }
      const rest = minus(NGIT.ytd, sumPairs(Object.values(NGIT_DISTRICTS).map((d) => d.ytd)));
      expectMeasure(body.other!.ytd, rest, NGIT.ytd);
    });

    it('sums the five strategic emerging industries by default (each in its own indicator)', async () => {
      const body = await get<BreakdownDto>('/api/observations/breakdown?by=district&period=2025-05');
      expect(body.scope?.code).toBe('sei5');
      const city = sumPairs([NGIT.ytd, BIO_CITY.ytd]);
      expect(body.parent.ytd.value).toBe(city.cur);
      expect(body.parent.ytd.yoyPct).toBeCloseTo(yoy(city), 10);
      const haicang = sumPairs([NGIT_DISTRICTS['xm.haicang'].ytd, BIO_HAICANG.ytd]);
      expectMeasure(body.items.find((i) => i.code === 'xm.haicang')!.ytd, haicang, city);
      // 湖里 has no 生物医药 series at all: its total covers the industries it has.
      expectMeasure(body.items.find((i) => i.code === 'xm.huli')!.ytd, NGIT_DISTRICTS['xm.huli'].ytd, city);
      expect(body.items.find((i) => i.code === 'xm.siming')).toMatchObject({ hasData: false, ytd: { value: null } });
      expect(body.notes.map((n) => n.code)).toContain('scope_sum');
    });

    it('lists the parks of a district with their share of it and the part outside the parks', async () => {
      const body = await get<BreakdownDto>('/api/observations/breakdown?by=park&parent=xm.haicang&industry=sei.ngit&period=2025-05');
      const district = NGIT_DISTRICTS['xm.haicang'].ytd;
      const south = body.items.find((i) => i.code === 'xm.park.haicang-south')!;
      expectMeasure(south.ytd, PARKS_NGIT['xm.park.haicang-south'], district);
      expect(south.region).toMatchObject({ code: 'xm.haicang', type: 'district' });
      expect(body.items.every((i) => i.region?.code === 'xm.haicang')).toBe(true);
      expect(body.other).toMatchObject({ name: '园区外' });
      expectMeasure(body.other!.ytd, minus(district, PARKS_NGIT['xm.park.haicang-south']), district);
    });

    it('derives a zone’s figures from its parks and says so', async () => {
      const body = await get<BreakdownDto>('/api/observations/breakdown?by=park&parent=xm.torch&industry=sei.ngit&period=2025-05');
      expect(body.parent.derived).toBe(true);
      expect(body.parent.ytd.value).toBe(PARKS_NGIT['xm.park.software'].cur);
      expect(body.other).toBeNull();
      expect(body.notes.map((n) => n.code)).toContain('parent_is_sum');
    });
  });

  describe('GET /api/observations/breakdown by=enterprise', () => {
    it('ranks the key enterprises of an industry subtree and gives the totals of all of them from the rollup', async () => {
      const body = await get<BreakdownDto>('/api/observations/breakdown?by=enterprise&parent=sei.ngit&period=2025-05&limit=2');
      const sorted = [...ENTERPRISES].sort((a, b) => b[4] - a[4]);
      expect(body.items.map((i) => i.code)).toEqual(sorted.slice(0, 2).map((e) => e[0]));
      const top = body.items[0];
      expectMeasure(top.ytd, { cur: sorted[0][4], ly: sorted[0][5] }, NGIT.ytd);
      expect(top.enterprise).toMatchObject({ creditCode: sorted[0][0], park: { code: sorted[0][1] }, district: { code: 'xm.siming' }, aboveScale: true });
      expect(top.industry?.code).toBe(sorted[0][2]);

      const all = sumPairs(ENTERPRISES.map((e) => ({ cur: e[4], ly: e[5] })));
      expect(body.totalItems).toBe(ENTERPRISES.length);
      expect(body.enterprises!.count).toBe(ENTERPRISES.length);
      expectMeasure(body.enterprises!.ytd, all, NGIT.ytd);
      expect(body.other).toMatchObject({ name: '非重点企业' });
      expectMeasure(body.other!.ytd, minus(NGIT.ytd, all), NGIT.ytd);
    });

    it('restricts to the enterprises of a region, against the region’s own figure', async () => {
      const body = await get<BreakdownDto>('/api/observations/breakdown?by=enterprise&parent=sei.ngit&region=xm.haicang&period=2025-05');
      const inHaicang = ENTERPRISES.filter((e) => e[1] === 'xm.park.haicang-south');
      expect(body.items.map((i) => i.code).sort()).toEqual(inHaicang.map((e) => e[0]).sort());
      const district = NGIT_DISTRICTS['xm.haicang'].ytd;
      expectMeasure(body.enterprises!.ytd, sumPairs(inHaicang.map((e) => ({ cur: e[4], ly: e[5] }))), district);
    });

    it('never uses the sum of the listed enterprises as the parent when the parent has no series', async () => {
      const body = await get<BreakdownDto>('/api/observations/breakdown?by=enterprise&parent=sei.ngit.ic&region=xm.haicang&period=2025-05');
      expect(body.parent).toMatchObject({ hasData: false, derived: false });
      expect(body.items.every((i) => i.ytd.sharePct === null)).toBe(true);
      expect(body.other).toBeNull();
    });

    it('applies an enterprise scope server-side (a district user sees the enterprises of the district only)', async () => {
      const siming = await t.dataSource.getRepository(Region).findOneByOrFail({ code: 'xm.siming' });
      const service = t.app.get(ObservationsService);
      const scoped = await service.breakdown({ by: 'enterprise', parent: 'sei.ngit', period: '2025-05' }, AccessScope.district(1, siming.id, [siming.id], []));
      const inSiming = ENTERPRISES.filter((e) => e[1] === 'xm.park.software');
      expect(scoped.items.map((i) => i.code).sort()).toEqual(inSiming.map((e) => e[0]).sort());
      // City-wide totals would reveal the other districts' enterprises: not visible in this scope.
      expect(scoped.enterprises!.count).toBe(0);
      const none = await service.breakdown({ by: 'enterprise', parent: 'sei.ngit', period: '2025-05' }, AccessScope.nothing(1, null));
      expect(none.items).toEqual([]);
    });
  });

  describe('GET /api/regions/parks/compare', () => {
    it('puts parks side by side: share of city and district, rank among all parks, 亩均, key enterprises', async () => {
      const codes = ['xm.park.haicang-south', 'xm.park.software', 'xm.park.biomed-port'];
      const body = await get<ParkCompareDto>(`/api/regions/parks/compare?codes=${codes.join(',')}&industry=sei.ngit&period=2025-05`);
      expect(body.parks.map((p) => p.code)).toEqual(codes);
      expect(body.city.ytd.value).toBe(NGIT.ytd.cur);
      expect(body.rankedParks).toBe(Object.keys(PARKS_NGIT).length);
      const [south, software, port] = body.parks;

      const s = PARKS_NGIT['xm.park.haicang-south'];
      expect(south.ytd.value).toBe(s.cur);
      expect(south.ytd.yoyPct).toBeCloseTo(yoy(s), 10);
      expect(south.ytd.shareOfCityPct).toBeCloseTo(share(s.cur, NGIT.ytd.cur), 10);
      expect(south.ytd.shareOfDistrictPct).toBeCloseTo(share(s.cur, NGIT_DISTRICTS['xm.haicang'].ytd.cur), 10);
      expect(south.ytd.contributionToCityPp).toBeCloseTo(pull(s, NGIT.ytd), 10);
      expect(south.ytdPerMu).toBeCloseTo(s.cur / HAICANG_SOUTH_AREA_MU, 10);
      expect(south.district).toMatchObject({ code: 'xm.haicang' });
      const southKey = ENTERPRISES.filter((e) => e[1] === 'xm.park.haicang-south');
      expect(south.keyEnterprises.count).toBe(southKey.length);
      expect(south.keyEnterprises.ytd).toBe(southKey.reduce((n, e) => n + e[4], 0));
      expect(south.keyEnterprises.shareOfParkPct).toBeCloseTo(share(south.keyEnterprises.ytd!, s.cur), 10);

      const w = PARKS_NGIT['xm.park.software'];
      expect(software.ytd.shareOfCityPct).toBeCloseTo(share(w.cur, NGIT.ytd.cur), 10);
      expect(software.ytd.shareOfDistrictPct).toBeNull(); // 思明 has no 新一代信息技术 series
      expect(software.ytdPerMu).toBeNull(); // land area unknown
      const byValue = Object.entries(PARKS_NGIT).sort((a, b) => b[1].cur - a[1].cur).map(([c]) => c);
      const byGrowth = Object.entries(PARKS_NGIT).sort((a, b) => yoy(b[1]) - yoy(a[1])).map(([c]) => c);
      expect([south.rankByValue, software.rankByValue]).toEqual([byValue.indexOf(south.code) + 1, byValue.indexOf(software.code) + 1]);
      expect([south.rankByGrowth, software.rankByGrowth]).toEqual([byGrowth.indexOf(south.code) + 1, byGrowth.indexOf(software.code) + 1]);

      expect(port).toMatchObject({ hasData: false, rankByValue: null, ytd: { value: null } });
      expect(port.carried.map((c) => c.code)).toContain('sei.bio.drug');
    });

    it('sums the five industries by default and ranks every park with data', async () => {
      const body = await get<ParkCompareDto>('/api/regions/parks/compare?codes=xm.park.software,xm.park.biomed-port&period=2025-05');
      const city = sumPairs([NGIT.ytd, BIO_CITY.ytd]);
      expect(body.scope.code).toBe('sei5');
      expect(body.city.ytd.value).toBe(city.cur);
      expect(body.parks[1].ytd.value).toBe(BIOMED_PORT_BIO.cur);
      expect(body.parks[1].ytd.shareOfCityPct).toBeCloseTo(share(BIOMED_PORT_BIO.cur, city.cur), 10);
      expect(body.parks[1].ytd.shareOfDistrictPct).toBeCloseTo(share(BIOMED_PORT_BIO.cur, NGIT_DISTRICTS['xm.haicang'].ytd.cur + BIO_HAICANG.ytd.cur), 10);
      expect(body.rankedParks).toBe(3);
      expect(body.parks.map((p) => p.rankByValue)).toEqual([1, 3]);
    });

    it('refuses what is not a list of 1–6 parks', async () => {
      expect((await get<{ message: string }>('/api/regions/parks/compare?codes=xm.haicang', 400)).message).toContain('不是园区');
      expect((await get<{ message: string }>('/api/regions/parks/compare', 400)).message).toContain('请指定要对比的园区');
      expect((await get<{ message: string }>('/api/regions/parks/compare?codes=a,b,c,d,e,f,g', 400)).message).toContain('最多');
      expect((await get<{ message: string }>('/api/regions/parks/compare?codes=xm.park.software,xm.park.software', 400)).message).toContain('重复');
      await get('/api/regions/parks/compare?codes=xm.park.nope', 404);
    });
  });

  describe('GET /api/observations/completeness', () => {
    it('says per series and month what is there, merged, missing, not due or not expected', async () => {
      const body = await get<ObservationCompletenessDto>('/api/observations/completeness?year=2025');
      expect(body.dueThrough).toBe('2025-05');
      const marine = body.series.find((s) => s.industry?.code === 'sei.x.semi3' && s.region.code === 'xm')!;
      expect(marine.months).toEqual(['merged', 'reported', 'reported', 'missing', 'reported', ...Array(7).fill('not_due')]);
      expect(marine).toMatchObject({ complete: false, missing: 1 });
      const gdp = body.series.find((s) => s.indicator.code === 'gdp')!;
      expect(gdp.months.slice(0, 6)).toEqual(['not_expected', 'not_expected', 'reported', 'not_expected', 'not_expected', 'not_due']);
      const ngit = body.series.find((s) => s.industry?.code === 'sei.ngit' && s.region.code === 'xm')!;
      expect(ngit.months.slice(0, 5)).toEqual(['missing', 'missing', 'missing', 'missing', 'reported']);
      expect(body.summary.series).toBe(body.series.length);

      const south = body.enterprises.find((e) => e.region.code === 'xm.park.haicang-south' && e.indicatorCode === 'output')!;
      expect(south.expected).toBe(2);
      expect(south.reporting[4]).toBe(2);
      expect(south.reporting[3]).toBe(0);
      const softwareRevenue = body.enterprises.find((e) => e.region.code === 'xm.park.software' && e.indicatorCode === 'revenue')!;
      expect(softwareRevenue).toMatchObject({ expected: 1, outsideParks: false });
    });
  });

  describe('GET /api/observations/series', () => {
    it('keeps a reported YoY, computes a missing one from last year (labelled), and lists complete years', async () => {
      const body = await get<SeriesDto>('/api/observations/series?industry=sei.ngit&from=2025-05&to=2025-05');
      expect(body.points).toHaveLength(1);
      expect(body.points[0]).toMatchObject({ yoyYtdPct: Number(NGIT.reportedYtdYoy), yoyYtdBasis: 'reported', yoyMonthBasis: 'computed', yoyComputed: true });
      expect(body.points[0].yoyMonthPct).toBeCloseTo(yoy(NGIT.month), 10);
      expect(body.latestPeriod).toBe('2025-05');
      const bio = await get<SeriesDto>('/api/observations/series?industry=sei.bio');
      expect(bio.annual).toEqual([{ year: 2024, value: 2500, source: expect.objectContaining({ batchId: batch.id }) }]);
    });
  });

  describe('rollup refresh', () => {
    const enterpriseTotal = async () => (await get<BreakdownDto>('/api/observations/breakdown?by=enterprise&parent=sei.ngit&period=2025-05')).enterprises!.ytd.value;
    const base = ENTERPRISES.reduce((n, e) => n + e[4], 0);

    /** What the upload pipeline does to a stored value: keep the old vintage as a revision, store the new one. */
    async function replaceValue(creditIndex: number, ytd: string, newBatch: UploadBatch): Promise<void> {
      const rows: { id: number }[] = await t.dataSource
        .getRepository(Observation)
        .createQueryBuilder('o')
        .select('o.id', 'id')
        .innerJoin('series', 's', 's.id = o.series_id')
        .innerJoin('enterprise', 'e', 'e.id = s.enterprise_id')
        .where('e.credit_code = :code', { code: ENTERPRISES[creditIndex][0] })
        .andWhere('o.period_year = 2025')
        .getRawMany();
      const old = await t.dataSource.getRepository(Observation).findOneByOrFail({ id: Number(rows[0].id) });
      await t.dataSource.getRepository(ObservationRevision).insert({
        observationId: old.id,
        seriesId: old.seriesId,
        periodYear: old.periodYear,
        periodMonth: old.periodMonth,
        valueMonth: old.valueMonth,
        valueYtd: old.valueYtd,
        batchId: old.batchId,
        sourceRow: old.sourceRow,
        version: old.version,
        replacedByBatchId: newBatch.id,
      });
      await t.dataSource.getRepository(Observation).update(old.id, { valueYtd: ytd, batchId: newBatch.id, version: old.version + 1 });
    }

    it('reflects a batch once RollupService.refreshForBatch runs, and drops cached answers', async () => {
      expect(await enterpriseTotal()).toBe(base);
      const second = await fixtureBatch(t.dataSource, 'correction.csv');
      await replaceValue(0, '360', second);
      await t.app.get(RollupService).refreshForBatch(second.id);
      expect(await enterpriseTotal()).toBe(base + 60);
    });

    it('catches up on batches committed or rolled back without a refresh (demo loader, scripts)', async () => {
      const third = await fixtureBatch(t.dataSource, 'unrefreshed.csv');
      await replaceValue(1, '260', third);
      t.app.get(DashboardContext).invalidate();
      expect(await enterpriseTotal()).toBe(base + 60 + 60);
      // Undo it (the vintage it replaced comes back, the revision stays): the batch's status changes, the rollup follows.
      const restored = await t.dataSource.getRepository(ObservationRevision).findOneByOrFail({ replacedByBatchId: third.id });
      await t.dataSource.getRepository(Observation).update(restored.observationId, { valueYtd: restored.valueYtd, batchId: restored.batchId });
      await t.dataSource.getRepository(UploadBatch).update(third.id, { status: 'rolled_back' });
      t.app.get(DashboardContext).invalidate();
      expect(await enterpriseTotal()).toBe(base + 60);
      expect(await t.app.get(RollupService).pendingBatches()).toEqual([]);
    });

    it('holds, for every industry ancestor and region, the sum a GROUP BY over the enterprises gives', async () => {
      await t.app.get(RollupService).refreshAll();
      const rows = await t.dataSource.getRepository(RollupEnterpriseSum).find();
      const regions = new Map((await t.dataSource.getRepository(Region).find()).map((r) => [r.id, r.code]));
      const find = (industryCode: string, regionCode: string) =>
        rows.filter((r) => regions.get(r.regionId) === regionCode && r.periodYear === 2025 && r.periodMonth === 5 && industryIds.get(r.industryNodeId) === industryCode);
      const industryIds = new Map<number, string>(
        (await t.dataSource.query('SELECT id, code FROM industry_node')).map((r: { id: number; code: string }) => [Number(r.id), r.code]),
      );
      const current = ENTERPRISES.map((e, i) => (i === 0 ? 360 : e[4]));
      const expectSum = (industryCode: string, regionCode: string, pick: (e: (typeof ENTERPRISES)[number]) => boolean) => {
        const got = find(industryCode, regionCode);
        const want = ENTERPRISES.map((e, i) => ({ e, v: current[i] })).filter(({ e }) => pick(e));
        expect(got.reduce((n, r) => n + Number(r.valueYtd), 0)).toBe(want.reduce((n, x) => n + x.v, 0));
        expect(got.reduce((n, r) => n + r.enterprises, 0)).toBe(want.length);
      };
      expectSum('sei.ngit', 'xm', () => true);
      expectSum('sei.ngit.ic', 'xm', (e) => e[2] === 'sei.ngit.ic');
      expectSum('sei.ngit', 'xm.haicang', (e) => e[1] === 'xm.park.haicang-south');
      expectSum('sei.ngit', 'xm.park.software', (e) => e[1] === 'xm.park.software');
      expectSum('sei.ngit', 'xm.torch', (e) => e[1] === 'xm.park.software'); // 软件园 is in the 火炬 zone
    });
  });

  describe('bad requests', () => {
    it('explains what is wrong in Chinese and changes nothing', async () => {
      expect((await get<{ code: string }>('/api/observations/breakdown?by=industry', 400)).code).toBe('OBSERVATIONS_BREAKDOWN_PARENT_REQUIRED');
      expect((await get<{ message: string }>('/api/observations/breakdown?by=district&parent=xm.haicang', 400)).message).toContain('上级应为全市');
      expect((await get<{ message: string }>('/api/observations/breakdown?by=region', 400)).message).toContain('by 应为');
      expect((await get<{ message: string }>('/api/observations/breakdown?by=industry&parent=sei.ngit&period=2025-13', 400)).message).toContain('YYYY-MM');
      expect((await get<{ message: string }>('/api/observations/breakdown?by=enterprise&limit=500', 400)).message).toContain('limit');
      await get('/api/observations/breakdown?by=industry&parent=sei.nope', 404);
      await get('/api/observations/breakdown?by=industry&framework=nope', 404);
      await get('/api/observations/breakdown?by=district&scope=nope', 400);
      expect((await get<{ message: string }>('/api/observations/completeness?year=abc', 400)).message).toContain('year');
    });
  });
});
