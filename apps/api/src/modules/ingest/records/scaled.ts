/**
 * Exact decimals as scaled integers: a value with at most 4 decimals (the DECIMAL(15,4) / DECIMAL(9,4)
 * columns) is held as `value × 10⁴` in a JS number. Every such value below 10¹⁵ is an integer below
 * 2⁵³, so sums and differences of two of them are exact; the packed record store keeps a million rows
 * in typed arrays this way instead of a million strings.
 */
export const SCALE = 10_000;
export const SCALE_DIGITS = 4;
/** DECIMAL(15,4): |value| ≤ 99 999 999 999.9999. */
export const VALUE_LIMIT_SCALED = 1e15 - 1;
/** DECIMAL(9,4): |pct| ≤ 99 999.9999. */
export const PERCENT_LIMIT_SCALED = 1e9 - 1;

/** Scaled integer of a canonical decimal string with at most 4 decimals (`"1234.5"` → 12345000). */
export function toScaled(decimal: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(decimal);
  if (!m) throw new RangeError(`not a decimal with at most ${SCALE_DIGITS} decimals: ${decimal}`);
  const n = Number(m[2] + (m[3] ?? '').padEnd(SCALE_DIGITS, '0'));
  return m[1] === '-' && n !== 0 ? -n : n;
}

/** Canonical decimal string of a scaled integer (12345000 → `"1234.5"`); null for NaN (missing). */
export function fromScaled(scaled: number): string | null {
  if (Number.isNaN(scaled)) return null;
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(SCALE_DIGITS + 1, '0');
  const int = digits.slice(0, -SCALE_DIGITS);
  const frac = digits.slice(-SCALE_DIGITS).replace(/0+$/, '');
  const out = frac ? `${int}.${frac}` : int;
  return negative && out !== '0' ? `-${out}` : out;
}

/** Scaled integer of a stored decimal (mysql2 string `"1234.5000"`, SQLite double, or null). */
export function storedToScaled(raw: unknown): number {
  if (raw === null || raw === undefined || raw === '') return NaN;
  if (typeof raw === 'number') return Math.round(raw * SCALE);
  const s = String(raw);
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return Math.round(Number(s) * SCALE);
  const frac = (m[3] ?? '').slice(0, SCALE_DIGITS).padEnd(SCALE_DIGITS, '0');
  const n = Number(m[2] + frac);
  return m[1] === '-' && n !== 0 ? -n : n;
}

/** Equality of two scaled values where NaN (missing) equals NaN. */
export function sameScaled(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
