/**
 * One file row under a column plan: a blank row, a note below the table (注：, 数据来源：), a total
 * row, or data — one raw record per value group (a row of an NBS table or of a template with
 * `本月产值 … 本月营收` carries several). Cells stay text here; reading them is validation's job.
 */
import type { MeasureUnit } from '@im/domain';
import { isNoteText, isTotalText, stripSubItemMarker } from '../header/column-dictionary';
import type { ColumnPlan, SheetRow, SingleRole } from '../header/header-plan';
import { issueError, UploadIssueCode, type Issue } from '../report/issues';

export interface RawCell {
  text: string;
  /** Header of the column, as written. */
  column: string;
  unit: MeasureUnit | null;
  unknownUnit: string | null;
}

export type ValueRole = 'valueMonth' | 'valueYtd' | 'value' | 'yoyMonth' | 'yoyYtd';

export interface RawRecord {
  row: number;
  cells: Partial<Record<SingleRole, RawCell>>;
  /** Bureau layout: the row label without `#` / `其中：`. */
  label?: { name: string; subItem: boolean; cell: RawCell };
  /** Indicator or subject named by the value group's headers. */
  prefix: string | null;
  values: Partial<Record<ValueRole, RawCell>>;
}

export type RowReading =
  | { kind: 'blank' }
  | { kind: 'note' }
  | { kind: 'total'; label: string }
  | { kind: 'data'; records: RawRecord[]; issues: Issue[] };

const VALUE_ROLES: ValueRole[] = ['valueMonth', 'valueYtd', 'value', 'yoyMonth', 'yoyYtd'];

/** Reads a data row; `isLast` marks the file's last row (a short last row means a truncated file). */
export function readRow(plan: ColumnPlan, row: SheetRow, options: { isLast?: boolean; endedWithNewline?: boolean } = {}): RowReading {
  const cells = row.cells;
  if (cells.every((c) => c.trim() === '')) return { kind: 'blank' };
  const firstText = cells.find((c) => c.trim() !== '') ?? '';
  if (isNoteText(firstText)) return { kind: 'note' };

  const issues: Issue[] = [];
  const width = plan.columns.length;
  if (cells.length < width) {
    const truncated = options.isLast && options.endedWithNewline === false;
    issues.push(
      issueError(
        truncated ? UploadIssueCode.RowTruncated : UploadIssueCode.RowFieldCount,
        truncated
          ? `最后一行不完整（只有 ${cells.length} 列，表头有 ${width} 列），文件可能在保存或传输时被截断，请重新导出`
          : `这一行只有 ${cells.length} 列，表头有 ${width} 列，请检查是否少了逗号或单元格`,
        { row: row.row },
      ),
    );
    return { kind: 'data', records: [], issues };
  }
  const extra = cells.slice(width).filter((c) => c.trim() !== '');
  if (extra.length) {
    issues.push(
      issueError(UploadIssueCode.RowFieldCount, `这一行比表头多出 ${cells.length - width} 列（多出的内容：「${extra.slice(0, 3).join('」「')}」），可能是数字里的逗号没有用引号括起来，请检查`, {
        row: row.row,
      }),
    );
    return { kind: 'data', records: [], issues };
  }

  const cellAt = (index: number): RawCell => {
    const c = plan.columns[index];
    return { text: cells[index] ?? '', column: c.header, unit: c.unit, unknownUnit: c.unknownUnit };
  };

  const single: Partial<Record<SingleRole, RawCell>> = {};
  for (const [role, index] of Object.entries(plan.single) as [SingleRole, number][]) {
    if (role === 'label') continue;
    single[role] = cellAt(index);
  }
  let label: RawRecord['label'];
  if (plan.single.label !== undefined) {
    const cell = cellAt(plan.single.label);
    const { name, subItem } = stripSubItemMarker(cell.text);
    if (isTotalText(name)) return { kind: 'total', label: name };
    label = { name, subItem, cell };
  } else {
    const nameCell = single.industryName ?? single.regionName ?? single.enterpriseName;
    if (nameCell && isTotalText(nameCell.text) && !single.industryCode && !single.regionCode && !single.creditCode) return { kind: 'total', label: nameCell.text.trim() };
  }

  const records: RawRecord[] = [];
  for (const group of plan.groups) {
    const values: Partial<Record<ValueRole, RawCell>> = {};
    for (const role of VALUE_ROLES) {
      const index = group[role];
      if (index !== undefined) values[role] = cellAt(index);
    }
    records.push({ row: row.row, cells: single, label, prefix: group.prefix, values });
  }
  if (plan.groups.length === 0) records.push({ row: row.row, cells: single, label, prefix: null, values: {} });
  return { kind: 'data', records, issues };
}
