/**
 * Comparators of plan targets: "≥ / 达到 / 不低于" (gte) and "> / 超过 / 突破" (gt), and whether an actual
 * value achieves a target. Comparisons are exact on decimals: 2500 亿元 "超过 2500" is not achieved.
 */
import { type DecimalLike, decimalCompare, decimalSub } from './decimal';

export type Comparator = 'gte' | 'gt';

export const COMPARATOR_SYMBOL: Readonly<Record<Comparator, string>> = Object.freeze({ gte: '≥', gt: '>' });

const GTE_WORDS = ['>=', '≥', '≧', '达到或超过', '不低于', '不少于', '不小于', '以上'];
/** Upper bounds (不超过, ≤, 以下) are not comparators of this product's targets: never read them as ≥ or >. */
const UPPER_BOUND = /不超过|不高于|不大于|不多于|以下|以内|≤|≦|<|lte|lt$/;
const GT_WORDS = ['>', '超过', '突破', '高于', '大于', '多于'];

/**
 * Reads the comparator of a target as written in a plan or a targets file: `≥`, `>=`, `达到`, `不低于`,
 * `2500亿元以上` → gte; `>`, `超过`, `突破`, `高于` → gt. Null when the text names none or an upper bound
 * (`不超过`, `≤`, `以下`).
 */
export function parseComparator(text: string): Comparator | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (UPPER_BOUND.test(s)) return null;
  if (s === 'gte') return 'gte';
  if (s === 'gt') return 'gt';
  if (GTE_WORDS.some((w) => s.includes(w))) return 'gte';
  if (GT_WORDS.some((w) => s.includes(w))) return 'gt';
  if (s.includes('达到') || s.includes('=')) return 'gte';
  return null;
}

/** True when `actual` achieves `target` under the comparator; null when either is missing. */
export function isTargetAchieved(
  actual: DecimalLike | null | undefined,
  target: DecimalLike | null | undefined,
  comparator: Comparator,
): boolean | null {
  if (actual === null || actual === undefined || target === null || target === undefined) return null;
  const c = decimalCompare(actual, target);
  return comparator === 'gt' ? c > 0 : c >= 0;
}

/** What is still missing to reach the target (target − actual, exact; ≤ 0 once reached). Null when missing. */
export function remainingToTarget(actual: DecimalLike | null | undefined, target: DecimalLike | null | undefined): number | null {
  if (actual === null || actual === undefined || target === null || target === undefined) return null;
  return Number(decimalSub(target, actual));
}
