/**
 * Statistical periods (统计期): a single month (本月), the year-to-date through month m (1–m月累计;
 * the merged 1–2月 is the YTD at month 2), a quarter, a half-year and a year.
 * Ordering, arithmetic, parsing of the forms clerks write, and Chinese labels.
 */

export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

export interface MonthPeriod {
  readonly kind: 'month';
  readonly year: number;
  readonly month: number;
}

/** 1–m月累计. At month 2 this is the merged 1–2月 figure. */
export interface YtdPeriod {
  readonly kind: 'ytd';
  readonly year: number;
  readonly month: number;
}

export interface QuarterPeriod {
  readonly kind: 'quarter';
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export interface HalfPeriod {
  readonly kind: 'half';
  readonly year: number;
  readonly half: 1 | 2;
}

export interface YearPeriod {
  readonly kind: 'year';
  readonly year: number;
}

export type Period = MonthPeriod | YtdPeriod | QuarterPeriod | HalfPeriod | YearPeriod;
export type PeriodKind = Period['kind'];

/** Years a period may carry; anything else is a typing mistake in a file. */
export const PERIOD_YEAR_RANGE = Object.freeze({ min: 1900, max: 2100 });

const KIND_RANK: Readonly<Record<PeriodKind, number>> = { month: 0, ytd: 1, quarter: 2, half: 3, year: 4 };
const QUARTER_NAMES = ['一', '二', '三', '四'] as const;
const PERIODS_PER_YEAR: Readonly<Record<PeriodKind, number>> = { month: 12, ytd: 12, quarter: 4, half: 2, year: 1 };

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < PERIOD_YEAR_RANGE.min || year > PERIOD_YEAR_RANGE.max) {
    throw new RangeError(`年份应为 ${PERIOD_YEAR_RANGE.min}–${PERIOD_YEAR_RANGE.max} 之间的整数：${year}`);
  }
}

function checkMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`月份应为 1–12 之间的整数：${month}`);
}

export function monthPeriod(year: number, month: number): MonthPeriod {
  checkYear(year);
  checkMonth(month);
  return { kind: 'month', year, month };
}

export function ytdPeriod(year: number, month: number): YtdPeriod {
  checkYear(year);
  checkMonth(month);
  return { kind: 'ytd', year, month };
}

export function quarterPeriod(year: number, quarter: number): QuarterPeriod {
  checkYear(year);
  if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) throw new RangeError(`季度应为 1–4：${quarter}`);
  return { kind: 'quarter', year, quarter };
}

export function halfPeriod(year: number, half: number): HalfPeriod {
  checkYear(year);
  if (half !== 1 && half !== 2) throw new RangeError(`半年应为 1（上半年）或 2（下半年）：${half}`);
  return { kind: 'half', year, half };
}

export function yearPeriod(year: number): YearPeriod {
  checkYear(year);
  return { kind: 'year', year };
}

/** True for the merged 1–2月 period (the YTD at month 2). */
export function isMergedJanFeb(period: Period): boolean {
  return period.kind === 'ytd' && period.month === 2;
}

// ---------------------------------------------------------------------------------------------
// Month arithmetic

/** Months since year 0: `year × 12 + month − 1`. Consecutive months have consecutive indexes. */
export function monthIndex(ym: YearMonth): number {
  return ym.year * 12 + ym.month - 1;
}

export function fromMonthIndex(index: number): YearMonth {
  if (!Number.isInteger(index)) throw new RangeError(`月序号必须是整数：${index}`);
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

export function addMonths(ym: YearMonth, months: number): YearMonth {
  return fromMonthIndex(monthIndex(ym) + months);
}

export function nextMonth(ym: YearMonth): YearMonth {
  return addMonths(ym, 1);
}

export function previousMonth(ym: YearMonth): YearMonth {
  return addMonths(ym, -1);
}

/** `to − from` in months: 2024-01 → 2024-10 is 9; negative when `to` is earlier. */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return monthIndex(to) - monthIndex(from);
}

/** First and last month a period covers (a YTD starts in January). */
export function periodMonthRange(period: Period): { start: YearMonth; end: YearMonth } {
  const { year } = period;
  switch (period.kind) {
    case 'month':
      return { start: { year, month: period.month }, end: { year, month: period.month } };
    case 'ytd':
      return { start: { year, month: 1 }, end: { year, month: period.month } };
    case 'quarter':
      return { start: { year, month: period.quarter * 3 - 2 }, end: { year, month: period.quarter * 3 } };
    case 'half':
      return { start: { year, month: period.half * 6 - 5 }, end: { year, month: period.half * 6 } };
    case 'year':
      return { start: { year, month: 1 }, end: { year, month: 12 } };
  }
}

export function periodEnd(period: Period): YearMonth {
  return periodMonthRange(period).end;
}

/** Number of months a period covers (1 for a month, m for 1–m月, 3, 6, 12). */
export function periodLengthInMonths(period: Period): number {
  const { start, end } = periodMonthRange(period);
  return monthsBetween(start, end) + 1;
}

/**
 * Total order: by last month covered, then the shorter span first, then month < YTD < quarter < half < year
 * (1–3月 and 一季度 cover the same months). Returns a negative number, 0 (same period) or a positive number.
 */
export function comparePeriods(a: Period, b: Period): number {
  const ra = periodMonthRange(a);
  const rb = periodMonthRange(b);
  return (
    monthIndex(ra.end) - monthIndex(rb.end) ||
    monthIndex(rb.start) - monthIndex(ra.start) ||
    KIND_RANK[a.kind] - KIND_RANK[b.kind]
  );
}

export function periodsEqual(a: Period, b: Period): boolean {
  return comparePeriods(a, b) === 0;
}

/** Position of a period in the series of periods of its kind (consecutive periods differ by 1). */
function seriesIndex(period: Period): number {
  switch (period.kind) {
    case 'month':
    case 'ytd':
      return monthIndex(period);
    case 'quarter':
      return period.year * 4 + period.quarter - 1;
    case 'half':
      return period.year * 2 + period.half - 1;
    case 'year':
      return period.year;
  }
}

function fromSeriesIndex(kind: PeriodKind, index: number): Period {
  switch (kind) {
    case 'month': {
      const ym = fromMonthIndex(index);
      return monthPeriod(ym.year, ym.month);
    }
    case 'ytd': {
      const ym = fromMonthIndex(index);
      return ytdPeriod(ym.year, ym.month);
    }
    case 'quarter':
      return quarterPeriod(Math.floor(index / 4), (index % 4) + 1);
    case 'half':
      return halfPeriod(Math.floor(index / 2), (index % 2) + 1);
    case 'year':
      return yearPeriod(index);
  }
}

/**
 * Moves a period by `steps` periods of its own kind: months by months, quarters by quarters …
 * A YTD moves with its last month (1–12月 2024 + 1 → 1月累计 2025).
 */
export function shiftPeriod<P extends Period>(period: P, steps: number): P {
  if (!Number.isInteger(steps)) throw new RangeError(`步数必须是整数：${steps}`);
  return fromSeriesIndex(period.kind, seriesIndex(period) + steps) as P;
}

export function nextPeriod<P extends Period>(period: P): P {
  return shiftPeriod(period, 1);
}

export function previousPeriod<P extends Period>(period: P): P {
  return shiftPeriod(period, -1);
}

/** `to − from` in periods of their (common) kind. Throws when the kinds differ. */
export function periodsBetween(from: Period, to: Period): number {
  if (from.kind !== to.kind) throw new RangeError(`不同类型的期间不能相减：${from.kind} / ${to.kind}`);
  return seriesIndex(to) - seriesIndex(from);
}

/** 上年同期: the same period one year earlier. */
export function samePeriodLastYear<P extends Period>(period: P): P {
  return shiftPeriod(period, -PERIODS_PER_YEAR[period.kind]);
}

// ---------------------------------------------------------------------------------------------
// Formatting

export interface FormatPeriodOptions {
  /** Leave the year out (axis labels under a year heading): `10月`, `1-10月`, `三季度`. Default true. */
  withYear?: boolean;
}

/**
 * Chinese label: `2024年10月`, `2024年1-10月`, `2024年1-2月`, `2024年1月累计`, `2024年三季度`,
 * `2024年上半年`, `2024年`. {@link parsePeriod} reads every label back to the same period.
 */
export function formatPeriod(period: Period, options: FormatPeriodOptions = {}): string {
  const prefix = options.withYear === false ? '' : `${period.year}年`;
  switch (period.kind) {
    case 'month':
      return `${prefix}${period.month}月`;
    case 'ytd':
      return period.month === 1 ? `${prefix}1月累计` : `${prefix}1-${period.month}月`;
    case 'quarter':
      return `${prefix}${QUARTER_NAMES[period.quarter - 1]}季度`;
    case 'half':
      return `${prefix}${period.half === 1 ? '上' : '下'}半年`;
    case 'year':
      return options.withYear === false ? '全年' : prefix;
  }
}

/** `2024-10` (machine form of a year-month, as in the wire types). */
export function formatYearMonth(ym: YearMonth): string {
  return `${ym.year}-${String(ym.month).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Parsing

export type PeriodParseResult = { ok: true; period: Period } | { ok: false; error: string };

export interface ParsePeriodOptions {
  /** Year used when the text has none (`10月`, `1-2月`), e.g. the year of the upload form. */
  defaultYear?: number;
}

const EXAMPLES = '可写成 2024-10、202410、2024年10月、2024年1-10月、2024年1-2月、2024Q3、2024年三季度、2024年上半年 或 2024年';
const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/** Full-width to half-width, no spaces, every dash / tilde / 至 as `-`, 月份 as 月. */
function normalizePeriodText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[\u2010-\u2015\u2212\u2E3A\u2E3B\u301C\u30FC~至到]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/月份/g, '月');
}

function quarterNumber(text: string): number {
  return CHINESE_DIGITS[text] ?? Number(text);
}

/**
 * Reads a period the way clerks write it. Forms: `2024-10`, `2024/10`, `2024.10`, `202410`, `2024年10月`,
 * `2024年1-10月` (also `—`, `–`, `～`, `至`; YTD through month 10), `2024年1-2月` / `1-2月`
 * (merged 1–2月 = YTD at month 2), `2024年10月累计`, `2024Q3`, `2024年三季度`, `2024年第3季度`,
 * `2024年前三季度` (YTD through September), `2024年上半年`, `2024年`, `2024年全年`, `2024年度`, `2024`;
 * full-width digits and punctuation; spaces ignored. Errors are sentences for a clerk.
 */
export function parsePeriod(text: string, options: ParsePeriodOptions = {}): PeriodParseResult {
  const raw = text.trim();
  const s = normalizePeriodText(raw);
  const fail = (error: string): PeriodParseResult => ({ ok: false, error });
  if (s === '') return fail('期间为空');

  const dotted = /^(\d{4})\.(\d{1,2})$/.exec(s);
  if (dotted && dotted[2].length === 1) {
    return fail(`「${raw}」有歧义（可能是 1 月，也可能是被表格截掉 0 的 10 月），请写成 2024-01 或 2024年1月`);
  }
  const match = /^(\d{4})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (match) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) return fail(`「${raw}」的月份 ${month} 不在 1–12 之间`);
    return build(raw, Number(match[1]), (y) => monthPeriod(y, month));
  }

  const quarterCode = /^(\d{4})(?:年|-)?Q([1-4])$/i.exec(s);
  if (quarterCode) {
    const quarter = Number(quarterCode[2]);
    return build(raw, Number(quarterCode[1]), (y) => quarterPeriod(y, quarter));
  }

  if (/^\d{4}$/.test(s)) return build(raw, Number(s), (y) => yearPeriod(y));

  const withYear = /^(\d{4})年(.*)$/.exec(s);
  const rest = withYear ? withYear[2] : s;
  let year: number;
  if (withYear) {
    year = Number(withYear[1]);
  } else {
    if (!/月|季|半年|^全年$|^Q[1-4]$/i.test(rest)) return fail(`无法识别的期间「${raw}」，${EXAMPLES}`);
    if (options.defaultYear === undefined) return fail(`「${raw}」缺少年份，请写成如「2024年${rest}」`);
    year = options.defaultYear;
  }

  const parsed = parseWithinYear(rest);
  if (typeof parsed === 'string') return fail(parsed === '' ? `无法识别的期间「${raw}」，${EXAMPLES}` : `「${raw}」${parsed}`);
  return build(raw, year, parsed);
}

/** The part after `YYYY年`: a constructor for the period, or what is wrong ('' = not recognised). */
function parseWithinYear(rest: string): ((year: number) => Period) | string {
  if (rest === '' || rest === '全年' || rest === '度' || rest === '年度') return (y) => yearPeriod(y);

  let match = /^(\d{1,2})月(累计)?$/.exec(rest);
  if (match) {
    const month = Number(match[1]);
    const cumulative = match[2] !== undefined;
    if (month < 1 || month > 12) return `的月份 ${month} 不在 1–12 之间`;
    return (y) => (cumulative ? ytdPeriod(y, month) : monthPeriod(y, month));
  }

  match = /^(\d{1,2})月?-(\d{1,2})月(累计)?$/.exec(rest);
  if (match) {
    const from = Number(match[1]);
    const to = Number(match[2]);
    if (to < 1 || to > 12 || from < 1 || from > 12) return '的月份不在 1–12 之间';
    if (from !== 1) return '不是从 1 月开始的累计期间，只能填单月或 1-m月累计';
    return (y) => ytdPeriod(y, to);
  }

  match = /^第?([一二三四1-4])季度?$/.exec(rest) ?? /^Q([1-4])$/i.exec(rest);
  if (match) {
    const quarter = quarterNumber(match[1]);
    return (y) => quarterPeriod(y, quarter);
  }

  match = /^前([一二三四1-4])季度?$/.exec(rest);
  if (match) {
    const lastMonth = quarterNumber(match[1]) * 3;
    return (y) => ytdPeriod(y, lastMonth);
  }

  match = /^([上下])半年$/.exec(rest);
  if (match) {
    const half = match[1] === '上' ? 1 : 2;
    return (y) => halfPeriod(y, half);
  }

  if (/^\d+月?$/.test(rest)) return '的月份写法不对，请写成如「2024年10月」';
  return '';
}

function build(raw: string, year: number, make: (year: number) => Period): PeriodParseResult {
  if (!Number.isInteger(year) || year < PERIOD_YEAR_RANGE.min || year > PERIOD_YEAR_RANGE.max) {
    return { ok: false, error: `「${raw}」的年份 ${year} 不在 ${PERIOD_YEAR_RANGE.min}–${PERIOD_YEAR_RANGE.max} 之间` };
  }
  try {
    return { ok: true, period: make(year) };
  } catch {
    return { ok: false, error: `「${raw}」的月份不在 1–12 之间` };
  }
}
