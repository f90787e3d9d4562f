import { FIRST_YEAR } from './calibration';
import type { DemoObservation } from './demo-data.types';

export interface YearMonth {
  year: number;
  month: number;
}

/** An integer as a decimal string. */
export function formatInteger(v: number): string {
  return String(v);
}

/** An integer number of hundredths as a decimal string with 2 decimals (1050 → "10.50"). */
export function formatHundredths(v: number): string {
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Nominal YoY % with 2 decimals, rounded half away from zero, exactly; null without a positive base. */
export function yoyPct(current: number | null, previous: number | null): string | null {
  if (current === null || previous === null || previous <= 0) return null;
  const diff = current - previous;
  const n = Math.abs(diff) * 10000;
  const num = 2 * n + previous;
  const den = 2 * previous;
  let q = Math.floor(num / den);
  while (q * den > num) q -= 1;
  while ((q + 1) * den <= num) q += 1;
  return formatHundredths(diff < 0 ? -q : q);
}

const isPublished = (year: number, month: number, through: YearMonth) =>
  year < through.year || (year === through.year && month <= through.month);

/**
 * Monthly observations from single-month values (index (year − 2020) × 12 + month − 1, whole years):
 * 1–2月 merged at month 2, YTD = sum of the months, YoY vs the same period a year earlier.
 */
export function monthlyObservations(
  values: readonly number[],
  through: YearMonth,
  format: (v: number) => string = formatInteger,
): DemoObservation[] {
  const out: DemoObservation[] = [];
  const years = values.length / 12;
  let prevYtd: number[] | null = null;
  for (let y = 0; y < years; y++) {
    const year = FIRST_YEAR + y;
    const ytd: number[] = [];
    let sum = 0;
    for (let m = 0; m < 12; m++) {
      sum += values[y * 12 + m];
      ytd.push(sum);
    }
    for (let month = 2; month <= 12; month++) {
      if (!isPublished(year, month, through)) break;
      const merged = month === 2;
      const valueMonth = merged ? null : values[y * 12 + month - 1];
      const prevMonth = merged || y === 0 ? null : values[(y - 1) * 12 + month - 1];
      out.push({
        year,
        month,
        valueMonth: valueMonth === null ? null : format(valueMonth),
        valueYtd: format(ytd[month - 1]),
        yoyMonthPct: yoyPct(valueMonth, prevMonth),
        yoyYtdPct: prevYtd ? yoyPct(ytd[month - 1], prevYtd[month - 1]) : null,
        mergedJanFeb: merged,
      });
    }
    prevYtd = ytd;
  }
  return out;
}

/** Quarterly YTD observations (at months 3, 6, 9, 12) from single-quarter values (index (year − 2020) × 4 + q). */
export function quarterlyObservations(quarters: readonly number[], through: YearMonth): DemoObservation[] {
  const out: DemoObservation[] = [];
  const years = quarters.length / 4;
  let prevYtd: number[] | null = null;
  for (let y = 0; y < years; y++) {
    const year = FIRST_YEAR + y;
    const ytd: number[] = [];
    let sum = 0;
    for (let q = 0; q < 4; q++) {
      sum += quarters[y * 4 + q];
      ytd.push(sum);
    }
    for (let q = 0; q < 4; q++) {
      const month = (q + 1) * 3;
      if (!isPublished(year, month, through)) break;
      out.push({
        year,
        month,
        valueMonth: null,
        valueYtd: formatInteger(ytd[q]),
        yoyMonthPct: null,
        yoyYtdPct: prevYtd ? yoyPct(ytd[q], prevYtd[q]) : null,
        mergedJanFeb: false,
      });
    }
    prevYtd = ytd;
  }
  return out;
}

/** Annual observations at month 12 (valueMonth = valueYtd = the year's figure), index year − 2020. */
export function yearlyObservations(
  values: readonly number[],
  through: YearMonth,
  format: (v: number) => string = formatInteger,
): DemoObservation[] {
  const out: DemoObservation[] = [];
  for (let y = 0; y < values.length; y++) {
    const year = FIRST_YEAR + y;
    if (!isPublished(year, 12, through)) break;
    const v = format(values[y]);
    const yoy = y === 0 ? null : yoyPct(values[y], values[y - 1]);
    out.push({ year, month: 12, valueMonth: v, valueYtd: v, yoyMonthPct: yoy, yoyYtdPct: yoy, mergedJanFeb: false });
  }
  return out;
}
