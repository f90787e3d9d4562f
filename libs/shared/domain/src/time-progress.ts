/**
 * Time progress (时序进度) of an annual target at month m, completion, and the gap between them.
 *
 * Naive: m ÷ 12 × 100 ("时间过半，任务过半"). Seasonal: the average, over complete past years of the same
 * series, of YTD(m) ÷ annual total × 100 — output is seasonal (Spring Festival in February, a strong
 * December), so 1–2月 is rarely 2/12 of the year. The seasonal figure is used only when at least
 * `minPastYears` complete past years exist; otherwise the naive one is used and the note says so.
 */
import { type DecimalLike, decimalDivide, decimalRound, decimalSign, decimalSub, decimalSum, decimalToFixed, exactRatio } from './decimal';
import { DEFAULT_STATUS_THRESHOLDS } from './thresholds';
import { ppDifference } from './units';

function checkMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`月份应为 1–12：${month}`);
}

/** m ÷ 12 × 100: month 5 → 41.666…; month 6 → 50. */
export function naiveTimeProgressPct(month: number): number {
  checkMonth(month);
  return (month * 100) / 12;
}

/** One past year of the same series: YTD values by month (1–12); month 12 is the annual total. */
export interface PastYearYtd {
  readonly year: number;
  readonly ytd: Readonly<Partial<Record<number, DecimalLike | null>>>;
}

export interface TimeProgress {
  readonly month: number;
  readonly naivePct: number;
  /** Null when fewer than `minPastYears` complete past years exist. */
  readonly seasonalPct: number | null;
  /** Which one `pct` is. */
  readonly basis: 'seasonal' | 'naive';
  readonly pct: number;
  /** Past years whose share entered the seasonal average (ascending). */
  readonly yearsUsed: readonly number[];
  /** How the figure was obtained, in Chinese, for a tooltip or a footnote of the brief. */
  readonly note: string;
}

/** YTD(m) ÷ annual × 100 of one past year, or null when the year is not complete for month m. */
export function shareOfYearPct(past: PastYearYtd, month: number): number | null {
  checkMonth(month);
  const annual = past.ytd[12];
  const atMonth = past.ytd[month];
  if (annual === null || annual === undefined || atMonth === null || atMonth === undefined) return null;
  if (decimalSign(annual) <= 0) return null;
  return exactRatio(atMonth, annual, 100);
}

/**
 * Naive and seasonal time progress at month m. A past year counts when it has both YTD(m) and the
 * annual total (YTD(12) > 0); for a series published as 1–2月, month 1 has no complete past year.
 */
export function timeProgress(
  month: number,
  pastYears: readonly PastYearYtd[] = [],
  minPastYears: number = DEFAULT_STATUS_THRESHOLDS.minSeasonalYears,
): TimeProgress {
  const naivePct = naiveTimeProgressPct(month);
  const seen = new Set<number>();
  const used: { year: number; share: number }[] = [];
  for (const past of pastYears) {
    if (seen.has(past.year)) throw new RangeError(`历史年份 ${past.year} 出现了两次`);
    seen.add(past.year);
    const share = shareOfYearPct(past, month);
    if (share !== null) used.push({ year: past.year, share });
  }
  used.sort((a, b) => a.year - b.year);
  const yearsUsed = used.map((u) => u.year);
  if (used.length < minPastYears) {
    const have = used.length === 0 ? '没有' : `只有 ${used.length} 年`;
    return {
      month,
      naivePct,
      seasonalPct: null,
      basis: 'naive',
      pct: naivePct,
      yearsUsed,
      note: `同一序列有 1-${month}月和全年数据的历史年份${have}（至少需要 ${minPastYears} 年），时序进度按 ${month}/12 计算`,
    };
  }
  const seasonalPct = Number(decimalDivide(decimalSum(used.map((u) => u.share)), used.length));
  return {
    month,
    naivePct,
    seasonalPct,
    basis: 'seasonal',
    pct: seasonalPct,
    yearsUsed,
    note: `季节性时序进度：${yearsUsed.join('、')}年 1-${month}月累计占全年比重的平均值`,
  };
}

/** Completion % of an annual target: YTD ÷ annual target × 100. Null when missing or the target is not positive. */
export function completionPct(ytd: DecimalLike | null | undefined, annualTarget: DecimalLike | null | undefined): number | null {
  if (ytd === null || ytd === undefined || annualTarget === null || annualTarget === undefined) return null;
  if (decimalSign(annualTarget) <= 0) return null;
  return exactRatio(ytd, annualTarget, 100);
}

/** Gap in percentage points: completion % − time progress % (positive = ahead of schedule). Exact difference. */
export function progressGapPp(completion: number, timeProgressPct: number): number {
  return ppDifference(completion, timeProgressPct);
}

/**
 * The sentence of the monthly brief: `快于时序进度 14.8 个百分点`, `慢于时序进度 2.3 个百分点` or
 * `与时序进度持平`. Both percentages are first rounded to `decimals` places, as printed beside the
 * sentence, so that the printed figures add up (完成 56.5%，时序进度 41.7%，快于 14.8 个百分点).
 */
export function describeProgressGap(completion: number, timeProgressPct: number, decimals = 1): string {
  const gap = decimalSub(decimalRound(completion, decimals), decimalRound(timeProgressPct, decimals));
  const sign = decimalSign(gap);
  if (sign === 0) return '与时序进度持平';
  const size = decimalToFixed(sign > 0 ? gap : decimalSub(0, gap), decimals);
  return `${sign > 0 ? '快于' : '慢于'}时序进度 ${size} 个百分点`;
}
