import type { SeriesPointDto } from '@im/contracts';
import { fromMonthIndex, monthIndex, parsePeriod, periodKey } from '../format/period-label';

/** One category of a monthly chart: a calendar month (or the merged 1–2月), with its point or a gap. */
export interface TrendRow {
  /** `YYYY-MM` of the period end. */
  key: string;
  year: number;
  month: number;
  /** True for a 1–2月 figure (reported at month 2). */
  mergedJanFeb: boolean;
  /** Null when nothing was published for the month: shown as a gap, never as zero. */
  point: SeriesPointDto | null;
}

/**
 * Lays the points on a continuous monthly axis from the first to the last point. A month without a
 * point becomes a gap row (a missing month is not dropped silently); January is not a category of its
 * own when the year's figure is a merged 1–2月 reported at month 2.
 */
export function buildMonthlyRows(points: readonly SeriesPointDto[]): TrendRow[] {
  const byIndex = new Map<number, SeriesPointDto>();
  for (const point of points) {
    const ym = parsePeriod(point.period) ?? { year: point.year, month: point.month };
    if (!ym.year || ym.month < 1 || ym.month > 12) continue;
    byIndex.set(monthIndex(ym), point);
  }
  if (byIndex.size === 0) return [];
  const indices = [...byIndex.keys()].sort((a, b) => a - b);
  const first = indices[0];
  const last = indices[indices.length - 1];
  const rows: TrendRow[] = [];
  for (let i = first; i <= last; i++) {
    const ym = fromMonthIndex(i);
    const point = byIndex.get(i) ?? null;
    if (!point && ym.month === 1 && byIndex.get(i + 1)?.mergedJanFeb) continue;
    rows.push({ key: periodKey(ym), year: ym.year, month: ym.month, mergedJanFeb: point?.mergedJanFeb === true, point });
  }
  return rows;
}

/**
 * Keeps the rows of the last `months` calendar months up to the latest period (null or ≤ 0 keeps all).
 * A merged 1–2月 counts as the two months it covers, so "12 months" ending in December starts at 1–2月.
 */
export function lastMonths(rows: readonly TrendRow[], months: number | null): TrendRow[] {
  if (!months || months <= 0 || rows.length === 0) return [...rows];
  const latest = rows[rows.length - 1];
  const firstIndex = monthIndex(latest) - months + 1;
  return rows.filter((row) => {
    const start = row.mergedJanFeb ? monthIndex(row) - 1 : monthIndex(row);
    return start >= firstIndex;
  });
}

/** True when at least one row has a figure to draw. */
export function hasValues(rows: readonly TrendRow[]): boolean {
  return rows.some((r) => r.point && (r.point.valueMonth != null || r.point.valueYtd != null));
}
