/**
 * The one number formatter of the web app. Every figure shown to a user goes through here:
 * money is converted between 元 / 万元 / 亿元 and rounded to a fixed number of decimals,
 * missing values (null, undefined, NaN) become "—" (missing is not zero).
 */

export const MISSING = '—';

export type DisplayLocale = 'zh-CN' | 'en';
export type MoneyUnit = '元' | '万元' | '亿元';

const MONEY_FACTOR: Record<MoneyUnit, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

/** Decimals used when a money figure is displayed in 亿元 (DESIGN §2.2: "display 亿元 with a fixed number of decimals"). */
export const YI_YUAN_DECIMALS = 2;

export function isMoneyUnit(unit: string | null | undefined): unit is MoneyUnit {
  return unit === '元' || unit === '万元' || unit === '亿元';
}

export function isPresent(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Converts a money value between units; null stays null. */
export function convertMoney(value: number | null | undefined, from: MoneyUnit, to: MoneyUnit): number | null {
  if (!isPresent(value)) return null;
  const f = MONEY_FACTOR[from];
  const t = MONEY_FACTOR[to];
  if (f === t) return value;
  // Divide by an exact power of ten rather than multiplying by a fraction: 12345 / 1e4 is exact to the last digit.
  return f < t ? value / (t / f) : value * (f / t);
}

export interface NumberFormatOptions {
  /** Fixed number of decimals (default 2). */
  decimals?: number;
  locale?: DisplayLocale;
  /** Thousands separators (default true). CSV export turns them off. */
  grouping?: boolean;
  /** Show a leading "+" on positive values (growth rates). */
  signed?: boolean;
}

const formatterCache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: DisplayLocale, decimals: number, grouping: boolean, signed: boolean): Intl.NumberFormat {
  const key = `${locale}|${decimals}|${grouping}|${signed}`;
  let nf = formatterCache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: grouping,
      // "negative" never prints "-0.00" for a tiny negative value that rounds to zero; "exceptZero" adds "+" to positives only.
      signDisplay: signed ? 'exceptZero' : 'negative',
    });
    formatterCache.set(key, nf);
  }
  return nf;
}

/** Formats a plain number with fixed decimals; missing → "—". */
export function formatNumber(value: number | null | undefined, options: NumberFormatOptions = {}): string {
  if (!isPresent(value)) return MISSING;
  const { decimals = 2, locale = 'zh-CN', grouping = true, signed = false } = options;
  return numberFormat(locale, decimals, grouping, signed).format(value);
}

export interface AmountFormatOptions extends NumberFormatOptions {
  /** Unit the value is stored in (the API returns 万元). */
  from?: MoneyUnit;
  /** Unit to display (亿元 by default). */
  to?: MoneyUnit;
}

/** Formats a money amount: converts (default 万元 → 亿元) and rounds to fixed decimals. No unit suffix: units go in headers and axis names. */
export function formatAmount(value: number | null | undefined, options: AmountFormatOptions = {}): string {
  const { from = '万元', to = '亿元', decimals = YI_YUAN_DECIMALS, ...rest } = options;
  return formatNumber(convertMoney(value, from, to), { decimals, ...rest });
}

/** Formats a percentage already expressed in percent (12.3 → "12.3%"). */
export function formatPercent(value: number | null | undefined, options: NumberFormatOptions = {}): string {
  if (!isPresent(value)) return MISSING;
  return `${formatNumber(value, { decimals: 1, ...options })}%`;
}

/** Formats a difference in percentage points, always signed: zh "+1.2个百分点", en "+1.2 pp". */
export function formatPp(value: number | null | undefined, options: NumberFormatOptions = {}): string {
  if (!isPresent(value)) return MISSING;
  const { locale = 'zh-CN' } = options;
  const text = formatNumber(value, { decimals: 1, signed: true, ...options, locale });
  return locale === 'en' ? `${text} pp` : `${text}个百分点`;
}

/** Axis tick labels: up to `maxDecimals` decimals, no trailing zeros. */
export function formatAxisNumber(value: number, locale: DisplayLocale = 'zh-CN', maxDecimals = 2): string {
  if (!isPresent(value)) return '';
  return new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', {
    maximumFractionDigits: maxDecimals,
    signDisplay: 'negative',
  }).format(value);
}

/**
 * How a value stored in `unit` is displayed: money in 亿元 with fixed decimals, anything else
 * (counts, ratios) in its own unit with the indicator's decimals.
 */
export interface DisplayUnit {
  /** Unit label shown in headers and axis names. */
  unit: string;
  decimals: number;
  /** Converts a stored value to the displayed magnitude. */
  convert(value: number | null | undefined): number | null;
}

export function displayUnitFor(storageUnit: string, fallbackDecimals = 0): DisplayUnit {
  if (isMoneyUnit(storageUnit)) {
    return { unit: '亿元', decimals: YI_YUAN_DECIMALS, convert: (v) => convertMoney(v, storageUnit, '亿元') };
  }
  return { unit: storageUnit, decimals: fallbackDecimals, convert: (v) => (isPresent(v) ? v : null) };
}

const UNIT_LABEL_EN: Record<string, string> = { 元: 'CNY', 万元: 'CNY 10k', 亿元: 'CNY 100m', '%': '%', 家: 'firms', 个: 'units' };

/** Unit label for the UI language: zh shows the unit as stored ("亿元"), en translates the money units. */
export function unitLabel(unit: string, locale: DisplayLocale = 'zh-CN'): string {
  if (locale === 'zh-CN') return unit;
  return UNIT_LABEL_EN[unit] ?? unit;
}

/** A label with its unit: zh "本月（亿元）", en "Month (CNY 100m)". */
export function withUnit(label: string, unit: string, locale: DisplayLocale = 'zh-CN'): string {
  const shown = unitLabel(unit, locale);
  return locale === 'en' ? `${label} (${shown})` : `${label}（${shown}）`;
}
