/** Year-month helpers of the query layer (the wire form is `YYYY-MM`; a merged 1–2月 is month 2). */
import { formatPeriod, formatYearMonth, monthPeriod, ytdPeriod } from '@im/domain';

export interface Ym {
  year: number;
  month: number;
}

/** year × 100 + month: sortable, comparable. */
export function ymKey(p: Ym): number {
  return p.year * 100 + p.month;
}

export function fromYmKey(key: number): Ym {
  return { year: Math.floor(key / 100), month: key % 100 };
}

export function ymText(p: Ym): string {
  return formatYearMonth(p);
}

/** Reads a validated `YYYY-MM`. */
export function parseYm(text: string): Ym {
  return { year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)) };
}

export function sameMonthLastYear(p: Ym): Ym {
  return { year: p.year - 1, month: p.month };
}

export function addMonths(p: Ym, n: number): Ym {
  const i = p.year * 12 + p.month - 1 + n;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

/** `2025年1-10月` (YTD through the month; `2025年1-2月` for the merged figure). */
export function ytdLabel(p: Ym): string {
  return formatPeriod(ytdPeriod(p.year, p.month));
}

/** `2025年10月`; the merged 1–2月 is labelled as such, never as February. */
export function monthLabel(p: Ym, mergedJanFeb: boolean): string {
  return mergedJanFeb && p.month === 2 ? formatPeriod(ytdPeriod(p.year, 2)) : formatPeriod(monthPeriod(p.year, p.month));
}
