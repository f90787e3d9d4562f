/**
 * 本月 ↔ 1–本月累计 (this month ↔ year to date) within one calendar year.
 *
 * month(m) = YTD(m) − YTD(m−1), month(1) = YTD(1); YTD(m) = YTD(m−1) + month(m), YTD(1) = month(1).
 * Reported values are kept as reported; only gaps are filled, and what is filled is marked derived.
 * YTD values are never summed over months. A merged 1–2月 row is the YTD at month 2; January and
 * February stay unknown (null), never invented. Arithmetic is exact (decimal.ts).
 */
import { type DecimalLike, decimalAdd, decimalSub, toDecimalString } from './decimal';

export interface MonthlyInput {
  /** 1–12. For a merged 1–2月 row: 2 with `mergedJanFeb`. */
  readonly month: number;
  /** 本月 as reported. */
  readonly valueMonth?: DecimalLike | null;
  /** 1–本月累计 as reported. */
  readonly valueYtd?: DecimalLike | null;
  /**
   * The row is the merged 1–2月 figure. Its 本月 column, if filled, is the two-month figure too, so it
   * is read as the YTD at month 2 (when 累计 is empty), never as February.
   */
  readonly mergedJanFeb?: boolean;
}

export interface MonthlyValues {
  readonly month: number;
  readonly valueMonth: number | null;
  readonly valueYtd: number | null;
  readonly monthDerived: boolean;
  readonly ytdDerived: boolean;
  readonly mergedJanFeb: boolean;
}

interface Slot {
  value: string | null;
  derived: boolean;
}

const present = (v: DecimalLike | null | undefined): v is DecimalLike => v !== null && v !== undefined;

/**
 * Completes one year's monthly series in both forms. Returns 12 entries (months 1–12) with null where
 * the value can be neither read nor derived. Throws on a month outside 1–12, a month given twice, or
 * `mergedJanFeb` on a month other than 2 (programming errors, not data errors).
 */
export function deriveMonthlyValues(rows: readonly MonthlyInput[]): MonthlyValues[] {
  const byMonth = new Map<number, MonthlyInput>();
  for (const row of rows) {
    if (!Number.isInteger(row.month) || row.month < 1 || row.month > 12) throw new RangeError(`月份应为 1–12：${row.month}`);
    if (byMonth.has(row.month)) throw new RangeError(`同一年里 ${row.month} 月出现了两次`);
    if (row.mergedJanFeb && row.month !== 2) throw new RangeError(`1-2月合并数据应记在 2 月，而不是 ${row.month} 月`);
    byMonth.set(row.month, row);
  }
  const merged = byMonth.get(2)?.mergedJanFeb === true;
  const ytd: Slot[] = [];
  const month: Slot[] = [];
  const result: MonthlyValues[] = [];

  for (let m = 1; m <= 12; m++) {
    const row = byMonth.get(m);
    const isMergedRow = row?.mergedJanFeb === true;
    const reportedYtd = present(row?.valueYtd) ? row.valueYtd : isMergedRow && present(row?.valueMonth) ? row.valueMonth : null;
    const reportedMonth = !isMergedRow && present(row?.valueMonth) ? row.valueMonth : null;
    const previousYtd = m > 1 ? ytd[m - 2].value : null;

    let y: Slot = { value: null, derived: false };
    if (reportedYtd !== null) y = { value: toDecimalString(reportedYtd), derived: false };
    else if (reportedMonth !== null && m === 1) y = { value: toDecimalString(reportedMonth), derived: true };
    else if (reportedMonth !== null && previousYtd !== null) y = { value: decimalAdd(previousYtd, reportedMonth), derived: true };

    let v: Slot = { value: null, derived: false };
    if (reportedMonth !== null) v = { value: toDecimalString(reportedMonth), derived: false };
    else if (m === 1 && y.value !== null) v = { value: y.value, derived: true };
    else if (m > 1 && !(merged && m === 2) && y.value !== null && previousYtd !== null) {
      v = { value: decimalSub(y.value, previousYtd), derived: true };
    }

    ytd.push(y);
    month.push(v);
    result.push({
      month: m,
      valueMonth: v.value === null ? null : Number(v.value),
      valueYtd: y.value === null ? null : Number(y.value),
      monthDerived: v.derived,
      ytdDerived: y.derived,
      mergedJanFeb: isMergedRow,
    });
  }
  return result;
}

/** month(m) = YTD(m) − YTD(m−1); for January pass `previousYtd` null and get YTD(1). Null when a needed value is missing. */
export function monthFromYtd(month: number, ytd: DecimalLike | null, previousYtd: DecimalLike | null): number | null {
  if (ytd === null) return null;
  if (month === 1) return Number(toDecimalString(ytd));
  return previousYtd === null ? null : Number(decimalSub(ytd, previousYtd));
}

/** YTD from single months (January first), only when every month is present; otherwise null. */
export function ytdFromMonths(months: readonly (DecimalLike | null | undefined)[]): number | null {
  if (months.length === 0 || months.length > 12) return null;
  let sum = '0';
  for (const value of months) {
    if (!present(value)) return null;
    sum = decimalAdd(sum, value);
  }
  return Number(sum);
}
