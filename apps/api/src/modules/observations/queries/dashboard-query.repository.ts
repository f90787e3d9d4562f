import { Injectable } from '@nestjs/common';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { BatchRefDto } from '@im/contracts';
import { normalizeDecimal } from '../../../core/database/decimal';
import { Enterprise } from '../../catalog/entities/enterprise.entity';
import { UploadBatch } from '../../ingest/entities/upload-batch.entity';
import { Observation } from '../entities/observation.entity';
import { Series } from '../entities/series.entity';
import { RollupEnterprisePoint } from '../rollups/entities/rollup-enterprise-point.entity';
import { RollupEnterpriseSum } from '../rollups/entities/rollup-enterprise-sum.entity';
import { RollupRegionClosure } from '../rollups/entities/rollup-region-closure.entity';
import type { Ym } from './ym';

/** One stored point, decimals as exact strings. */
export interface PointRow {
  seriesId: number;
  year: number;
  month: number;
  valueMonth: string | null;
  valueYtd: string | null;
  yoyMonthPct: string | null;
  yoyYtdPct: string | null;
  monthDerived: boolean;
  ytdDerived: boolean;
  yoyComputed: boolean;
  mergedJanFeb: boolean;
  batchId: number;
  sourceRow: number;
}

export interface EnterprisePointRow extends PointRow {
  indicatorId: number;
  industryNodeId: number;
  regionId: number;
  enterprise: {
    id: number;
    creditCode: string;
    name: string;
    parkId: number | null;
    districtId: number | null;
    aboveScale: boolean;
    hnte: boolean;
    littleGiant: boolean;
    champion: boolean;
    chainLeader: boolean;
  };
}

/** A row of the enterprise rollup. */
export interface EnterpriseSumRow {
  industryNodeId: number;
  regionId: number;
  indicatorId: number;
  year: number;
  month: number;
  valueMonth: string | null;
  valueYtd: string | null;
  enterprises: number;
}

/**
 * Which enterprises a reader may see. Every enterprise-level query takes one, so that a district
 * user's or a lead unit's restriction is applied here, server-side, in one place. The shape is the
 * one the access layer builds from the session (`AccessScope.enterprises`); without users, `all`.
 */
export type EnterpriseScope =
  | { kind: 'all' }
  | { kind: 'none' }
  /** Enterprises whose district is one of `districtIds` or whose park is one of `parkIds`. */
  | { kind: 'regions'; districtIds: readonly number[]; parkIds: readonly number[] }
  /** Enterprises classified in one of the industries (the list includes every descendant). */
  | { kind: 'industries'; industryNodeIds: readonly number[] };
export const UNRESTRICTED: EnterpriseScope = Object.freeze({ kind: 'all' });

/** A stable text of a scope, for cache keys. */
export function scopeKey(scope: EnterpriseScope): string {
  switch (scope.kind) {
    case 'all':
    case 'none':
      return scope.kind;
    case 'regions':
      return `r${[...scope.districtIds].sort((a, b) => a - b).join('.')}p${[...scope.parkIds].sort((a, b) => a - b).join('.')}`;
    case 'industries':
      return `i${[...scope.industryNodeIds].sort((a, b) => a - b).join('.')}`;
  }
}

/**
 * Restricts a query on enterprise rows (the alias holding `industry_node_id`, joined enterprise `e`) to
 * the scope; false when nothing is visible.
 */
function applyEnterpriseScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: EnterpriseScope, alias = 's'): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'regions':
      if (!scope.districtIds.length && !scope.parkIds.length) return false;
      qb.andWhere('(e.district_id IN (:...scopeDistricts) OR e.park_id IN (:...scopeParks))', {
        scopeDistricts: scope.districtIds.length ? scope.districtIds : [-1],
        scopeParks: scope.parkIds.length ? scope.parkIds : [-1],
      });
      return true;
    case 'industries':
      if (!scope.industryNodeIds.length) return false;
      qb.andWhere(`${alias}.industry_node_id IN (:...scopeIndustries)`, { scopeIndustries: scope.industryNodeIds });
      return true;
  }
}

export interface EnterpriseRankingOptions {
  scope: EnterpriseScope;
  /** Enterprise series of these industry nodes (a subtree). */
  industryNodeIds: readonly number[];
  /** Restrict to enterprises located in these regions (series region), e.g. the parks of a district. */
  regionIds?: readonly number[];
  /** Restrict to these indicators (default: any; an industry's sub-fields mix 产值 and 营收). */
  indicatorIds?: readonly number[];
  period: Ym;
  limit: number;
}

export interface EnterpriseSumOptions {
  scope: EnterpriseScope;
  industryNodeIds: readonly number[];
  regionIds: readonly number[];
  indicatorIds?: readonly number[];
  years: readonly number[];
  /** One month (of every year), or every month when omitted. */
  month?: number;
}

const POINT_COLUMNS = [
  'o.series_id AS seriesId',
  'o.period_year AS year',
  'o.period_month AS month',
  'o.value_month AS valueMonth',
  'o.value_ytd AS valueYtd',
  'o.yoy_month_pct AS yoyMonthPct',
  'o.yoy_ytd_pct AS yoyYtdPct',
  'o.month_derived AS monthDerived',
  'o.ytd_derived AS ytdDerived',
  'o.yoy_computed AS yoyComputed',
  'o.merged_jan_feb AS mergedJanFeb',
  'o.batch_id AS batchId',
  'o.source_row AS sourceRow',
] as const;

type Raw = Record<string, unknown>;

const bool = (v: unknown): boolean => v === true || v === 1 || v === '1';
const dec = (v: unknown): string | null => normalizeDecimal(v, 4);

function toPoint(r: Raw): PointRow {
  return {
    seriesId: Number(r.seriesId),
    year: Number(r.year),
    month: Number(r.month),
    valueMonth: dec(r.valueMonth),
    valueYtd: dec(r.valueYtd),
    yoyMonthPct: dec(r.yoyMonthPct),
    yoyYtdPct: dec(r.yoyYtdPct),
    monthDerived: bool(r.monthDerived),
    ytdDerived: bool(r.ytdDerived),
    yoyComputed: bool(r.yoyComputed),
    mergedJanFeb: bool(r.mergedJanFeb),
    batchId: Number(r.batchId),
    sourceRow: Number(r.sourceRow),
  };
}

/**
 * The SQL of the dashboards: portable query-builder SQL (no dialect functions), each query served by
 * an index (`observation(series_id, period_year, period_month)`, `observation(period_year,
 * period_month)`) or by the rollup's primary key. Aliases are quoted by the driver, so raw rows come
 * back under the same names on MySQL and SQLite; decimals are normalised to exact strings.
 */
@Injectable()
export class DashboardQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  private select(): SelectQueryBuilder<Observation> {
    const qb = this.dataSource.getRepository(Observation).createQueryBuilder('o').select([]);
    for (const column of POINT_COLUMNS) {
      const [expr, alias] = column.split(' AS ');
      qb.addSelect(expr, alias);
    }
    return qb;
  }

  /** Points of the series in one month of the given years (e.g. this year and last year). */
  async pointsAtMonth(seriesIds: readonly number[], years: readonly number[], month: number): Promise<PointRow[]> {
    if (!seriesIds.length || !years.length) return [];
    const rows = await this.select()
      .where('o.series_id IN (:...seriesIds)', { seriesIds })
      .andWhere('o.period_year IN (:...years)', { years })
      .andWhere('o.period_month = :month', { month })
      .getRawMany<Raw>();
    return rows.map(toPoint);
  }

  /** Points of one series from `from` to `to` (inclusive, either open), in period order. */
  async seriesPoints(seriesId: number, from?: Ym, to?: Ym): Promise<PointRow[]> {
    const qb = this.select().where('o.series_id = :seriesId', { seriesId });
    if (from) qb.andWhere('(o.period_year > :fy OR (o.period_year = :fy AND o.period_month >= :fm))', { fy: from.year, fm: from.month });
    if (to) qb.andWhere('(o.period_year < :ty OR (o.period_year = :ty AND o.period_month <= :tm))', { ty: to.year, tm: to.month });
    const rows = await qb.orderBy('o.period_year', 'ASC').addOrderBy('o.period_month', 'ASC').getRawMany<Raw>();
    return rows.map(toPoint);
  }

  /** The December points of a series (annual values: December YTD of a flow, year-end level of a stock). */
  async decemberPoints(seriesId: number): Promise<PointRow[]> {
    const rows = await this.select()
      .where('o.series_id = :seriesId', { seriesId })
      .andWhere('o.period_month = 12')
      .orderBy('o.period_year', 'ASC')
      .getRawMany<Raw>();
    return rows.map(toPoint);
  }

  /** The latest month with a point in any of the series. */
  async latestPeriod(seriesIds: readonly number[]): Promise<Ym | null> {
    if (!seriesIds.length) return null;
    const row = await this.dataSource
      .getRepository(Observation)
      .createQueryBuilder('o')
      .select('MAX(o.period_year * 100 + o.period_month)', 'p')
      .where('o.series_id IN (:...seriesIds)', { seriesIds })
      .getRawOne<{ p: number | string | null }>();
    if (row?.p === null || row?.p === undefined) return null;
    const p = Number(row.p);
    return { year: Math.floor(p / 100), month: p % 100 };
  }

  async batches(ids: Iterable<number>): Promise<BatchRefDto[]> {
    const list = [...new Set(ids)].sort((a, b) => a - b);
    if (!list.length) return [];
    const rows = await this.dataSource
      .getRepository(UploadBatch)
      .createQueryBuilder('b')
      .select(['b.id', 'b.fileName', 'b.isDemo'])
      .where('b.id IN (:...list)', { list })
      .orderBy('b.id', 'ASC')
      .getMany();
    return rows.map((b) => ({ batchId: b.id, fileName: b.fileName, demo: b.isDemo }));
  }

  /** Subject (non-enterprise) points of one year, for the completeness matrix. */
  async subjectPointsOfYear(year: number): Promise<PointRow[]> {
    const rows = await this.select()
      .innerJoin(Series, 's', 's.id = o.series_id')
      .where('s.enterprise_id IS NULL')
      .andWhere('o.period_year = :year', { year })
      .getRawMany<Raw>();
    return rows.map(toPoint);
  }

  // -------------------------------------------------------------------------------------------
  // Enterprise level: every query below applies an EnterpriseScope.

  /**
   * The top `limit` enterprises by 1–本月累计 in a period (ties by credit code), with their details. The
   * order comes from the period-clustered rollup of enterprise points (one contiguous range per month);
   * the figures themselves from `observation`, with their batch and row.
   */
  async enterpriseRanking(options: EnterpriseRankingOptions): Promise<EnterprisePointRow[]> {
    if (!options.industryNodeIds.length || (options.regionIds && !options.regionIds.length)) return [];
    // The top N first, from the rollup alone (a range of one period), then their details: joining the
    // enterprises before the sort would read every enterprise of the industry.
    const top = this.dataSource
      .createQueryBuilder()
      .select('p.series_id', 'seriesId')
      .addSelect('p.indicator_id', 'indicatorId')
      .addSelect('p.industry_node_id', 'industryNodeId')
      .addSelect('p.region_id', 'regionId')
      .addSelect('p.enterprise_id', 'enterpriseId')
      .addSelect('p.value_ytd', 'valueYtd')
      .from(RollupEnterprisePoint, 'p')
      .where('p.period_year = :year', { year: options.period.year })
      .andWhere('p.period_month = :month', { month: options.period.month })
      .andWhere('p.industry_node_id IN (:...industryNodeIds)', { industryNodeIds: options.industryNodeIds })
      .andWhere('p.value_ytd IS NOT NULL');
    if (options.regionIds) top.andWhere('p.region_id IN (:...regionIds)', { regionIds: options.regionIds });
    if (options.indicatorIds?.length) top.andWhere('p.indicator_id IN (:...indicatorIds)', { indicatorIds: options.indicatorIds });
    if (options.scope.kind === 'regions') top.innerJoin(Enterprise, 'e', 'e.id = p.enterprise_id');
    if (!applyEnterpriseScope(top, options.scope, 'p')) return [];
    top.orderBy('p.value_ytd', 'DESC').addOrderBy('p.series_id', 'ASC').limit(options.limit);
    const ranked = await this.dataSource
      .createQueryBuilder()
      .select('t.seriesId', 'seriesId')
      .addSelect('t.indicatorId', 'indicatorId')
      .addSelect('t.industryNodeId', 'industryNodeId')
      .addSelect('t.regionId', 'regionId')
      .addSelect('e.id', 'eId')
      .addSelect('e.credit_code', 'eCreditCode')
      .addSelect('e.name', 'eName')
      .addSelect('e.park_id', 'eParkId')
      .addSelect('e.district_id', 'eDistrictId')
      .addSelect('e.above_scale', 'eAboveScale')
      .addSelect('e.hnte', 'eHnte')
      .addSelect('e.little_giant', 'eLittleGiant')
      .addSelect('e.champion', 'eChampion')
      .addSelect('e.chain_leader', 'eChainLeader')
      .from(`(${top.getQuery()})`, 't')
      .setParameters(top.getParameters())
      .innerJoin(Enterprise, 'e', 'e.id = t.enterpriseId')
      .orderBy('t.valueYtd', 'DESC')
      .addOrderBy('t.seriesId', 'ASC')
      .getRawMany<Raw>();
    const points = new Map((await this.pointsAtMonth(ranked.map((r) => Number(r.seriesId)), [options.period.year], options.period.month)).map((p) => [p.seriesId, p]));
    return ranked
      .filter((r) => points.has(Number(r.seriesId)))
      .map((r) => ({
        ...points.get(Number(r.seriesId))!,
        indicatorId: Number(r.indicatorId),
        industryNodeId: Number(r.industryNodeId),
        regionId: Number(r.regionId),
        enterprise: {
          id: Number(r.eId),
          creditCode: String(r.eCreditCode),
          name: String(r.eName),
          parkId: r.eParkId === null || r.eParkId === undefined ? null : Number(r.eParkId),
          districtId: r.eDistrictId === null || r.eDistrictId === undefined ? null : Number(r.eDistrictId),
          aboveScale: bool(r.eAboveScale),
          hnte: bool(r.eHnte),
          littleGiant: bool(r.eLittleGiant),
          champion: bool(r.eChampion),
          chainLeader: bool(r.eChainLeader),
        },
      }));
  }

  /** Rollup sums of the enterprises per industry node × region × indicator × month. */
  async enterpriseSums(options: EnterpriseSumOptions): Promise<EnterpriseSumRow[]> {
    if (!options.industryNodeIds.length || !options.regionIds.length || !options.years.length) return [];
    const qb = this.dataSource
      .createQueryBuilder()
      .select('r.industry_node_id', 'industryNodeId')
      .addSelect('r.region_id', 'regionId')
      .addSelect('r.indicator_id', 'indicatorId')
      .addSelect('r.period_year', 'year')
      .addSelect('r.period_month', 'month')
      .addSelect('r.value_month', 'valueMonth')
      .addSelect('r.value_ytd', 'valueYtd')
      .addSelect('r.enterprises', 'enterprises')
      .from(RollupEnterpriseSum, 'r')
      .where('r.industry_node_id IN (:...industryNodeIds)', { industryNodeIds: options.industryNodeIds })
      .andWhere('r.region_id IN (:...regionIds)', { regionIds: options.regionIds })
      .andWhere('r.period_year IN (:...years)', { years: options.years });
    if (options.month !== undefined) qb.andWhere('r.period_month = :month', { month: options.month });
    if (options.indicatorIds?.length) qb.andWhere('r.indicator_id IN (:...indicatorIds)', { indicatorIds: options.indicatorIds });
    // A rollup row sums a whole region × subtree: visible only when all of it is within the scope.
    const scope = options.scope;
    if (scope.kind === 'none') return [];
    if (scope.kind === 'regions') {
      const allowed = [...scope.districtIds, ...scope.parkIds];
      if (!allowed.length) return [];
      qb.innerJoin(RollupRegionClosure, 'sc', 'sc.descendant_id = r.region_id').andWhere('sc.ancestor_id IN (:...scopeRegions)', { scopeRegions: allowed });
    }
    if (scope.kind === 'industries') {
      if (!scope.industryNodeIds.length) return [];
      qb.andWhere('r.industry_node_id IN (:...scopeIndustries)', { scopeIndustries: scope.industryNodeIds });
    }
    const rows = await qb.getRawMany<Raw>();
    return rows.map((r) => ({
      industryNodeId: Number(r.industryNodeId),
      regionId: Number(r.regionId),
      indicatorId: Number(r.indicatorId),
      year: Number(r.year),
      month: Number(r.month),
      valueMonth: dec(r.valueMonth),
      valueYtd: dec(r.valueYtd),
      enterprises: Number(r.enterprises),
    }));
  }

  /** Monthly enterprise series per (own) region and indicator: how many enterprises are expected to report. */
  async enterpriseSeriesCounts(scope: EnterpriseScope): Promise<{ regionId: number; indicatorId: number; count: number }[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select('s.region_id', 'regionId')
      .addSelect('s.indicator_id', 'indicatorId')
      .addSelect('COUNT(*)', 'n')
      .from(Series, 's')
      .where('s.enterprise_id IS NOT NULL')
      .andWhere('s.industry_node_id IS NOT NULL')
      .andWhere('s.granularity = :granularity', { granularity: 'month' })
      .groupBy('s.region_id')
      .addGroupBy('s.indicator_id');
    if (scope.kind === 'regions') qb.innerJoin(Enterprise, 'e', 'e.id = s.enterprise_id');
    if (!applyEnterpriseScope(qb, scope)) return [];
    const rows = await qb.getRawMany<Raw>();
    return rows.map((r) => ({ regionId: Number(r.regionId), indicatorId: Number(r.indicatorId), count: Number(r.n) }));
  }
}
