/**
 * What a target card and the target trend chart show, computed from the progress of a target and its
 * series: pure functions (data in, figures out), unit-tested.
 */
import { convertAmount, isAmountUnit, sharePct } from '@im/domain';
import type { AnnualValueDto, SeriesDto, TargetProgressDto, TargetStatus } from '@im/contracts';

export interface YearValue {
  year: number;
  value: number;
}

/**
 * What a card says about a target: once the target year is complete, whether it was achieved
 * (已达成 / 未达成) — "on track" next to "not achieved" would contradict itself; before that, the
 * progress status of the engine (超前 / 进度正常 / 有风险 / 滞后 / 暂无数据).
 */
export type TargetVerdict = TargetStatus | 'achieved' | 'missed';

export function targetVerdict(item: Pick<TargetProgressDto, 'status' | 'achieved'>): TargetVerdict {
  if (item.achieved === true) return 'achieved';
  if (item.achieved === false) return 'missed';
  return item.status;
}

/** Status light: a shape and a colour class, so that colour is not the only carrier. */
export const STATUS_VISUAL: Record<TargetVerdict, { shape: string }> = {
  achieved: { shape: '✔' },
  missed: { shape: '✖' },
  ahead: { shape: '▲' },
  on_track: { shape: '●' },
  at_risk: { shape: '◆' },
  behind: { shape: '▼' },
  no_data: { shape: '○' },
};

/** Worst first: what needs attention leads. */
export const VERDICT_ORDER: readonly TargetVerdict[] = ['missed', 'behind', 'at_risk', 'on_track', 'ahead', 'achieved', 'no_data'];

export function verdictCounts(items: readonly Pick<TargetProgressDto, 'status' | 'achieved'>[]): Record<TargetVerdict, number> {
  const counts: Record<TargetVerdict, number> = { missed: 0, behind: 0, at_risk: 0, on_track: 0, ahead: 0, achieved: 0, no_data: 0 };
  for (const i of items) counts[targetVerdict(i)]++;
  return counts;
}

/** Display decimals of a target unit: 亿元 and ratios with 2, counts with none. */
export function targetDecimals(unit: string): number {
  return unit === '家' || unit === '个' ? 0 : 2;
}

export interface BulletGeometry {
  /** Percent of the track (0–100). */
  actual: number | null;
  planned: number | null;
  target: number;
}

/** Positions on a bullet bar whose track ends a little beyond the largest of actual, planned and target. */
export function bulletGeometry(actual: number | null, planned: number | null, target: number): BulletGeometry {
  const max = Math.max(target, actual ?? 0, planned ?? 0) * 1.08 || 1;
  const pct = (v: number | null) => (v == null ? null : Math.max(0, Math.min(100, (v / max) * 100)));
  return { actual: pct(actual), planned: pct(planned), target: pct(target)! };
}

/**
 * A series' complete-year values in the target's unit: money converted exactly (万元 → 亿元), other
 * units as they are; null when the units cannot be converted (never guessed).
 */
export function annualInUnit(annual: readonly AnnualValueDto[], seriesUnit: string, targetUnit: string): YearValue[] | null {
  if (seriesUnit === targetUnit) return annual.map((a) => ({ year: a.year, value: a.value }));
  if (isAmountUnit(seriesUnit) && isAmountUnit(targetUnit)) return annual.map((a) => ({ year: a.year, value: convertAmount(a.value, seriesUnit, targetUnit) }));
  return null;
}

/**
 * Actual values of a target per complete year: the numerator's annual values (level and count
 * targets), or numerator ÷ denominator × 100 of the same year (share targets), computed exactly.
 */
export function targetActuals(item: Pick<TargetProgressDto, 'kind' | 'unit'>, numerator: SeriesDto | null, denominator: SeriesDto | null): YearValue[] {
  if (!numerator?.annual) return [];
  if (item.kind === 'share') {
    if (!denominator?.annual) return [];
    const den = new Map(denominator.annual.map((a) => [a.year, a.value]));
    return numerator.annual
      .map((a) => ({ year: a.year, value: sharePct(a.value, den.get(a.year) ?? null) }))
      .filter((a): a is YearValue => a.value !== null);
  }
  return annualInUnit(numerator.annual, numerator.indicator.unit, item.unit) ?? [];
}

/** The running year's YTD point for the trend chart (flows only, after the latest complete year). */
export function currentYearPoint(item: Pick<TargetProgressDto, 'latest' | 'latestAnnual'>): (YearValue & { label: string }) | null {
  const latest = item.latest;
  if (!latest?.cumulative) return null;
  const year = Number(latest.period.slice(0, 4));
  if (item.latestAnnual && year <= item.latestAnnual.year) return null;
  return { year, value: latest.value, label: latest.label };
}

/** The projection line: from the latest complete year to the target year at the actual growth rate. */
export function projectionLine(item: Pick<TargetProgressDto, 'latestAnnual' | 'projectedValue' | 'targetYear'>): { from: YearValue; to: YearValue } | null {
  if (!item.latestAnnual || item.projectedValue == null || item.latestAnnual.year >= item.targetYear) return null;
  return { from: item.latestAnnual, to: { year: item.targetYear, value: item.projectedValue } };
}
