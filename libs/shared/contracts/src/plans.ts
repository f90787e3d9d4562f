/** Wire types of plans, targets and target progress. Target values are in the target's own unit (亿元, %, 家 …). */

export type TargetKind = 'level' | 'share' | 'count';
export type TargetComparator = 'gte' | 'gt';
export type TargetSubjectType = 'city' | 'industry' | 'region';
export type TargetStatus = 'ahead' | 'on_track' | 'at_risk' | 'behind' | 'no_data';

export interface PlanDto {
  code: string;
  name: string;
  nameEn: string | null;
  startYear: number;
  endYear: number;
  ownerUnit: string | null;
  source: string | null;
}

/** A series a target is measured on: indicator × industry node and/or region. */
export interface SeriesRefDto {
  indicatorCode: string;
  indicatorName: string;
  industryCode: string | null;
  industryName: string | null;
  regionCode: string | null;
  regionName: string | null;
}

export interface AnnualTargetDto {
  year: number;
  value: number;
  note: string | null;
}

export interface TargetDto {
  planCode: string;
  code: string;
  name: string;
  subjectType: TargetSubjectType;
  numerator: SeriesRefDto;
  denominator: SeriesRefDto | null;
  kind: TargetKind;
  comparator: TargetComparator;
  targetValue: number;
  targetYear: number;
  baselineValue: number | null;
  baselineYear: number | null;
  baselineScopeLabel: string | null;
  unit: string;
  sourceDocument: string | null;
  sourceArticle: string | null;
  note: string | null;
  annualTargets: AnnualTargetDto[];
}

/** Where a figure came from: an uploaded file (batch) or the demo generator. */
export interface ProgressSourceDto {
  batchId: number;
  fileName: string;
  demo: boolean;
}

export interface AnnualProgressDto {
  year: number;
  /** The year's target: entered by the plan owner, or derived from the planned path. */
  target: number;
  targetDerived: boolean;
  /** 1–本月累计 of the year as of `asOf`, in the target's unit. */
  ytd: number | null;
  month: number;
  completionPct: number | null;
  /** m/12 × 100. */
  timeProgressPct: number;
  /** Average share of the annual total reached by month m in past years (≥ 2 years), else null. */
  seasonalTimeProgressPct: number | null;
  /** completion − (seasonal, else naive) time progress, percentage points. */
  gapPp: number | null;
  /** "快于时序进度 14.8 个百分点" against m/12. */
  sentence: string | null;
  seasonalSentence: string | null;
  timeProgressNote: string;
  status: TargetStatus;
}

export interface TargetProgressDto {
  code: string;
  name: string;
  subject: { type: TargetSubjectType; code: string; name: string };
  indicator: string;
  numerator: SeriesRefDto;
  denominator: SeriesRefDto | null;
  unit: string;
  kind: TargetKind;
  comparator: TargetComparator;
  targetValue: number;
  targetYear: number;
  baselineValue: number | null;
  baselineYear: number | null;
  baselineScopeLabel: string | null;
  /** The latest figure as of `asOf`: for flows the YTD of the latest month (`cumulative`), for stocks the level. */
  latest: { period: string; label: string; value: number; cumulative: boolean } | null;
  /** Latest complete-year actual in the target's unit (December YTD / year-end level / annual share). */
  latestAnnual: { year: number; value: number } | null;
  /** latestAnnual ÷ target × 100. */
  completionPct: number | null;
  annual: AnnualProgressDto | null;
  /** Planned-path value in the year of `latestAnnual`. */
  plannedPathValue: number | null;
  plannedPath: { year: number; value: number }[];
  actualCagrPct: number | null;
  requiredCagrPct: number | null;
  projectedValue: number | null;
  projectedAchieved: boolean | null;
  achieved: boolean | null;
  status: TargetStatus;
  /** Why a figure is missing or how it was obtained (Chinese). */
  notes: string[];
  sources: ProgressSourceDto[];
  source: { document: string | null; article: string | null };
}

export interface PlanProgressDto {
  plan: PlanDto;
  /** `YYYY-MM` the figures are as of. */
  asOf: string;
  items: TargetProgressDto[];
}

// ---------------------------------------------------------------------------------------------
// Administration of plans, targets and annual targets (requests and their responses)

/** A plan with its targets (`GET /api/plans/:code`). */
export interface PlanDetailDto extends PlanDto {
  targets: TargetDto[];
}

/** `POST /api/plans`. Codes are lower-case ASCII (`a-z 0-9 . _ -`) and never change. */
export interface CreatePlanRequest {
  code: string;
  name: string;
  nameEn?: string | null;
  startYear: number;
  endYear: number;
  ownerUnit?: string | null;
  source?: string | null;
}

/** `PATCH /api/plans/:code`: the fields to change; `null` clears an optional field. */
export type UpdatePlanRequest = Partial<Omit<CreatePlanRequest, 'code'>>;

/**
 * `POST /api/plans/:code/targets`. Values are exact decimal strings in `unit` (`"7000"`, `"3.5"`);
 * subjects are codes of the catalog. An empty region means the city.
 */
export interface CreateTargetRequest {
  code: string;
  name: string;
  subjectType: TargetSubjectType;
  industryCode?: string | null;
  regionCode?: string | null;
  indicatorCode: string;
  denominatorIndustryCode?: string | null;
  denominatorRegionCode?: string | null;
  denominatorIndicatorCode?: string | null;
  kind: TargetKind;
  /** Default `gte` (达到); `gt` for 超过. */
  comparator?: TargetComparator;
  targetValue: string;
  targetYear: number;
  baselineValue?: string | null;
  baselineYear?: number | null;
  baselineScopeLabel?: string | null;
  unit: string;
  sourceDocument?: string | null;
  sourceArticle?: string | null;
  note?: string | null;
}

/** `PATCH /api/plans/:code/targets/:targetCode`: the fields to change (the code never changes); `null` clears. */
export type UpdateTargetRequest = Partial<Omit<CreateTargetRequest, 'code'>>;

/** `PUT /api/plans/:code/targets/:targetCode/annual/:year` (年度目标, in the target's unit). */
export interface PutAnnualTargetRequest {
  value: string;
  note?: string | null;
}

/** Why a target field or a CSV cell was refused (stable, for the UI to react on; the message is Chinese). */
export type TargetFieldErrorCode =
  | 'required'
  | 'too_long'
  | 'invalid_code'
  | 'invalid_subject_type'
  | 'invalid_kind'
  | 'invalid_comparator'
  | 'invalid_number'
  | 'not_positive'
  | 'too_many_decimals'
  | 'too_large'
  | 'invalid_year'
  | 'target_year_before_plan'
  | 'baseline_year_not_before_target'
  | 'baseline_incomplete'
  | 'unknown_industry'
  | 'unknown_region'
  | 'unknown_indicator'
  | 'subject_mismatch'
  | 'denominator_required'
  | 'denominator_not_allowed'
  | 'unit_mismatch'
  | 'indicator_kind_mismatch'
  | 'plan_mismatch'
  | 'duplicate_code'
  | 'annual_targets_out_of_range'
  | 'missing_column'
  | 'unknown_column'
  | 'duplicate_column'
  | 'field_count'
  | 'csv_syntax'
  | 'empty_file';

/** A refused field of a JSON request (`details` of a `PLANS_INVALID_TARGET` error). */
export interface TargetFieldErrorDto {
  /** Request field, e.g. `industryCode`. */
  field: string;
  code: TargetFieldErrorCode;
  message: string;
}

/** A refused cell of an imported targets CSV. */
export interface TargetImportErrorDto {
  /** Line number in the file (the header is line 1; a quoted cell spanning lines counts them all). */
  row: number;
  /** Column name of the file (`industry_code`), or null for a problem of the whole row or file. */
  column: string | null;
  code: TargetFieldErrorCode;
  message: string;
}

export type TargetImportAction = 'insert' | 'update' | 'unchanged';

export interface TargetImportRowDto {
  row: number;
  code: string;
  action: TargetImportAction;
  /** For `update`: each changed column with the stored and the imported cell text (null = empty). */
  changes: { column: string; from: string | null; to: string | null }[];
}

/**
 * The result of `POST /api/plans/:code/targets/import`: what the file would change (dry run) or
 * changed. With errors nothing is written (the report is then the `details` of a 400 response).
 */
export interface TargetImportReportDto {
  planCode: string;
  fileName: string | null;
  /** How the file was decoded. */
  encoding: 'utf-8' | 'gbk';
  dryRun: boolean;
  /** True when the changes were written. */
  applied: boolean;
  /** Data rows read (blank lines not counted). */
  rowCount: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rows: TargetImportRowDto[];
  /** Targets of the plan the file does not mention: an import never deletes them. */
  notInFile: string[];
  errors: TargetImportErrorDto[];
}
