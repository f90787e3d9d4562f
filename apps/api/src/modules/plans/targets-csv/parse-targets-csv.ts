import Papa from 'papaparse';
import type { TargetImportErrorDto } from '@im/contracts';
import { TARGET_COLUMNS, TARGET_CSV_HEADER, TARGET_FIELDS, type TargetField, type TargetFields } from './target-fields';
import { undefuseCell } from '@im/domain';

export interface ParsedTargetRow {
  /** Line of the file the record starts on (the header is line 1). */
  line: number;
  fields: TargetFields;
}

export interface ParsedTargetsCsv {
  rows: ParsedTargetRow[];
  /** Non-blank records after the header (valid or not). */
  dataRows: number;
  /** Problems of the file's structure (header, quoting, number of cells); rows listed here are not in `rows`. */
  errors: TargetImportErrorDto[];
}

const COLUMN_TO_FIELD = new Map<string, TargetField>(TARGET_FIELDS.map((f) => [TARGET_COLUMNS[f].column, f]));

/** A cell as stored: trimmed, un-escaped (see formula-escape.ts), empty → null. */
export function cellValue(raw: string): string | null {
  const value = undefuseCell(raw.trim()).trim();
  return value === '' ? null : value;
}

/**
 * Reads the text of a targets file in the format of seeds/reference/targets.csv: a header line with
 * the 21 column names (any order), then one target per record (RFC 4180 quoting, comma, LF or CRLF).
 * Blank lines are skipped. Every record keeps the file line it starts on, so that a clerk can find it.
 */
export function parseTargetsCsv(text: string): ParsedTargetsCsv {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records: { line: number; cells: string[]; syntaxError: string | null }[] = [];
  let line = 1;
  let start = 0;
  Papa.parse<string[]>(normalized, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor;
      const syntax = result.errors.find((e) => e.type === 'Quotes');
      records.push({ line, cells: result.data, syntaxError: syntax ? syntax.code : null });
      for (let i = start; i < end && i < normalized.length; i++) if (normalized.charCodeAt(i) === 10) line++;
      start = end;
    },
  });

  const errors: TargetImportErrorDto[] = [];
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) {
    return { rows: [], dataRows: 0, errors: [{ row: 1, column: null, code: 'empty_file', message: `文件是空的：第 1 行应为表头 ${TARGET_CSV_HEADER.join(',')}` }] };
  }

  const dataRows = records.slice(1).filter((r) => r.cells.some((c) => c.trim() !== '')).length;
  const header = records[0];
  if (header.cells.every((c) => c.trim() === '')) {
    errors.push({ row: 1, column: null, code: 'missing_column', message: `第 1 行应为表头（${TARGET_CSV_HEADER.join(',')}），不能为空行` });
    return { rows: [], dataRows, errors };
  }
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const positions = new Map<TargetField, number>();
  names.forEach((name, index) => {
    if (name === '') return; // trailing empty header cells (Excel leaves them) are ignored
    const field = COLUMN_TO_FIELD.get(name);
    if (!field) {
      errors.push({ row: 1, column: header.cells[index].trim(), code: 'unknown_column', message: `表头中的"${header.cells[index].trim()}"不是目标文件的列，请使用模板的表头` });
    } else if (positions.has(field)) {
      errors.push({ row: 1, column: name, code: 'duplicate_column', message: `表头中"${name}"列出现了不止一次` });
    } else positions.set(field, index);
  });
  const missing = TARGET_FIELDS.filter((f) => !positions.has(f));
  for (const f of missing) {
    errors.push({ row: 1, column: TARGET_COLUMNS[f].column, code: 'missing_column', message: `表头缺少"${TARGET_COLUMNS[f].column}"（${TARGET_COLUMNS[f].label}）列` });
  }
  if (errors.length) return { rows: [], dataRows, errors };

  const width = header.cells.length;
  const rows: ParsedTargetRow[] = [];
  for (const record of records.slice(1)) {
    if (record.cells.every((c) => c.trim() === '')) continue;
    if (record.syntaxError) {
      errors.push({
        row: record.line,
        column: null,
        code: 'csv_syntax',
        message: record.syntaxError === 'MissingQuotes' ? '这一行的引号没有闭合（单元格以 " 开头却没有以 " 结束），之后的内容无法读取' : '这一行的引号用法不正确：单元格内的 " 要写成 ""',
      });
      continue;
    }
    // Strict: a misplaced comma shifts every later cell into the wrong column.
    if (record.cells.length !== width) {
      errors.push({
        row: record.line,
        column: null,
        code: 'field_count',
        message: `这一行有 ${record.cells.length} 个单元格，表头有 ${width} 列：请检查是否多了或少了逗号（含逗号的内容要用英文双引号括起来）`,
      });
      continue;
    }
    const fields = {} as TargetFields;
    for (const f of TARGET_FIELDS) fields[f] = cellValue(record.cells[positions.get(f)!]);
    rows.push({ line: record.line, fields });
  }
  return { rows, dataRows, errors };
}
