import { defuseCell } from './formula-escape';
import { TARGET_COLUMNS, TARGET_CSV_HEADER, TARGET_FIELDS, type TargetFields } from './target-fields';

/** UTF-8 byte order mark: Excel needs it to open a UTF-8 CSV with Chinese text correctly. */
export const UTF8_BOM = '\uFEFF';

/** RFC 4180 quoting, only where needed (as in seeds/reference/*.csv). */
export function quoteCsvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Targets as a CSV file in the format of seeds/reference/targets.csv (same columns and order, comma,
 * LF, quoting only where needed), preceded by a UTF-8 BOM. Text cells that a spreadsheet would run as
 * a formula are escaped (formula-escape.ts); numeric cells stay plain numbers.
 */
export function serializeTargetsCsv(rows: readonly TargetFields[]): string {
  const lines = [TARGET_CSV_HEADER.join(',')];
  for (const row of rows) {
    lines.push(
      TARGET_FIELDS.map((f) => {
        const v = row[f];
        if (v === null) return '';
        return quoteCsvCell(TARGET_COLUMNS[f].numeric ? v : defuseCell(v));
      }).join(','),
    );
  }
  return `${UTF8_BOM}${lines.join('\n')}\n`;
}
