import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTargetsCsv } from './parse-targets-csv';
import { UTF8_BOM } from '@im/domain';
import { serializeTargetsCsv } from './serialize-targets-csv';
import { TARGET_CSV_HEADER, TARGET_FIELDS, targetFields, type TargetFields } from './target-fields';

const row = (values: Partial<TargetFields>) =>
  targetFields({ planCode: 'xm-sei-14', code: 'xm-sei-14.x', name: '名称', subjectType: 'city', indicatorCode: 'hnte_count', kind: 'count', comparator: 'gte', targetValue: '3500', targetYear: '2025', unit: '家', ...values });

describe(serializeTargetsCsv.name, () => {
  it('writes a BOM, the seed header and LF lines; numbers stay numbers, formula-looking text is defused', () => {
    const csv = serializeTargetsCsv([row({ name: '=cmd|calc', note: '-5, 见"说明"', targetValue: '3.5', baselineValue: '2282', baselineYear: '2020' })]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const lines = csv.slice(1).split('\n');
    expect(lines[0]).toBe(TARGET_CSV_HEADER.join(','));
    expect(lines[1]).toBe(`xm-sei-14,xm-sei-14.x,'=cmd|calc,city,,,hnte_count,,,,count,gte,3.5,2025,2282,2020,,家,,,"'-5, 见""说明"""`);
    expect(lines[2]).toBe('');
    expect(lines).toHaveLength(3);
  });

  it('writes only the header for no targets', () => {
    expect(serializeTargetsCsv([])).toBe(`${UTF8_BOM}${TARGET_CSV_HEADER.join(',')}\n`);
  });

  it('is read back to the same fields by parseTargetsCsv (any text without CR or surrounding blanks)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '甲', ',', '"', "'", '=', '+', '-', '@', '\n', '\t', ' ', '1') }).map((s) => s.trim() || null);
    fc.assert(
      fc.property(fc.array(fc.record({ name: text, note: text, sourceArticle: text, baselineScopeLabel: text }), { maxLength: 5 }), (values) => {
        const rows = values.map((v, i) => row({ ...v, code: `c${i}` }));
        const parsed = parseTargetsCsv(serializeTargetsCsv(rows));
        expect(parsed.errors).toEqual([]);
        expect(parsed.rows.map((r) => r.fields)).toEqual(rows.map((r) => Object.fromEntries(TARGET_FIELDS.map((f) => [f, r[f]]))));
      }),
    );
  });
});
