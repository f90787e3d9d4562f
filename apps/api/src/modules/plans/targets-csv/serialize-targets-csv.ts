import { defuseCell, quoteCsvField, UTF8_BOM } from '@im/domain';
import { TARGET_COLUMNS, TARGET_CSV_HEADER, TARGET_FIELDS, type TargetFields } from './target-fields';

/**
 * Targets as a CSV file in the format of seeds/reference/targets.csv (same columns and order, comma,
 * LF, quoting only where needed), preceded by a UTF-8 BOM. Text cells that a spreadsheet would run as
 * a formula are escaped (`@im/domain` csv-cell; the import undoes it); numeric cells stay plain numbers.
 */
export function serializeTargetsCsv(rows: readonly TargetFields[]): string {
  const lines = [TARGET_CSV_HEADER.join(',')];
  for (const row of rows) {
    lines.push(
      TARGET_FIELDS.map((f) => {
        const v = row[f];
        if (v === null) return '';
        return quoteCsvField(TARGET_COLUMNS[f].numeric ? v : defuseCell(v));
      }).join(','),
    );
  }
  return `${UTF8_BOM}${lines.join('\n')}\n`;
}
