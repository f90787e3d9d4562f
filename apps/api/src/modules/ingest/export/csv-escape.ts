import { csvField } from '@im/domain';

/**
 * Lines of the CSV files a clerk opens in Excel/WPS (errors.csv, templates): every cell through the one
 * rule of `@im/domain` csv-cell (formulas defused; numbers and missing markers such as `-3.2`, `-`, `—`
 * left as they were, so that a corrected file uploads again unchanged), CRLF line ends.
 */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export { UTF8_BOM as BOM } from '@im/domain';
