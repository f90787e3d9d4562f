import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource, In } from 'typeorm';
import type {
  RevisedMonthsDto,
  UploadBatchDto,
  UploadBatchPageDto,
  UploadCommitRequestDto,
  UploadDataset,
  UploadEncodingOverride,
  UploadIssuePageDto,
  UploadReportDto,
  UploadRollbackResultDto,
  UploadRowsDto,
  UploadTemplateDto,
} from '@im/contracts';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { uploadConfigOf, type UploadConfig } from '../../core/config/upload-config';
import { AppException } from '../../core/errors/app.exception';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/entities/user.entity';
import { BatchCommitter } from './commit/batch-committer';
import { BatchRollback } from './commit/batch-rollback';
import { IngestTuning } from './commit/ingest-tuning';
import { PreparedCache } from './commit/prepared-cache';
import { CsvReader, DEFAULT_MAX_RECORD_CHARS, detectDelimiter } from './csv/csv-reader';
import { chooseEncoding, decodeChunks } from './decode/encoding';
import { UploadBatch } from './entities/upload-batch.entity';
import { UploadChange } from './entities/upload-change.entity';
import { UploadIssue } from './entities/upload-issue.entity';
import { errorsCsv } from './export/errors-csv';
import { templateCsv, templateList } from './export/templates';
import { DATA_CHANGED_EVENT, monthsBetween, type DataChangedEvent } from './events/data-changed.event';
import { IngestException } from './ingest.exception';
import type { ParseInput } from './pipeline/parse-file';
import { DiffSampler, periodRange, referenceDiffItem, runPipeline } from './pipeline/run-pipeline';
import { isReferenceDataset, ReferenceWriterService } from '../catalog/reference-writer.service';
import type { StoredAccess } from './pipeline/plan-changes';
import type { ReceivedFile } from './receive/raw-upload.storage';
import { ReferenceLoader } from './reference/reference-loader';
import { ObservationWriter } from '../observations/observation-writer';
import { RollupService } from '../observations/rollups/rollup.service';
import { commitBlockers, toBatchDto, toDiffItemDto, toIssueDto, type StoredReport } from './uploads.mapper';

export interface UploadOptions {
  dataset?: UploadDataset | null;
  encoding?: UploadEncodingOverride | null;
  period?: string | null;
}

interface StoredOptions {
  dataset: UploadDataset | null;
  encodingOverride: UploadEncodingOverride | null;
  period: string | null;
  bom: boolean;
  encodingDetected: boolean;
}

export interface ListQuery {
  dataset?: string;
  status?: string;
  offset?: number;
  limit?: number;
}

const ISSUES_IN_REPORT = 500;
const CHANGES_IN_REPORT = 500;

function todayMonth(): { year: number; month: number } {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1 };
}

/**
 * Data uploads: receive and dry-run a file (nothing stored but the batch and its report), report,
 * commit, roll back, history, errors.csv, templates. The pipeline's steps live in their folders; this
 * service wires them to the database and the stored raw files.
 */
@Injectable()
export class UploadsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(UploadsService.name);
  private readonly config: UploadConfig;
  /** Rollup refreshes started after commits and rollbacks, awaited at shutdown. */
  private readonly refreshing = new Set<Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) appConfig: AppConfig,
    private readonly references: ReferenceLoader,
    private readonly writer: ObservationWriter,
    private readonly committer: BatchCommitter,
    private readonly rollbacks: BatchRollback,
    private readonly tuning: IngestTuning,
    private readonly preparedCache: PreparedCache,
    private readonly audit: AuditService,
    private readonly referenceWriter: ReferenceWriterService,
    @Optional() private readonly rollups?: RollupService,
    @Optional() private readonly events?: EventEmitter2,
  ) {
    this.config = uploadConfigOf(appConfig);
  }

  /** At start: batches left `processing` by a process that died are marked failed; stale temporary files go. */
  async onApplicationBootstrap(): Promise<void> {
    mkdirSync(this.config.dir, { recursive: true });
    const tmp = join(this.config.dir, 'tmp');
    if (existsSync(tmp)) {
      const dayAgo = Date.now() - 24 * 3600 * 1000;
      for (const f of readdirSync(tmp)) {
        const p = join(tmp, f);
        if (statSync(p).mtimeMs < dayAgo) rmSync(p, { force: true });
      }
    }
    await this.recoverInterrupted();
  }

  /**
   * A batch still `processing` when no commit is running is the trace of a process that died during
   * its commit (the transaction was rolled back by the database). On MySQL a running commit holds its
   * batch row locked, so a batch another instance is committing right now is left alone.
   */
  async recoverInterrupted(): Promise<number[]> {
    const repo = this.dataSource.getRepository(UploadBatch);
    const stuck = await repo.find({ select: { id: true }, where: { status: 'processing' } });
    const recovered: number[] = [];
    const mysql = this.dataSource.options.type === 'mysql' || this.dataSource.options.type === 'mariadb';
    for (const { id } of stuck) {
      try {
        await this.dataSource.transaction(async (m) => {
          if (mysql) {
            await m.query('SET SESSION innodb_lock_wait_timeout = 1');
            await m.query('SELECT id FROM upload_batch WHERE id = ? FOR UPDATE', [id]);
          }
          const res = await m
            .createQueryBuilder()
            .update(UploadBatch)
            .set({ status: 'failed', message: '提交过程中服务中断，本批次的数据没有写入（数据库已回滚），可以重新提交' })
            .where('id = :id AND status = :status', { id, status: 'processing' })
            .execute();
          if (mysql) await m.query('SET SESSION innodb_lock_wait_timeout = 50');
          if (res.affected) recovered.push(id);
        });
      } catch {
        // Locked: another instance is committing it right now.
      }
    }
    if (recovered.length) this.logger.warn(`batches interrupted during commit marked failed: ${recovered.join(', ')}`);
    return recovered;
  }

  /** Receives a file (already on disk), runs the dry run, keeps the batch and its report. */
  async receive(file: ReceivedFile, options: UploadOptions, actorId: number | null): Promise<UploadReportDto> {
    const encoding = chooseEncoding({ bom: file.bom, validUtf8: file.validUtf8 }, options.encoding ?? null);
    const stored: StoredOptions = {
      dataset: options.dataset ?? null,
      encodingOverride: options.encoding ?? null,
      period: options.period?.trim() || null,
      bom: file.bom,
      encodingDetected: encoding.detected,
    };
    const sampler = new DiffSampler(this.tuning.diffSample);
    const m = this.dataSource.manager;
    const access: StoredAccess = {
      seriesIds: (entries) => this.writer.findSeriesIds(m, entries.map((e) => e.key)),
      load: (ids, from, to) => this.writer.load(m, ids, from, to),
    };
    let result;
    try {
      result = await runPipeline(this.parseInput(file.path, stored, encoding.encoding), access, {
        swingWarnPct: this.config.swingWarnPct,
        sink: sampler.sink,
        reference: (dataset, inputs) => this.referenceWriter.plan(m, dataset, inputs),
      });
    } catch (e) {
      rmSync(file.path, { force: true });
      throw e;
    }

    const range = periodRange(result.periods);
    const first = result.periods[0];
    const last = result.periods[result.periods.length - 1];
    const repo = this.dataSource.getRepository(UploadBatch);
    const dataset = result.dataset ?? options.dataset ?? 'unknown';
    let duplicateOf: number | null = null;
    if (!result.fatal && isReferenceDataset(dataset)) {
      const same = await repo.findOne({ select: { id: true }, where: { sha256: file.sha256, dataset, status: 'committed' } });
      duplicateOf = same?.id ?? null;
    } else if (!result.fatal && last !== undefined) {
      const same = await repo.findOne({
        select: { id: true },
        where: { sha256: file.sha256, dataset, status: 'committed', periodYear: Math.floor(last / 100), periodMonth: last % 100, periodFromYear: Math.floor(first / 100), periodFromMonth: first % 100 },
      });
      duplicateOf = same?.id ?? null;
    }
    const status = result.fatal ? 'rejected' : duplicateOf !== null ? 'duplicate' : 'validated';
    const issues = result.issues;
    const groups = issues.summary();
    const batchFields: Partial<UploadBatch> = {
      dataset,
      fileName: (file.originalname || 'upload.csv').slice(0, 255),
      sha256: file.sha256,
      sizeBytes: String(file.size),
      encoding: encoding.encoding,
      layout: result.layout,
      periodYear: last !== undefined ? Math.floor(last / 100) : null,
      periodMonth: last !== undefined ? last % 100 : null,
      periodFromYear: first !== undefined ? Math.floor(first / 100) : null,
      periodFromMonth: first !== undefined ? first % 100 : null,
      periodLabel: range?.label ?? null,
      status,
      rowsTotal: result.rows.total,
      rowsData: result.rows.data,
      rowsValid: result.rows.valid,
      rowsError: result.rows.error,
      observationsNew: result.totals.new,
      observationsChanged: result.totals.changed,
      observationsUnchanged: result.totals.unchanged,
      observationsRecomputed: result.totals.recomputed,
      uploadedById: actorId,
      duplicateOfId: duplicateOf,
      message: result.fatal ? (issues.sorted().find((i) => i.severity === 'error')?.message.slice(0, 500) ?? null) : null,
      optionsJson: JSON.stringify(stored),
    };
    const blockers = commitBlockers({ status, rowsError: result.rows.error, rowsValid: result.rows.valid, duplicateOfId: duplicateOf });
    const report: StoredReport = {
      detection: result.detection,
      blockers,
      issues: { errors: issues.errors, warnings: issues.warnings, errorRows: issues.errorRows.size, groups, truncated: issues.truncated },
      diff: { new: result.totals.new, changed: result.totals.changed, unchanged: result.totals.unchanged, recomputed: result.totals.recomputed, truncated: sampler.truncated() },
    };
    const referenceRows = result.references.map((r) => r.row);
    const diffItems = result.referenceChanges
      ? result.referenceChanges.flatMap((c, i) => (c.kind === 'unchanged' ? [] : [referenceDiffItem(c, referenceRows[i] ?? null)]))
      : sampler.items();
    if (result.referenceChanges) report.diff.truncated = false;

    const id = await this.dataSource.transaction(async (tx) => {
      const saved = await tx.getRepository(UploadBatch).save(tx.getRepository(UploadBatch).create({ ...batchFields, reportJson: JSON.stringify(report) }));
      const sorted = issues.sorted();
      for (let i = 0; i < sorted.length; i += 500) {
        await tx
          .createQueryBuilder()
          .insert()
          .into(UploadIssue)
          .values(
            sorted.slice(i, i + 500).map((x, k) => ({
              batchId: saved.id,
              seq: i + k,
              rowNo: x.row,
              columnName: x.column?.slice(0, 100) ?? null,
              code: x.code,
              severity: x.severity,
              message: x.message.slice(0, 500),
              cellValue: x.value?.slice(0, 200) ?? null,
              suggestions: x.suggestions?.length ? JSON.stringify(x.suggestions).slice(0, 500) : null,
            })),
          )
          .execute();
      }
      const items = diffItems;
      for (let i = 0; i < items.length; i += 500) {
        await tx
          .createQueryBuilder()
          .insert()
          .into(UploadChange)
          .values(
            items.slice(i, i + 500).map((c, k) => ({
              batchId: saved.id,
              seq: i + k,
              kind: c.kind,
              rowNo: c.row,
              subject: c.subject.slice(0, 300),
              indicator: c.indicator,
              period: c.period,
              unit: c.unit,
              fieldsJson: JSON.stringify(c.fields).slice(0, 2000),
            })),
          )
          .execute();
      }
      const rawPath = join(this.config.dir, `${saved.id}.csv`);
      await this.audit.record({
        action: 'upload.validate',
        result: status === 'rejected' ? 'failure' : 'success',
        objectType: 'upload_batch',
        objectId: saved.id,
        fileSha256: file.sha256,
        manager: tx,
        detail: {
          fileName: batchFields.fileName,
          dataset,
          status,
          period: range?.label ?? null,
          rows: result.rows.data,
          rowsError: result.rows.error,
          errors: issues.errors,
          warnings: issues.warnings,
          new: result.totals.new,
          changed: result.totals.changed,
          duplicateOf,
        },
      });
      renameSync(file.path, rawPath);
      await tx.getRepository(UploadBatch).update(saved.id, { rawPath });
      return saved.id;
    });
    if (status === 'validated') this.preparedCache.put(id, file.sha256, result);
    return this.report(id);
  }

  private parseInput(path: string, options: StoredOptions, encoding: 'utf-8' | 'gb18030'): ParseInput {
    return {
      open: () => createReadStream(path, { highWaterMark: 64 * 1024 }),
      encoding,
      encodingDetected: options.encodingDetected,
      bom: options.bom,
      dataset: options.dataset,
      periodText: options.period,
      reference: (dataset) => this.references.load(dataset),
      today: todayMonth(),
      maxIssues: this.config.maxIssues,
    };
  }

  private async find(id: number): Promise<UploadBatch> {
    const batch = await this.dataSource.getRepository(UploadBatch).findOneBy({ id });
    if (!batch) throw IngestException.batchNotFound(id);
    return batch;
  }

  private async uploaders(batches: UploadBatch[]): Promise<Map<number, { id: number; name: string }>> {
    const ids = [...new Set(batches.flatMap((b) => (b.uploadedById === null ? [] : [b.uploadedById])))];
    if (!ids.length) return new Map();
    const users = await this.dataSource.getRepository(User).find({ select: { id: true, displayName: true }, where: { id: In(ids) } });
    return new Map(users.map((u) => [u.id, { id: u.id, name: u.displayName }]));
  }

  private async batchDto(b: UploadBatch): Promise<UploadBatchDto> {
    const users = await this.uploaders([b]);
    return toBatchDto(b, b.uploadedById === null ? null : (users.get(b.uploadedById) ?? null));
  }

  async report(id: number): Promise<UploadReportDto> {
    const b = await this.find(id);
    const stored: StoredReport | null = b.reportJson ? (JSON.parse(b.reportJson) as StoredReport) : null;
    const [issues, changes] = await Promise.all([
      this.dataSource.getRepository(UploadIssue).find({ where: { batchId: id }, order: { seq: 'ASC' }, take: ISSUES_IN_REPORT }),
      this.dataSource.getRepository(UploadChange).find({ where: { batchId: id }, order: { seq: 'ASC' }, take: CHANGES_IN_REPORT }),
    ]);
    const issueTotal = (stored?.issues.errors ?? 0) + (stored?.issues.warnings ?? 0);
    const changeTotal = (stored?.diff.new ?? 0) + (stored?.diff.changed ?? 0) + (stored?.diff.recomputed ?? 0);
    const blockers = commitBlockers(b);
    return {
      batch: await this.batchDto(b),
      detection: stored?.detection ?? {
        encoding: null,
        encodingDetected: true,
        bom: false,
        layout: null,
        dataset: null,
        datasetDetected: false,
        headerRow: null,
        titleRows: [],
        noteRows: [],
        unit: null,
        periodSource: null,
        columns: [],
      },
      issues: {
        errors: stored?.issues.errors ?? 0,
        warnings: stored?.issues.warnings ?? 0,
        errorRows: stored?.issues.errorRows ?? 0,
        groups: stored?.issues.groups ?? [],
        items: issues.map(toIssueDto),
        truncated: (stored?.issues.truncated ?? false) || issueTotal > issues.length,
      },
      diff: {
        new: b.observationsNew,
        changed: b.observationsChanged,
        unchanged: b.observationsUnchanged,
        recomputed: b.observationsRecomputed,
        items: changes.map(toDiffItemDto),
        truncated: (stored?.diff.truncated ?? false) || changeTotal > changes.length,
      },
      canCommit: blockers.length === 0,
      blockers,
    };
  }

  async list(query: ListQuery): Promise<UploadBatchPageDto> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 20;
    const qb = this.dataSource.getRepository(UploadBatch).createQueryBuilder('b').orderBy('b.id', 'DESC').skip(offset).take(limit);
    if (query.dataset) qb.andWhere('b.dataset = :dataset', { dataset: query.dataset });
    if (query.status) qb.andWhere('b.status = :status', { status: query.status });
    const [rows, total] = await qb.getManyAndCount();
    const users = await this.uploaders(rows);
    return { total, offset, limit, items: rows.map((b) => toBatchDto(b, b.uploadedById === null ? null : (users.get(b.uploadedById) ?? null))) };
  }

  async issues(id: number, query: { severity?: 'error' | 'warning'; offset?: number; limit?: number }): Promise<UploadIssuePageDto> {
    await this.find(id);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 100;
    const where = query.severity ? { batchId: id, severity: query.severity } : { batchId: id };
    const [rows, total] = await this.dataSource.getRepository(UploadIssue).findAndCount({ where, order: { seq: 'ASC' }, skip: offset, take: limit });
    return { total, offset, limit, items: rows.map(toIssueDto) };
  }

  async rawPathOf(id: number): Promise<string | null> {
    return (await this.find(id)).rawPath;
  }

  /** The raw file of a batch for download; the download is audited as an export. */
  async rawDownload(id: number): Promise<{ path: string; fileName: string }> {
    const b = await this.find(id);
    if (!b.rawPath || !existsSync(b.rawPath)) throw IngestException.rawFileMissing(id);
    await this.audit.record({ action: 'export', objectType: 'upload_raw', objectId: id, fileSha256: b.sha256, detail: { fileName: b.fileName, dataset: b.dataset } });
    return { path: b.rawPath, fileName: b.fileName };
  }

  /**
   * Rows of the stored raw file as written (for showing a problem in its context): the header row and
   * rows `from`…`to` (at most 50), read again from the file.
   */
  async rows(id: number, from: number, to: number): Promise<UploadRowsDto> {
    const b = await this.find(id);
    if (!b.rawPath || !existsSync(b.rawPath)) throw IngestException.rawFileMissing(id);
    const stored: StoredReport | null = b.reportJson ? (JSON.parse(b.reportJson) as StoredReport) : null;
    const headerRow = stored?.detection.headerRow ?? null;
    const last = Math.min(to, from + 49);
    const out: UploadRowsDto = { headerRow, header: null, rows: [] };
    const reader = { current: null as CsvReader | null };
    const path = b.rawPath;
    try {
      for await (const text of decodeChunks(createReadStream(path, { highWaterMark: 64 * 1024 }), (b.encoding as 'utf-8' | 'gb18030' | null) ?? 'utf-8')) {
        reader.current ??= new CsvReader({ delimiter: detectDelimiter(text.slice(0, 65536)), maxRecordChars: DEFAULT_MAX_RECORD_CHARS });
        for (const rec of reader.current.push(text)) {
          if (rec.row === headerRow) out.header = rec.cells;
          else if (rec.row >= from && rec.row <= last) out.rows.push({ row: rec.row, cells: rec.cells });
        }
        if (reader.current.halted || (out.rows.length && out.rows[out.rows.length - 1].row >= last && (headerRow === null || out.header))) break;
      }
      for (const rec of reader.current?.end() ?? []) if (rec.row >= from && rec.row <= last) out.rows.push({ row: rec.row, cells: rec.cells });
    } catch {
      // Not readable in its encoding: the report says why; show what was read.
    }
    return out;
  }

  /** errors.csv of a batch (file name and a stream of CSV text). */
  async errorsCsv(id: number): Promise<{ fileName: string; body: AsyncGenerator<string> }> {
    const b = await this.find(id);
    const issues = await this.dataSource.getRepository(UploadIssue).find({ where: { batchId: id }, order: { seq: 'ASC' } });
    const problems = new Map<number, string[]>();
    const fileProblems: string[] = [];
    for (const i of issues) {
      const text = `${i.severity === 'error' ? '错误' : '提示'}${i.columnName ? `（${i.columnName}）` : ''}：${i.message}`;
      if (i.rowNo === null) fileProblems.push(text);
      else problems.set(i.rowNo, [...(problems.get(i.rowNo) ?? []), text]);
    }
    const stored: StoredReport | null = b.reportJson ? (JSON.parse(b.reportJson) as StoredReport) : null;
    const headerRow = stored?.detection.headerRow ?? null;
    if (headerRow !== null) {
      // A problem with the header row itself is a problem of the whole file.
      for (const text of problems.get(headerRow) ?? []) fileProblems.push(text);
      problems.delete(headerRow);
    }
    const path = b.rawPath;
    const base = b.fileName.replace(/\.[^.]*$/, '');
    await this.audit.record({ action: 'export', objectType: 'upload_errors', objectId: id, detail: { fileName: `${base}-错误行.csv`, sourceSha256: b.sha256, rowsWithProblems: problems.size } });
    return {
      fileName: `${base}-错误行.csv`,
      body: errorsCsv({
        open: () => (path && existsSync(path) ? createReadStream(path, { highWaterMark: 64 * 1024 }) : emptyStream()),
        encoding: (b.encoding as 'utf-8' | 'gb18030' | null) ?? 'utf-8',
        headerRow,
        problems,
        fileProblems,
      }),
    };
  }

  async commit(id: number, request: UploadCommitRequestDto, actorId: number | null): Promise<UploadReportDto> {
    const b = await this.find(id);
    if (!b.rawPath || !existsSync(b.rawPath)) throw IngestException.rawFileMissing(id);
    const options = JSON.parse(b.optionsJson ?? '{}') as StoredOptions;
    const audited = { objectType: 'upload_batch', objectId: id, fileSha256: b.sha256 } as const;
    try {
      await this.committer.commit({
      batch: b,
      parse: this.parseInput(b.rawPath, options, (b.encoding as 'utf-8' | 'gb18030') ?? 'utf-8'),
      prepared: this.preparedCache.take(id, b.sha256),
      request,
      actorId,
      swingWarnPct: this.config.swingWarnPct,
      lockWaitSeconds: this.config.lockWaitSeconds,
      });
    } catch (e) {
      await this.audit.record({ action: 'upload.commit', result: 'failure', ...audited, detail: { fileName: b.fileName, reason: e instanceof AppException ? e.code : 'INTERNAL_ERROR' } });
      throw e;
    }
    const report = await this.report(id);
    await this.audit.record({
      action: 'upload.commit',
      ...audited,
      detail: { fileName: b.fileName, dataset: b.dataset, period: report.batch.period, rows: report.batch.rows, changes: report.batch.changes, excludeErrorRows: request.excludeErrorRows ?? false },
    });
    this.refreshRollups(b, 'commit');
    return report;
  }

  async rollback(id: number, actorId: number | null): Promise<UploadRollbackResultDto> {
    let outcome: Awaited<ReturnType<BatchRollback['rollback']>>;
    try {
      outcome = await this.rollbacks.rollback(id, actorId, this.config.lockWaitSeconds);
    } catch (e) {
      await this.audit.record({ action: 'upload.rollback', result: 'failure', objectType: 'upload_batch', objectId: id, detail: { reason: e instanceof AppException ? e.code : 'INTERNAL_ERROR' } });
      throw e;
    }
    await this.audit.record({
      action: 'upload.rollback',
      objectType: 'upload_batch',
      objectId: id,
      fileSha256: outcome.batch.sha256,
      detail: { fileName: outcome.batch.fileName, restored: outcome.restored, removed: outcome.removed },
    });
    this.refreshRollups(outcome.batch, 'rollback');
    return { batch: await this.batchDto(outcome.batch), restored: outcome.restored, removed: outcome.removed };
  }

  templates(): UploadTemplateDto[] {
    return templateList();
  }

  template(name: string): { fileName: string; content: string } {
    const t = templateCsv(name.replace(/\.csv$/i, ''));
    if (!t) throw IngestException.templateNotFound(name);
    return t;
  }

  /** Subject series whose values of the year have earlier vintages (revisions). */
  async revisedMonths(year: number): Promise<RevisedMonthsDto> {
    const rows: { indicator: string; industry: string | null; region: string; granularity: string; month: number | string; n: number | string }[] = await this.dataSource.query(
      `SELECT i.code AS indicator, n.code AS industry, r.code AS region, s.granularity AS granularity, v.period_month AS month, COUNT(*) AS n
         FROM observation_revision v
         JOIN series s ON s.id = v.series_id
         JOIN indicator i ON i.id = s.indicator_id
         JOIN region r ON r.id = s.region_id
         LEFT JOIN industry_node n ON n.id = s.industry_node_id
        WHERE v.period_year = ? AND s.enterprise_id IS NULL
        GROUP BY i.code, n.code, r.code, s.granularity, v.period_month`,
      [year],
    );
    const bySeries = new Map<string, RevisedMonthsDto['series'][number]>();
    for (const r of rows) {
      const key = `${r.indicator}|${r.industry ?? ''}|${r.region}|${r.granularity}`;
      let s = bySeries.get(key);
      if (!s) {
        s = { indicatorCode: r.indicator, industryCode: r.industry, regionCode: r.region, granularity: r.granularity as 'month', months: [], revisions: 0 };
        bySeries.set(key, s);
      }
      s.months.push(Number(r.month));
      s.revisions += Number(r.n);
    }
    for (const s of bySeries.values()) s.months.sort((a, b) => a - b);
    return { year, series: [...bySeries.values()] };
  }

  /**
   * Rollups are brought in step with the observations after the answer (the dashboards also catch up
   * with every batch whose status they have not seen); a failure here is caught up at the next refresh.
   * Once the batch is visible, DATA_CHANGED_EVENT tells the listeners (brief, monitoring jobs).
   */
  private refreshRollups(batch: UploadBatch, action: DataChangedEvent['action']): void {
    const event: DataChangedEvent = {
      batchId: batch.id,
      dataset: batch.dataset,
      action,
      periods: monthsBetween(
        batch.periodFromYear && batch.periodFromMonth ? batch.periodFromYear * 100 + batch.periodFromMonth : null,
        batch.periodYear && batch.periodMonth ? batch.periodYear * 100 + batch.periodMonth : null,
      ),
    };
    const running = (this.rollups ? this.rollups.refreshForBatch(batch.id) : Promise.resolve())
      .catch((e: unknown) => this.logger.warn(`rollup refresh after batch ${batch.id} failed (caught up later): ${e instanceof Error ? e.message : String(e)}`))
      .then(() => this.events?.emitAsync(DATA_CHANGED_EVENT, event))
      .catch((e: unknown) => this.logger.warn(`a listener of batch ${batch.id}'s ${action} failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => this.refreshing.delete(running));
    this.refreshing.add(running);
  }

  /** A refresh still running when the app stops finishes first (the connection closes after it). */
  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.refreshing]);
  }
}

async function* emptyStream(): AsyncGenerator<Uint8Array> {
  // No raw file: nothing to read.
}
