import {
  type AmountUnit,
  type StatusThresholds,
  assessAnnualTarget,
  assessLevelTarget,
  convertAmount,
  deriveMonthlyValues,
  formatPeriod,
  plannedPath,
  plannedPathValue,
  sharePct,
  ytdPeriod,
  monthPeriod,
  yearPeriod,
  quarterPeriod,
  type PastYearYtd,
  type PlannedPathInput,
} from '@im/domain';
import type { TargetComparator, TargetKind, TargetProgressDto } from '@im/contracts';

/** One stored observation as the calculator needs it (values are decimal strings in the indicator's unit). */
export interface ProgressPoint {
  year: number;
  month: number;
  valueMonth: string | null;
  valueYtd: string | null;
  mergedJanFeb: boolean;
  batchId: number;
}

export interface ProgressSeries {
  /** flow: summable over months (YTD is the running total); stock/ratio: a level at each period end. */
  indicatorKind: 'flow' | 'stock' | 'ratio';
  unit: string;
  granularity: 'month' | 'quarter' | 'year';
  points: ProgressPoint[];
}

export interface ProgressTarget {
  kind: TargetKind;
  comparator: TargetComparator;
  targetValue: string;
  targetYear: number;
  baselineValue: string | null;
  baselineYear: number | null;
  unit: string;
  annualTargets: { year: number; value: string }[];
}

/** The computed part of a target's progress item (the wire type's fields), plus the batches used. */
export type ProgressResult = Pick<
  TargetProgressDto,
  | 'latest'
  | 'latestAnnual'
  | 'completionPct'
  | 'annual'
  | 'plannedPathValue'
  | 'plannedPath'
  | 'actualCagrPct'
  | 'requiredCagrPct'
  | 'projectedValue'
  | 'projectedAchieved'
  | 'achieved'
  | 'status'
  | 'notes'
> & {
  /** Batches of the observations the figures were computed from. */
  batchIds: number[];
};

const AMOUNT_UNITS: readonly string[] = ['元', '千元', '万元', '亿元'];
const key = (year: number, month: number) => year * 100 + month;

/** Value per (year, month) of a series: the YTD for flows (derived from 本月 where only months were stored), the level otherwise. */
export function periodValues(series: ProgressSeries): Map<number, number> {
  const out = new Map<number, number>();
  if (series.indicatorKind !== 'flow') {
    for (const p of series.points) {
      const v = p.valueYtd ?? p.valueMonth;
      if (v !== null) out.set(key(p.year, p.month), Number(v));
    }
    return out;
  }
  if (series.granularity !== 'month') {
    for (const p of series.points) if (p.valueYtd !== null) out.set(key(p.year, p.month), Number(p.valueYtd));
    return out;
  }
  const byYear = new Map<number, ProgressPoint[]>();
  for (const p of series.points) byYear.set(p.year, [...(byYear.get(p.year) ?? []), p]);
  for (const [year, points] of byYear) {
    const derived = deriveMonthlyValues(points.map((p) => ({ month: p.month, valueMonth: p.valueMonth, valueYtd: p.valueYtd, mergedJanFeb: p.mergedJanFeb })));
    for (const d of derived) if (d.valueYtd !== null) out.set(key(year, d.month), d.valueYtd);
  }
  return out;
}

/** Converts a value from the series' unit to the target's unit; null when they are not convertible. */
function converter(from: string, to: string): ((v: number) => number) | null {
  if (from === to) return (v) => v;
  if (AMOUNT_UNITS.includes(from) && AMOUNT_UNITS.includes(to)) return (v) => convertAmount(v, from as AmountUnit, to as AmountUnit);
  return null;
}

function periodLabel(year: number, month: number, granularity: ProgressSeries['granularity'], cumulative: boolean): string {
  if (granularity === 'year') return formatPeriod(yearPeriod(year));
  if (!cumulative) return formatPeriod(granularity === 'quarter' ? quarterPeriod(year, month / 3) : monthPeriod(year, month));
  if (month === 12) return formatPeriod(yearPeriod(year));
  return formatPeriod(ytdPeriod(year, month));
}

/**
 * Progress of one target as of a month, from its numerator (and denominator) series: the latest
 * figure, the latest complete-year actual, the multi-year assessment (planned path, CAGRs,
 * projection, status) and, for flows, the current year against its annual target and the time
 * progress. Missing data yields `no_data` with a note, never 0 %.
 */
export function computeTargetProgress(
  target: ProgressTarget,
  numerator: ProgressSeries | null,
  denominator: ProgressSeries | null,
  asOf: { year: number; month: number },
  thresholds: StatusThresholds,
): ProgressResult {
  const notes: string[] = [];
  const asOfKey = key(asOf.year, asOf.month);
  const result: ProgressResult = {
    latest: null,
    latestAnnual: null,
    completionPct: null,
    annual: null,
    plannedPathValue: null,
    plannedPath: [],
    actualCagrPct: null,
    requiredCagrPct: null,
    projectedValue: null,
    projectedAchieved: null,
    achieved: null,
    status: 'no_data',
    notes,
    batchIds: [],
  };
  const isShare = target.kind === 'share';
  const until = `${asOf.year}年${asOf.month}月`;
  const missing = (s: ProgressSeries | null, what: string) => {
    if (!s) notes.push(`暂无数据：${what}尚未上报任何数据`);
    else if (!s.points.some((p) => key(p.year, p.month) <= asOfKey)) notes.push(`暂无数据：截至${until}，${what}没有数据`);
  };
  missing(numerator, isShare ? '比重目标的分子序列' : '目标对应的统计序列');
  if (isShare) missing(denominator, '比重目标的分母序列');
  if (notes.length) return result;

  const num = periodValues(numerator!);
  const den = isShare ? periodValues(denominator!) : null;
  const convert = isShare ? (v: number) => v : converter(numerator!.unit, target.unit);
  if (!convert) {
    notes.push(`统计单位"${numerator!.unit}"无法换算为目标单位"${target.unit}"`);
    return result;
  }

  // Value of the target's measure at a period: the share A/B × 100 or the converted numerator.
  const valueAt = (k: number): number | null => {
    const a = num.get(k);
    if (a === undefined) return null;
    if (!den) return convert(a);
    const b = den.get(k);
    return b === undefined ? null : sharePct(a, b);
  };
  const periods = [...num.keys()].filter((k) => k <= asOfKey && valueAt(k) !== null).sort((x, y) => x - y);
  if (!periods.length) {
    notes.push(`暂无数据：截至${until}，没有${isShare ? '分子、分母同期的' : ''}数据`);
    return result;
  }
  const usedPoints = [numerator!, ...(denominator && isShare ? [denominator] : [])].flatMap((s) => s.points.filter((p) => key(p.year, p.month) <= asOfKey));
  result.batchIds = [...new Set(usedPoints.map((p) => p.batchId))].sort((a, b) => a - b);

  const latestKey = periods[periods.length - 1];
  const latestYear = Math.floor(latestKey / 100);
  const latestMonth = latestKey % 100;
  const cumulative = numerator!.indicatorKind === 'flow';
  result.latest = {
    period: `${latestYear}-${String(latestMonth).padStart(2, '0')}`,
    label: periodLabel(latestYear, latestMonth, numerator!.granularity, cumulative),
    value: valueAt(latestKey)!,
    cumulative,
  };

  // Annual actuals: December YTD for flows, the year-end level for stocks, the annual share for shares.
  const actuals = [...new Set(periods.map((k) => Math.floor(k / 100)))]
    .map((year) => ({ year, value: valueAt(key(year, 12)) }))
    .filter((a): a is { year: number; value: number } => a.value !== null && key(a.year, 12) <= asOfKey);
  const lastActual = actuals[actuals.length - 1];
  if (lastActual) {
    result.latestAnnual = lastActual;
    result.completionPct = (lastActual.value / Number(target.targetValue)) * 100;
  }

  const baseline = target.baselineValue !== null && target.baselineYear !== null ? { year: target.baselineYear, value: target.baselineValue } : null;
  const level = assessLevelTarget(
    {
      baseline,
      target: { year: target.targetYear, value: target.targetValue },
      annualTargets: target.annualTargets,
      actuals,
      comparator: target.comparator,
      interpolation: isShare ? 'linear' : 'geometric',
    },
    thresholds,
  );
  if (level.note) notes.push(level.note);
  result.plannedPathValue = level.plannedValue;
  result.actualCagrPct = level.actualCagrPct;
  result.requiredCagrPct = level.requiredCagrPct;
  result.projectedValue = level.projectedValue;
  result.projectedAchieved = level.projectedAchieved;
  result.achieved = level.achieved;
  // Once the target year is complete the question is settled: missed is behind, whatever the pace.
  result.status = level.achieved === false ? 'behind' : level.status;

  const pathInput: PlannedPathInput | null = level.baseline
    ? {
        baseline: { year: level.baseline.year, value: level.baseline.value },
        target: { year: target.targetYear, value: target.targetValue },
        annualTargets: target.annualTargets,
        interpolation: isShare ? 'linear' : 'geometric',
      }
    : null;
  if (pathInput) result.plannedPath = plannedPath(pathInput);

  // The current year against its annual target (flows only: a YTD accumulates towards the year's total).
  const year = asOf.year;
  if (!isShare && cumulative && pathInput && year > pathInput.baseline.year && year <= target.targetYear) {
    const entered = target.annualTargets.find((a) => a.year === year);
    const annualTarget = entered ? Number(entered.value) : plannedPathValue(pathInput, year);
    const monthsThisYear = periods.filter((k) => Math.floor(k / 100) === year).map((k) => k % 100);
    const month = monthsThisYear.length ? monthsThisYear[monthsThisYear.length - 1] : asOf.month;
    const ytd = monthsThisYear.length ? valueAt(key(year, month)) : null;
    if (annualTarget !== null) {
      const pastYears: PastYearYtd[] = [...new Set(periods.map((k) => Math.floor(k / 100)))]
        .filter((y) => y < year)
        .map((y) => ({ year: y, ytd: Object.fromEntries(periods.filter((k) => Math.floor(k / 100) === y).map((k) => [k % 100, valueAt(k)])) }));
      const a = assessAnnualTarget({ month, ytd, annualTarget, pastYears }, thresholds);
      if (ytd === null) notes.push(`${year}年尚无数据${asOf.month <= 2 ? '（1-2月数据合并发布）' : ''}`);
      result.annual = {
        year,
        target: annualTarget,
        targetDerived: !entered,
        ytd,
        month,
        completionPct: a.completionPct,
        timeProgressPct: a.timeProgress.naivePct,
        seasonalTimeProgressPct: a.timeProgress.seasonalPct,
        gapPp: a.gapPp,
        sentence: a.sentence,
        seasonalSentence: a.seasonalSentence,
        timeProgressNote: a.timeProgress.note,
        status: a.status,
      };
      if (result.status === 'no_data') result.status = a.status;
    }
  }
  return result;
}
