import type { ColumnOptions, ValueTransformer } from 'typeorm';

/**
 * Exact decimals on both drivers. Values travel as decimal strings ("1234.5"): mysql2 returns
 * DECIMAL as strings; SQLite stores DECIMAL with NUMERIC affinity, i.e. as an IEEE double, which is
 * exact to 15 significant digits — so every column here has precision ≤ 15 and values are rounded
 * back to the column's scale when read. Sums over many rows are rounded to the scale in the query
 * layer for the same reason (see docs/ARCHITECTURE.md).
 */
export function normalizeDecimal(raw: unknown, scale: number): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const s = typeof raw === 'number' ? raw.toFixed(scale) : String(raw);
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new Error(`not a decimal: ${s}`);
  const [int, frac = ''] = s.split('.');
  const fracTrimmed = frac.slice(0, scale).replace(/0+$/, '');
  const intNorm = int.replace(/^(-?)0+(?=\d)/, '$1');
  const out = fracTrimmed ? `${intNorm}.${fracTrimmed}` : intNorm;
  return out === '-0' ? '0' : out;
}

function transformer(scale: number): ValueTransformer {
  return {
    to: (v: string | null | undefined) => (v === undefined ? undefined : normalizeDecimal(v, scale)),
    from: (v: unknown) => normalizeDecimal(v, scale),
  };
}

/** A money-like value in the indicator's storage unit (万元 for money): DECIMAL(15,4). */
export function valueColumn(options: Partial<ColumnOptions> = {}): ColumnOptions {
  return { type: 'decimal', precision: 15, scale: 4, nullable: true, transformer: transformer(4), ...options };
}

/** A percentage (growth rates, shares): DECIMAL(9,4). */
export function percentColumn(options: Partial<ColumnOptions> = {}): ColumnOptions {
  return { type: 'decimal', precision: 9, scale: 4, nullable: true, transformer: transformer(4), ...options };
}
