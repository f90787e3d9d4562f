/**
 * Status of a target: ahead | on_track | at_risk | behind | no_data, with thresholds passed in as
 * configuration (thresholds.ts). Missing data gives `no_data`, never 0 %.
 *
 * - Multi-year level targets (and count targets): on-track ratio = achieved growth since baseline ÷
 *   planned growth since baseline at the latest actual year (planned path); ≥ 1 + aheadMargin ahead,
 *   ≥ onTrackRatio on track, ≥ atRiskRatio at risk, else behind.
 * - Annual targets within a year: gap = completion % − time progress % (seasonal when at least
 *   minSeasonalYears complete past years exist, else m/12), judged with the annual pp thresholds.
 * - Growth-rate targets: on-track ratio = cumulative growth ÷ target growth.
 */
import { type Comparator, isTargetAchieved } from './comparator';
import { type DecimalLike, decimalAdd, decimalSign, decimalSub, decimalToNumber, exactRatio } from './decimal';
import {
  type PlannedPathInput,
  type YearValue,
  actualCagrPct,
  plannedPathValue,
  projectValue,
  requiredCagrPct,
} from './multi-year';
import { DEFAULT_STATUS_THRESHOLDS, type StatusThresholds } from './thresholds';
import { type PastYearYtd, type TimeProgress, completionPct, describeProgressGap, progressGapPp, timeProgress } from './time-progress';

export type TargetStatus = 'ahead' | 'on_track' | 'at_risk' | 'behind' | 'no_data';

export const TARGET_STATUSES: readonly TargetStatus[] = Object.freeze(['ahead', 'on_track', 'at_risk', 'behind', 'no_data']);

/** Chinese labels for the UI and the monthly brief. */
export const TARGET_STATUS_LABELS: Readonly<Record<TargetStatus, string>> = Object.freeze({
  ahead: '超前',
  on_track: '进度正常',
  at_risk: '有风险',
  behind: '滞后',
  no_data: '暂无数据',
});

/** Status from an on-track ratio (1 = exactly on the planned path). Null ratio → no_data. */
export function statusFromOnTrackRatio(ratio: number | null | undefined, thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS): TargetStatus {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return 'no_data';
  if (ratio >= Number(decimalAdd(1, thresholds.aheadMargin))) return 'ahead';
  if (ratio >= thresholds.onTrackRatio) return 'on_track';
  if (ratio >= thresholds.atRiskRatio) return 'at_risk';
  return 'behind';
}

/** Status from the gap (pp) between completion and time progress of an annual target. Null gap → no_data. */
export function statusFromProgressGap(gapPp: number | null | undefined, thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS): TargetStatus {
  if (gapPp === null || gapPp === undefined || !Number.isFinite(gapPp)) return 'no_data';
  if (gapPp >= thresholds.annualAheadPp) return 'ahead';
  if (gapPp >= thresholds.annualOnTrackPp) return 'on_track';
  if (gapPp >= thresholds.annualAtRiskPp) return 'at_risk';
  return 'behind';
}

/**
 * Achieved growth ÷ planned growth since the baseline: (actual − baseline) ÷ (planned − baseline).
 * Where the plan asks for no growth by then (planned ≤ baseline, e.g. in the baseline year) the level
 * ratio actual ÷ planned is used. Null when that is undefined too.
 */
export function onTrackRatio(baseline: DecimalLike, planned: number, actual: DecimalLike): number | null {
  const plannedGrowth = decimalSub(planned, baseline);
  if (decimalSign(plannedGrowth) > 0) return exactRatio(decimalSub(actual, baseline), plannedGrowth);
  return planned > 0 ? exactRatio(actual, planned) : null;
}

export interface LevelTargetInput extends Omit<PlannedPathInput, 'baseline'> {
  /** Baseline of the plan; when absent the earliest actual serves as baseline (and the result says so). */
  readonly baseline?: YearValue | null;
  /** Annual actuals (December YTD for flows, year-end level for counts); missing years may be absent or null. */
  readonly actuals: readonly { readonly year: number; readonly value: DecimalLike | null | undefined }[];
  /** Default gte. */
  readonly comparator?: Comparator;
}

export interface LevelTargetAssessment {
  readonly status: TargetStatus;
  /** Why the status is no_data, or how the baseline was chosen; Chinese. */
  readonly note: string | null;
  readonly baseline: { readonly year: number; readonly value: number; readonly fromActuals: boolean } | null;
  readonly latest: { readonly year: number; readonly value: number } | null;
  /** Planned path value in the latest actual year. */
  readonly plannedValue: number | null;
  readonly onTrackRatio: number | null;
  readonly actualCagrPct: number | null;
  readonly requiredCagrPct: number | null;
  /** Value in the target year if the actual CAGR continues. */
  readonly projectedValue: number | null;
  /** Whether the projection reaches the target (under the comparator). */
  readonly projectedAchieved: boolean | null;
  /** Whether the target is achieved, once the target year has an actual; null before. */
  readonly achieved: boolean | null;
}

/** Progress of a level or count target over several years (e.g. 2020 → 2025). */
export function assessLevelTarget(input: LevelTargetInput, thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS): LevelTargetAssessment {
  const comparator = input.comparator ?? 'gte';
  const { target } = input;
  const known = input.actuals
    .filter((a): a is { year: number; value: DecimalLike } => a.value !== null && a.value !== undefined)
    .sort((a, b) => a.year - b.year);
  const empty = (note: string, baseline: LevelTargetAssessment['baseline'] = null): LevelTargetAssessment => ({
    status: 'no_data',
    note,
    baseline,
    latest: null,
    plannedValue: null,
    onTrackRatio: null,
    actualCagrPct: null,
    requiredCagrPct: null,
    projectedValue: null,
    projectedAchieved: null,
    achieved: null,
  });

  const fromActuals = !input.baseline;
  const baseline = input.baseline ?? known.find((a) => a.year < target.year);
  if (!baseline) return empty('没有基期值，也没有目标年之前的实际值');
  const baselineOut = { year: baseline.year, value: decimalToNumber(baseline.value), fromActuals };
  const inRange = known.filter((a) => a.year >= baseline.year && a.year <= target.year);
  const latest = inRange[inRange.length - 1];
  if (!latest) return empty(`${baseline.year}–${target.year} 年没有实际值`, baselineOut);
  if (fromActuals && latest.year === baseline.year) {
    return empty(`规划没有基期值，以 ${baseline.year} 年实际值为起点，至少还需要一年实际值才能判断进度`, baselineOut);
  }

  const path: PlannedPathInput = { ...input, baseline };
  const plannedValue = plannedPathValue(path, latest.year);
  const ratio = plannedValue === null ? null : onTrackRatio(baseline.value, plannedValue, latest.value);
  const actualCagr = latest.year > baseline.year ? actualCagrPct(baseline, latest) : null;
  const requiredCagr = latest.year < target.year ? requiredCagrPct(latest, target) : null;
  const projectedValue =
    latest.year === target.year ? decimalToNumber(latest.value) : actualCagr === null ? null : projectValue(latest, actualCagr, target.year);
  const achieved = latest.year === target.year ? isTargetAchieved(latest.value, target.value, comparator) : null;
  const projectedAchieved =
    projectedValue === null ? null : latest.year === target.year ? achieved : isTargetAchieved(projectedValue, target.value, comparator);
  return {
    status: statusFromOnTrackRatio(ratio, thresholds),
    note: fromActuals ? `规划没有基期值，以 ${baseline.year} 年实际值为起点` : null,
    baseline: baselineOut,
    latest: { year: latest.year, value: decimalToNumber(latest.value) },
    plannedValue,
    onTrackRatio: ratio,
    actualCagrPct: actualCagr,
    requiredCagrPct: requiredCagr,
    projectedValue,
    projectedAchieved,
    achieved,
  };
}

export interface AnnualTargetInput {
  /** Last month with data (1–12). */
  readonly month: number;
  /** YTD through `month`; null when not reported. */
  readonly ytd: DecimalLike | null | undefined;
  readonly annualTarget: DecimalLike | null | undefined;
  /** Past years of the same series for the seasonal time progress. */
  readonly pastYears?: readonly PastYearYtd[];
}

export interface AnnualTargetAssessment {
  readonly status: TargetStatus;
  readonly completionPct: number | null;
  readonly timeProgress: TimeProgress;
  /** completion − naive time progress (pp), the figure of the usual report sentence. */
  readonly naiveGapPp: number | null;
  /** completion − seasonal time progress (pp), when the seasonal one exists. */
  readonly seasonalGapPp: number | null;
  /** The gap the status is judged on (seasonal when available, else naive). */
  readonly gapPp: number | null;
  /** `快于时序进度 14.8 个百分点` against m/12; null without data. */
  readonly sentence: string | null;
  /** The same sentence against the seasonal time progress; null when there is none. */
  readonly seasonalSentence: string | null;
}

/** Completion of an annual target at month m against the time progress. */
export function assessAnnualTarget(input: AnnualTargetInput, thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS): AnnualTargetAssessment {
  const progress = timeProgress(input.month, input.pastYears ?? [], thresholds.minSeasonalYears);
  const completion = completionPct(input.ytd, input.annualTarget);
  const naiveGapPp = completion === null ? null : progressGapPp(completion, progress.naivePct);
  const seasonalGapPp = completion === null || progress.seasonalPct === null ? null : progressGapPp(completion, progress.seasonalPct);
  const gapPp = progress.basis === 'seasonal' ? seasonalGapPp : naiveGapPp;
  return {
    status: statusFromProgressGap(gapPp, thresholds),
    completionPct: completion,
    timeProgress: progress,
    naiveGapPp,
    seasonalGapPp,
    gapPp,
    sentence: completion === null ? null : describeProgressGap(completion, progress.naivePct),
    seasonalSentence: completion === null || progress.seasonalPct === null ? null : describeProgressGap(completion, progress.seasonalPct),
  };
}

/**
 * Growth-rate target (e.g. 规上工业增加值增长 6 %): the cumulative growth (累计增速) against the target
 * growth, as on-track ratio = achieved ÷ required. Missing inputs → no_data. A target growth ≤ 0 has no
 * meaningful ratio: reaching it is on track, missing it is behind.
 */
export function assessGrowthTarget(
  cumulativeGrowthPct: number | null | undefined,
  targetGrowthPct: number | null | undefined,
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): { status: TargetStatus; onTrackRatio: number | null } {
  if (cumulativeGrowthPct === null || cumulativeGrowthPct === undefined || targetGrowthPct === null || targetGrowthPct === undefined) {
    return { status: 'no_data', onTrackRatio: null };
  }
  if (targetGrowthPct <= 0) return { status: cumulativeGrowthPct >= targetGrowthPct ? 'on_track' : 'behind', onTrackRatio: null };
  const ratio = exactRatio(cumulativeGrowthPct, targetGrowthPct) as number;
  return { status: statusFromOnTrackRatio(ratio, thresholds), onTrackRatio: ratio };
}
