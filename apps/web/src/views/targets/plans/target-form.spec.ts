import { describe, expect, it } from 'vitest';
import type { IndustryTreeDto, TargetDto, TargetProgressDto } from '@im/contracts';
import { annualRows, emptyTargetForm, fieldErrorsOf, industryOptions, targetFormOf, targetRequestOf, targetUpdateOf } from './target-form';

const ref = (indicatorCode: string, industryCode: string | null, regionCode: string | null) => ({
  indicatorCode,
  indicatorName: indicatorCode,
  industryCode,
  industryName: industryCode,
  regionCode,
  regionName: regionCode,
});

const bio: TargetDto = {
  planCode: 'xm-sei-14',
  code: 'xm-sei-14.bio-scale',
  name: '生物医药与健康产业规模',
  subjectType: 'industry',
  numerator: ref('output', 'sei.bio', 'xm'),
  denominator: null,
  kind: 'level',
  comparator: 'gte',
  targetValue: 1500,
  targetYear: 2025,
  baselineValue: 776,
  baselineYear: 2020,
  baselineScopeLabel: null,
  unit: '亿元',
  sourceDocument: '厦门市“十四五”战略性新兴产业发展规划',
  sourceArticle: '第四章',
  note: null,
  annualTargets: [{ year: 2023, value: 1100.5, note: '市政府工作报告' }],
};

describe('targetFormOf / targetRequestOf', () => {
  it('round-trips a stored target into the same request fields, numbers as exact text', () => {
    const form = targetFormOf(bio);
    expect(form.targetValue).toBe('1500');
    expect(form.baselineValue).toBe('776');
    expect(targetRequestOf(form)).toEqual({
      code: 'xm-sei-14.bio-scale',
      name: '生物医药与健康产业规模',
      subjectType: 'industry',
      industryCode: 'sei.bio',
      regionCode: 'xm',
      indicatorCode: 'output',
      denominatorIndustryCode: null,
      denominatorRegionCode: null,
      denominatorIndicatorCode: null,
      kind: 'level',
      comparator: 'gte',
      targetValue: '1500',
      targetYear: 2025,
      baselineValue: '776',
      baselineYear: 2020,
      baselineScopeLabel: null,
      unit: '亿元',
      sourceDocument: '厦门市“十四五”战略性新兴产业发展规划',
      sourceArticle: '第四章',
      note: null,
    });
  });

  it('clears the denominator when a share target becomes a level target, and the subject fields that do not apply', () => {
    const form = { ...targetFormOf(bio), kind: 'level' as const, denominatorIndicatorCode: 'gdp', denominatorRegionCode: 'xm', subjectType: 'city' as const };
    const req = targetRequestOf(form);
    expect(req.denominatorIndicatorCode).toBeNull();
    expect(req.denominatorRegionCode).toBeNull();
    expect(req.industryCode).toBeNull();
    expect(req.regionCode).toBeNull();
  });

  it('keeps the denominator of a share target and trims text', () => {
    const form = { ...emptyTargetForm('xm-sei-14', 2025), code: ' xm-sei-14.sei-gdp ', kind: 'share' as const, subjectType: 'city' as const, indicatorCode: 'value_added', denominatorIndicatorCode: 'gdp', denominatorRegionCode: 'xm', targetValue: ' 25 ', unit: '%' };
    const req = targetRequestOf(form);
    expect(req).toMatchObject({ code: 'xm-sei-14.sei-gdp', denominatorIndicatorCode: 'gdp', denominatorRegionCode: 'xm', targetValue: '25', baselineValue: null });
  });

  it('never sends the code in an update (codes never change)', () => {
    expect(targetUpdateOf(targetFormOf(bio))).not.toHaveProperty('code');
  });
});

describe('fieldErrorsOf', () => {
  it('puts messages under the fields the form shows and the rest under general, first message per field', () => {
    const details = [
      { field: 'industryCode', code: 'unknown_industry', message: '产业代码 sei.bioo 不存在，是否为 sei.bio？' },
      { field: 'industryCode', code: 'subject_mismatch', message: '第二条' },
      { field: 'annualTargets', code: 'annual_targets_out_of_range', message: '年度目标超出范围' },
      'garbage',
    ];
    expect(fieldErrorsOf(details, new Set(['industryCode']))).toEqual({
      fields: { industryCode: '产业代码 sei.bioo 不存在，是否为 sei.bio？' },
      general: ['第二条', '年度目标超出范围'],
    });
    expect(fieldErrorsOf(undefined, new Set())).toEqual({ fields: {}, general: [] });
  });

  it('reads the fields out of a request-validation message when there are no details', () => {
    expect(fieldErrorsOf(undefined, new Set(['targetValue', 'name']), '目标值(targetValue)应为正数；单位(unit)不能为空；请求格式不正确')).toEqual({
      fields: { targetValue: '目标值应为正数' },
      general: ['单位(unit)不能为空', '请求格式不正确'],
    });
  });
});

describe('annualRows', () => {
  it('lists the years strictly between the baseline and the target year with planned, entered and actual values', () => {
    const progress = { plannedPath: [{ year: 2021, value: 887.6 }, { year: 2022, value: 1015.2 }] } as Pick<TargetProgressDto, 'plannedPath'> as TargetProgressDto;
    expect(annualRows(bio, 2021, progress, [{ year: 2020, value: 776 }, { year: 2022, value: 990 }])).toEqual([
      { year: 2021, planned: 887.6, entered: null, note: null, actual: null },
      { year: 2022, planned: 1015.2, entered: null, note: null, actual: 990 },
      { year: 2023, planned: null, entered: 1100.5, note: '市政府工作报告', actual: null },
      { year: 2024, planned: null, entered: null, note: null, actual: null },
    ]);
  });

  it('starts the year after the plan starts minus one when there is no baseline', () => {
    expect(annualRows({ ...bio, baselineYear: null, baselineValue: null }, 2021, null).map((r) => r.year)).toEqual([2021, 2022, 2023, 2024]);
  });
});

describe('industryOptions', () => {
  it('makes frameworks unselectable headings over their nodes', () => {
    const tree: IndustryTreeDto = {
      framework: { code: 'xm-sei-5x', name: '5+X', nameEn: null, description: null, source: null },
      roots: [{ code: 'sei.ngit', name: '新一代信息技术', nameEn: null, indicatorCode: 'output', leadUnit: null, responsibleUnits: null, source: null, children: [{ code: 'sei.ngit.ic', name: '集成电路', nameEn: null, indicatorCode: 'output', leadUnit: null, responsibleUnits: null, source: null, children: [] }] }],
    };
    expect(industryOptions([tree])).toEqual([
      { value: 'fw:xm-sei-5x', label: '5+X', disabled: true, children: [{ value: 'sei.ngit', label: '新一代信息技术', children: [{ value: 'sei.ngit.ic', label: '集成电路', children: undefined }] }] },
    ]);
  });
});
