/**
 * Rollback of a committed batch, in one transaction: every observation it replaced gets its previous
 * values, provenance and version back from the revisions, the observations it added are removed, and
 * so are its revisions and the series it created — exactly the state before the batch. Refused (with
 * the batches to roll back first) when a later batch changed the same observations, or when values a
 * later batch stored were derived from this batch's (本月 derived from its 累计, YoY computed against
 * it): undoing it would leave them wrong.
 */
import { Injectable, Logger } from '@nestjs/common';
import { AppException } from '../../../core/errors/app.exception';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ObservationWriter } from '../../observations/observation-writer';
import { Indicator } from '../../catalog/entities/indicator.entity';
import { Series } from '../../observations/entities/series.entity';
import { isReferenceDataset, ReferenceWriterService, type ReferenceDataset } from '../../catalog/reference-writer.service';
import { UploadBatch } from '../entities/upload-batch.entity';
import { UploadChange } from '../entities/upload-change.entity';
import { decodeReferenceChange } from './reference-changes';
import { IngestException } from '../ingest.exception';
import { toStoredObservation } from '../pipeline/plan-changes';
import { planSeries } from '../plan/series-planner';
import { acquirePeriodLocks, isLockConflict, releasePeriodLocks, retryLockDeadlocks, TurnQueue, withLockWait } from './period-locks';

export interface RollbackOutcome {
  batch: UploadBatch;
  restored: number;
  removed: number;
}

@Injectable()
export class BatchRollback {
  private readonly logger = new Logger(BatchRollback.name);
  private readonly turns = new TurnQueue();

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ObservationWriter,
    private readonly referenceWriter: ReferenceWriterService,
  ) {}

  private get mysql(): boolean {
    const t = this.dataSource.options.type;
    return t === 'mysql' || t === 'mariadb';
  }

  async rollback(batchId: number, actorId: number | null, lockWaitSeconds: number): Promise<RollbackOutcome> {
    const repo = this.dataSource.getRepository(UploadBatch);
    const batch = await repo.findOneBy({ id: batchId });
    if (!batch) throw IngestException.batchNotFound(batchId);
    const claimed = await repo
      .createQueryBuilder()
      .update(UploadBatch)
      .set({ status: 'processing' })
      .where('id = :id AND status = :status', { id: batchId, status: 'committed' })
      .execute();
    if (!claimed.affected) {
      const why: Record<string, string> = {
        processing: '正在提交或回滚，请稍后',
        rolled_back: '已经回滚过',
        validated: '尚未提交',
        rejected: '文件未能通过校验，从未提交',
        duplicate: '与已提交的批次相同，从未提交',
        failed: '提交未完成，没有写入任何数据',
      };
      throw IngestException.notRollbackable(batchId, why[batch.status] ?? batch.status);
    }

    try {
      const dataset = batch.dataset;
      const inTransaction = (m: EntityManager) =>
        withLockWait(m, lockWaitSeconds, async () => {
          if (isReferenceDataset(dataset)) {
            await m.getRepository(UploadBatch).update(batchId, { message: null });
            await acquirePeriodLocks(m, dataset, [0], batchId);
            const result = await this.revertReference(m, batchId, dataset);
            await m.getRepository(UploadBatch).update(batchId, { status: 'rolled_back', rolledBackAt: new Date(), rolledBackById: actorId });
            await releasePeriodLocks(m, batchId);
            return result;
          }
          await m.getRepository(UploadBatch).update(batchId, { message: null });
          await acquirePeriodLocks(m, batch.dataset, this.monthsOf(batch), batchId);
          const later = await this.writer.laterChanges(m, batchId);
          if (later.length) throw IngestException.laterBatches(batchId, later);
          const touched = await this.touchedSeriesYears(m, batchId);
          const result = await this.writer.revertBatch(m, batchId);
          const dependants = await this.dependantBatches(m, touched);
          if (dependants.length) throw IngestException.laterBatches(batchId, dependants);
          await m.getRepository(UploadBatch).update(batchId, { status: 'rolled_back', rolledBackAt: new Date(), rolledBackById: actorId });
          await releasePeriodLocks(m, batchId);
          return result;
        });
      const work = () => (this.mysql ? this.dataSource.transaction('READ COMMITTED', inTransaction) : this.dataSource.transaction(inTransaction));
      const result = await (this.mysql ? retryLockDeadlocks(work) : this.turns.run(work));
      return { batch: await repo.findOneByOrFail({ id: batchId }), restored: result.restored, removed: result.removed };
    } catch (error) {
      await repo.update(batchId, { status: 'committed', message: error instanceof AppException ? error.message : '回滚失败，数据未改变，可以重试' }).catch(() => undefined);
      if (isLockConflict(error)) throw IngestException.busy('同一数据集、同一期间的另一批数据正在提交或回滚');
      if (!(error instanceof AppException)) this.logger.error(`rollback of batch ${batchId} failed`, error instanceof Error ? error.stack : String(error));
      throw error;
    }
  }

  /**
   * A reference batch: refused while a later committed batch of the same list changed one of its
   * rows; otherwise every row it added or changed goes back to its state before the batch (the
   * catalog refuses to delete a row something else now refers to).
   */
  private async revertReference(m: EntityManager, batchId: number, dataset: ReferenceDataset): Promise<{ restored: number; removed: number }> {
    const own = (await m.getRepository(UploadChange).find({ where: { batchId }, order: { seq: 'ASC' } }))
      .map((c) => decodeReferenceChange(c.fieldsJson))
      .filter((c): c is NonNullable<typeof c> => c !== null);
    const keys = new Set(own.map((c) => c.key));
    const later = await m
      .getRepository(UploadBatch)
      .createQueryBuilder('b')
      .select(['b.id'])
      .where('b.dataset = :dataset AND b.status = :status AND b.id > :id', { dataset, status: 'committed', id: batchId })
      .getMany();
    const blockers: number[] = [];
    for (const b of later) {
      const changes = await m.getRepository(UploadChange).find({ select: { fieldsJson: true }, where: { batchId: b.id } });
      if (changes.some((c) => keys.has(decodeReferenceChange(c.fieldsJson)?.key ?? ''))) blockers.push(b.id);
    }
    if (blockers.length) throw IngestException.laterBatches(batchId, blockers.sort((a, b) => a - b));
    return this.referenceWriter.restore(m, dataset, own);
  }

  /** The months of the batch's period range (its locks). */
  private monthsOf(b: UploadBatch): number[] {
    if (b.periodYear === null || b.periodMonth === null) return [];
    const from = (b.periodFromYear ?? b.periodYear) * 12 + (b.periodFromMonth ?? b.periodMonth) - 1;
    const to = b.periodYear * 12 + b.periodMonth - 1;
    const out: number[] = [];
    for (let i = from; i <= to; i++) out.push(Math.floor(i / 12) * 100 + (i % 12) + 1);
    return out;
  }

  /** Series and years the batch wrote (inserted or replaced). */
  private async touchedSeriesYears(m: EntityManager, batchId: number): Promise<Map<number, Set<number>>> {
    const rows: { series_id: number | string; period_year: number | string }[] = await m.query(
      `SELECT DISTINCT series_id, period_year FROM observation WHERE batch_id = ?
       UNION SELECT DISTINCT series_id, period_year FROM observation_revision WHERE replaced_by_batch_id = ?`,
      [batchId, batchId],
    );
    const out = new Map<number, Set<number>>();
    for (const r of rows) {
      const set = out.get(Number(r.series_id)) ?? new Set<number>();
      set.add(Number(r.period_year));
      out.set(Number(r.series_id), set);
    }
    return out;
  }

  /**
   * After the revert: derives the touched years again (and the computed YoY of the year after). A value
   * that would change belongs to a later batch that depended on this one — except values of the demo
   * dataset, whose generator rounds its nominal YoY differently.
   */
  private async dependantBatches(m: EntityManager, touched: Map<number, Set<number>>): Promise<number[]> {
    const seriesIds = [...touched.keys()];
    if (!seriesIds.length) return [];
    const indicators = new Map((await m.getRepository(Indicator).find()).map((i) => [i.id, i]));
    const demo = new Set((await m.getRepository(UploadBatch).find({ select: { id: true }, where: { isDemo: true } })).map((b) => b.id));
    const stale: { id: number; batchId: number }[] = [];
    for (let i = 0; i < seriesIds.length; i += 500) {
      const part = seriesIds.slice(i, i + 500);
      const series = await m.getRepository(Series).find({ where: { id: In(part) } });
      const years = part.flatMap((id) => [...touched.get(id)!]);
      const rows = await this.writer.load(m, part, Math.min(...years) - 1, Math.max(...years) + 1);
      const bySeries = new Map<number, ReturnType<typeof toStoredObservation>[]>();
      for (const r of rows) {
        const list = bySeries.get(r.seriesId) ?? [];
        list.push(toStoredObservation(r));
        bySeries.set(r.seriesId, list);
      }
      for (const s of series) {
        const plan = planSeries({
          flow: indicators.get(s.indicatorId)?.kind === 'flow',
          granularity: s.granularity,
          file: [],
          stored: bySeries.get(s.id) ?? [],
          swingWarnPct: Infinity,
          label: '',
          allowDecrease: true,
          rederiveYears: [...touched.get(s.id)!],
        });
        for (const c of plan.changes) if (c.before) stale.push({ id: c.before.id, batchId: c.before.batchId });
      }
    }
    const blockers = new Set<number>();
    for (const o of stale) {
      // The batch that made the observation what it is: its latest revision's, else its own.
      const last: { b: number | string }[] = await m.query('SELECT replaced_by_batch_id AS b FROM observation_revision WHERE observation_id = ? ORDER BY version DESC LIMIT 1', [o.id]);
      const writer = last.length ? Number(last[0].b) : o.batchId;
      if (!demo.has(writer)) blockers.add(writer);
    }
    return [...blockers].sort((a, b) => a - b);
  }
}
