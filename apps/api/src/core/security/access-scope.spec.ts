import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessScope } from './access-scope';

const CITY = 1;
const HULI = 3;
const HULI_PARK = 30;
const ZONE = 9;

describe(AccessScope.name, () => {
  describe('canSeeEnterprise', () => {
    const inHuli = { districtId: HULI, parkId: HULI_PARK, industryNodeIds: [100] };
    const inSiming = { districtId: 2, parkId: 20, industryNodeIds: [200] };

    it('lets admin, statistician and leader see every enterprise', () => {
      const s = AccessScope.unrestricted(1, 'leader');
      expect([s.canSeeEnterprise(inHuli), s.canSeeEnterprise(inSiming), s.seesEverything]).toEqual([true, true, true]);
    });

    it('lets a district user see only the enterprises of its district or parks', () => {
      const s = AccessScope.district(5, HULI, [HULI], [HULI_PARK]);
      expect(s.canSeeEnterprise(inHuli)).toBe(true);
      expect(s.canSeeEnterprise(inSiming)).toBe(false);
      expect(s.canSeeEnterprise({ districtId: null, parkId: HULI_PARK, industryNodeIds: [] })).toBe(true);
      expect(s.canSeeEnterprise({ districtId: null, parkId: null, industryNodeIds: [] })).toBe(false);
    });

    it('lets a lead unit see the enterprises of its industries only', () => {
      const s = AccessScope.leadUnit(6, [200, 201]);
      expect(s.canSeeEnterprise(inSiming)).toBe(true);
      expect(s.canSeeEnterprise(inHuli)).toBe(false);
    });

    it('shows nothing to a user without a role or district', () => {
      const s = AccessScope.nothing(7, null);
      expect([s.canSeeEnterprise(inHuli), s.seesNothing, s.canSeeAggregate({ regionId: CITY, industryNodeId: null }, CITY)]).toEqual([false, true, false]);
    });
  });

  describe('canSeeAggregate', () => {
    it('lets a district user compare every aggregate, a lead unit the city level plus its industries below it', () => {
      const d = AccessScope.district(5, HULI, [HULI], []);
      expect(d.canSeeAggregate({ regionId: 2, industryNodeId: 200 }, CITY)).toBe(true);
      const l = AccessScope.leadUnit(6, [200]);
      expect(l.canSeeAggregate({ regionId: CITY, industryNodeId: 999 }, CITY)).toBe(true);
      expect(l.canSeeAggregate({ regionId: HULI, industryNodeId: 200 }, CITY)).toBe(true);
      expect(l.canSeeAggregate({ regionId: HULI, industryNodeId: 999 }, CITY)).toBe(false);
      expect(l.canSeeAggregate({ regionId: HULI, industryNodeId: null }, CITY)).toBe(false);
    });
  });

  describe('canSeeBelowCity', () => {
    it('lets lead units read district and park figures of their industries only', () => {
      expect(AccessScope.unrestricted(1, 'leader').canSeeBelowCity([])).toBe(true);
      expect(AccessScope.district(5, HULI, [HULI], []).canSeeBelowCity([999])).toBe(true);
      const lead = AccessScope.leadUnit(6, [200, 201]);
      expect(lead.canSeeBelowCity([200, 201])).toBe(true);
      expect(lead.canSeeBelowCity([200, 999])).toBe(false);
      expect(lead.canSeeBelowCity([])).toBe(false);
      expect(AccessScope.nothing(7, null).canSeeBelowCity([200])).toBe(false);
    });
  });

  describe('query builders (SQLite)', () => {
    let ds: DataSource;

    beforeAll(async () => {
      ds = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
      await ds.initialize();
      await ds.query('CREATE TABLE enterprise (id integer primary key, district_id integer, park_id integer)');
      await ds.query('CREATE TABLE enterprise_industry (enterprise_id integer, industry_node_id integer)');
      await ds.query('CREATE TABLE series (id integer primary key, region_id integer, industry_node_id integer, enterprise_id integer)');
      await ds.query('INSERT INTO enterprise VALUES (1, 3, 30), (2, 2, 20), (3, NULL, 90)');
      await ds.query('INSERT INTO enterprise_industry VALUES (1, 100), (2, 200), (3, 200)');
      await ds.query(
        'INSERT INTO series VALUES (1, 1, 100, NULL), (2, 3, 100, NULL), (3, 3, 200, NULL), (4, 3, 100, 1), (5, 2, 200, 2), (6, 1, NULL, NULL)',
      );
    });

    afterAll(async () => {
      await ds?.destroy();
    });

    const enterpriseIds = async (scope: AccessScope) =>
      (await scope.restrictEnterprises(ds.createQueryBuilder().select('e.id', 'id').from('enterprise', 'e'), 'e').orderBy('e.id').getRawMany<{ id: number }>()).map((r) => r.id);
    const seriesIds = async (apply: (qb: ReturnType<DataSource['createQueryBuilder']>) => void) => {
      const qb = ds.createQueryBuilder().select('s.id', 'id').from('series', 's').orderBy('s.id');
      apply(qb);
      return (await qb.getRawMany<{ id: number }>()).map((r) => r.id);
    };

    it('filters enterprise rows by district or park, by led industry, or not at all', async () => {
      expect(await enterpriseIds(AccessScope.unrestricted(1, 'admin'))).toEqual([1, 2, 3]);
      expect(await enterpriseIds(AccessScope.district(5, HULI, [HULI], []))).toEqual([1]);
      expect(await enterpriseIds(AccessScope.district(5, ZONE, [], [20, 90]))).toEqual([2, 3]);
      expect(await enterpriseIds(AccessScope.leadUnit(6, [200]))).toEqual([2, 3]);
      expect(await enterpriseIds(AccessScope.leadUnit(6, []))).toEqual([]);
      expect(await enterpriseIds(AccessScope.nothing(7, null))).toEqual([]);
    });

    it('keeps aggregate series and only visible enterprise series', async () => {
      const huli = AccessScope.district(5, HULI, [HULI], []);
      expect(await seriesIds((qb) => huli.restrictEnterpriseIdColumn(qb, 's.enterprise_id'))).toEqual([1, 2, 3, 4, 6]);
      const none = AccessScope.nothing(7, null);
      expect(await seriesIds((qb) => none.restrictEnterpriseIdColumn(qb, 's.enterprise_id'))).toEqual([1, 2, 3, 6]);
    });

    it('limits a lead unit’s sub-city aggregates to its industries', async () => {
      const lead = AccessScope.leadUnit(6, [200]);
      expect(await seriesIds((qb) => lead.restrictAggregates(qb, 's', CITY))).toEqual([1, 3, 5, 6]);
    });

    it('combines two scope filters in one query without parameter clashes', async () => {
      const huli = AccessScope.district(5, HULI, [HULI], []);
      const lead = AccessScope.leadUnit(6, [100]);
      const ids = await seriesIds((qb) => {
        huli.restrictEnterpriseIdColumn(qb, 's.enterprise_id');
        lead.restrictAggregates(qb, 's', CITY);
      });
      expect(ids).toEqual([1, 2, 4, 6]);
    });
  });
});
