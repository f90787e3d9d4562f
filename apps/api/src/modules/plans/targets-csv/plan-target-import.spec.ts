import { describe, expect, it } from 'vitest';
import { SEED_PLAN, seedReferenceIndex, targetsCsvFixture } from '../../../../test/support/reference-index';
import { decodeCsv } from './decode-csv';
import { parseTargetsCsv } from './parse-targets-csv';
import { planTargetImport, type ExistingTarget } from './plan-target-import';
import type { TargetValidationContext } from './validate-target';

const ctx: TargetValidationContext = { plan: SEED_PLAN, refs: seedReferenceIndex() };
const parse = (name: string) => parseTargetsCsv(decodeCsv(targetsCsvFixture(name)).text);
const importInto = (name: string, existing: ExistingTarget[] = []) => planTargetImport(parse(name), existing, ctx);
const brief = (name: string) => importInto(name).errors.map((e) => [e.row, e.column, e.code]);

/** What the golden files in apps/api/test/fixtures/targets-csv/not-ok must be refused with. */
const NOT_OK: Record<string, (string | number | null)[][]> = {
  'bad-kind.csv': [
    [2, 'kind', 'invalid_kind'],
    // 数量 is an accepted alias of count: the second row is valid.
  ],
  'unknown-industry.csv': [
    [2, 'industry_code', 'unknown_industry'],
    [3, 'industry_code', 'unknown_industry'],
    [3, 'region_code', 'unknown_region'],
  ],
  'share-without-denominator.csv': [
    [2, 'denominator_indicator_code', 'denominator_required'],
    [2, 'denominator_region_code', 'denominator_required'],
    [3, 'denominator_region_code', 'denominator_not_allowed'],
    [3, 'denominator_indicator_code', 'denominator_not_allowed'],
  ],
  'duplicate-code.csv': [[4, 'code', 'duplicate_code']],
  'field-count-and-quote.csv': [
    [3, null, 'field_count'],
    [4, null, 'csv_syntax'],
  ],
  'values-and-years.csv': [
    [2, 'target_value', 'not_positive'],
    [2, 'baseline_year', 'baseline_year_not_before_target'],
    [3, 'target_value', 'too_many_decimals'],
    [3, 'target_year', 'target_year_before_plan'],
    [3, 'baseline_value', 'baseline_incomplete'],
    [3, 'unit', 'unit_mismatch'],
    [4, 'plan_code', 'plan_mismatch'],
    [4, 'target_value', 'invalid_number'],
    [4, 'target_year', 'invalid_year'],
    [4, 'region_code', 'subject_mismatch'],
  ],
};

describe(planTargetImport.name, () => {
  it.each(Object.entries(NOT_OK))('refuses not-ok/%s with every error at its line and column', (file, expected) => {
    expect(brief(`not-ok/${file}`)).toEqual(expected);
  });

  it('writes messages a clerk understands, with suggestions for unknown codes', () => {
    const errors = importInto('not-ok/unknown-industry.csv').errors;
    expect(errors[0].message).toBe('未知的产业代码"sei.bioo"，您要找的是不是：sei.bio（生物医药与健康）？');
    expect(errors[1].message).toContain('sei.ngit.ic（集成电路）');
    expect(errors[2].message).toContain('xm.haicang（海沧区）');
    expect(importInto('not-ok/duplicate-code.csv').errors[0].message).toBe('目标代码"xm-sei-14.hnte"在第 2 行已经出现过：同一文件中目标代码不能重复');
    expect(importInto('not-ok/bad-kind.csv').errors[0].message).toBe('目标类型(kind)应为 level（规模水平）、share（比重）或 count（数量），而不是"levle"');
  });

  it('refuses a header that is not the targets format', () => {
    expect(brief('not-ok/missing-column.csv')[0]).toEqual([1, 'remark', 'unknown_column']);
  });

  it.each(['ok/two-targets.csv', 'ok/bom-crlf.csv', 'ok/gbk.csv', 'ok/formula-text-multiline.csv'])('accepts %s: every row a new target', (file) => {
    const plan = importInto(file);
    expect(plan.errors).toEqual([]);
    expect(plan.rows.every((r) => r.action === 'insert')).toBe(true);
    expect(plan.inserts.length).toBe(parse(file).rows.length);
  });

  it('compares with the stored targets: unchanged, updated (old → new) or new; lists stored targets not in the file', () => {
    const parsed = parse('ok/two-targets.csv');
    const [bio, hnte] = planTargetImport(parsed, [], ctx).inserts.map((i) => i.target);
    const existing: ExistingTarget[] = [
      { id: 1, fields: { ...bio.fields, targetValue: '1400', note: null }, annualYears: [2022] },
      { id: 2, fields: hnte.fields, annualYears: [] },
      { id: 3, fields: { ...hnte.fields, code: 'xm-sei-14.other' }, annualYears: [] },
    ];
    const plan = planTargetImport(parsed, existing, ctx);
    expect(plan.errors).toEqual([]);
    expect(plan.inserts).toEqual([]);
    expect(plan.updates.map((u) => [u.id, u.changed])).toEqual([[1, ['targetValue', 'note']]]);
    expect(plan.rows).toEqual([
      {
        row: 2,
        code: 'xm-sei-14.bio-scale',
        action: 'update',
        changes: [
          { column: 'target_value', from: '1400', to: '1500' },
          { column: 'note', from: null, to: '"产业总规模达到1500亿元"' },
        ],
      },
      { row: 3, code: 'xm-sei-14.hnte', action: 'unchanged', changes: [] },
    ]);
    expect(plan.notInFile).toEqual(['xm-sei-14.other']);
  });

  it('refuses a change of years that would leave stored annual targets outside them', () => {
    const parsed = parse('ok/two-targets.csv');
    const bio = planTargetImport(parsed, [], ctx).inserts[0].target;
    const plan = planTargetImport(parsed, [{ id: 1, fields: { ...bio.fields, baselineYear: '2018' }, annualYears: [2019, 2024] }], ctx);
    expect(plan.errors).toEqual([
      {
        row: 2,
        column: 'baseline_year',
        code: 'annual_targets_out_of_range',
        message: '目标"xm-sei-14.bio-scale"已录入 2019 年的年度目标，按新的基期/目标年份只允许 2021–2024 年的年度目标：请先删除这些年度目标再修改年份',
      },
    ]);
  });
});
