/**
 * Year-on-year growth (同比增长 %). Reported growth of added value is at comparable prices (可比价)
 * and cannot be recomputed from nominal values: a reported figure is always kept, and a nominal
 * figure is computed only where none is reported, marked `computed`.
 */
import { type DecimalLike, decimalAdd, decimalSign, decimalSub, exactRatio } from './decimal';

/**
 * Nominal YoY in percent: (current − lastYear) ÷ lastYear × 100. Null when a value is missing or the
 * last-year value is not positive (a growth rate on a zero or negative base means nothing).
 */
export function yoyPct(current: DecimalLike | null | undefined, lastYear: DecimalLike | null | undefined): number | null {
  if (current === null || current === undefined || lastYear === null || lastYear === undefined) return null;
  if (decimalSign(lastYear) <= 0) return null;
  return exactRatio(decimalSub(current, lastYear), lastYear, 100);
}

export interface YoyResolution {
  /** Growth in percent, null when neither reported nor computable. */
  readonly pct: number | null;
  /** True when computed from nominal values here (label it 名义增速), false when reported or missing. */
  readonly computed: boolean;
}

/** The YoY to show: the reported one when there is one, else the nominal one computed from the levels. */
export function resolveYoy(
  reportedPct: number | null | undefined,
  current: DecimalLike | null | undefined,
  lastYear: DecimalLike | null | undefined,
): YoyResolution {
  if (reportedPct !== null && reportedPct !== undefined && Number.isFinite(reportedPct)) return { pct: reportedPct, computed: false };
  const pct = yoyPct(current, lastYear);
  return { pct, computed: pct !== null };
}

/**
 * The last-year level implied by a level and its growth: current ÷ (1 + pct/100), e.g. to show
 * 上年同期 when only the growth is published. Null when growth is −100 % or less, or a value is missing.
 */
export function impliedLastYear(current: DecimalLike | null | undefined, pct: number | null | undefined): number | null {
  if (current === null || current === undefined || pct === null || pct === undefined || !Number.isFinite(pct)) return null;
  if (pct <= -100) return null;
  return exactRatio(current, decimalAdd(100, pct), 100);
}
