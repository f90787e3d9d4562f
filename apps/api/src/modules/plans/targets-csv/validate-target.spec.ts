import { describe, expect, it } from 'vitest';
import { readReferenceCsv } from '@im/seeds';
import { SEED_PLAN, seedReferenceIndex } from '../../../../test/support/reference-index';
import { TARGET_COLUMNS, TARGET_FIELDS, targetFields, type TargetFields } from './target-fields';
import { annualYearRange, checkPositiveDecimal, validateTarget, type TargetValidationContext } from './validate-target';

const ctx: TargetValidationContext = { plan: SEED_PLAN, refs: seedReferenceIndex() };

/** The seed targets as TargetFields (the CSV's columns → fields). */
const seedTargets: TargetFields[] = readReferenceCsv('targets').map((r) => targetFields(Object.fromEntries(TARGET_FIELDS.map((f) => [f, r[TARGET_COLUMNS[f].column] || null]))));
const seed = (code: string, changes: Partial<TargetFields> = {}): TargetFields => ({ ...seedTargets.find((t) => t.code === `xm-sei-14.${code}`)!, ...changes });

function errorsOf(fields: TargetFields): string[] {
  const result = validateTarget(fields, ctx);
  return result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`);
}

describe(validateTarget.name, () => {
  it('accepts every target of the seeds as it is (its text form is already canonical)', () => {
    expect(seedTargets).toHaveLength(13);
    for (const fields of seedTargets) {
      const result = validateTarget(fields, ctx);
      expect(result.ok ? [] : result.errors, fields.code!).toEqual([]);
      if (result.ok) expect(result.target.fields).toEqual(fields);
    }
  });

  it('resolves codes to ids and keeps values as exact decimal strings', () => {
    const result = validateTarget(seed('rd-intensity'), ctx);
    if (!result.ok) throw new Error('expected valid');
    const { indicators, regions } = ctx.refs;
    expect(result.target.values).toMatchObject({
      subjectType: 'city',
      industryNodeId: null,
      regionId: regions.get('xm')!.id,
      indicatorId: indicators.get('rd_expenditure')!.id,
      denominatorRegionId: regions.get('xm')!.id,
      denominatorIndicatorId: indicators.get('gdp')!.id,
      kind: 'share',
      targetValue: '3.5',
      targetYear: 2025,
      baselineValue: null,
    });
  });

  it('normalizes what clerks write: aliases, thousands separators, trailing zeros, code case', () => {
    const result = validateTarget(seed('bio-scale', { kind: '规模', comparator: '达到', subjectType: '产业', targetValue: '1,500.00', baselineYear: '2020年', industryCode: 'SEI.BIO' }), ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.target.fields).toMatchObject({ kind: 'level', comparator: 'gte', subjectType: 'industry', targetValue: '1500', baselineYear: '2020', industryCode: 'sei.bio' });
    expect(validateTarget(seed('hnte', { comparator: null }), ctx)).toMatchObject({ ok: true, target: { values: { comparator: 'gte' } } });
  });

  it('needs the required fields', () => {
    const empty = targetFields({ planCode: 'xm-sei-14' });
    expect(errorsOf(empty)).toEqual(['code:required', 'name:required', 'subjectType:required', 'indicatorCode:required', 'kind:required', 'targetValue:required', 'targetYear:required', 'unit:required']);
  });

  it('refuses bad enumerations, codes and lengths', () => {
    expect(errorsOf(seed('bio-scale', { kind: 'levle' }))).toEqual(['kind:invalid_kind']);
    expect(errorsOf(seed('bio-scale', { comparator: 'lt' }))).toEqual(['comparator:invalid_comparator']);
    expect(errorsOf(seed('bio-scale', { subjectType: 'park' }))).toEqual(['subjectType:invalid_subject_type']);
    expect(errorsOf(seed('bio-scale', { code: 'Bio Scale' }))).toEqual(['code:invalid_code']);
    expect(errorsOf(seed('bio-scale', { name: '字'.repeat(201) }))).toEqual(['name:too_long']);
    expect(errorsOf(seed('bio-scale', { planCode: 'xm-sei-15' }))).toEqual(['planCode:plan_mismatch']);
  });

  it('reports an unknown code with the closest known codes and names', () => {
    const result = validateTarget(seed('marine-scale', { industryCode: 'sei.marin', regionCode: '海沧', indicatorCode: 'outptu' }), ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['industryCode:unknown_industry', 'regionCode:unknown_region', 'indicatorCode:unknown_indicator']);
    expect(result.errors[0].message).toBe('未知的产业代码"sei.marin"，您要找的是不是：sei.marine（海洋高新）、sei.marine.biotech（海洋生物科技）、sei.marine.services（海洋新兴服务）？');
    expect(result.errors[1].message).toContain('xm.haicang（海沧区）');
    expect(result.errors[2].message).toContain('output（产值）');
    const none = validateTarget(seed('bio-scale', { industryCode: 'qqqqqqqq' }), ctx);
    expect(none.ok ? '' : none.errors[0].message).toBe('未知的产业代码"qqqqqqqq"，请在“产业体系”中查找正确的代码');
  });

  it('checks that the subject type fits the codes', () => {
    expect(errorsOf(seed('hnte', { industryCode: 'sei.bio' }))).toEqual(['industryCode:subject_mismatch']);
    expect(errorsOf(seed('hnte', { regionCode: 'xm.huli' }))).toEqual(['regionCode:subject_mismatch']);
    expect(errorsOf(seed('hnte', { regionCode: null }))).toEqual([]);
    expect(errorsOf(seed('bio-scale', { industryCode: null }))).toEqual(['industryCode:required']);
    expect(errorsOf(seed('bio-scale', { regionCode: 'xm.huli' }))).toEqual([]);
    expect(errorsOf(seed('hnte', { subjectType: 'region', regionCode: 'xm.huli' }))).toEqual([]);
    expect(errorsOf(seed('hnte', { subjectType: 'region' }))).toEqual(['regionCode:subject_mismatch']);
    expect(errorsOf(seed('hnte', { subjectType: 'region', regionCode: null }))).toEqual(['regionCode:required']);
    expect(errorsOf(seed('bio-scale', { subjectType: 'region', regionCode: 'xm.huli' }))).toEqual(['industryCode:subject_mismatch']);
  });

  it('needs a denominator (indicator and subject) and the unit % for share targets, and none for level and count', () => {
    expect(errorsOf(seed('sei-va-share-gdp', { denominatorIndicatorCode: null }))).toEqual(['denominatorIndicatorCode:denominator_required']);
    expect(errorsOf(seed('sei-va-share-gdp', { denominatorRegionCode: null }))).toEqual(['denominatorRegionCode:denominator_required']);
    expect(errorsOf(seed('sei-va-share-gdp', { denominatorRegionCode: null, denominatorIndustryCode: 'gb.agg.above-scale' }))).toEqual([]);
    expect(errorsOf(seed('sei-va-share-gdp', { unit: '亿元' }))).toEqual(['unit:unit_mismatch']);
    expect(errorsOf(seed('ngit-scale', { denominatorRegionCode: 'xm', denominatorIndicatorCode: 'gdp' }))).toEqual([
      'denominatorRegionCode:denominator_not_allowed',
      'denominatorIndicatorCode:denominator_not_allowed',
    ]);
    expect(errorsOf(seed('hnte', { denominatorIndustryCode: 'sei.bio' }))).toEqual(['denominatorIndustryCode:denominator_not_allowed']);
  });

  it('needs a unit the indicator converts to, and a stock indicator for count targets', () => {
    expect(errorsOf(seed('ngit-scale', { unit: '万元' }))).toEqual([]);
    expect(errorsOf(seed('ngit-scale', { unit: '家' }))).toEqual(['unit:unit_mismatch']);
    expect(errorsOf(seed('hnte', { unit: '个' }))).toEqual(['unit:unit_mismatch']);
    expect(errorsOf(seed('hnte', { indicatorCode: 'output', unit: '亿元' }))).toEqual(['indicatorCode:indicator_kind_mismatch']);
  });

  it('checks values and years', () => {
    expect(errorsOf(seed('bio-scale', { targetValue: '0' }))).toEqual(['targetValue:not_positive']);
    expect(errorsOf(seed('bio-scale', { targetValue: '1500.12345' }))).toEqual(['targetValue:too_many_decimals']);
    expect(errorsOf(seed('bio-scale', { targetValue: '1e3' }))).toEqual(['targetValue:invalid_number']);
    expect(errorsOf(seed('bio-scale', { baselineValue: '—' }))).toEqual(['baselineValue:invalid_number']);
    expect(errorsOf(seed('bio-scale', { targetValue: '25%' }))).toEqual(['targetValue:invalid_number']);
    expect(errorsOf(seed('sei-va-share-gdp', { targetValue: '25%' }))).toEqual([]);
    expect(errorsOf(seed('bio-scale', { targetYear: '25' }))).toEqual(['targetYear:invalid_year']);
    expect(errorsOf(seed('bio-scale', { targetYear: '2020', baselineYear: '2019' }))).toEqual(['targetYear:target_year_before_plan']);
    expect(errorsOf(seed('bio-scale', { targetYear: '2030' }))).toEqual([]);
    expect(errorsOf(seed('bio-scale', { baselineYear: '2025' }))).toEqual(['baselineYear:baseline_year_not_before_target']);
    expect(errorsOf(seed('bio-scale', { baselineYear: null }))).toEqual(['baselineYear:baseline_incomplete']);
    expect(errorsOf(seed('bio-scale', { baselineValue: null }))).toEqual(['baselineValue:baseline_incomplete']);
    expect(errorsOf(seed('bio-scale', { baselineValue: null, baselineYear: null }))).toEqual(['baselineScopeLabel:baseline_incomplete']);
  });
});

describe(checkPositiveDecimal.name, () => {
  it('gives the canonical decimal of a positive number that fits DECIMAL(15,4)', () => {
    expect(checkPositiveDecimal(null, '７０００', 'v').value).toBe('7000');
    expect(checkPositiveDecimal(null, '0.0001', 'v').value).toBe('0.0001');
    expect(checkPositiveDecimal(null, '99999999999.9999', 'v').value).toBe('99999999999.9999');
    expect(checkPositiveDecimal(null, '100000000000', 'v').error?.code).toBe('too_large');
    expect(checkPositiveDecimal(null, '-1', 'v').error?.code).toBe('not_positive');
    expect(checkPositiveDecimal(null, 'abc', 'v').error?.code).toBe('invalid_number');
  });
});

describe(annualYearRange.name, () => {
  it('is strictly between the baseline year (or the plan start − 1) and the target year', () => {
    expect(annualYearRange({ baselineYear: 2020, targetYear: 2025 }, SEED_PLAN)).toEqual({ from: 2021, to: 2024 });
    expect(annualYearRange({ baselineYear: null, targetYear: 2025 }, SEED_PLAN)).toEqual({ from: 2021, to: 2024 });
    expect(annualYearRange({ baselineYear: 2024, targetYear: 2025 }, SEED_PLAN)).toEqual({ from: 2025, to: 2024 });
  });
});
