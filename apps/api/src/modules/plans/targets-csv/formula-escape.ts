/**
 * Spreadsheet formula injection (CSV injection): Excel and WPS evaluate a cell that starts with
 * `=`, `+`, `-` or `@` (and a leading tab, CR or LF can hide one). On export such text cells get a
 * leading apostrophe, which spreadsheets show as text; on import the apostrophe is removed again.
 * A text that itself starts with an apostrophe gets one more, so that the escape is reversible.
 */
const DANGEROUS_START = /^[=+\-@\t\r\n']/;
const ESCAPED = /^'[=+\-@\t\r\n']/;

/** Text cell → cell safe to open in a spreadsheet. */
export function defuseCell(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

/** Inverse of {@link defuseCell}. */
export function undefuseCell(cell: string): string {
  return ESCAPED.test(cell) ? cell.slice(1) : cell;
}
