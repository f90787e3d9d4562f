import type { UploadBatchDto, UploadDataset, UploadEncoding, UploadIssueDto, UploadLayout, UploadDiffItemDto, UploadReportDto } from '@im/contracts';
import { decodeChangeFields } from './commit/reference-changes';
import type { UploadBatch } from './entities/upload-batch.entity';
import type { UploadChange } from './entities/upload-change.entity';
import type { UploadIssue } from './entities/upload-issue.entity';

/** The parts of the report kept in `upload_batch.report_json`. */
export type StoredReport = Pick<UploadReportDto, 'detection' | 'blockers'> & {
  issues: Omit<UploadReportDto['issues'], 'items'>;
  diff: Omit<UploadReportDto['diff'], 'items'>;
};

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const ym = (y: number | null, m: number | null) => (y === null || m === null ? null : `${y}-${String(m).padStart(2, '0')}`);

export function toBatchDto(b: UploadBatch, uploader: { id: number; name: string } | null = null): UploadBatchDto {
  const from = ym(b.periodFromYear, b.periodFromMonth) ?? ym(b.periodYear, b.periodMonth);
  const to = ym(b.periodYear, b.periodMonth);
  return {
    id: b.id,
    dataset: b.dataset as UploadDataset | 'demo',
    fileName: b.fileName,
    sha256: b.sha256,
    sizeBytes: Number(b.sizeBytes),
    encoding: (b.encoding as UploadEncoding | null) ?? null,
    layout: (b.layout as UploadLayout | null) ?? null,
    status: b.status,
    period: from && to ? { from, to, label: b.periodLabel ?? (from === to ? from : `${from} 至 ${to}`) } : null,
    rows: { total: b.rowsTotal, data: b.rowsData, valid: b.rowsValid, error: b.rowsError, excluded: b.rowsExcluded },
    changes: { new: b.observationsNew, changed: b.observationsChanged, unchanged: b.observationsUnchanged, recomputed: b.observationsRecomputed },
    uploadedBy: uploader,
    createdAt: iso(b.createdAt)!,
    committedAt: iso(b.committedAt),
    rolledBackAt: iso(b.rolledBackAt),
    isDemo: b.isDemo,
    duplicateOf: b.duplicateOfId,
    message: b.message,
  };
}

export function toIssueDto(i: UploadIssue): UploadIssueDto {
  const dto: UploadIssueDto = { row: i.rowNo, column: i.columnName, code: i.code as UploadIssueDto['code'], severity: i.severity, message: i.message };
  if (i.cellValue !== null) dto.value = i.cellValue;
  if (i.suggestions) dto.suggestions = JSON.parse(i.suggestions) as string[];
  return dto;
}

export function toDiffItemDto(c: UploadChange): UploadDiffItemDto {
  return { kind: c.kind, row: c.rowNo, subject: c.subject, indicator: c.indicator, period: c.period, unit: c.unit, fields: decodeChangeFields(c.fieldsJson) };
}

/** Whether the batch may be committed as it is, and why not. */
export function commitBlockers(b: Pick<UploadBatch, 'status' | 'rowsError' | 'rowsValid' | 'duplicateOfId'>): string[] {
  switch (b.status) {
    case 'rejected':
      return ['文件无法作为数据表读取，请根据错误说明修改后重新上传'];
    case 'duplicate':
      return [`与已提交的批次 #${b.duplicateOfId} 是同一个文件，数据没有变化`];
    case 'committed':
      return ['已提交'];
    case 'rolled_back':
      return ['已回滚；如需恢复这些数据，请重新上传该文件'];
    case 'processing':
      return ['正在提交'];
    default:
      break;
  }
  const blockers: string[] = [];
  if (b.rowsError > 0) blockers.push(`有 ${b.rowsError} 行存在错误：请修改后重新上传，或排除这些行后提交`);
  if (b.rowsValid === 0) blockers.push('没有可以提交的数据行');
  return blockers;
}
