/**
 * Exact decimal arithmetic for amounts (sums, differences, unit shifts, rounding).
 *
 * Approach: a value is a scaled integer `coefficient × 10^-scale` held in a `bigint`, so
 * `565.3 − 500.1` is `65.2`, not `65.19999999999999`, and `1.005` rounds to `1.01`.
 * Inputs are decimal strings (DECIMAL columns come out of mysql2/TypeORM as strings) or JS numbers;
 * a number is read through its shortest round-trip representation (`String(0.1)` is `"0.1"`), which is
 * the decimal the user typed whenever it has at most 15 significant digits.
 * Results are canonical decimal strings (no exponent, no trailing zeros, no `-0`); `Number()` of such
 * a string is the double nearest to the exact result and prints back as the same digits.
 * Ratios (percentages, growth rates) are quotients of exact decimals rounded to 20 significant digits
 * ({@link decimalDivide}, {@link exactRatio}), so a share that is exactly 45 % comes out as 45; they are
 * rounded to 1–2 decimals only for display. Compound growth (CAGR, projections) uses `Math.pow` and is
 * inherently approximate in the last digits.
 */
export type DecimalLike = number | string;

interface Scaled {
  readonly coefficient: bigint;
  readonly scale: number;
}

const DECIMAL_PATTERN = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function toScaled(value: DecimalLike): Scaled {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`不是有限数值：${value}`);
    text = String(value);
  } else {
    text = value.trim();
  }
  const match = DECIMAL_PATTERN.exec(text);
  const intPart = match?.[2] ?? '';
  const fracPart = match?.[3] ?? '';
  if (!match || intPart.length + fracPart.length === 0) throw new RangeError(`不是十进制数：「${text}」`);
  const exponent = match[4] ? Number(match[4]) : 0;
  let coefficient = BigInt(intPart + fracPart);
  if (match[1] === '-') coefficient = -coefficient;
  let scale = fracPart.length - exponent;
  if (scale < 0) {
    coefficient *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return normalize({ coefficient, scale });
}

function normalize(value: Scaled): Scaled {
  let { coefficient, scale } = value;
  while (scale > 0 && coefficient % 10n === 0n) {
    coefficient /= 10n;
    scale -= 1;
  }
  return { coefficient, scale };
}

function align(a: Scaled, b: Scaled): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.coefficient * 10n ** BigInt(scale - a.scale), b.coefficient * 10n ** BigInt(scale - b.scale), scale];
}

function format(value: Scaled): string {
  const { coefficient, scale } = normalize(value);
  const negative = coefficient < 0n;
  const digits = (negative ? -coefficient : coefficient).toString();
  if (scale === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/** Canonical decimal string of a number or decimal string: `"1234.5000"` → `"1234.5"`, `1e-7` → `"0.0000001"`. */
export function toDecimalString(value: DecimalLike): string {
  return format(toScaled(value));
}

/** Exact `a + b`. */
export function decimalAdd(a: DecimalLike, b: DecimalLike): string {
  const [x, y, scale] = align(toScaled(a), toScaled(b));
  return format({ coefficient: x + y, scale });
}

/** Exact `a − b`. */
export function decimalSub(a: DecimalLike, b: DecimalLike): string {
  const [x, y, scale] = align(toScaled(a), toScaled(b));
  return format({ coefficient: x - y, scale });
}

/** Exact `a × b`. */
export function decimalMul(a: DecimalLike, b: DecimalLike): string {
  const x = toScaled(a);
  const y = toScaled(b);
  return format({ coefficient: x.coefficient * y.coefficient, scale: x.scale + y.scale });
}

/** Exact sum of all values (`"0"` for none). */
export function decimalSum(values: readonly DecimalLike[]): string {
  return values.reduce<string>((sum, v) => decimalAdd(sum, v), '0');
}

/** Exact `value × 10^exponent` (moves the decimal point; used for 元/万元/亿元). */
export function decimalShift(value: DecimalLike, exponent: number): string {
  if (!Number.isInteger(exponent)) throw new RangeError(`指数必须是整数：${exponent}`);
  const { coefficient, scale } = toScaled(value);
  const newScale = scale - exponent;
  if (newScale >= 0) return format({ coefficient, scale: newScale });
  return format({ coefficient: coefficient * 10n ** BigInt(-newScale), scale: 0 });
}

/** Exact comparison: −1 when a < b, 0 when equal, 1 when a > b. */
export function decimalCompare(a: DecimalLike, b: DecimalLike): -1 | 0 | 1 {
  const [x, y] = align(toScaled(a), toScaled(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The sign of a value: −1, 0 or 1. */
export function decimalSign(value: DecimalLike): -1 | 0 | 1 {
  const { coefficient } = toScaled(value);
  return coefficient < 0n ? -1 : coefficient > 0n ? 1 : 0;
}

/**
 * Rounds half away from zero (四舍五入, the statistical convention) to `decimals` places and returns
 * the canonical string (`decimalRound("2.50", 0)` → `"3"`, `decimalRound(-2.45, 1)` → `"-2.5"`).
 */
export function decimalRound(value: DecimalLike, decimals: number): string {
  return format(roundScaled(toScaled(value), decimals));
}

/** Like {@link decimalRound} but always prints `decimals` places, for display: `decimalToFixed(1.5, 2)` → `"1.50"`. */
export function decimalToFixed(value: DecimalLike, decimals: number): string {
  const rounded = roundScaled(toScaled(value), decimals);
  const { coefficient } = rounded;
  const scale = rounded.scale;
  const widened = coefficient * 10n ** BigInt(decimals - scale);
  const negative = widened < 0n;
  const digits = (negative ? -widened : widened).toString().padStart(decimals + 1, '0');
  const body = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return (negative ? '-' : '') + body;
}

function roundScaled(value: Scaled, decimals: number): Scaled {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`小数位数必须是非负整数：${decimals}`);
  if (value.scale <= decimals) return value;
  const divisor = 10n ** BigInt(value.scale - decimals);
  const negative = value.coefficient < 0n;
  const magnitude = negative ? -value.coefficient : value.coefficient;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return normalize({ coefficient: negative ? -quotient : quotient, scale: decimals });
}

/** The double nearest to an exact decimal. */
export function decimalToNumber(value: DecimalLike): number {
  return Number(toDecimalString(value));
}

/** True when the input is a number or string this module can read exactly. */
export function isDecimalLike(value: unknown): value is DecimalLike {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'string') return false;
  const match = DECIMAL_PATTERN.exec(value.trim());
  return !!match && (match[2] ?? '').length + (match[3] ?? '').length > 0;
}

/** Significant digits kept by {@link decimalDivide} unless told otherwise: more than a double holds. */
export const DIVISION_SIGNIFICANT_DIGITS = 20;

function digitCount(value: bigint): number {
  return (value < 0n ? -value : value).toString().length;
}

/**
 * `a ÷ b` rounded half away from zero to `significantDigits` significant digits (exact when the
 * quotient terminates within them: `decimalDivide(46098, '1024.4')` → `'45'`). Null when `b` is zero.
 */
export function decimalDivide(a: DecimalLike, b: DecimalLike, significantDigits = DIVISION_SIGNIFICANT_DIGITS): string | null {
  if (!Number.isInteger(significantDigits) || significantDigits < 1) throw new RangeError(`有效数字位数必须是正整数：${significantDigits}`);
  const x = toScaled(a);
  const y = toScaled(b);
  if (y.coefficient === 0n) return null;
  if (x.coefficient === 0n) return '0';
  const k = Math.max(0, significantDigits + digitCount(y.coefficient) - digitCount(x.coefficient) + 1);
  const negative = x.coefficient < 0n !== y.coefficient < 0n;
  const numerator = (x.coefficient < 0n ? -x.coefficient : x.coefficient) * 10n ** BigInt(k);
  const divisor = y.coefficient < 0n ? -y.coefficient : y.coefficient;
  let quotient = numerator / divisor;
  if ((numerator % divisor) * 2n >= divisor) quotient += 1n;
  const scale = k + x.scale - y.scale;
  const scaled: Scaled =
    scale >= 0 ? { coefficient: negative ? -quotient : quotient, scale } : { coefficient: (negative ? -quotient : quotient) * 10n ** BigInt(-scale), scale: 0 };
  return format(roundScaledSignificant(scaled, significantDigits));
}

function roundScaledSignificant(value: Scaled, significantDigits: number): Scaled {
  const excess = digitCount(value.coefficient) - significantDigits;
  if (excess <= 0 || value.scale === 0) return value;
  return roundScaled(value, Math.max(0, value.scale - excess));
}

/**
 * `numerator × factor ÷ denominator` as a number, computed on exact decimals (`exactRatio(565, 1000, 100)`
 * is exactly 56.5, and 460.98 ÷ 1024.4 × 100 is 45, where plain division of the doubles gives
 * 44.99999999999999). Every percentage in this library goes through it, so rounding for display and
 * comparisons with targets see the true ratio. Null when the denominator is zero.
 */
export function exactRatio(numerator: DecimalLike, denominator: DecimalLike, factor: DecimalLike = 1): number | null {
  const quotient = decimalDivide(decimalMul(numerator, factor), denominator);
  return quotient === null ? null : Number(quotient);
}
