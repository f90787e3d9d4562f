import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { UserRole } from '@im/contracts';

/**
 * What a user may read, built on the server from the session (never from request parameters) and
 * applied by the query layer to every enterprise-level and sub-city read:
 *
 * | role | aggregates (city, district, park, industry) | enterprise-level rows |
 * |---|---|---|
 * | admin, statistician, leader | all | all |
 * | district | all (to compare with the city and other parks) | enterprises of its district / zone only |
 * | lead_unit | city level for every industry; below the city only for the industries it leads | enterprises of the industries it leads |
 * | no role, or a district user without a district | nothing | nothing |
 *
 * "Industries it leads" includes their sub-fields (descendants in the tree).
 */
export type EnterpriseScope =
  | { kind: 'all' }
  | { kind: 'none' }
  /** District users: enterprises whose district is one of `districtIds` or whose park is one of `parkIds`. */
  | { kind: 'regions'; districtIds: readonly number[]; parkIds: readonly number[] }
  /** Lead units: enterprises classified in one of the industries. */
  | { kind: 'industries'; industryNodeIds: readonly number[] };

/** Aggregates below the city level: all, or only those of these industries (lead units). */
export type AggregateScope = { kind: 'all' } | { kind: 'none' } | { kind: 'city-or-industries'; industryNodeIds: readonly number[] };

/** An enterprise as the scope checks it in memory. */
export interface EnterpriseSubject {
  districtId: number | null;
  parkId: number | null;
  industryNodeIds: readonly number[];
}

/** A series' subject as the scope checks it in memory. */
export interface SeriesSubject {
  regionId: number;
  industryNodeId: number | null;
  enterpriseId: number | null;
}

let paramCounter = 0;
/** Unique query parameter names, so that two scope filters in one query never collide. */
const param = (name: string) => `scope_${name}_${++paramCounter % 1_000_000}`;

export class AccessScope {
  private constructor(
    readonly userId: number | null,
    readonly role: UserRole | null,
    readonly enterprises: EnterpriseScope,
    readonly aggregates: AggregateScope,
    /** The district or zone of a district user. */
    readonly regionId: number | null,
  ) {}

  /** admin, statistician, leader; also system work (jobs, CLI) that acts for no user. */
  static unrestricted(userId: number | null, role: UserRole | null): AccessScope {
    return new AccessScope(userId, role, { kind: 'all' }, { kind: 'all' }, null);
  }

  static district(userId: number, regionId: number, districtIds: readonly number[], parkIds: readonly number[]): AccessScope {
    return new AccessScope(userId, 'district', { kind: 'regions', districtIds: [...districtIds], parkIds: [...parkIds] }, { kind: 'all' }, regionId);
  }

  /** `industryNodeIds`: the industries led and all their descendants. */
  static leadUnit(userId: number, industryNodeIds: readonly number[]): AccessScope {
    const ids = [...new Set(industryNodeIds)];
    return new AccessScope(userId, 'lead_unit', { kind: 'industries', industryNodeIds: ids }, { kind: 'city-or-industries', industryNodeIds: ids }, null);
  }

  static nothing(userId: number | null, role: UserRole | null): AccessScope {
    return new AccessScope(userId, role, { kind: 'none' }, { kind: 'none' }, null);
  }

  /** No row is hidden from this user. */
  get seesEverything(): boolean {
    return this.enterprises.kind === 'all' && this.aggregates.kind === 'all';
  }

  /** The user may read no statistics at all (no role, or a district user without a district). */
  get seesNothing(): boolean {
    return this.enterprises.kind === 'none' && this.aggregates.kind === 'none';
  }

  /** In-memory check of one enterprise (detail pages, single-row reads). */
  canSeeEnterprise(e: EnterpriseSubject): boolean {
    const s = this.enterprises;
    switch (s.kind) {
      case 'all':
        return true;
      case 'none':
        return false;
      case 'regions':
        return (e.districtId !== null && s.districtIds.includes(e.districtId)) || (e.parkId !== null && s.parkIds.includes(e.parkId));
      case 'industries':
        return e.industryNodeIds.some((id) => s.industryNodeIds.includes(id));
    }
  }

  /** In-memory check of an aggregate: `regionId` is the series' region, `cityRegionId` the root of the region tree. */
  canSeeAggregate(subject: { regionId: number; industryNodeId: number | null }, cityRegionId: number): boolean {
    const s = this.aggregates;
    if (s.kind === 'all') return true;
    if (s.kind === 'none') return false;
    return subject.regionId === cityRegionId || (subject.industryNodeId !== null && s.industryNodeIds.includes(subject.industryNodeId));
  }

  /**
   * Narrows a query to the enterprises this user may see. `alias` is the enterprise table's alias in
   * the query (columns `id`, `district_id`, `park_id`); for a table that only has an enterprise id
   * column (series, facts), join `enterprise` first or use `restrictEnterpriseIdColumn`.
   */
  restrictEnterprises<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
    const s = this.enterprises;
    switch (s.kind) {
      case 'all':
        return qb;
      case 'none':
        return qb.andWhere('1 = 0');
      case 'regions': {
        const parts: string[] = [];
        const params: Record<string, readonly number[]> = {};
        if (s.districtIds.length) {
          const p = param('district');
          parts.push(`${alias}.district_id IN (:...${p})`);
          params[p] = s.districtIds;
        }
        if (s.parkIds.length) {
          const p = param('park');
          parts.push(`${alias}.park_id IN (:...${p})`);
          params[p] = s.parkIds;
        }
        return parts.length ? qb.andWhere(`(${parts.join(' OR ')})`, params) : qb.andWhere('1 = 0');
      }
      case 'industries': {
        if (!s.industryNodeIds.length) return qb.andWhere('1 = 0');
        const p = param('industry');
        return qb.andWhere(
          `EXISTS (SELECT 1 FROM enterprise_industry scope_ei WHERE scope_ei.enterprise_id = ${alias}.id AND scope_ei.industry_node_id IN (:...${p}))`,
          { [p]: s.industryNodeIds },
        );
      }
    }
  }

  /**
   * Narrows a query on a column holding an enterprise id (e.g. `s.enterprise_id` of series): rows
   * with an enterprise id must name a visible enterprise; rows without one (aggregates) are not
   * touched here (see `restrictAggregates`).
   */
  restrictEnterpriseIdColumn<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string): SelectQueryBuilder<T> {
    const s = this.enterprises;
    if (s.kind === 'all') return qb;
    if (s.kind === 'none') return qb.andWhere(`${column} IS NULL`);
    const sub = qb.subQuery().select('scope_e.id').from('enterprise', 'scope_e');
    this.restrictEnterprises(sub, 'scope_e');
    // Parameters of the subquery are registered on the outer query by andWhere (same builder tree).
    qb.setParameters(sub.getParameters());
    return qb.andWhere(`(${column} IS NULL OR ${column} IN ${sub.getQuery()})`);
  }

  /**
   * Narrows a query on series (alias with `region_id`, `industry_node_id`) to the aggregates this user
   * may see: lead units keep city-level rows and rows of the industries they lead.
   */
  restrictAggregates<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, seriesAlias: string, cityRegionId: number): SelectQueryBuilder<T> {
    const s = this.aggregates;
    if (s.kind === 'all') return qb;
    if (s.kind === 'none') return qb.andWhere('1 = 0');
    const city = param('city');
    if (!s.industryNodeIds.length) return qb.andWhere(`${seriesAlias}.region_id = :${city}`, { [city]: cityRegionId });
    const ind = param('industry');
    return qb.andWhere(`(${seriesAlias}.region_id = :${city} OR ${seriesAlias}.industry_node_id IN (:...${ind}))`, {
      [city]: cityRegionId,
      [ind]: s.industryNodeIds,
    });
  }

  /**
   * Whether sub-city aggregates (district, park or region-level figures) of these industries may be
   * read: everyone with data access may, except lead units, who may only for industries they lead.
   * An empty list (figures over all industries) is not within a lead unit's industries.
   */
  canSeeBelowCity(industryNodeIds: readonly number[]): boolean {
    const s = this.aggregates;
    if (s.kind === 'all') return true;
    if (s.kind === 'none') return false;
    return industryNodeIds.length > 0 && industryNodeIds.every((id) => s.industryNodeIds.includes(id));
  }

  /** Both checks for a series row (aggregate or enterprise-level), given its enterprise when it has one. */
  canSeeSeries(series: SeriesSubject, cityRegionId: number, enterprise?: EnterpriseSubject | null): boolean {
    if (series.enterpriseId !== null) return !!enterprise && this.canSeeEnterprise(enterprise);
    return this.canSeeAggregate(series, cityRegionId);
  }
}
