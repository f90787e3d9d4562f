import { MISSING } from '../format/number-format';
import type { TableModel } from '../table/monthly-trend.table';

/** Byte order mark: Excel on Chinese Windows opens a UTF-8 CSV correctly only with it. */
export const UTF8_BOM = '\uFEFF';

const NUMERIC = /^[-+]?\d[\d,]*(\.\d+)?%?$/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a spreadsheet
 * would run as a formula (=, +, -, @ at the start, and not a number) is prefixed with an apostrophe.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r\n]/.test(text) && !NUMERIC.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(lines: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** CSV of a table model: header row of column labels, missing values ("—") as empty cells. */
export function tableToCsv<K extends string>(table: TableModel<K>, options: { bom?: boolean } = {}): string {
  const header = table.columns.map((c) => c.label);
  const body = table.rows.map((row) => table.columns.map((c) => (row.cells[c.key] === MISSING ? '' : row.cells[c.key])));
  return (options.bom === false ? '' : UTF8_BOM) + toCsv([header, ...body]);
}

/** A file name safe on Windows: no reserved characters, no control characters. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 120) || 'export';
}
