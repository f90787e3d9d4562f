/**
 * Pure helpers of the 数据 page: how a batch status looks, exact values of a diff, the completeness
 * matrix with revised months marked. No Vue, no fetching (unit-tested).
 */
import type {
  ObservationCompletenessDto,
  RevisedMonthsDto,
  SeriesMonthStatus,
  UploadBatchStatus,
  UploadIssueGroupDto,
  UploadReportDto,
} from '@im/contracts';
import { formatNumber, MISSING } from '@im/charts';

export type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';

export function statusTagType(status: UploadBatchStatus): TagType {
  switch (status) {
    case 'committed':
      return 'success';
    case 'validated':
      return 'primary';
    case 'rejected':
    case 'failed':
      return 'danger';
    case 'duplicate':
    case 'processing':
      return 'warning';
    default:
      return 'info';
  }
}

/**
 * A stored decimal exactly as stored, with thousands separators: `"1234567.25"` → `1,234,567.25`.
 * Diffs show exact values (a correction of 10 万元 must not vanish in a rounded 亿元 figure).
 */
export function formatExact(value: string | null | undefined, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (value === null || value === undefined || value === '') return MISSING;
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  const decimals = (value.split('.')[1] ?? '').length;
  return formatNumber(n, { decimals: Math.min(decimals, 4), locale });
}

export function shortSha(sha: string): string {
  return sha.length > 12 ? `${sha.slice(0, 12)}…` : sha;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, { decimals: 1 })} KB`;
  return `${formatNumber(bytes / 1024 / 1024, { decimals: 1 })} MB`;
}

/** What the commit buttons can do with this report. */
export interface CommitChoice {
  /** Commit as it is. */
  asIs: boolean;
  /** Commit leaving out the rows with errors (there are such rows and valid ones). */
  excludingErrors: boolean;
  /** Nothing can be committed (rejected, duplicate, committed …). */
  none: boolean;
}

export function commitChoice(report: UploadReportDto): CommitChoice {
  const { status, rows } = report.batch;
  const committable = status === 'validated' || status === 'failed';
  const asIs = committable && report.canCommit;
  const excludingErrors = committable && !asIs && rows.error > 0 && rows.valid > 0;
  return { asIs, excludingErrors, none: !asIs && !excludingErrors };
}

/** Error groups first (most frequent first), then warnings — as the API sends them. */
export function splitGroups(groups: UploadIssueGroupDto[]): { errors: UploadIssueGroupDto[]; warnings: UploadIssueGroupDto[] } {
  return { errors: groups.filter((g) => g.severity === 'error'), warnings: groups.filter((g) => g.severity === 'warning') };
}

// ---------------------------------------------------------------------------------------------
// Completeness matrix

export type MatrixCell = SeriesMonthStatus;

export interface MatrixRow {
  key: string;
  indicator: string;
  industry: string | null;
  region: string;
  regionType: string;
  granularity: string;
  cells: { status: MatrixCell; revised: boolean }[];
  missing: number;
  revisions: number;
}

export interface MatrixFilter {
  text?: string;
  /** Only series with a missing month. */
  onlyIncomplete?: boolean;
  regionType?: string | null;
}

/** One row per series of the completeness answer, revised months marked from the revisions answer. */
export function buildMatrix(completeness: ObservationCompletenessDto, revised: RevisedMonthsDto | null, filter: MatrixFilter = {}): MatrixRow[] {
  const revisedBy = new Map<string, { months: Set<number>; revisions: number }>();
  for (const s of revised?.series ?? []) revisedBy.set(`${s.indicatorCode}|${s.industryCode ?? ''}|${s.regionCode}|${s.granularity}`, { months: new Set(s.months), revisions: s.revisions });
  const text = filter.text?.trim().toLowerCase() ?? '';
  const rows: MatrixRow[] = [];
  for (const s of completeness.series) {
    const key = `${s.indicator.code}|${s.industry?.code ?? ''}|${s.region.code}|${s.granularity}`;
    const r = revisedBy.get(key);
    const row: MatrixRow = {
      key,
      indicator: s.indicator.name,
      industry: s.industry?.name ?? null,
      region: s.region.name,
      regionType: s.region.type,
      granularity: s.granularity,
      cells: s.months.map((status, i) => ({ status, revised: r?.months.has(i + 1) ?? false })),
      missing: s.missing,
      revisions: r?.revisions ?? 0,
    };
    if (filter.onlyIncomplete && row.missing === 0) continue;
    if (filter.regionType && row.regionType !== filter.regionType) continue;
    if (text && ![row.indicator, s.indicator.code, row.industry ?? '', row.region, s.industry?.code ?? '', s.region.code].some((v) => v.toLowerCase().includes(text))) continue;
    rows.push(row);
  }
  return rows;
}
