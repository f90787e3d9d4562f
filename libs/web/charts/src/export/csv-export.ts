import { csvField, UTF8_BOM } from '@im/domain';
import { MISSING } from '../format/number-format';
import type { TableModel } from '../table/monthly-trend.table';

/** CSV cells follow the product's one rule (`@im/domain` csv-cell): formulas defused, numbers left alone. */
export { csvField, UTF8_BOM } from '@im/domain';

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
