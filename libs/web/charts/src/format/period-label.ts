/**
 * Period helpers and the labels of monthly periods: "2024年3月", merged January–February "2024年1-2月"
 * (bureaus publish 1–2月 together; the figure is reported at month 2).
 */
import type { DisplayLocale } from './number-format';

export interface YearMonth {
  year: number;
  month: number;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Parses "YYYY-MM"; returns null for anything else (including month 0 or 13). */
export function parsePeriod(text: string | null | undefined): YearMonth | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year, month };
}

export function periodKey(p: YearMonth): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** Months since year 0; makes period arithmetic a subtraction. */
export function monthIndex(p: YearMonth): number {
  return p.year * 12 + (p.month - 1);
}

export function fromMonthIndex(index: number): YearMonth {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function addMonths(p: YearMonth, n: number): YearMonth {
  return fromMonthIndex(monthIndex(p) + n);
}

/**
 * Label of a monthly period. zh: "2024年3月", merged "2024年1-2月"; en: "Mar 2024", merged "Jan–Feb 2024".
 */
export function formatPeriodLabel(
  p: YearMonth & { mergedJanFeb?: boolean },
  locale: DisplayLocale = 'zh-CN',
): string {
  const merged = p.mergedJanFeb === true && p.month === 2;
  if (locale === 'en') {
    const month = merged ? 'Jan–Feb' : (EN_MONTHS[p.month - 1] ?? String(p.month));
    return `${month} ${p.year}`;
  }
  return `${p.year}年${merged ? '1-2' : p.month}月`;
}

/** Label of a range of periods: "2023年1-2月 至 2024年12月" / "Jan–Feb 2023 – Dec 2024". */
export function formatPeriodRange(
  from: YearMonth & { mergedJanFeb?: boolean },
  to: YearMonth & { mergedJanFeb?: boolean },
  locale: DisplayLocale = 'zh-CN',
): string {
  const sep = locale === 'en' ? ' – ' : ' 至 ';
  return `${formatPeriodLabel(from, locale)}${sep}${formatPeriodLabel(to, locale)}`;
}
