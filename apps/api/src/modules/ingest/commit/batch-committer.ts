/**
 * Commit of a validated batch, in one transaction: the raw file is read again (phase one, outside
 * the transaction), rows with errors must have been excluded explicitly, then — inside — the period
 * locks are taken, an identical committed file is refused, the changes are planned against the
 * stored observations (locked for update on MySQL) and written with multi-row statements: new
 * observations inserted, replaced ones overwritten after their old values were kept as revisions
 * (who, when, which batch). Either everything is stored or nothing.
 */
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UploadCommitRequestDto } from '@im/contracts';
import { ObservationWriter, type ObservationWrite, type RevisionWrite, type ObservationValues } from '../../observations/observation-writer';
import { isReferenceDataset, ReferenceWriterService, type ReferenceDataset } from '../../catalog/reference-writer.service';
import { UploadBatch } from '../entities/upload-batch.entity';
import { UploadChange } from '../entities/upload-change.entity';
import { IngestException } from '../ingest.exception';
import { planChanges, type SeriesChange, type StoredAccess } from '../pipeline/plan-changes';
import { excludeRows, prepareFile, referenceDiffItem, referenceTotals, type PreparedFile } from '../pipeline/run-pipeline';
import type { ParseInput } from '../pipeline/parse-file';
import type { ObsState } from '../plan/series-planner';
import type { SeriesEntry } from '../records/record-store';
import { fromScaled } from '../records/scaled';
import { IngestTuning } from './ingest-tuning';
import { encodeReferenceChange } from './reference-changes';
import { acquirePeriodLocks, isLockConflict, releasePeriodLocks, retryLockDeadlocks, TurnQueue, withLockWait } from './period-locks';

export interface CommitInput {
  batch: UploadBatch;
  parse: ParseInput;
  /** The dry run's phase one, when this process still has it (else the file is read again). */
  prepared?: PreparedFile | null;
  request: UploadCommitRequestDto;
  actorId: number | null;
  swingWarnPct: number;
  lockWaitSeconds: number;
}

export interface CommitOutcome {
  batch: UploadBatch;
}

export function valuesOf(s: ObsState): ObservationValues {
  return {
    valueMonth: fromScaled(s.vMonth),
    valueYtd: fromScaled(s.vYtd),
    yoyMonthPct: fromScaled(s.yoyM),
    yoyYtdPct: fromScaled(s.yoyY),
    monthDerived: s.monthDerived,
    ytdDerived: s.ytdDerived,
    yoyComputed: s.yoyComputed,
    mergedJanFeb: s.merged,
  };
}

export function seriesRow(e: SeriesEntry) {
  return {
    seriesKey: e.key,
    indicatorId: e.subject.indicator.id,
    industryNodeId: e.subject.industry?.id ?? null,
    regionId: e.subject.region.id,
    enterpriseId: e.subject.enterprise?.id ?? null,
    granularity: e.granularity,
  };
}

/** An error injected by a test (IngestTuning.failAtRow): proves that a commit failing anywhere stores nothing. */
export class InjectedFailure extends Error {}

@Injectable()
export class BatchCommitter {
  private readonly logger = new Logger(BatchCommitter.name);
  private readonly turns = new TurnQueue();

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ObservationWriter,
    private readonly tuning: IngestTuning,
    private readonly referenceWriter: ReferenceWriterService,
  ) {}

  private get mysql(): boolean {
    const t = this.dataSource.options.type;
    return t === 'mysql' || t === 'mariadb';
  }

  async commit(input: CommitInput): Promise<UploadBatch> {
    const { batch } = input;
    const repo = this.dataSource.getRepository(UploadBatch);
    // Claim the batch (one commit of it at a time; a crash leaves it `processing`, marked failed at start).
    const claimed = await repo
      .createQueryBuilder()
      .update(UploadBatch)
      .set({ status: 'processing', commitStartedAt: new Date(), message: null })
      .where('id = :id AND status IN (:...statuses)', { id: batch.id, statuses: ['validated', 'failed'] })
      .execute();
    if (!claimed.affected) {
      const current = await repo.findOneByOrFail({ id: batch.id });
      throw this.notCommittable(current);
    }

    try {
      const prepared = input.prepared ?? (await prepareFile(input.parse));
      if (prepared.fatal || !prepared.dataset) throw IngestException.notCommittable(batch.id, '文件无法作为数据表读取');
      const excluded = new Set(input.request.excludeRows ?? []);
      if (input.request.excludeErrorRows) for (const r of prepared.issues.errorRows) excluded.add(r);
      const remaining = [...prepared.issues.errorRows].filter((r) => !excluded.has(r)).sort((a, b) => a - b);
      if (remaining.length) throw IngestException.errorsNotExcluded(remaining, remaining.length);
      excludeRows(prepared, excluded);
      if (isReferenceDataset(prepared.dataset)) {
        await this.commitReference(input, prepared, prepared.dataset, new Set([...excluded].filter((r) => r >= 1 && r <= prepared.rows.total)).size);
        return repo.findOneByOrFail({ id: batch.id });
      }
      if (prepared.order.length === 0) throw IngestException.notCommittable(batch.id, '排除错误行后没有可以提交的数据');
      const excludedRows = new Set([...excluded].filter((r) => r >= 1 && r <= prepared.rows.total)).size;

      const inTransaction = async (m: EntityManager) =>
        withLockWait(m, input.lockWaitSeconds, async () => {
            // Lock the batch row first: a starting instance leaves a batch alone while its commit is running.
            await m.getRepository(UploadBatch).update(batch.id, { commitStartedAt: new Date() });
            await acquirePeriodLocks(m, prepared.dataset!, prepared.periods, batch.id);
            const duplicate = await m
              .getRepository(UploadBatch)
              .createQueryBuilder('b')
              .select(['b.id'])
              .where('b.sha256 = :sha AND b.dataset = :dataset AND b.status = :status AND b.id <> :id', { sha: batch.sha256, dataset: batch.dataset, status: 'committed', id: batch.id })
              .andWhere('b.period_year = :py AND b.period_month = :pm AND b.period_from_year = :fy AND b.period_from_month = :fm', {
                py: batch.periodYear,
                pm: batch.periodMonth,
                fy: batch.periodFromYear,
                fm: batch.periodFromMonth,
              })
              .getOne();
            if (duplicate) throw IngestException.duplicate(batch.id, duplicate.id);

            const totals = await planChanges(prepared.store, prepared.order, prepared.issues, this.access(m), {
              swingWarnPct: input.swingWarnPct,
              chunkRecords: this.tuning.chunkRecords,
              sink: (changes) => this.write(m, batch.id, input.actorId, changes),
            });
            await m.getRepository(UploadBatch).update(batch.id, {
              status: 'committed',
              committedAt: new Date(),
              committedById: input.actorId,
              observationsNew: totals.new,
              observationsChanged: totals.changed,
              observationsUnchanged: totals.unchanged,
              observationsRecomputed: totals.recomputed,
              rowsExcluded: excludedRows,
              message: null,
            });
            await releasePeriodLocks(m, batch.id);
        });
      // MySQL: READ COMMITTED, so that what a commit that waited for the period lock reads is what the other one committed.
      const work = () => (this.mysql ? this.dataSource.transaction('READ COMMITTED', inTransaction) : this.dataSource.transaction(inTransaction));
      await (this.mysql ? retryLockDeadlocks(work) : this.turns.run(work));
      return repo.findOneByOrFail({ id: batch.id });
    } catch (error) {
      await this.release(batch.id, error);
      if (isLockConflict(error)) throw IngestException.busy('同一数据集、同一期间的另一批数据正在提交');
      throw error;
    }
  }

  /**
   * A reference list (parks, enterprises): under the dataset's lock (period 0), the rows are planned
   * against the catalog read for update, written by the catalog's ReferenceWriterService, and every
   * new or changed row is kept in upload_change with its previous state (what rollback restores).
   */
  private async commitReference(input: CommitInput, prepared: PreparedFile, dataset: ReferenceDataset, excludedRows: number): Promise<void> {
    const { batch } = input;
    if (!prepared.references.length) throw IngestException.notCommittable(batch.id, '排除错误行后没有可以提交的数据');
    const inTransaction = async (m: EntityManager) =>
      withLockWait(m, input.lockWaitSeconds, async () => {
        await m.getRepository(UploadBatch).update(batch.id, { commitStartedAt: new Date() });
        await acquirePeriodLocks(m, dataset, [0], batch.id);
        const duplicate = await m
          .getRepository(UploadBatch)
          .createQueryBuilder('b')
          .select(['b.id'])
          .where('b.sha256 = :sha AND b.dataset = :dataset AND b.status = :status AND b.id <> :id', { sha: batch.sha256, dataset, status: 'committed', id: batch.id })
          .getOne();
        if (duplicate) throw IngestException.duplicate(batch.id, duplicate.id);
        const changes = await this.referenceWriter.plan(
          m,
          dataset,
          prepared.references.map((r) => r.input),
          { lock: true },
        );
        await this.referenceWriter.apply(m, dataset, changes);
        // The batch's changes are now what the commit did (the dry run's are replaced).
        await m.getRepository(UploadChange).delete({ batchId: batch.id });
        const rows = changes.flatMap((c, i) => (c.kind === 'unchanged' ? [] : [{ c, row: prepared.references[i].row }]));
        const failAt = this.tuning.failAtRow;
        if (failAt !== null && rows.some((r) => r.row === failAt)) throw new InjectedFailure(`injected failure at row ${failAt}`);
        for (let i = 0; i < rows.length; i += 200) {
          await m
            .createQueryBuilder()
            .insert()
            .into(UploadChange)
            .values(
              rows.slice(i, i + 200).map(({ c, row }, k) => {
                const item = referenceDiffItem(c, row);
                return { batchId: batch.id, seq: i + k, kind: item.kind, rowNo: row, subject: item.subject.slice(0, 300), indicator: null, period: null, unit: null, fieldsJson: encodeReferenceChange(c) };
              }),
            )
            .execute();
        }
        const totals = referenceTotals(changes);
        await m.getRepository(UploadBatch).update(batch.id, {
          status: 'committed',
          committedAt: new Date(),
          committedById: input.actorId,
          observationsNew: totals.new,
          observationsChanged: totals.changed,
          observationsUnchanged: totals.unchanged,
          observationsRecomputed: 0,
          rowsExcluded: excludedRows,
          message: null,
        });
        await releasePeriodLocks(m, batch.id);
      });
    const work = () => (this.mysql ? this.dataSource.transaction('READ COMMITTED', inTransaction) : this.dataSource.transaction(inTransaction));
    await (this.mysql ? retryLockDeadlocks(work) : this.turns.run(work));
  }

  /** Where the commit reads and creates series and reads the stored observations (locked on MySQL). */
  private access(m: EntityManager): StoredAccess {
    return {
      seriesIds: async (entries) => (await this.writer.ensureSeries(m, entries.map(seriesRow))).ids,
      load: (ids, from, to) => this.writer.load(m, ids, from, to, true),
    };
  }

  private async write(m: EntityManager, batchId: number, actorId: number | null, changes: SeriesChange[]): Promise<void> {
    const inserts: ObservationWrite[] = [];
    const updates: (ObservationWrite & { id: number })[] = [];
    const revisions: RevisionWrite[] = [];
    const failAt = this.tuning.failAtRow;
    for (const c of changes) {
      if (failAt !== null && c.row === failAt) throw new InjectedFailure(`injected failure at row ${c.row}`);
      const seriesId = c.seriesId!;
      const after = valuesOf(c.after);
      if (c.kind === 'new') {
        inserts.push({
          seriesId,
          periodYear: c.year,
          periodMonth: c.month,
          ...after,
          batchId,
          sourceRow: c.row!,
          version: 1,
        });
        continue;
      }
      const before = c.before!;
      const old = valuesOf(before);
      revisions.push({
        observationId: before.id,
        seriesId,
        periodYear: c.year,
        periodMonth: c.month,
        ...old,
        batchId: before.batchId,
        sourceRow: before.sourceRow,
        version: before.version,
        replacedByBatchId: batchId,
        replacedByUserId: actorId,
      });
      const fromFile = c.kind === 'changed';
      updates.push({
        id: before.id,
        seriesId,
        periodYear: c.year,
        periodMonth: c.month,
        ...after,
        batchId: fromFile ? batchId : before.batchId,
        sourceRow: fromFile ? c.row! : before.sourceRow,
        version: before.version + 1,
      });
    }
    await this.writer.insertRevisions(m, revisions);
    await this.writer.update(m, updates);
    await this.writer.insert(m, inserts);
  }

  /** After a failed commit: back to committable (or `duplicate`), with the reason. Nothing was stored. */
  private async release(batchId: number, error: unknown): Promise<void> {
    const repo = this.dataSource.getRepository(UploadBatch);
    try {
      if (error instanceof IngestException && error.code === 'INGEST_DUPLICATE') {
        const of = (error.details as { duplicateOf: number }).duplicateOf;
        await repo.update(batchId, { status: 'duplicate', duplicateOfId: of, message: error.message });
      } else if (error instanceof IngestException || isLockConflict(error)) {
        await repo.update(batchId, { status: 'validated', message: error instanceof IngestException ? error.message : '另一批数据正在提交，请稍后重试' });
      } else {
        this.logger.error(`commit of batch ${batchId} failed`, error instanceof Error ? error.stack : String(error));
        await repo.update(batchId, { status: 'failed', message: '提交失败，数据未写入，可以重试' });
      }
    } catch (e) {
      this.logger.error(`could not release batch ${batchId}`, e instanceof Error ? e.stack : String(e));
    }
  }

  private notCommittable(b: UploadBatch): IngestException {
    switch (b.status) {
      case 'processing':
        return IngestException.busy(`批次 #${b.id} 正在提交`);
      case 'committed':
        return IngestException.notCommittable(b.id, '已经提交过');
      case 'duplicate':
        return IngestException.duplicate(b.id, b.duplicateOfId ?? 0);
      case 'rolled_back':
        return IngestException.notCommittable(b.id, '已回滚；如需恢复这些数据，请重新上传该文件');
      default:
        return IngestException.notCommittable(b.id, '文件无法作为数据表读取，请根据错误说明修改后重新上传');
    }
  }
}
