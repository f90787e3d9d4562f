/**
 * Multi-year level targets (e.g. 生物医药与健康 776 亿元 in 2020 → 1500 亿元 in 2025): the planned path,
 * actual and required compound annual growth (CAGR), and the value projected at the actual pace.
 *
 * Planned path: the points baseline, annual targets entered by the plan owner (年度目标) and target;
 * between two points geometric interpolation a × (b/a)^((y − ya)/(yb − ya)), i.e. constant growth
 * (linear where asked, e.g. for shares in percentage points, or where a point is ≤ 0). Every point is
 * returned exactly as entered. CAGR = (end/start)^(1/years) − 1, in % per year.
 */
import { type DecimalLike, decimalSign, decimalToNumber } from './decimal';

export interface YearValue {
  readonly year: number;
  readonly value: DecimalLike;
}

export type Interpolation = 'geometric' | 'linear';

export interface PlannedPathInput {
  readonly baseline: YearValue;
  readonly target: YearValue;
  /**
   * 年度目标 entered by the plan owner. Years strictly between baseline and target are used; the
   * baseline year keeps the baseline and the target year keeps the target.
   */
  readonly annualTargets?: readonly YearValue[];
  /** Default `geometric`. */
  readonly interpolation?: Interpolation;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year)) throw new RangeError(`年份必须是整数：${year}`);
}

/** The points of the path, ascending by year. Throws when the target year is not after the baseline year. */
export function plannedPathPoints(path: PlannedPathInput): YearValue[] {
  const { baseline, target } = path;
  checkYear(baseline.year);
  checkYear(target.year);
  if (target.year <= baseline.year) throw new RangeError(`目标年份 ${target.year} 应晚于基期年份 ${baseline.year}`);
  const between = new Map<number, YearValue>();
  for (const entered of path.annualTargets ?? []) {
    checkYear(entered.year);
    if (entered.year <= baseline.year || entered.year >= target.year) continue;
    if (between.has(entered.year)) throw new RangeError(`${entered.year} 年的年度目标录入了两次`);
    between.set(entered.year, entered);
  }
  return [baseline, ...[...between.values()].sort((a, b) => a.year - b.year), target];
}

function interpolate(a: YearValue, b: YearValue, year: number, interpolation: Interpolation): number {
  const va = decimalToNumber(a.value);
  const vb = decimalToNumber(b.value);
  const t = (year - a.year) / (b.year - a.year);
  if (interpolation === 'geometric' && decimalSign(a.value) > 0 && decimalSign(b.value) > 0) return va * Math.pow(vb / va, t);
  return va + (vb - va) * t;
}

/**
 * The planned value in `year` (baseline year … target year); null outside that range.
 * Hits the baseline, every entered annual target and the target exactly.
 */
export function plannedPathValue(path: PlannedPathInput, year: number): number | null {
  checkYear(year);
  const points = plannedPathPoints(path);
  if (year < points[0].year || year > points[points.length - 1].year) return null;
  for (let i = 0; i < points.length; i++) {
    if (points[i].year === year) return decimalToNumber(points[i].value);
    if (points[i].year > year) return interpolate(points[i - 1], points[i], year, path.interpolation ?? 'geometric');
  }
  return null;
}

/** The planned value of every year from baseline to target, for a chart. */
export function plannedPath(path: PlannedPathInput): { year: number; value: number }[] {
  const points = plannedPathPoints(path);
  const result: { year: number; value: number }[] = [];
  for (let year = points[0].year; year <= points[points.length - 1].year; year++) {
    result.push({ year, value: plannedPathValue(path, year) as number });
  }
  return result;
}

/**
 * Compound annual growth in % per year: ((end/start)^(1/years) − 1) × 100. Null when `years` ≤ 0,
 * the start is not positive or the end is negative.
 */
export function cagrPct(start: DecimalLike, end: DecimalLike, years: number): number | null {
  if (!(years > 0) || decimalSign(start) <= 0 || decimalSign(end) < 0) return null;
  return (Math.pow(decimalToNumber(end) / decimalToNumber(start), 1 / years) - 1) * 100;
}

/** Actual CAGR from the baseline to the latest actual. */
export function actualCagrPct(baseline: YearValue, latest: YearValue): number | null {
  return cagrPct(baseline.value, latest.value, latest.year - baseline.year);
}

/** CAGR still required from the latest actual to reach the target in the target year. */
export function requiredCagrPct(latest: YearValue, target: YearValue): number | null {
  return cagrPct(latest.value, target.value, target.year - latest.year);
}

/** The value in `year` when growing from `from` at `ratePct` % per year: from × (1 + rate/100)^(year − from.year). */
export function projectValue(from: YearValue, ratePct: number, year: number): number | null {
  checkYear(year);
  if (!Number.isFinite(ratePct) || ratePct <= -100) return null;
  return decimalToNumber(from.value) * Math.pow(1 + ratePct / 100, year - from.year);
}
