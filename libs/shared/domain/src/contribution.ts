/**
 * Contribution to growth (拉动, percentage points) and contribution rate (贡献率, %).
 *
 * 拉动 = child's increase ÷ parent's last-year value × 100: the children's 拉动 add up to the parent's
 * growth rate when the children add up to the parent. 贡献率 = child's increase ÷ parent's increase × 100:
 * the children's 贡献率 add up to 100 %; undefined (null) when the parent did not change.
 * Increases are exact decimals; each ratio is one floating division (decimal.ts).
 */
import { type DecimalLike, decimalSign, decimalSub, decimalSum, exactRatio } from './decimal';
import { yoyPct } from './yoy';

/** A level this period and in the same period last year (同期). */
export interface LevelPair {
  readonly current: DecimalLike | null | undefined;
  readonly lastYear: DecimalLike | null | undefined;
}

function increase(pair: LevelPair): string | null {
  const { current, lastYear } = pair;
  if (current === null || current === undefined || lastYear === null || lastYear === undefined) return null;
  return decimalSub(current, lastYear);
}

/** 拉动 (pp): (child.current − child.lastYear) ÷ parentLastYear × 100. Null when missing or the parent base is not positive. */
export function contributionPp(child: LevelPair, parentLastYear: DecimalLike | null | undefined): number | null {
  const delta = increase(child);
  if (delta === null || parentLastYear === null || parentLastYear === undefined || decimalSign(parentLastYear) <= 0) return null;
  return exactRatio(delta, parentLastYear, 100);
}

/** 贡献率 (%): child's increase ÷ parent's increase × 100. Null when missing or the parent did not change. */
export function contributionRatePct(child: LevelPair, parent: LevelPair): number | null {
  const delta = increase(child);
  const parentDelta = increase(parent);
  if (delta === null || parentDelta === null) return null;
  return exactRatio(delta, parentDelta, 100);
}

export interface ContributionItem<K> {
  readonly key: K;
  /** Exact increase over last year, in the unit of the inputs. */
  readonly increase: number | null;
  readonly growthPct: number | null;
  readonly contributionPp: number | null;
  readonly contributionRatePct: number | null;
}

export interface ContributionBreakdown<K> {
  readonly parentIncrease: number | null;
  readonly parentGrowthPct: number | null;
  readonly items: readonly ContributionItem<K>[];
  /**
   * 其他: the part of the parent not covered by the children (parent − Σ children in both years),
   * null when the children cover the parent exactly or a value is missing.
   */
  readonly other: Omit<ContributionItem<'other'>, 'key'> | null;
}

function item<K>(key: K, pair: LevelPair, parent: LevelPair): ContributionItem<K> {
  const delta = increase(pair);
  return {
    key,
    increase: delta === null ? null : Number(delta),
    growthPct: yoyPct(pair.current, pair.lastYear),
    contributionPp: contributionPp(pair, parent.lastYear),
    contributionRatePct: contributionRatePct(pair, parent),
  };
}

const isPresent = (v: DecimalLike | null | undefined): v is DecimalLike => v !== null && v !== undefined;

/** parent − Σ children in both years, or null when a value is missing. */
function remainder(parent: LevelPair, children: readonly LevelPair[]): { current: string; lastYear: string } | null {
  const { current, lastYear } = parent;
  if (!isPresent(current) || !isPresent(lastYear)) return null;
  const currents: DecimalLike[] = [];
  const lastYears: DecimalLike[] = [];
  for (const child of children) {
    if (!isPresent(child.current) || !isPresent(child.lastYear)) return null;
    currents.push(child.current);
    lastYears.push(child.lastYear);
  }
  return { current: decimalSub(current, decimalSum(currents)), lastYear: decimalSub(lastYear, decimalSum(lastYears)) };
}

/** 拉动 and 贡献率 of every child of a parent (e.g. the sub-fields of an industry), with the remainder 其他. */
export function contributionBreakdown<K>(parent: LevelPair, children: readonly (LevelPair & { readonly key: K })[]): ContributionBreakdown<K> {
  const parentDelta = increase(parent);
  const rest = remainder(parent, children);
  let other: ContributionBreakdown<K>['other'] = null;
  if (rest && (decimalSign(rest.current) !== 0 || decimalSign(rest.lastYear) !== 0)) {
    const { key: _key, ...values } = item('other', rest, parent);
    other = values;
  }
  return {
    parentIncrease: parentDelta === null ? null : Number(parentDelta),
    parentGrowthPct: yoyPct(parent.current, parent.lastYear),
    items: children.map((child) => item(child.key, child, parent)),
    other,
  };
}
