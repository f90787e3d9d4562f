/**
 * Spreadsheet cells for exports (CSV and, later, XLSX). Excel, WPS and LibreOffice run a text cell
 * that starts with `=`, `+`, `-` or `@` as a formula, and treat a leading tab, CR or LF the same way
 * in some versions (CSV injection, OWASP). Text cells with such a first character get a leading
 * apostrophe, which spreadsheets show as text and do not display; numbers stay numbers — a negative
 * growth rate is exported as the number -3.2, not as text.
 */

/** First characters that make a spreadsheet evaluate or re-interpret a text cell. */
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);

export type CellValue = string | number | bigint | boolean | Date | null | undefined;

/** True when a text would be run or re-interpreted by a spreadsheet. */
export function isDangerousText(text: string): boolean {
  return text.length > 0 && DANGEROUS_FIRST.has(text[0]);
}

/**
 * The cell's text with formula characters neutralised (text only). Numbers keep their plain decimal
 * form; non-finite numbers and null/undefined become empty cells (missing is not zero).
 */
export function escapeCellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  return isDangerousText(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180): escaped as above, then quoted when it holds a separator, quote or line break. */
export function csvField(value: CellValue, separator = ','): string {
  const text = escapeCellText(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (without the line break). */
export function csvLine(values: readonly CellValue[], separator = ','): string {
  return values.map((v) => csvField(v, separator)).join(separator);
}

/** A whole CSV document: UTF-8 BOM (Excel on Chinese Windows then reads UTF-8), CRLF line ends as spreadsheets expect. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CellValue[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
