/**
 * CSV cells for files the clerk opens in Excel/WPS (errors.csv, templates): a text cell starting with
 * `=`, `+`, `-`, `@`, tab or CR would be run as a formula (CSV injection), so it gets a leading
 * apostrophe — except plain numbers and missing markers (`-3.2`, `+5`, `-`, `—`), which must come back
 * unchanged when the corrected file is uploaded again.
 */
const DANGEROUS = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?%?$/;
const MISSING_MARKER = /^[-\u2010-\u2015\u2212]+$/;

export function escapeFormula(text: string): string {
  if (!DANGEROUS.test(text)) return text;
  const trimmed = text.trim();
  if ((PLAIN_NUMBER.test(trimmed) && /\d/.test(trimmed)) || MISSING_MARKER.test(trimmed)) return text;
  return `'${text}`;
}

/** One RFC 4180 field: formula-escaped, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = escapeFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** UTF-8 byte order mark: Excel on Chinese Windows then reads the file as UTF-8. */
export const BOM = '\uFEFF';
