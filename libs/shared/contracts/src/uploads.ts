/**
 * Wire types of monthly data uploads (数据上报): one uploaded CSV file = one batch. A batch is parsed
 * and validated without storing anything (the report: problems, and what it would change), then
 * committed in one transaction, and can be rolled back. Values in diffs are decimal strings in the
 * indicator's storage unit (万元 for money), exactly as stored.
 */
import type { Granularity } from './observations';

/**
 * What a file contains. Observation datasets write 本月/累计/同比 figures; reference datasets write
 * catalog rows (parks, enterprises). Plan targets are imported on the plans page
 * (`POST /api/plans/:code/targets/import`).
 */
export const UPLOAD_DATASETS = ['industry-monthly', 'region-monthly', 'enterprise-monthly', 'macro', 'parks', 'enterprises'] as const;
export type UploadDataset = (typeof UPLOAD_DATASETS)[number];

export const OBSERVATION_DATASETS: readonly UploadDataset[] = ['industry-monthly', 'region-monthly', 'enterprise-monthly', 'macro'];

export function isUploadDataset(value: unknown): value is UploadDataset {
  return typeof value === 'string' && (UPLOAD_DATASETS as readonly string[]).includes(value);
}

/** Text encodings a file may be in. `gb18030` covers GBK (what Excel on Chinese Windows saves). */
export type UploadEncoding = 'utf-8' | 'gb18030';
/** Encodings a user may force (`gbk` is read as GB18030, its superset). */
export const UPLOAD_ENCODING_OVERRIDES = ['utf-8', 'gbk', 'gb18030'] as const;
export type UploadEncodingOverride = (typeof UPLOAD_ENCODING_OVERRIDES)[number];

/**
 * `long`: the product's template, one row per subject and period; `bureau`: 指标名称 | 计量单位 | 本月 |
 * 同比增长% | 1–本月累计 | 同比增长% with `#` / `其中：` sub-items, period in the title; `nbs`: columns
 * named `…_当期值 / _累计值 / _同比增长 / _累计增长`; `reference`: a reference-data list.
 */
export type UploadLayout = 'long' | 'bureau' | 'nbs' | 'reference';

/**
 * `validated`: report ready, may be committed; `rejected`: the file cannot be read as a table of this
 * dataset (see its errors); `duplicate`: the same file (SHA-256) was already committed for the same
 * dataset and period; `processing`: being committed; `failed`: a commit did not complete (nothing was
 * stored); `committed`; `rolled_back`.
 */
export type UploadBatchStatus = 'validated' | 'rejected' | 'duplicate' | 'processing' | 'committed' | 'rolled_back' | 'failed';

export type UploadIssueSeverity = 'error' | 'warning';

/** Stable codes of upload problems (the message is the Chinese sentence for the clerk). */
export enum UploadIssueCode {
  // the file as a whole
  FileEmpty = 'FILE_EMPTY',
  EncodingInvalid = 'ENCODING_INVALID',
  HeaderNotFound = 'HEADER_NOT_FOUND',
  ColumnMissing = 'COLUMN_MISSING',
  ColumnDuplicated = 'COLUMN_DUPLICATED',
  ColumnUnknown = 'COLUMN_UNKNOWN',
  ColumnAmbiguous = 'COLUMN_AMBIGUOUS',
  UnitMissing = 'UNIT_MISSING',
  UnitUnknown = 'UNIT_UNKNOWN',
  UnitConflict = 'UNIT_CONFLICT',
  PeriodMissing = 'PERIOD_MISSING',
  PeriodConflict = 'PERIOD_CONFLICT',
  DatasetUnknown = 'DATASET_UNKNOWN',
  NoDataRows = 'NO_DATA_ROWS',
  TooManyIssues = 'TOO_MANY_ISSUES',
  // one row
  RowMalformed = 'ROW_MALFORMED',
  RowTruncated = 'ROW_TRUNCATED',
  RowFieldCount = 'ROW_FIELD_COUNT',
  RowTooLong = 'ROW_TOO_LONG',
  PeriodInvalid = 'PERIOD_INVALID',
  PeriodKind = 'PERIOD_KIND',
  NumberInvalid = 'NUMBER_INVALID',
  ValueMissing = 'VALUE_MISSING',
  ValueNegative = 'VALUE_NEGATIVE',
  ValueOutOfRange = 'VALUE_OUT_OF_RANGE',
  YoyOutOfRange = 'YOY_OUT_OF_RANGE',
  SubjectMissing = 'SUBJECT_MISSING',
  IndustryUnknown = 'INDUSTRY_UNKNOWN',
  IndustryAmbiguous = 'INDUSTRY_AMBIGUOUS',
  RegionUnknown = 'REGION_UNKNOWN',
  RegionKind = 'REGION_KIND',
  IndicatorUnknown = 'INDICATOR_UNKNOWN',
  IndicatorMissing = 'INDICATOR_MISSING',
  EnterpriseUnknown = 'ENTERPRISE_UNKNOWN',
  CreditCodeInvalid = 'CREDIT_CODE_INVALID',
  CodeNameMismatch = 'CODE_NAME_MISMATCH',
  TargetUnknown = 'TARGET_UNKNOWN',
  FieldInvalid = 'FIELD_INVALID',
  DuplicateKey = 'DUPLICATE_KEY',
  // warnings
  Swing = 'SWING',
  ParentSum = 'PARENT_SUM',
  YtdDecrease = 'YTD_DECREASE',
  PrecisionRounded = 'PRECISION_ROUNDED',
  NameMismatch = 'NAME_MISMATCH',
  YoyNotStorable = 'YOY_NOT_STORABLE',
  ParameterIgnored = 'PARAMETER_IGNORED',
}

export interface UploadIssueDto {
  /** Row number in the file as a spreadsheet shows it (1 = first line); null for a problem of the whole file. */
  row: number | null;
  /** The column's header as written in the file; null when the problem is not about one column. */
  column: string | null;
  code: UploadIssueCode;
  severity: UploadIssueSeverity;
  /** Chinese sentence for the clerk. */
  message: string;
  /** The cell's text, when the problem is about one cell. */
  value?: string | null;
  /** Closest known names, for an unknown name. */
  suggestions?: string[];
}

export interface UploadIssueGroupDto {
  code: UploadIssueCode;
  severity: UploadIssueSeverity;
  count: number;
  /** Rows concerned (first ones only, see `count`). */
  rows: number[];
}

export interface UploadIssuePageDto {
  total: number;
  offset: number;
  limit: number;
  items: UploadIssueDto[];
}

export interface UploadPeriodRangeDto {
  /** `YYYY-MM` of the earliest and latest period end in the file. */
  from: string;
  to: string;
  /** Chinese label, e.g. `2024年1-10月` or `2023年1月 至 2024年10月`. */
  label: string;
}

export interface UploadBatchDto {
  id: number;
  dataset: UploadDataset | 'demo';
  fileName: string;
  sha256: string;
  sizeBytes: number;
  encoding: UploadEncoding | null;
  layout: UploadLayout | null;
  status: UploadBatchStatus;
  period: UploadPeriodRangeDto | null;
  rows: { total: number; data: number; valid: number; error: number; excluded: number };
  changes: { new: number; changed: number; unchanged: number; recomputed: number };
  uploadedBy: { id: number; name: string } | null;
  createdAt: string;
  committedAt: string | null;
  rolledBackAt: string | null;
  isDemo: boolean;
  /** The committed batch this file is identical to (status `duplicate`). */
  duplicateOf: number | null;
  /** Why the last commit failed, or why the file was rejected (Chinese). */
  message: string | null;
}

export interface UploadBatchPageDto {
  total: number;
  offset: number;
  limit: number;
  items: UploadBatchDto[];
}

export interface UploadDiffFieldDto {
  /** `valueMonth`, `valueYtd`, `yoyMonthPct`, `yoyYtdPct`, or a reference-data field. */
  field: string;
  /** Chinese label of the field. */
  label: string;
  old: string | null;
  new: string | null;
}

export interface UploadDiffItemDto {
  kind: 'new' | 'changed';
  /** File row the new value comes from; null when the value is recomputed from other rows (derived 本月/累计, computed YoY). */
  row: number | null;
  /** Who or what: `集成电路 · 厦门市`, `厦门示例科技有限公司`, `园区 软件园`. */
  subject: string;
  /** Indicator name, for observations. */
  indicator: string | null;
  /** Period label, for observations. */
  period: string | null;
  /** Unit of the values (storage unit, 万元 for money). */
  unit: string | null;
  fields: UploadDiffFieldDto[];
}

export interface UploadDetectionDto {
  encoding: UploadEncoding | null;
  /** True when detected from the content, false when forced by the user. */
  encodingDetected: boolean;
  bom: boolean;
  layout: UploadLayout | null;
  dataset: UploadDataset | null;
  datasetDetected: boolean;
  headerRow: number | null;
  /** Rows above the header (titles) and below the table (注：, 数据来源：) that were recognised and skipped. */
  titleRows: number[];
  noteRows: number[];
  /** Unit the amounts in the file are in (万元, 亿元 …), when one unit applies to the whole file. */
  unit: string | null;
  /** Where the period came from. */
  periodSource: 'column' | 'title' | 'parameter' | null;
  /** Columns recognised: header as written → meaning (Chinese). */
  columns: { header: string; meaning: string }[];
}

export interface UploadReportDto {
  batch: UploadBatchDto;
  detection: UploadDetectionDto;
  issues: {
    errors: number;
    warnings: number;
    /** Rows with at least one error (they cannot be committed unless excluded). */
    errorRows: number;
    groups: UploadIssueGroupDto[];
    /** The first issues (all of them unless `truncated`); page through `GET /uploads/:id/issues`. */
    items: UploadIssueDto[];
    truncated: boolean;
  };
  diff: {
    new: number;
    changed: number;
    unchanged: number;
    /** Other stored values that change because of this file (derived 本月/累计, computed YoY). */
    recomputed: number;
    /** The first changes (changed ones first); all of them unless `truncated`. */
    items: UploadDiffItemDto[];
    truncated: boolean;
  };
  canCommit: boolean;
  /** Why the batch cannot be committed as it is (Chinese), e.g. rows with errors that are not excluded. */
  blockers: string[];
}

export interface UploadCommitRequestDto {
  /** File rows not to store (must include every row with an error unless `excludeErrorRows`). */
  excludeRows?: number[];
  /** Leave out every row with an error (an explicit choice of the user). */
  excludeErrorRows?: boolean;
}

/** `GET /api/uploads/:id/rows?from=&to=`: rows of the raw file as written, for a problem in its context. */
export interface UploadRowsDto {
  headerRow: number | null;
  /** Cells of the header row, when known. */
  header: string[] | null;
  rows: { row: number; cells: string[] }[];
}

export interface UploadRollbackResultDto {
  batch: UploadBatchDto;
  /** Values put back to what they were before the batch. */
  restored: number;
  /** Values the batch had added, removed again. */
  removed: number;
}

export interface UploadTemplateDto {
  /** An upload dataset, or `targets` (imported on the plans page). */
  dataset: UploadDataset | 'targets';
  name: string;
  description: string;
  /** `GET` path of the CSV template (relative to /api). */
  path: string;
}

/**
 * `GET /api/uploads/revisions?year=`: the subject series (enterprises excluded) whose values of the
 * year were replaced by a later upload, i.e. have earlier vintages kept as revisions. The 数据 page
 * marks them in the completeness matrix of `GET /api/observations/completeness`.
 */
export interface RevisedSeriesDto {
  indicatorCode: string;
  industryCode: string | null;
  regionCode: string;
  granularity: Granularity;
  /** Months (1–12) with at least one earlier vintage. */
  months: number[];
  /** Earlier vintages kept for the year. */
  revisions: number;
}

export interface RevisedMonthsDto {
  year: number;
  series: RevisedSeriesDto[];
}
