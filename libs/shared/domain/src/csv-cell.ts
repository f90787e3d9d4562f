/**
 * Cells of the CSV files the product writes for spreadsheets (chart exports, errors.csv, templates, the
 * targets file) — one rule for all of them.
 *
 * Formula injection (CSV injection, OWASP): Excel and WPS run a text cell that starts with `=`, `+`,
 * `-` or `@`, and a leading tab, CR or LF can hide one. Such a cell gets a leading apostrophe, which
 * spreadsheets show as text and do not display. Two kinds of cell are left as they are because a
 * spreadsheet reads them as what they are and a corrected file must upload again unchanged: plain
 * numbers (`-3.2`, `+5%`, `-1,234.5`) and missing markers (`-`, `—`). A text that itself starts with
 * an apostrophe gets one more, so that {@link undefuseCell} gives back exactly the original text.
 */

const DANGEROUS_START = /^[=+\-@\t\r\n']/;
const ESCAPED = /^'[=+\-@\t\r\n']/;
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?%?$/;
const MISSING_MARKER = /^[-\u2010-\u2015\u2212]+$/;

/** UTF-8 byte order mark: Excel on Chinese Windows reads a UTF-8 CSV correctly only with it. */
export const UTF8_BOM = '\uFEFF';

/** A text cell made safe to open in a spreadsheet (see the rule above). */
export function defuseCell(text: string): string {
  if (!DANGEROUS_START.test(text)) return text;
  if ((PLAIN_NUMBER.test(text) && /\d/.test(text)) || MISSING_MARKER.test(text)) return text;
  return `'${text}`;
}

/** The inverse of {@link defuseCell}, for files the product reads back (the targets import). */
export function undefuseCell(cell: string): string {
  return ESCAPED.test(cell) ? cell.slice(1) : cell;
}

/** RFC 4180 quoting, only where needed: a cell with a comma, a quote or a line break. */
export function quoteCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV field: text defused and quoted where needed; numbers as plain numbers (a non-finite one, null
 * and undefined as an empty cell — missing is not zero).
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return quoteCsvField(defuseCell(value));
}
