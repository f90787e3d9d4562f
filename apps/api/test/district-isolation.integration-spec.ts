/**
 * A district user cannot reach another district's enterprise data by any path — query, ranking,
 * region filter, park comparison, upload files by id, exports — and a lead unit sees below the city
 * only the industries it leads. The demo dataset has key enterprises in every district, so the
 * unrestricted answers prove that foreign rows exist and the scoped ones prove that none come back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownDto, ParkCompareDto } from '@im/contracts';
import { DemoLoader } from '../src/modules/seed/demo-loader';
import { UploadBatch } from '../src/modules/ingest/entities/upload-batch.entity';
import { createTestApp, loginAs, testConfig, testDatabases, type AuthedAgent, type TestApp } from './support/test-app';

const THROUGH = { year: 2024, month: 6 };
const PERIOD = '2024-06';

describe.each(testDatabases())('district isolation on $name', ({ config }) => {
  let t: TestApp;
  let admin: AuthedAgent;
  let huli: AuthedAgent;
  let gxj: AuthedAgent;
  let demoBatch: number;

  const enterprises = async (agent: AuthedAgent, query: string, status = 200): Promise<BreakdownDto> =>
    (await agent.get(`/api/observations/breakdown?by=enterprise&limit=100&period=${PERIOD}&${query}`).expect(status)).body as BreakdownDto;
  const districtsOf = (b: BreakdownDto) => [...new Set(b.items.map((i) => i.enterprise?.district?.code ?? '(none)'))].sort();

  beforeAll(async () => {
    t = await createTestApp(testConfig(config()), { seed: true, users: 'standard' });
    demoBatch = (await new DemoLoader(t.dataSource).load(THROUGH)).batchId;
    admin = await loginAs(t.app, 'admin');
    huli = await loginAs(t.app, 'huli');
    gxj = await loginAs(t.app, 'gxj');
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('district user huli (湖里区)', () => {
    it('gets only 湖里 enterprises from a city-wide ranking that for an admin spans several districts', async () => {
      const all = await enterprises(admin, 'parent=sei.ngit');
      expect(districtsOf(all).length).toBeGreaterThan(1);
      expect(districtsOf(all)).toContain('xm.huli');
      const own = await enterprises(huli, 'parent=sei.ngit');
      expect(own.items.length).toBeGreaterThan(0);
      expect(districtsOf(own)).toEqual(['xm.huli']);
      // The admin's top 100 holds fewer 湖里 enterprises than 湖里's own top 100: every one of them is in it.
      const ownCodes = new Set(own.items.map((i) => i.code));
      expect(all.items.filter((i) => i.enterprise?.district?.code === 'xm.huli').every((i) => ownCodes.has(i.code))).toBe(true);
    });

    it('gets zero rows when asking for another district’s enterprises by region', async () => {
      const foreignRegion = (await enterprises(admin, 'parent=sei.ngit')).items.map((i) => i.enterprise?.district?.code).find((c) => c && c !== 'xm.huli')!;
      expect((await enterprises(admin, `parent=sei.ngit&region=${foreignRegion}`)).items.length).toBeGreaterThan(0);
      const res = await enterprises(huli, `parent=sei.ngit&region=${foreignRegion}`);
      expect(res.items).toEqual([]);
      expect(res.enterprises?.count).toBe(0);
    });

    it('gets zero foreign rows over every industry and framework', async () => {
      for (const parent of ['sei.ngit', 'sei.bio', 'sei.nmne', 'xm446.pillar.electronics']) {
        const res = await enterprises(huli, `parent=${parent}`);
        expect(districtsOf(res).filter((d) => d !== 'xm.huli'), parent).toEqual([]);
      }
      const scoped = await enterprises(huli, 'scope=sei5');
      expect(districtsOf(scoped).filter((d) => d !== 'xm.huli')).toEqual([]);
    });

    it('sees no key-enterprise figures of another district’s parks in a park comparison, but the parks’ aggregates', async () => {
      const regions = (await admin.get('/api/catalog/regions').expect(200)).body as { code: string; type: string; children: { code: string; type: string; children: { code: string; type: string }[] }[] }[];
      const districts = regions[0].children.filter((d) => d.type === 'district');
      const foreignPark = districts.find((d) => d.code !== 'xm.huli' && d.children.some((c) => c.type === 'park'))!.children.find((c) => c.type === 'park')!.code;
      const url = `/api/regions/parks/compare?codes=${foreignPark}&period=${PERIOD}`;
      const asAdmin = (await admin.get(url).expect(200)).body as ParkCompareDto;
      const asHuli = (await huli.get(url).expect(200)).body as ParkCompareDto;
      expect(asHuli.parks[0].ytd.value).toBe(asAdmin.parks[0].ytd.value);
      expect(asHuli.parks[0].keyEnterprises.count).toBe(0);
      expect(asHuli.parks[0].keyEnterprises.ytd).toBeNull();
    });

    it('cannot open uploaded files (which hold every district’s enterprise rows) by id', async () => {
      for (const path of [`/api/uploads/${demoBatch}`, `/api/uploads/${demoBatch}/raw`, `/api/uploads/${demoBatch}/errors.csv`, `/api/uploads/${demoBatch}/rows?from=1&to=5`, `/api/uploads/${demoBatch}/issues`, '/api/uploads', '/api/observations/completeness']) {
        const res = await huli.get(path);
        expect(res.status, path).toBe(403);
        expect(JSON.stringify(res.body)).not.toMatch(/9135|统一社会信用代码/);
      }
      expect(await t.dataSource.getRepository(UploadBatch).countBy({ id: demoBatch })).toBe(1);
    });

    it('ignores a district named in the request: the scope comes from the session', async () => {
      const res = await huli.get(`/api/observations/breakdown?by=enterprise&parent=sei.ngit&period=${PERIOD}&districtCode=xm.siming`);
      expect(res.status).toBe(400);
      const own = await enterprises(huli, 'parent=sei.ngit');
      expect(districtsOf(own)).toEqual(['xm.huli']);
    });
  });

  describe('lead unit gxj (市工信局: 新一代信息技术, 电子信息)', () => {
    it('sees city-level figures of every industry', async () => {
      await gxj.get('/api/observations/series?industry=sei.bio').expect(200);
      await gxj.get(`/api/observations/breakdown?by=industry&framework=xm-sei-5x&period=${PERIOD}`).expect(200);
    });

    it('sees district, park and enterprise detail of its own industries', async () => {
      await gxj.get('/api/observations/series?industry=sei.ngit.ic&region=xm.huli').expect(200);
      await gxj.get(`/api/observations/breakdown?by=district&industry=sei.ngit&period=${PERIOD}`).expect(200);
      const own = await enterprises(gxj, 'parent=sei.ngit');
      expect(own.items.length).toBeGreaterThan(0);
      expect(own.items.every((i) => i.industry?.code.startsWith('sei.ngit'))).toBe(true);
    });

    it('is refused district, park and enterprise detail of other industries', async () => {
      for (const path of [
        '/api/observations/series?industry=sei.bio&region=xm.huli',
        `/api/observations/breakdown?by=district&industry=sei.bio&period=${PERIOD}`,
        `/api/observations/breakdown?by=park&period=${PERIOD}`,
        `/api/observations/breakdown?by=industry&parent=sei.bio&region=xm.huli&period=${PERIOD}`,
        `/api/regions/parks/compare?codes=xm.park.software&industry=sei.bio&period=${PERIOD}`,
        `/api/observations/breakdown?by=enterprise&parent=sei.bio&region=xm.huli&period=${PERIOD}`,
      ]) {
        const res = await gxj.get(path);
        expect(res.status, path).toBe(403);
        expect(res.body.code).toBe('AUTH_OUT_OF_SCOPE');
      }
      const cityWide = await enterprises(gxj, 'parent=sei.bio');
      expect(cityWide.items).toEqual([]);
    });
  });
});
