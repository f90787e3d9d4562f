import { describe, expect, it } from 'vitest';
import { targetsCsvFixture } from '../../../../test/support/reference-index';
import { decodeCsv } from './decode-csv';
import { cellValue, parseTargetsCsv } from './parse-targets-csv';
import { TARGET_CSV_HEADER } from './target-fields';

const parseFixture = (name: string) => parseTargetsCsv(decodeCsv(targetsCsvFixture(name)).text);
const HEADER = TARGET_CSV_HEADER.join(',');

describe(parseTargetsCsv.name, () => {
  it('reads the seed format: one target per record, the line it starts on, empty cells as null', () => {
    const parsed = parseFixture('ok/two-targets.csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.dataRows).toBe(2);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(parsed.rows[0].fields).toMatchObject({
      planCode: 'xm-sei-14',
      code: 'xm-sei-14.bio-scale',
      industryCode: 'sei.bio',
      denominatorIndicatorCode: null,
      targetValue: '1500',
      baselineYear: '2020',
      note: '"产业总规模达到1500亿元"',
    });
    expect(parsed.rows[1].fields).toMatchObject({ subjectType: 'city', industryCode: null, note: null });
  });

  it('counts the lines of quoted cells that span lines and skips blank lines, so that rows are the file’s own line numbers', () => {
    const parsed = parseFixture('ok/formula-text-multiline.csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.fields.code])).toEqual([
      [2, 'xm-sei-14.formula'],
      [4, 'xm-sei-14.multiline'],
      [6, 'xm-sei-14.at-sign'],
    ]);
    expect(parsed.rows[1].fields.note).toBe('第一行\n第二行, 含逗号');
  });

  it('removes the apostrophe that defuses formula-looking text', () => {
    const parsed = parseFixture('ok/formula-text-multiline.csv');
    expect(parsed.rows[0].fields.name).toBe('=HYPERLINK("http://example.com","点我")');
    expect(parsed.rows[0].fields.note).toBe('-5 与 +3, @备注');
    expect(parsed.rows[2].fields.name).toBe('@SUM(1)');
  });

  it('reads CRLF line ends and a BOM', () => {
    const parsed = parseFixture('ok/bom-crlf.csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0].fields).toMatchObject({ kind: 'share', unit: '%', note: '比重达到25%' });
  });

  it('accepts the columns in any order, header names in any case, and trailing empty columns', () => {
    const cols = [...TARGET_CSV_HEADER].reverse();
    const row = cols.map((c) => (c === 'code' ? 'a.b' : c === 'plan_code' ? 'p' : ''));
    const parsed = parseTargetsCsv(`${cols.map((c) => c.toUpperCase()).join(',')},,\n${row.join(',')},,\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0].fields).toMatchObject({ code: 'a.b', planCode: 'p', name: null });
  });

  it('reports missing, unknown and repeated header columns on line 1 and reads no row', () => {
    const parsed = parseFixture('not-ok/missing-column.csv');
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'remark', 'unknown_column'],
      [1, 'denominator_industry_code', 'missing_column'],
      [1, 'denominator_region_code', 'missing_column'],
      [1, 'denominator_indicator_code', 'missing_column'],
      [1, 'baseline_value', 'missing_column'],
      [1, 'baseline_year', 'missing_column'],
      [1, 'baseline_scope_label', 'missing_column'],
      [1, 'source_document', 'missing_column'],
      [1, 'source_article', 'missing_column'],
      [1, 'note', 'missing_column'],
    ]);
    expect(parsed.errors[1].message).toBe('表头缺少"denominator_industry_code"（分母产业代码）列');
    expect(parseTargetsCsv(`${HEADER},code\n`).errors).toEqual([expect.objectContaining({ row: 1, column: 'code', code: 'duplicate_column' })]);
  });

  it('reports a row with too many cells and an unclosed quote, and keeps reading the good rows', () => {
    const parsed = parseFixture('not-ok/field-count-and-quote.csv');
    expect(parsed.rows.map((r) => r.line)).toEqual([2]);
    expect(parsed.dataRows).toBe(3);
    expect(parsed.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, null, 'field_count'],
      [4, null, 'csv_syntax'],
    ]);
    expect(parsed.errors[0].message).toContain('22 个单元格');
  });

  it('reports an empty file', () => {
    for (const text of ['', '\uFEFF', '\n\n', ' , ,\n']) {
      expect(parseTargetsCsv(text)).toMatchObject({ rows: [], dataRows: 0, errors: [{ row: 1, code: 'empty_file' }] });
    }
    expect(parseTargetsCsv(`\n${HEADER}\n`).errors[0]).toMatchObject({ row: 1, code: 'missing_column' });
  });

  it('reads a header without rows as no rows', () => {
    expect(parseTargetsCsv(`${HEADER}\n`)).toEqual({ rows: [], dataRows: 0, errors: [] });
  });
});

describe(cellValue.name, () => {
  it('trims, un-escapes and maps empty to null', () => {
    expect(cellValue('  sei.bio ')).toBe('sei.bio');
    expect(cellValue('   ')).toBeNull();
    expect(cellValue("'=1+1")).toBe('=1+1');
    expect(cellValue("'abc")).toBe("'abc");
    expect(cellValue("''=x")).toBe("'=x");
  });
});
