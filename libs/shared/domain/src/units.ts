/**
 * Units of amounts (元 / 千元 / 万元 / 亿元), percentages and percentage points: exact conversion,
 * display, reading the number cells clerks type, and finding the unit in a header or unit cell.
 * All conversions move the decimal point on exact decimals (see decimal.ts): no floating noise.
 */
import { type DecimalLike, decimalShift, decimalSub, decimalToFixed, toDecimalString } from './decimal';

export type AmountUnit = '元' | '千元' | '万元' | '亿元';
export type MeasureUnit = AmountUnit | '%';

/** Power of ten of one unit in 元. 千元 is listed because enterprise reports (一套表) use it. */
export const AMOUNT_UNIT_EXPONENT: Readonly<Record<AmountUnit, number>> = Object.freeze({ 元: 0, 千元: 3, 万元: 4, 亿元: 8 });

/** The product stores amounts in 万元 and shows them in 亿元 with two decimals. */
export const STORAGE_AMOUNT_UNIT: AmountUnit = '万元';
export const DISPLAY_AMOUNT_UNIT: AmountUnit = '亿元';
export const DISPLAY_AMOUNT_DECIMALS = 2;
/** What a missing value looks like on screen (never 0). */
export const MISSING_DISPLAY = '—';

export function isAmountUnit(value: string): value is AmountUnit {
  return Object.hasOwn(AMOUNT_UNIT_EXPONENT, value);
}

/** Exact conversion as a canonical decimal string: `convertAmountExact('12345.6', '万元', '亿元')` → `'1.23456'`. */
export function convertAmountExact(value: DecimalLike, from: AmountUnit, to: AmountUnit): string {
  return decimalShift(value, AMOUNT_UNIT_EXPONENT[from] - AMOUNT_UNIT_EXPONENT[to]);
}

/** Exact conversion, returned as the nearest double (prints as the exact decimal up to 15 significant digits). */
export function convertAmount(value: DecimalLike, from: AmountUnit, to: AmountUnit): number {
  return Number(convertAmountExact(value, from, to));
}

export interface FormatAmountOptions {
  /** Unit of the value passed in. Default 万元 (storage). */
  from?: AmountUnit;
  /** Unit shown. Default 亿元. */
  to?: AmountUnit;
  /** Fixed number of decimals, rounded half away from zero (四舍五入). Default 2. */
  decimals?: number;
  /** Thousands separators `1,234.57`. Default true. */
  grouping?: boolean;
  /** Append the unit: `1,234.57亿元`. Default false. */
  withUnit?: boolean;
  /** Text for a missing value. Default `—`. */
  missing?: string;
}

function group(fixed: string): string {
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const [intPart, fracPart] = body.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+$)/g, ',');
  return (negative ? '-' : '') + grouped + (fracPart !== undefined ? `.${fracPart}` : '');
}

/**
 * An amount for display: `formatAmount(12345678)` (万元) → `'1,234.57'` (亿元). Missing (null/undefined)
 * shows as `—`, never as 0.
 */
export function formatAmount(value: DecimalLike | null | undefined, options: FormatAmountOptions = {}): string {
  const { from = STORAGE_AMOUNT_UNIT, to = DISPLAY_AMOUNT_UNIT, decimals = DISPLAY_AMOUNT_DECIMALS } = options;
  if (value === null || value === undefined) return options.missing ?? MISSING_DISPLAY;
  const fixed = decimalToFixed(convertAmountExact(value, from, to), decimals);
  const text = options.grouping === false ? fixed : group(fixed);
  return options.withUnit ? `${text}${to}` : text;
}

export interface FormatRateOptions {
  /** Default 1. */
  decimals?: number;
  /** Prefix `+` on positive values (growth rates). Default false. */
  signed?: boolean;
  /** Text for a missing value. Default `—`. */
  missing?: string;
}

function formatRate(value: number | null | undefined, suffix: string, options: FormatRateOptions): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return options.missing ?? MISSING_DISPLAY;
  const fixed = decimalToFixed(value, options.decimals ?? 1);
  const positive = !fixed.startsWith('-') && /[1-9]/.test(fixed);
  return `${options.signed && positive ? '+' : ''}${fixed}${suffix}`;
}

/** A percentage (already ×100): `formatPercent(56.5)` → `'56.5%'`; `formatPercent(3.2, { signed: true })` → `'+3.2%'`. */
export function formatPercent(pct: number | null | undefined, options: FormatRateOptions = {}): string {
  return formatRate(pct, '%', options);
}

/** Percentage points: `formatPercentagePoints(14.8)` → `'14.8个百分点'`. */
export function formatPercentagePoints(pp: number | null | undefined, options: FormatRateOptions = {}): string {
  return formatRate(pp, '个百分点', options);
}

/** `a − b` of two percentages, in percentage points, exactly: `ppDifference(56.5, 41.7)` → `14.8`. */
export function ppDifference(aPct: number, bPct: number): number {
  return Number(decimalSub(aPct, bPct));
}

// ---------------------------------------------------------------------------------------------
// Reading number cells

export type NumberCell =
  /** `value` is the nearest double; `decimal` the exact digits. A `%` cell keeps its percent value (12.5, not 0.125). */
  | { kind: 'number'; value: number; decimal: string; percent: boolean }
  /** The cell says "no data" (empty, —, -, –, …, ..., /): null, never 0. */
  | { kind: 'missing' }
  | { kind: 'error'; message: string };

const MISSING_PATTERN = /^(?:|[-\u2010-\u2015\u2212\u2500]+|\.{2,}|。{3,}|\/)$/;
const MINUS_SIGNS = /^[\u2010-\u2013\u2212]/;

/**
 * Reads a number the way clerks type it: `1,234.5`, `１２３４．５`, `12.5%`, `-3.2`, `－3.2`, `−3.2`,
 * `(3.2)` / `（3.2）` (accounting negative), `+3.2`, spaces anywhere. Missing markers `—`, `-`, `–`, `…`,
 * `...`, empty, `/` give `missing`. Errors say what is wrong in Chinese: misplaced thousands separators,
 * scientific notation (Excel shows `1.23E+08` when the value was rounded for display), a unit inside the
 * cell, Excel formula errors.
 */
export function parseNumberCell(text: string | null | undefined): NumberCell {
  const raw = (text ?? '').trim();
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  if (MISSING_PATTERN.test(s)) return { kind: 'missing' };
  const fail = (message: string): NumberCell => ({ kind: 'error', message });

  if (s.startsWith('#')) return fail(`「${raw}」是 Excel 公式错误，请修正公式后重新导出`);
  const unit = /([千万亿]?元)$/.exec(s);
  if (unit) return fail(`「${raw}」里带了单位「${unit[1]}」，请把单位写在表头或计量单位列，单元格只填数字`);

  let body = s;
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(body);
  if (parenthesised) {
    negative = true;
    body = parenthesised[1];
  }
  const percent = body.endsWith('%');
  if (percent) body = body.slice(0, -1);
  if (MINUS_SIGNS.test(body)) body = `-${body.slice(1)}`;
  const sign = /^[+-]/.exec(body);
  if (sign) {
    if (parenthesised) return fail(`无法识别的数字「${raw}」`);
    negative = sign[0] === '-';
    body = body.slice(1);
  }

  if (/^\d*\.?\d+[eE][+-]?\d+$/.test(body) || /^\d+\.?[eE][+-]?\d+$/.test(body)) {
    return fail(`「${raw}」是科学计数法，可能已丢失精度，请把单元格设为数值格式后重新导出`);
  }
  const number = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(body);
  if (!number || (number[1] === undefined && !number[2])) {
    if (/^[\d,]+(?:\.\d+)?$/.test(body)) return fail(`「${raw}」的千分位分隔符位置不对，应为每三位一个逗号，如 1,234.5`);
    return fail(`无法识别的数字「${raw}」`);
  }
  const digits = `${negative ? '-' : ''}${(number[1] ?? '0').replace(/,/g, '')}${number[2] ? `.${number[2]}` : ''}`;
  const decimal = toDecimalString(digits);
  return { kind: 'number', value: Number(decimal), decimal, percent };
}

// ---------------------------------------------------------------------------------------------
// Finding the unit of a column

export type UnitDetection =
  | { kind: 'unit'; unit: MeasureUnit; token: string }
  /** A unit was written but this product does not know it (`百万元`, `美元`, `个`): the caller decides. */
  | { kind: 'unknown'; token: string; message: string }
  | { kind: 'none' };

function classifyToken(token: string): UnitDetection {
  const t = token.replace(/^(?:计量)?单位[:：]?/, '').replace(/人民币/g, '');
  if (t === '%' || t === '百分比' || t === '百分点') return { kind: 'unit', unit: '%', token };
  if (isAmountUnit(t)) return { kind: 'unit', unit: t, token };
  return { kind: 'unknown', token, message: `不认识的计量单位「${token}」，金额请用 元、千元、万元 或 亿元` };
}

/**
 * The unit in a header or unit cell: `产值(亿元)`, `产值（万元）`, `亿元`, `万元`, `元`, `%`, `同比增长%`,
 * `增速(%)`, `单位：万元`, `营业收入万元`. Returns `none` when the text names no unit (`产值`, `产值(现价)`),
 * and `unknown` for a unit the product does not convert (`百万元`): a wrong unit is a 100× error, so a
 * look-alike is never taken for 万元.
 */
export function detectUnit(text: string): UnitDetection {
  const s = text.normalize('NFKC').replace(/\s+/g, '').replace(/[【\[]/g, '(').replace(/[】\]]/g, ')');
  if (s === '') return { kind: 'none' };

  const labelled = /(?:计量)?单位[:：]?([^()，,;；]+)/.exec(s);
  if (labelled) return classifyToken(labelled[1]);

  const bare = s.replace(/^\((.*)\)$/, '$1');
  const whole = classifyToken(bare);
  if (whole.kind === 'unit') return whole;

  const groups = [...s.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]);
  for (const group of groups.reverse()) {
    for (const part of group.split(/[,，;；、]/)) {
      const found = classifyToken(part);
      if (found.kind === 'unit') return found;
      if (/元$|^%$/.test(part) || /^(?:个|家|人|万人|件|项|亩|平方公里|吨|万吨|千瓦时|亿千瓦时)$/.test(part)) return found;
    }
  }

  if (s.endsWith('%')) return { kind: 'unit', unit: '%', token: '%' };
  const trailing = /(百万元|千万元|十万元|万美元|美元|亿元|万元|千元)$/.exec(s.replace(/\([^()]*\)/g, ''));
  if (trailing) return classifyToken(trailing[1]);
  return { kind: 'none' };
}
