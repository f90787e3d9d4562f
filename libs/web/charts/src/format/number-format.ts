/**
 * The number formatter of the web app: a thin layer over the exact formatting of `@im/domain` (one
 * implementation for the API, the brief and the screens). Every figure shown to a user goes through
 * here: money is converted between 元 / 万元 / 亿元 by moving the decimal point, rounded half away from
 * zero (四舍五入) to a fixed number of decimals, and missing values (null, undefined, NaN) become "—"
 * (missing is not zero).
 */
import {
  MISSING_DISPLAY,
  convertAmount,
  decimalRound,
  formatAmount as domainFormatAmount,
  formatPercent as domainFormatPercent,
  formatPercentagePoints,
  type AmountUnit,
} from '@im/domain';

export const MISSING = MISSING_DISPLAY;

export type DisplayLocale = 'zh-CN' | 'en';
export type MoneyUnit = '元' | '万元' | '亿元';

/** Decimals used when a money figure is displayed in 亿元 (DESIGN §2.2: "display 亿元 with a fixed number of decimals"). */
export const YI_YUAN_DECIMALS = 2;

export function isMoneyUnit(unit: string | null | undefined): unit is MoneyUnit {
  return unit === '元' || unit === '万元' || unit === '亿元';
}

export function isPresent(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Converts a money value between units exactly (moving the decimal point); null stays null. */
export function convertMoney(value: number | null | undefined, from: MoneyUnit, to: MoneyUnit): number | null {
  if (!isPresent(value)) return null;
  return convertAmount(value, from as AmountUnit, to as AmountUnit);
}

export interface NumberFormatOptions {
  /** Fixed number of decimals (default 2). */
  decimals?: number;
  /** UI language; Chinese and English write numbers alike (1,234.57), kept for callers that pass it. */
  locale?: DisplayLocale;
  /** Thousands separators (default true). CSV export turns them off. */
  grouping?: boolean;
  /** Show a leading "+" on positive values (growth rates). */
  signed?: boolean;
}

function withSign(text: string, signed: boolean | undefined): string {
  return signed && !text.startsWith('-') && /[1-9]/.test(text) ? `+${text}` : text;
}

/** Formats a plain number with fixed decimals; missing → "—". */
export function formatNumber(value: number | null | undefined, options: NumberFormatOptions = {}): string {
  if (!isPresent(value)) return MISSING;
  const { decimals = 2, grouping = true, signed = false } = options;
  // An amount "converted" from 万元 to 万元 is the number itself: the domain's exact rounding and grouping.
  return withSign(domainFormatAmount(value, { from: '万元', to: '万元', decimals, grouping }), signed);
}

export interface AmountFormatOptions extends NumberFormatOptions {
  /** Unit the value is stored in (the API returns 万元). */
  from?: MoneyUnit;
  /** Unit to display (亿元 by default). */
  to?: MoneyUnit;
}

/** Formats a money amount: converts (default 万元 → 亿元) and rounds to fixed decimals. No unit suffix: units go in headers and axis names. */
export function formatAmount(value: number | null | undefined, options: AmountFormatOptions = {}): string {
  if (!isPresent(value)) return MISSING;
  const { from = '万元', to = '亿元', decimals = YI_YUAN_DECIMALS, grouping = true, signed = false } = options;
  return withSign(domainFormatAmount(value, { from, to, decimals, grouping }), signed);
}

/** Formats a percentage already expressed in percent (12.3 → "12.3%"). */
export function formatPercent(value: number | null | undefined, options: NumberFormatOptions = {}): string {
  if (!isPresent(value)) return MISSING;
  return domainFormatPercent(value, { decimals: options.decimals ?? 1, signed: options.signed ?? false });
}

/** Formats a difference in percentage points, always signed: zh "+1.2个百分点", en "+1.2 pp". */
export function formatPp(value: number | null | undefined, options: NumberFormatOptions = {}): string {
  if (!isPresent(value)) return MISSING;
  const decimals = options.decimals ?? 1;
  if (options.locale === 'en') return `${formatNumber(value, { decimals, grouping: false, signed: true })} pp`;
  return formatPercentagePoints(value, { decimals, signed: true });
}

/** Axis tick labels: up to `maxDecimals` decimals, no trailing zeros. */
export function formatAxisNumber(value: number, _locale: DisplayLocale = 'zh-CN', maxDecimals = 2): string {
  if (!isPresent(value)) return '';
  const rounded = decimalRound(value, maxDecimals);
  const decimals = rounded.includes('.') ? rounded.length - rounded.indexOf('.') - 1 : 0;
  return formatNumber(Number(rounded), { decimals });
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

/**
 * A stored value in its display unit, formatted ("—" when missing): 万元 → 亿元 with two decimals, other
 * units as they are with `fallbackDecimals` (the indicator's decimals).
 */
export function formatStored(value: number | null | undefined, storageUnit: string, options: NumberFormatOptions & { fallbackDecimals?: number } = {}): string {
  const display = displayUnitFor(storageUnit, options.fallbackDecimals ?? 0);
  return formatNumber(display.convert(value), { ...options, decimals: options.decimals ?? display.decimals });
}

const UNIT_LABEL_EN: Record<string, string> = {
  元: 'CNY',
  万元: 'CNY 10k',
  亿元: 'CNY 100m',
  '%': '%',
  家: 'firms',
  个: 'units',
  '件/万人': 'per 10k people',
  '万元/亩': 'CNY 10k per mu',
  亩: 'mu',
};

/** Unit label for the UI language: zh shows the unit as stored ("亿元"), en translates the units it knows. */
export function unitLabel(unit: string, locale: DisplayLocale = 'zh-CN'): string {
  if (locale === 'zh-CN') return unit;
  return UNIT_LABEL_EN[unit] ?? unit;
}

/** A label with its unit: zh "本月（亿元）", en "Month (CNY 100m)". */
export function withUnit(label: string, unit: string, locale: DisplayLocale = 'zh-CN'): string {
  const shown = unitLabel(unit, locale);
  return locale === 'en' ? `${label} (${shown})` : `${label}（${shown}）`;
}
