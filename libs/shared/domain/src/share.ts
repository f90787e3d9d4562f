/**
 * Share targets (占比): A ÷ B × 100, e.g. 战略性新兴产业增加值 ÷ 地区生产总值 ≥ 25 %. The numerator and
 * denominator stay separate series (each traceable to its file rows); the share is computed here.
 * Whether a share target is achieved is decided exactly (A × 100 against x × B), so a share of exactly
 * 25 % is never lost to 24.999999999999996.
 */
import { type DecimalLike, decimalCompare, decimalMul, decimalSign, exactRatio } from './decimal';
import type { Comparator } from './comparator';

/** A ÷ B × 100. Null when missing or the denominator is not positive. */
export function sharePct(numerator: DecimalLike | null | undefined, denominator: DecimalLike | null | undefined): number | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) return null;
  if (decimalSign(denominator) <= 0) return null;
  return exactRatio(numerator, denominator, 100);
}

/** Whether A ÷ B × 100 achieves `targetPct` under the comparator, decided exactly. Null when missing or B ≤ 0. */
export function isShareTargetAchieved(
  numerator: DecimalLike | null | undefined,
  denominator: DecimalLike | null | undefined,
  targetPct: DecimalLike,
  comparator: Comparator,
): boolean | null {
  if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) return null;
  if (decimalSign(denominator) <= 0) return null;
  const c = decimalCompare(decimalMul(numerator, 100), decimalMul(targetPct, denominator));
  return comparator === 'gt' ? c > 0 : c >= 0;
}
