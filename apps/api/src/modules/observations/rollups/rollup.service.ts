import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { IndustryNode } from '../../catalog/entities/industry-node.entity';
import { Region } from '../../catalog/entities/region.entity';
import { UploadBatch } from '../../ingest/entities/upload-batch.entity';
import { Observation } from '../entities/observation.entity';
import { ObservationRevision } from '../entities/observation-revision.entity';
import { Series } from '../entities/series.entity';
import { industryClosure, regionClosure, sameClosure, type ClosureRow } from './closure';
import { RollupBatchState } from './entities/rollup-batch-state.entity';
import { RollupEnterprisePoint } from './entities/rollup-enterprise-point.entity';
import { RollupEnterpriseSum } from './entities/rollup-enterprise-sum.entity';
import { RollupIndustryClosure } from './entities/rollup-industry-closure.entity';
import { RollupRegionClosure } from './entities/rollup-region-closure.entity';

export interface YearMonth {
  year: number;
  month: number;
}

export interface RollupRefreshResult {
  /** Months recomputed (all months of the data for a full refresh). */
  months: number;
  /** Rollup rows written. */
  rows: number;
  /** Batches marked as taken into account. */
  batches: number[];
  full: boolean;
  ms: number;
}

/** Batch statuses whose observations the rollups reflect (a rolled-back batch's effect is undone). */
const SETTLED_STATUSES = ['committed', 'rolled_back'] as const;
/** More pending batches than this: one full refresh is cheaper than many partial ones. */
const FULL_REFRESH_ABOVE_PENDING = 20;
/** A declared period range of a batch longer than this is not expanded month by month. */
const MAX_DECLARED_MONTHS = 600;
const INSERT_COLUMNS = [
  'industry_node_id',
  'region_id',
  'period_year',
  'period_month',
  'indicator_id',
  'value_month',
  'value_ytd',
  'enterprises',
  'enterprises_month',
  'enterprises_ytd',
];

/**
 * Keeps the rollups (sums of the key enterprises per industry node × region × month, see
 * {@link RollupEnterpriseSum}) in step with the observations.
 *
 * - The upload pipeline calls {@link refreshForBatch} after a batch is committed or rolled back (inside
 *   its transaction with its EntityManager, or right after it).
 * - Anything else that writes observations without calling it (the demo loader, a script) is caught up
 *   by {@link refreshPending}: at start, and by the dashboards whenever the set of batches changed.
 *
 * The SQL is portable query-builder SQL (INSERT … SELECT … GROUP BY, no dialect functions). On MySQL
 * the sums are exact DECIMAL sums; on SQLite they are double sums of NUMERIC values, rounded back to
 * the column's scale when read (core/database/decimal.ts), as every other aggregate on SQLite.
 */
@Injectable()
export class RollupService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RollupService.name);
  private readonly listeners = new Set<() => void>();
  private pending: Promise<RollupRefreshResult> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const result = await this.refreshPending();
      if (result.batches.length) this.logger.log(`rollups refreshed for batches ${result.batches.join(', ')}: ${result.months} months, ${result.rows} rows in ${result.ms} ms`);
    } catch (e) {
      // The schema may not be migrated yet (MIGRATE_ON_START=false and `db:migrate` not run): the
      // dashboards retry on their next request; the API must still start.
      this.logger.warn(`rollups not refreshed at start: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Called after every refresh (the dashboards drop their cached answers). */
  onRefreshed(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Recomputes the rollups of every month a batch touched (its observations, the values it replaced,
   * and the period range it declares) and records the batch's current status. Idempotent. Pass the
   * EntityManager of the commit/rollback transaction to update the rollups atomically with the data.
   */
  async refreshForBatch(batchId: number, manager?: EntityManager): Promise<RollupRefreshResult> {
    return this.inTransaction(manager, async (m) => {
      const started = Date.now();
      const batch = await m.getRepository(UploadBatch).findOne({ where: { id: batchId } });
      const periods = await this.periodsOfBatch(m, batchId, batch);
      const result = await this.recompute(m, periods);
      if (batch) await this.markBatches(m, [{ id: batch.id, status: batch.status }]);
      return { ...result, batches: batch ? [batch.id] : [], ms: Date.now() - started };
    });
  }

  /**
   * Recomputes the given months (for writers that know exactly which months changed, e.g. derived
   * values recomputed in other months than the file's).
   */
  async refreshPeriods(periods: readonly YearMonth[], manager?: EntityManager): Promise<RollupRefreshResult> {
    return this.inTransaction(manager, async (m) => {
      const started = Date.now();
      const result = await this.recompute(m, periods);
      return { ...result, batches: [], ms: Date.now() - started };
    });
  }

  /** Rebuilds every rollup from the observations and marks every settled batch as taken into account. */
  async refreshAll(manager?: EntityManager): Promise<RollupRefreshResult> {
    return this.inTransaction(manager, async (m) => {
      const started = Date.now();
      await this.syncClosures(m);
      const result = await this.rebuildAll(m);
      const batches = await m.getRepository(UploadBatch).find({ select: { id: true, status: true }, where: SETTLED_STATUSES.map((status) => ({ status })) });
      await this.markBatches(m, batches);
      return { ...result, batches: batches.map((b) => b.id), ms: Date.now() - started };
    });
  }

  /**
   * Refreshes for every batch whose status the rollups have not seen yet (new commits, rollbacks).
   * Concurrent callers share one run.
   */
  refreshPending(): Promise<RollupRefreshResult> {
    if (!this.pending) {
      this.pending = this.runPending().finally(() => {
        this.pending = null;
      });
    }
    return this.pending;
  }

  /** Batches whose current status differs from the one the rollups recorded. */
  async pendingBatches(manager: EntityManager = this.dataSource.manager): Promise<{ id: number; status: string }[]> {
    const rows = await manager
      .createQueryBuilder()
      .select('b.id', 'id')
      .addSelect('b.status', 'status')
      .from(UploadBatch, 'b')
      .leftJoin(RollupBatchState, 'r', 'r.batch_id = b.id')
      .where('b.status IN (:...settled)', { settled: SETTLED_STATUSES })
      .andWhere('(r.batch_id IS NULL OR r.status <> b.status)')
      .orderBy('b.id', 'ASC')
      .getRawMany<{ id: number | string; status: string }>();
    return rows.map((r) => ({ id: Number(r.id), status: r.status }));
  }

  /** The largest refresh generation (part of the dashboards' data version). */
  async generation(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const row = await manager.createQueryBuilder().select('MAX(r.generation)', 'g').from(RollupBatchState, 'r').getRawOne<{ g: number | string | null }>();
    return row?.g === null || row?.g === undefined ? 0 : Number(row.g);
  }

  private async runPending(): Promise<RollupRefreshResult> {
    const started = Date.now();
    const pending = await this.pendingBatches();
    if (!pending.length) return { months: 0, rows: 0, batches: [], full: false, ms: Date.now() - started };
    if (pending.length > FULL_REFRESH_ABOVE_PENDING) return this.refreshAll();
    const total: RollupRefreshResult = { months: 0, rows: 0, batches: [], full: false, ms: 0 };
    for (const batch of pending) {
      const r = await this.refreshForBatch(batch.id);
      total.months += r.months;
      total.rows += r.rows;
      total.full ||= r.full;
      total.batches.push(...r.batches);
    }
    return { ...total, ms: Date.now() - started };
  }

  private async inTransaction(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<RollupRefreshResult>): Promise<RollupRefreshResult> {
    const result = manager?.queryRunner?.isTransactionActive ? await work(manager) : await this.dataSource.transaction((m) => work(m));
    for (const listener of this.listeners) listener();
    return result;
  }

  /** Months a batch touched: its observations, the values it replaced or restored, its declared period range. */
  private async periodsOfBatch(m: EntityManager, batchId: number, batch: UploadBatch | null): Promise<YearMonth[]> {
    const found = new Map<number, YearMonth>();
    const add = (year: number | string, month: number | string) => {
      const p = { year: Number(year), month: Number(month) };
      found.set(p.year * 100 + p.month, p);
    };
    const fromObservations = await m
      .createQueryBuilder()
      .select('o.period_year', 'y')
      .addSelect('o.period_month', 'm')
      .distinct(true)
      .from(Observation, 'o')
      .innerJoin(Series, 's', 's.id = o.series_id')
      .where('o.batch_id = :batchId', { batchId })
      .andWhere('s.enterprise_id IS NOT NULL')
      .getRawMany<{ y: number; m: number }>();
    fromObservations.forEach((r) => add(r.y, r.m));
    const fromRevisions = await m
      .createQueryBuilder()
      .select('r.period_year', 'y')
      .addSelect('r.period_month', 'm')
      .distinct(true)
      .from(ObservationRevision, 'r')
      .innerJoin(Series, 's', 's.id = r.series_id')
      .where('r.replaced_by_batch_id = :batchId', { batchId })
      .andWhere('s.enterprise_id IS NOT NULL')
      .getRawMany<{ y: number; m: number }>();
    fromRevisions.forEach((r) => add(r.y, r.m));
    // A rollback may have removed the values a batch added: its declared period range still covers them.
    for (const p of declaredMonths(m, batch)) add(p.year, p.month);
    return [...found.values()];
  }

  private async recompute(m: EntityManager, periods: readonly YearMonth[]): Promise<Omit<RollupRefreshResult, 'batches' | 'ms'>> {
    const closuresChanged = await this.syncClosures(m);
    if (closuresChanged) return this.rebuildAll(m);
    if (!periods.length) return { months: 0, rows: 0, full: false };
    const byYear = new Map<number, number[]>();
    for (const p of periods) byYear.set(p.year, [...(byYear.get(p.year) ?? []), p.month]);
    let rows = 0;
    for (const [year, months] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
      const unique = [...new Set(months)].sort((a, b) => a - b);
      for (const table of [RollupEnterpriseSum, RollupEnterprisePoint]) {
        await m.createQueryBuilder().delete().from(table).where('period_year = :year', { year }).andWhere('period_month IN (:...months)', { months: unique }).execute();
      }
      rows += await this.insertSums(m, year, unique);
      await this.insertPoints(m, year, unique);
    }
    return { months: periods.length, rows, full: false };
  }

  private async rebuildAll(m: EntityManager): Promise<Omit<RollupRefreshResult, 'batches' | 'ms'>> {
    await m.createQueryBuilder().delete().from(RollupEnterpriseSum).execute();
    await m.createQueryBuilder().delete().from(RollupEnterprisePoint).execute();
    const years = await m
      .createQueryBuilder()
      .select('o.period_year', 'y')
      .addSelect('COUNT(DISTINCT o.period_month)', 'months')
      .from(Observation, 'o')
      .innerJoin(Series, 's', 's.id = o.series_id')
      .where('s.enterprise_id IS NOT NULL')
      .groupBy('o.period_year')
      .orderBy('o.period_year', 'ASC')
      .getRawMany<{ y: number | string; months: number | string }>();
    let rows = 0;
    let months = 0;
    for (const { y, months: n } of years) {
      rows += await this.insertSums(m, Number(y), null);
      await this.insertPoints(m, Number(y), null);
      months += Number(n);
    }
    return { months, rows, full: true };
  }

  /**
   * INSERT … SELECT of one year's sums (all months, or the given ones): first the enterprises are
   * summed per leaf subject (indicator × their own node × their own region × month), then the leaf
   * sums are rolled up through the closures, so that each observation is read once.
   */
  private async insertSums(m: EntityManager, year: number, months: number[] | null): Promise<number> {
    const select = m
      .createQueryBuilder()
      .select('ic.ancestor_id', 'industry_node_id')
      .addSelect('rc.ancestor_id', 'region_id')
      .addSelect('leaf.period_year', 'period_year')
      .addSelect('leaf.period_month', 'period_month')
      .addSelect('leaf.indicator_id', 'indicator_id')
      .addSelect('SUM(leaf.value_month)', 'value_month')
      .addSelect('SUM(leaf.value_ytd)', 'value_ytd')
      .addSelect('SUM(leaf.n)', 'enterprises')
      .addSelect('SUM(leaf.n_month)', 'enterprises_month')
      .addSelect('SUM(leaf.n_ytd)', 'enterprises_ytd')
      .from((sub) => {
        sub
          .select('s.indicator_id', 'indicator_id')
          .addSelect('s.industry_node_id', 'industry_node_id')
          .addSelect('s.region_id', 'region_id')
          .addSelect('o.period_year', 'period_year')
          .addSelect('o.period_month', 'period_month')
          .addSelect('SUM(o.value_month)', 'value_month')
          .addSelect('SUM(o.value_ytd)', 'value_ytd')
          .addSelect('COUNT(*)', 'n')
          .addSelect('COUNT(o.value_month)', 'n_month')
          .addSelect('COUNT(o.value_ytd)', 'n_ytd')
          .from(Observation, 'o')
          .innerJoin(Series, 's', 's.id = o.series_id')
          .where('o.period_year = :year', { year })
          .andWhere('s.enterprise_id IS NOT NULL')
          .andWhere('s.industry_node_id IS NOT NULL')
          .andWhere('s.granularity = :granularity', { granularity: 'month' })
          .groupBy('s.indicator_id')
          .addGroupBy('s.industry_node_id')
          .addGroupBy('s.region_id')
          .addGroupBy('o.period_year')
          .addGroupBy('o.period_month');
        if (months) sub.andWhere('o.period_month IN (:...months)', { months });
        return sub;
      }, 'leaf')
      .innerJoin(RollupIndustryClosure, 'ic', 'ic.descendant_id = leaf.industry_node_id')
      .innerJoin(RollupRegionClosure, 'rc', 'rc.descendant_id = leaf.region_id')
      .groupBy('ic.ancestor_id')
      .addGroupBy('rc.ancestor_id')
      .addGroupBy('leaf.period_year')
      .addGroupBy('leaf.period_month')
      .addGroupBy('leaf.indicator_id');
    const [sql, params] = select.getQueryAndParameters();
    const driver = m.connection.driver;
    const table = driver.escape(m.connection.getMetadata(RollupEnterpriseSum).tableName);
    await m.query(`INSERT INTO ${table} (${INSERT_COLUMNS.map((c) => driver.escape(c)).join(', ')}) ${sql}`, params);
    const count = m
      .createQueryBuilder()
      .select('COUNT(*)', 'n')
      .from(RollupEnterpriseSum, 'r')
      .where('r.period_year = :year', { year });
    if (months) count.andWhere('r.period_month IN (:...months)', { months });
    const row = await count.getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  /** INSERT … SELECT of one year's enterprise points (all months, or the given ones). */
  private async insertPoints(m: EntityManager, year: number, months: number[] | null): Promise<void> {
    const select = m
      .createQueryBuilder()
      .select('o.period_year', 'period_year')
      .addSelect('o.period_month', 'period_month')
      .addSelect('o.series_id', 'series_id')
      .addSelect('s.industry_node_id', 'industry_node_id')
      .addSelect('s.region_id', 'region_id')
      .addSelect('s.indicator_id', 'indicator_id')
      .addSelect('s.enterprise_id', 'enterprise_id')
      .addSelect('o.value_ytd', 'value_ytd')
      .from(Observation, 'o')
      .innerJoin(Series, 's', 's.id = o.series_id')
      .where('o.period_year = :year', { year })
      .andWhere('s.enterprise_id IS NOT NULL')
      .andWhere('s.industry_node_id IS NOT NULL')
      .andWhere('s.granularity = :granularity', { granularity: 'month' });
    if (months) select.andWhere('o.period_month IN (:...months)', { months });
    const [sql, params] = select.getQueryAndParameters();
    const driver = m.connection.driver;
    const columns = ['period_year', 'period_month', 'series_id', 'industry_node_id', 'region_id', 'indicator_id', 'enterprise_id', 'value_ytd'];
    await m.query(`INSERT INTO ${driver.escape(m.connection.getMetadata(RollupEnterprisePoint).tableName)} (${columns.map((c) => driver.escape(c)).join(', ')}) ${sql}`, params);
  }

  /** Brings the closure tables in line with the reference trees; true when they changed (a full refresh is then due). */
  private async syncClosures(m: EntityManager): Promise<boolean> {
    const [nodes, regions] = await Promise.all([
      m.getRepository(IndustryNode).find({ select: { id: true, parentId: true } }),
      m.getRepository(Region).find({ select: { id: true, parentId: true, zoneId: true } }),
    ]);
    const changedIndustry = await this.syncClosure(m, RollupIndustryClosure, industryClosure(nodes));
    const changedRegion = await this.syncClosure(m, RollupRegionClosure, regionClosure(regions));
    return changedIndustry || changedRegion;
  }

  private async syncClosure(m: EntityManager, entity: typeof RollupIndustryClosure | typeof RollupRegionClosure, wanted: ClosureRow[]): Promise<boolean> {
    const repo = m.getRepository<ClosureRow>(entity);
    const stored = await repo.find();
    if (sameClosure(stored, wanted)) return false;
    await m.createQueryBuilder().delete().from(entity).execute();
    for (let i = 0; i < wanted.length; i += 500) await m.createQueryBuilder().insert().into(entity).values(wanted.slice(i, i + 500)).execute();
    // An empty table before (first refresh) is not a change of the trees: the rollups are rebuilt anyway.
    return stored.length > 0;
  }

  private async markBatches(m: EntityManager, batches: readonly { id: number; status: string }[]): Promise<void> {
    if (!batches.length) return;
    const generation = (await this.generation(m)) + 1;
    const now = new Date();
    const rows = batches.map((b) => ({ batchId: b.id, status: b.status, generation, refreshedAt: now }));
    for (let i = 0; i < rows.length; i += 500) await m.getRepository(RollupBatchState).upsert(rows.slice(i, i + 500), ['batchId']);
  }
}

/** The months of a batch's declared period range (columns added by the upload pipeline), if any. */
function declaredMonths(m: EntityManager, batch: UploadBatch | null): YearMonth[] {
  if (!batch) return [];
  const meta = m.connection.getMetadata(UploadBatch);
  if (!meta.findColumnWithPropertyName('periodFromYear') || !meta.findColumnWithPropertyName('periodFromMonth')) return [];
  const record = batch as unknown as Record<string, number | null>;
  const [fy, fm, ty, tm] = [record.periodFromYear, record.periodFromMonth, batch.periodYear, batch.periodMonth];
  if (!fy || !fm || !ty || !tm) return [];
  const from = fy * 12 + fm - 1;
  const to = ty * 12 + tm - 1;
  if (to < from || to - from > MAX_DECLARED_MONTHS) return [];
  const out: YearMonth[] = [];
  for (let i = from; i <= to; i++) out.push({ year: Math.floor(i / 12), month: (i % 12) + 1 });
  return out;
}
