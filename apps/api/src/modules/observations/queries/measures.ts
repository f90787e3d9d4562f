/**
 * The figures of a dashboard row (本月 or 累计) computed exactly from stored decimal strings with the
 * domain maths: YoY (reported kept, nominal computed and labelled), share of the parent, 拉动 and
 * 贡献率. Pure functions.
 */
import { contributionPp, contributionRatePct, decimalSub, decimalSum, sharePct, yoyPct } from '@im/domain';
import type { MeasureDto, YoyBasis } from '@im/contracts';

/** One figure and the same period last year, as stored (exact decimal strings). */
export interface Figure {
  value: string | null;
  lastYear: string | null;
  /** YoY stored with the observation (reported in the file, or computed at ingest: `storedYoyComputed`). */
  storedYoy: string | null;
  storedYoyComputed: boolean;
  derived: boolean;
}

export const EMPTY_FIGURE: Figure = Object.freeze({ value: null, lastYear: null, storedYoy: null, storedYoyComputed: false, derived: false });

export function toNumber(value: string | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** The YoY to show: the stored one (reported, or computed at ingest), else nominal from the two levels. */
export function resolveYoy(f: Figure): { pct: number | null; basis: YoyBasis | null } {
  if (f.storedYoy !== null) return { pct: Number(f.storedYoy), basis: f.storedYoyComputed ? 'computed' : 'reported' };
  const pct = yoyPct(f.value, f.lastYear);
  return { pct, basis: pct === null ? null : 'computed' };
}

/** A child's figure against its parent: share, 拉动 (pp) and 贡献率 (%). */
export function childMeasure(f: Figure, parent: Figure | null): MeasureDto {
  const yoy = resolveYoy(f);
  const pair = { current: f.value, lastYear: f.lastYear };
  return {
    value: toNumber(f.value),
    lastYear: toNumber(f.lastYear),
    yoyPct: yoy.pct,
    yoyBasis: yoy.basis,
    sharePct: parent ? sharePct(f.value, parent.value) : null,
    contributionPp: parent ? contributionPp(pair, parent.lastYear) : null,
    contributionRatePct: parent ? contributionRatePct(pair, { current: parent.value, lastYear: parent.lastYear }) : null,
    derived: f.derived,
  };
}

/**
 * The parent's own figure: share 100 % of itself; its 拉动 is its nominal growth (what the children's
 * 拉动 add up to), its 贡献率 100 % when it changed.
 */
export function parentMeasure(f: Figure): MeasureDto {
  return childMeasure(f, f.value === null ? null : f);
}

/** Exact sum of figures; null (not a partial sum) when any of them is missing. */
export function sumFigures(figures: readonly Figure[]): Figure {
  const all = (pick: (f: Figure) => string | null): string | null => {
    const values = figures.map(pick);
    return values.length && values.every((v): v is string => v !== null) ? decimalSum(values) : null;
  };
  return { value: all((f) => f.value), lastYear: all((f) => f.lastYear), storedYoy: null, storedYoyComputed: false, derived: true };
}

/** parent − Σ children in both years; null values where anything is missing. */
export function remainderFigure(parent: Figure, children: readonly Figure[]): Figure {
  const sum = sumFigures(children);
  const minus = (a: string | null, b: string | null) => (a === null || b === null ? null : decimalSub(a, b));
  return { value: minus(parent.value, sum.value), lastYear: minus(parent.lastYear, sum.lastYear), storedYoy: null, storedYoyComputed: false, derived: true };
}

/** True when a remainder is worth a row: some of it is known and not zero. */
export function isMaterialRemainder(f: Figure): boolean {
  const nonZero = (v: string | null) => v !== null && Number(v) !== 0;
  return nonZero(f.value) || nonZero(f.lastYear);
}

/** 1-based ranks by a key, largest first; missing keys get null; ties share a rank. */
export function rankBy<T>(items: readonly T[], key: (item: T) => number | null): (number | null)[] {
  const keyed = items.map((item, index) => ({ index, k: key(item) }));
  const present = keyed.filter((x): x is { index: number; k: number } => x.k !== null).sort((a, b) => b.k - a.k);
  const ranks: (number | null)[] = items.map(() => null);
  present.forEach((x, i) => {
    ranks[x.index] = i > 0 && present[i - 1].k === x.k ? ranks[present[i - 1].index] : i + 1;
  });
  return ranks;
}
